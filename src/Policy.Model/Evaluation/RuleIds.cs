namespace Policy.Model.Evaluation
{
    /// <summary>Names for the rule ids (fixed public contract, see DESIGN.md). Everything else about a rule: Rules.RuleCatalogue.</summary>
    public static class RuleIds
    {
        /// <summary>Every rule id: the ids of <see cref="Rules.RuleCatalogue"/> (a test checks the constants below against it).</summary>
        public static System.Collections.Immutable.ImmutableHashSet<string> All => Rules.RuleCatalogue.Ids;

        /// <summary>Type uses an AI SDK but is not covered by [AiSystem]/[AiComponent].</summary>
        public const string UndeclaredAiComponent = "POL001";

        /// <summary>AI system that needs human oversight has no [HumanOversight].</summary>
        public const string MissingHumanOversight = "POL002";

        /// <summary>AI system that needs a bias evaluation has no [BiasEvaluation].</summary>
        public const string MissingBiasEvaluation = "POL003";

        /// <summary>Bias evaluation older than the policy's maximum age.</summary>
        public const string StaleBiasEvaluation = "POL004";

        /// <summary>AI system that makes automated decisions has no [ExplainabilityRecord].</summary>
        public const string MissingExplainability = "POL005";

        /// <summary>High-risk AI system has no [ImpactAssessment].</summary>
        public const string MissingImpactAssessment = "POL006";

        /// <summary>Declaration incomplete.</summary>
        public const string IncompleteDeclaration = "POL007";

        /// <summary>Two [AiSystem] declarations share an id.</summary>
        public const string DuplicateSystemId = "POL008";

        /// <summary>[AiComponent] names a system that is declared nowhere.</summary>
        public const string UnknownSystem = "POL009";

        /// <summary>Unclassified data flows into an AI system.</summary>
        public const string UnclassifiedData = "POL010";

        /// <summary>Personal data flows into an AI system that does not declare ProcessesPersonalData.</summary>
        public const string UndeclaredPersonalData = "POL011";

        /// <summary>AI system declared Prohibited.</summary>
        public const string ProhibitedSystem = "POL012";

        /// <summary>AI system that needs data provenance has no [DataProvenance].</summary>
        public const string MissingDataProvenance = "POL013";

        /// <summary>Impact assessment older than the policy's maximum age (only when configured).</summary>
        public const string StaleImpactAssessment = "POL014";

        /// <summary>AI system that needs event logging neither declares [EventLogging] nor builds its clients with logging or telemetry.</summary>
        public const string MissingEventLogging = "POL015";

        /// <summary>AI telemetry records message content in a system that processes personal data.</summary>
        public const string SensitiveTelemetry = "POL016";

        /// <summary>AI system that interacts with people or generates synthetic content has no [AiDisclosure].</summary>
        public const string MissingAiDisclosure = "POL017";

        /// <summary>Exemption has expired.</summary>
        public const string ExpiredExemption = "POL020";

        /// <summary>Exemption lacks justification or approver.</summary>
        public const string UnjustifiedExemption = "POL021";

        /// <summary>Baseline entry that no longer matches a finding.</summary>
        public const string StaleBaselineEntry = "POL022";

        /// <summary>A document referenced by a declaration does not exist in the repository (reported by the policy CLI).</summary>
        public const string UnresolvedDocument = "POL030";

        /// <summary>A tool a model can call, in a system that needs approval, is not approval-gated.</summary>
        public const string UngatedTool = "POL040";

        /// <summary>Untrusted input (request data, console input) reaches a system prompt or instructions.</summary>
        public const string UntrustedSystemPrompt = "POL041";

        /// <summary>Constant model id not on policy.models.allowed.</summary>
        public const string UnapprovedModel = "POL050";

        /// <summary>Invalid policy configuration value.</summary>
        public const string InvalidConfiguration = "POL090";
    }
}
