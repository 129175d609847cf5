using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares an AI system: an entry of the organisation's AI system inventory.
    /// Put it on the type that is the system's entry point (or on the assembly when the whole assembly is one system);
    /// link further types with <see cref="AiComponentAttribute"/>.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 A.4.2 (resource documentation), A.6.2.2 (requirements and specification), A.9.4
    /// (intended use), A.3.2 (roles and responsibilities, through <see cref="Owner"/>); ISO/IEC 27001:2022 5.9
    /// (inventory of information and other associated assets); EU AI Act Articles 9 and 11; NIST AI RMF GOVERN 1.6
    /// and MAP 1.1. Required values (POL007): <see cref="Purpose"/>, <see cref="Owner"/> and a
    /// <see cref="RiskLevel"/> other than <see cref="AiRiskLevel.Unspecified"/>.
    /// </remarks>
    /// <example><code>
    /// [AiSystem("loan-underwriting", Name = "Loan underwriting assistant", Owner = "credit-risk@contoso.com",
    ///     Purpose = "Recommends approve/decline for consumer loan applications", RiskLevel = AiRiskLevel.High,
    ///     AutomatedDecisions = true, ProcessesPersonalData = true)]
    /// public sealed class UnderwritingService { }
    /// </code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class AiSystemAttribute : Attribute
    {
        /// <summary>Declares an AI system.</summary>
        /// <param name="id">Stable, unique inventory id, for example <c>loan-underwriting</c> (kebab-case recommended).
        /// Two declarations with the same id are reported by POL008.</param>
        public AiSystemAttribute(string id)
        {
            Id = id;
        }

        /// <summary>Stable, unique inventory id of the system.</summary>
        public string Id { get; }

        /// <summary>Human-readable name; defaults to <see cref="Id"/> in the inventory.</summary>
        public string? Name { get; set; }

        /// <summary>What the system is for, in one sentence an auditor understands (ISO/IEC 42001 A.6.2.2). Required.</summary>
        public string? Purpose { get; set; }

        /// <summary>Accountable owner: a team, role or mailbox, not a person's private address (ISO/IEC 42001 A.3.2). Required.</summary>
        public string? Owner { get; set; }

        /// <summary>Risk tier from the organisation's AI risk assessment. Required: <see cref="AiRiskLevel.Unspecified"/> is reported by POL007.</summary>
        public AiRiskLevel RiskLevel { get; set; }

        /// <summary>Intended use and its limits, including uses that are out of scope (ISO/IEC 42001 A.9.4; EU AI Act Article 13).</summary>
        public string? IntendedUse { get; set; }

        /// <summary><c>true</c> when the system makes or prepares decisions about people without a human deciding each case
        /// (GDPR Article 22). Then human oversight and an explainability record are required (POL002, POL005).</summary>
        public bool AutomatedDecisions { get; set; }

        /// <summary><c>true</c> when personal data may be given to the system (ISO/IEC 27001:2022 5.34). Personal data
        /// flowing into a system without this flag is reported by POL011.</summary>
        public bool ProcessesPersonalData { get; set; }

        /// <summary><c>true</c> when people interact with the system directly (a chat, a voice assistant): they must be told
        /// that they interact with AI (EU AI Act Article 50(1)), so <see cref="AiDisclosureAttribute"/> is required (POL017).</summary>
        public bool InteractsWithPeople { get; set; }

        /// <summary><c>true</c> when the system generates synthetic text, images, audio or video for people: the output must
        /// be marked as artificially generated (EU AI Act Article 50(2)), so <see cref="AiDisclosureAttribute"/> with a
        /// <see cref="AiDisclosureAttribute.ContentMarking"/> is required (POL017, POL007).</summary>
        public bool GeneratesSyntheticContent { get; set; }
    }
}
