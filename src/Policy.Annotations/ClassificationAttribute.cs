using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Classifies data held by a type, member, parameter or return value. A member inherits its type's classification
    /// unless it has its own.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 27001:2022 5.12 (classification of information) and 5.13 (labelling), 5.34 (PII) for
    /// <see cref="DataClass.Personal"/> and <see cref="DataClass.SensitivePersonal"/>; ISO/IEC 42001 A.7.2 and A.4.3.
    /// Unclassified data reaching an AI system is reported by POL010; personal data reaching a system that does not
    /// declare <see cref="AiSystemAttribute.ProcessesPersonalData"/> by POL011.
    /// </remarks>
    /// <example><code>[Classification(DataClass.Personal)] public string? FullName { get; set; }</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field |
        AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = true)]
    public sealed class ClassificationAttribute : Attribute
    {
        /// <summary>Classifies the data.</summary>
        /// <param name="dataClass">The data class.</param>
        public ClassificationAttribute(DataClass dataClass)
        {
            DataClass = dataClass;
        }

        /// <summary>The data class.</summary>
        public DataClass DataClass { get; }
    }
}
