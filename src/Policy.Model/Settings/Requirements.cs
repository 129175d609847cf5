using System;

namespace Policy.Model.Settings
{
    /// <summary>Governance declarations a policy can require of an AI system.</summary>
    [Flags]
    public enum Requirements
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>[HumanOversight] (POL002).</summary>
        HumanOversight = 1,

        /// <summary>[BiasEvaluation] (POL003).</summary>
        BiasEvaluation = 2,

        /// <summary>[ExplainabilityRecord] (POL005).</summary>
        Explainability = 4,

        /// <summary>[ImpactAssessment] (POL006).</summary>
        ImpactAssessment = 8,

        /// <summary>[DataProvenance] on the system's types or members (POL013).</summary>
        DataProvenance = 16,
    }
}
