using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares how the AI system's decisions are explained and where the explanations are kept, so that a person
    /// affected by a decision can be given the reasons.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.8.2 (information for users) and A.6.2.8 (event logs); ISO/IEC 27001:2022 8.15
    /// (logging); EU AI Act Articles 12 and 13; NIST AI RMF MEASURE 2.9. Required (POL007): <see cref="Method"/>
    /// and <see cref="Store"/>. Required for systems that make automated decisions and, by default, high-risk
    /// systems (POL005).
    /// </remarks>
    /// <example><code>[ExplainabilityRecord(Method = "SHAP feature contributions", Store = "table: decisions.explanations")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly | AttributeTargets.Method,
        AllowMultiple = true, Inherited = false)]
    public sealed class ExplainabilityRecordAttribute : Attribute
    {
        /// <summary>How explanations are produced (for example "SHAP feature contributions", "retrieved sources cited"). Required.</summary>
        public string? Method { get; set; }

        /// <summary>Where each explanation is recorded (a table, log stream or store). Required.</summary>
        public string? Store { get; set; }
    }
}
