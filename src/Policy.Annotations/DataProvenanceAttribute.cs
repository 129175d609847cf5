using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares where data used by an AI system comes from (training, fine-tuning, retrieval or prompt context).
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.7.3 (acquisition of data), A.7.4 (data quality) and A.7.5 (data provenance),
    /// A.4.3 (data resources); EU AI Act Article 10. Required (POL007): the source.
    /// </remarks>
    /// <example><code>[DataProvenance("Core banking ledger export", License = "internal", AcquiredOn = "2026-01-31")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter,
        AllowMultiple = true, Inherited = false)]
    public sealed class DataProvenanceAttribute : Attribute
    {
        /// <summary>Declares the data's origin.</summary>
        /// <param name="source">The data source (system, dataset name, supplier). Required.</param>
        public DataProvenanceAttribute(string source)
        {
            Source = source;
        }

        /// <summary>The data source.</summary>
        public string Source { get; }

        /// <summary>Licence or legal basis under which the data is used.</summary>
        public string? License { get; set; }

        /// <summary>When the data was acquired, ISO <c>yyyy-MM-dd</c>.</summary>
        public string? AcquiredOn { get; set; }
    }
}
