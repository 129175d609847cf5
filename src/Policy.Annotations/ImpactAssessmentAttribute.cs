using System;

namespace Policy.Annotations
{
    /// <summary>
    /// References the AI system impact assessment (and, where it applies, the GDPR data protection impact assessment
    /// or the EU AI Act fundamental rights impact assessment).
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.5.2, A.5.3, A.5.4 and A.5.5; EU AI Act Articles 9 and 27. Required (POL007):
    /// <see cref="Reference"/> and a valid <see cref="AssessedOn"/>. Required for high-risk systems (POL006).
    /// </remarks>
    /// <example><code>[ImpactAssessment(Reference = "docs/assessments/underwriting-aiia.md", AssessedOn = "2026-08-14")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class ImpactAssessmentAttribute : Attribute
    {
        /// <summary>Where the assessment is: a repository-relative path or a document id. Required.</summary>
        public string? Reference { get; set; }

        /// <summary>Date of the assessment, ISO <c>yyyy-MM-dd</c>. Required.</summary>
        public string? AssessedOn { get; set; }
    }
}
