namespace Policy.Annotations
{
    /// <summary>
    /// Risk tier of an AI system, as decided by the organisation's AI risk assessment
    /// (ISO/IEC 42001 clause 6.1 and A.5; EU AI Act Articles 5, 6 and 9).
    /// The policy in force derives the required declarations from this level.
    /// </summary>
    public enum AiRiskLevel
    {
        /// <summary>Not yet assessed. Reported by POL007: every system needs a decided risk level.</summary>
        Unspecified = 0,

        /// <summary>Minimal risk (for example spam filtering or internal search ranking).</summary>
        Minimal = 1,

        /// <summary>Limited risk: transparency obligations apply (EU AI Act Article 50, for example chatbots).</summary>
        Limited = 2,

        /// <summary>High risk (EU AI Act Article 6 and Annex III, for example credit scoring or hiring): needs human
        /// oversight, a bias evaluation, an impact assessment and explainability under the default policy.</summary>
        High = 3,

        /// <summary>A prohibited practice (EU AI Act Article 5). Reported by POL012 as an error: it must not ship.</summary>
        Prohibited = 4,
    }

    /// <summary>
    /// How humans oversee an AI system (EU AI Act Article 14; ISO/IEC 42001 A.9.2 and A.6.2.6).
    /// </summary>
    public enum OversightMode
    {
        /// <summary>A human approves every decision before it takes effect.</summary>
        HumanInTheLoop = 0,

        /// <summary>Decisions take effect automatically; a human monitors and can intervene or reverse them.</summary>
        HumanOnTheLoop = 1,

        /// <summary>A human decides when and whether the system is used at all and can override it at any time.</summary>
        HumanInCommand = 2,
    }

    /// <summary>
    /// Information classification of data (ISO/IEC 27001:2022 Annex A 5.12 and 5.13; personal data: 5.34).
    /// </summary>
    public enum DataClass
    {
        /// <summary>Intended for anyone; no restriction.</summary>
        Public = 0,

        /// <summary>For use inside the organisation.</summary>
        Internal = 1,

        /// <summary>Restricted to named groups; disclosure would harm the organisation.</summary>
        Confidential = 2,

        /// <summary>Highest business sensitivity (secrets, keys, unreleased financials).</summary>
        Restricted = 3,

        /// <summary>Personal data / PII (GDPR Article 4(1)). An AI system that receives it must declare
        /// <see cref="AiSystemAttribute.ProcessesPersonalData"/> (POL011).</summary>
        Personal = 4,

        /// <summary>Special-category personal data (GDPR Article 9: health, ethnicity, beliefs, biometrics, ...).</summary>
        SensitivePersonal = 5,
    }
}
