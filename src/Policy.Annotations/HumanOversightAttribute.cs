using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares how humans oversee the AI system: who, in which mode, following which procedure.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.9.2 (processes for responsible use) and A.6.2.6 (operation and monitoring);
    /// ISO/IEC 27001:2022 8.16 (monitoring); EU AI Act Article 14; NIST AI RMF MAP 3.5. Required (POL007):
    /// <see cref="Role"/>. Required by the default policy for high-risk systems and systems that make automated
    /// decisions (POL002).
    /// </remarks>
    /// <example><code>[HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer", Procedure = "docs/procedures/loan-review.md")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly | AttributeTargets.Method,
        AllowMultiple = true, Inherited = false)]
    public sealed class HumanOversightAttribute : Attribute
    {
        /// <summary>Declares human oversight.</summary>
        /// <param name="mode">In the loop, on the loop, or in command.</param>
        public HumanOversightAttribute(OversightMode mode)
        {
            Mode = mode;
        }

        /// <summary>The oversight mode.</summary>
        public OversightMode Mode { get; }

        /// <summary>The role that oversees (for example "Credit officer"), not a person's name. Required.</summary>
        public string? Role { get; set; }

        /// <summary>Where the oversight procedure is documented: a repository-relative path or a document id.</summary>
        public string? Procedure { get; set; }
    }
}
