namespace Policy.Model.Declarations
{
    /// <summary>Mirror of Policy.Annotations.AiRiskLevel (same names and values; a test keeps them equal).</summary>
    public enum RiskLevel
    {
        /// <summary>Not assessed.</summary>
        Unspecified = 0,

        /// <summary>Minimal.</summary>
        Minimal = 1,

        /// <summary>Limited.</summary>
        Limited = 2,

        /// <summary>High.</summary>
        High = 3,

        /// <summary>Prohibited.</summary>
        Prohibited = 4,
    }

    /// <summary>Mirror of Policy.Annotations.DataClass (same names and values; a test keeps them equal).</summary>
    public enum DataClassification
    {
        /// <summary>Public.</summary>
        Public = 0,

        /// <summary>Internal.</summary>
        Internal = 1,

        /// <summary>Confidential.</summary>
        Confidential = 2,

        /// <summary>Restricted.</summary>
        Restricted = 3,

        /// <summary>Personal data.</summary>
        Personal = 4,

        /// <summary>Special-category personal data.</summary>
        SensitivePersonal = 5,
    }
}
