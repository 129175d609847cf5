using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Marks a type as part of an AI system declared elsewhere with <see cref="AiSystemAttribute"/>, in the same or a
    /// referenced assembly. Governance declarations on a component count for its system.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.4.2 and A.6.2.3 (documentation of design and development); ISO/IEC 27001:2022 5.9.
    /// A system id that is declared nowhere is reported by POL009.
    /// </remarks>
    /// <example><code>[AiComponent("loan-underwriting")] public sealed class RiskFeatureExtractor { }</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
    public sealed class AiComponentAttribute : Attribute
    {
        /// <summary>Links this type to an AI system.</summary>
        /// <param name="systemId">The id given in the system's <see cref="AiSystemAttribute"/>.</param>
        public AiComponentAttribute(string systemId)
        {
            SystemId = systemId;
        }

        /// <summary>The id of the AI system this type belongs to.</summary>
        public string SystemId { get; }
    }
}
