using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Records that the AI system was evaluated for bias: where the report is, when, and over which protected attributes.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.6.2.4 (verification and validation), A.5.4 (impact on individuals and groups) and
    /// A.7.4 (data quality); EU AI Act Article 10; NIST AI RMF MEASURE 2.11. Required (POL007): <see cref="Report"/> and a
    /// valid <see cref="EvaluatedOn"/>. Evaluations older than the policy's maximum age are reported by POL004.
    /// </remarks>
    /// <example><code>[BiasEvaluation(Report = "docs/evaluations/underwriting-2026q3.pdf", EvaluatedOn = "2026-09-30",
    ///     ProtectedAttributes = new[] { "age", "sex", "ethnicity" })]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class BiasEvaluationAttribute : Attribute
    {
        /// <summary>Where the evaluation report is: a repository-relative path or a document id. Required.</summary>
        public string? Report { get; set; }

        /// <summary>Date of the evaluation, ISO <c>yyyy-MM-dd</c>. Required.</summary>
        public string? EvaluatedOn { get; set; }

        /// <summary>The protected attributes evaluated (for example "age", "sex", "ethnicity").</summary>
        public string[]? ProtectedAttributes { get; set; }
    }
}
