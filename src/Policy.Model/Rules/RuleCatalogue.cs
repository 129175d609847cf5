using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Policy.Model.Declarations;

namespace Policy.Model.Rules
{
    /// <summary>
    /// THE rule catalogue: one entry per rule, in id order. Everything that repeats what a rule is (descriptors,
    /// RuleIds.All, SARIF rules, control coverage, requirement keywords, the docs index, the README table) derives
    /// from here or is tested against it (tests/Policy.Analyzers.Tests/Catalogue/RuleCatalogueTests.cs).
    /// To add a rule, follow CONTRIBUTING.md.
    /// </summary>
    public static class RuleCatalogue
    {
        /// <summary>Every rule, sorted by id.</summary>
        public static ImmutableArray<RuleDefinition> All { get; } = Sorted(
            // POL001: UndeclaredAiComponent
            new RuleDefinition(
                "POL001",
                title: "AI component is not in the AI system inventory",
                messageFormat: "'{0}' uses AI ({1}) but is not covered by [AiSystem] or [AiComponent]",
                description: "Every type that creates, holds, receives or calls an AI SDK type must belong to a declared AI system, so that the inventory auditors rely on is complete (ISO/IEC 42001 A.4.2, ISO/IEC 27001:2022 5.9).",
                category: RuleCategories.Inventory,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.AiInventoryAnalyzer,
                controls: new[] { "ISO42001:A.4.2", "ISO42001:A.6.2.3", "ISO42001:A.10.3", "ISO27001:5.9", "ISO27001:5.19", "EUAIA:Art.11", "NIST:GOVERN1.6" },
                hasCodeFix: true,
                evidencedBy: DeclarationKind.AiSystem),

            // POL002: MissingHumanOversight
            new RuleDefinition(
                "POL002",
                title: "AI system requires human oversight",
                messageFormat: "AI system '{0}' requires [HumanOversight] ({1}), but none is declared on it, its components or its assembly",
                description: "High-risk AI systems and systems that make automated decisions about people must declare who oversees them and how (EU AI Act Article 14, ISO/IEC 42001 A.9.2).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.9.2", "ISO42001:A.6.2.6", "ISO27001:8.16", "EUAIA:Art.14", "NIST:MAP3.5" },
                requiredDeclaration: DeclarationKind.HumanOversight,
                requirementKeyword: "human_oversight",
                fixArguments: "(OversightMode.HumanInTheLoop, Role = \"TODO\")"),

            // POL003: MissingBiasEvaluation
            new RuleDefinition(
                "POL003",
                title: "AI system requires a bias evaluation",
                messageFormat: "AI system '{0}' requires [BiasEvaluation] ({1}), but none is declared on it, its components or its assembly",
                description: "High-risk AI systems must reference a documented bias evaluation (ISO/IEC 42001 A.6.2.4 and A.5.4, EU AI Act Article 10, NIST AI RMF MEASURE 2.11).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.6.2.4", "ISO42001:A.5.4", "ISO42001:A.7.4", "EUAIA:Art.10", "NIST:MEASURE2.11" },
                requiredDeclaration: DeclarationKind.BiasEvaluation,
                requirementKeyword: "bias_evaluation",
                fixArguments: "(Report = \"TODO\", EvaluatedOn = \"TODO\")"),

            // POL004: StaleBiasEvaluation
            new RuleDefinition(
                "POL004",
                title: "Bias evaluation is older than the policy allows",
                messageFormat: "The bias evaluation of AI system '{0}' dated {1} is {2} days old, more than the policy's maximum of {3} days",
                description: "Evidence expires: a bias evaluation must be repeated within the policy's maximum age (policy.bias_evaluation.max_age_days, default 365), judged against the build's PolicyEvaluationDate.",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.6.2.4", "ISO42001:A.7.4", "EUAIA:Art.10", "NIST:MEASURE2.11", "ISMS:7.5" },
                evidencedBy: DeclarationKind.BiasEvaluation),

            // POL005: MissingExplainability
            new RuleDefinition(
                "POL005",
                title: "AI system requires an explainability record",
                messageFormat: "AI system '{0}' requires [ExplainabilityRecord] ({1}), but none is declared on it, its components or its assembly",
                description: "AI systems that make automated decisions (and, by default, high-risk systems) must record how each decision is explained and where (ISO/IEC 42001 A.8.2 and A.6.2.8, EU AI Act Articles 12 and 13).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.8.2", "ISO42001:A.6.2.8", "ISO27001:8.15", "EUAIA:Art.12", "EUAIA:Art.13", "NIST:MEASURE2.9" },
                requiredDeclaration: DeclarationKind.ExplainabilityRecord,
                requirementKeyword: "explainability",
                fixArguments: "(Method = \"TODO\", Store = \"TODO\")"),

            // POL006: MissingImpactAssessment
            new RuleDefinition(
                "POL006",
                title: "AI system requires an impact assessment",
                messageFormat: "AI system '{0}' requires [ImpactAssessment] ({1}), but none is declared on it, its components or its assembly",
                description: "High-risk AI systems must reference their AI system impact assessment (ISO/IEC 42001 A.5.2 to A.5.5, EU AI Act Article 9).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.5.2", "ISO42001:A.5.3", "ISO42001:A.5.4", "ISO42001:A.5.5", "EUAIA:Art.9" },
                requiredDeclaration: DeclarationKind.ImpactAssessment,
                requirementKeyword: "impact_assessment",
                fixArguments: "(Reference = \"TODO\", AssessedOn = \"TODO\")"),

            // POL007: IncompleteDeclaration
            new RuleDefinition(
                "POL007",
                title: "AI governance declaration is incomplete",
                messageFormat: "{0}: {1} is {2}",
                description: "A declaration is evidence only when its required values are real: not missing, empty, a placeholder such as TODO or TBD, or a malformed date.",
                category: RuleCategories.Declarations,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.3.2", "ISO42001:A.6.2.2", "ISO42001:A.6.2.7", "ISO42001:A.9.4", "ISO27001:5.9", "EUAIA:Art.11", "NIST:MAP1.1", "ISMS:7.5" },
                evidencedBy: DeclarationKind.AiSystem),

            // POL008: DuplicateSystemId
            new RuleDefinition(
                "POL008",
                title: "AI system id is declared more than once",
                messageFormat: "AI system id '{0}' is also declared at {1}",
                description: "Each AI system needs one unique inventory id; two declarations with the same id make the inventory ambiguous.",
                category: RuleCategories.Inventory,
                defaultSeverity: RuleSeverity.Error,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.4.2", "ISO27001:5.9", "NIST:GOVERN1.6" },
                evidencedBy: DeclarationKind.AiSystem,
                exemptible: false),

            // POL009: UnknownSystem
            new RuleDefinition(
                "POL009",
                title: "AI component names an undeclared AI system",
                messageFormat: "[AiComponent] on '{1}' names AI system '{0}', which is declared neither in this project nor in a referenced assembly",
                description: "An [AiComponent] must link to a system declared with [AiSystem] in the same or a referenced assembly; otherwise the component is missing from the inventory.",
                category: RuleCategories.Inventory,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.4.2", "ISO42001:A.6.2.3", "ISO27001:5.9" },
                hasCodeFix: true,
                evidencedBy: DeclarationKind.AiSystem),

            // POL010: UnclassifiedData
            new RuleDefinition(
                "POL010",
                title: "Data given to an AI system is not classified",
                messageFormat: "AI call '{0}' receives unclassified data from {1}: classify the member or its type",
                description: "Every piece of the organisation's data that reaches an AI model must carry a data classification ([Classification], a Microsoft.Extensions.Compliance classification attribute or Identity's [PersonalData]) on its member or its type, so that the inventory can say what data each AI system receives (ISO/IEC 27001:2022 5.12, ISO/IEC 42001 A.7.2).",
                category: RuleCategories.Data,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO27001:5.12", "ISO27001:5.13", "ISO42001:A.4.3", "ISO42001:A.7.2", "EUAIA:Art.10" },
                hasCodeFix: true),

            // POL011: UndeclaredPersonalData
            new RuleDefinition(
                "POL011",
                title: "Personal data flows into an AI system that does not declare it",
                messageFormat: "AI call '{0}' receives personal data from {1}, but {2}",
                description: "Data classified Personal or SensitivePersonal may reach only an AI system that declares ProcessesPersonalData = true, so that its processing of personal data is approved and on record (ISO/IEC 27001:2022 5.34, GDPR Article 30).",
                category: RuleCategories.Data,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO27001:5.34", "ISO27001:8.12", "ISO42001:A.7.2", "EUAIA:Art.10" },
                hasCodeFix: true),

            // POL012: ProhibitedSystem
            new RuleDefinition(
                "POL012",
                title: "AI system is declared prohibited",
                messageFormat: "AI system '{0}' is declared RiskLevel = Prohibited: a prohibited AI practice (EU AI Act Article 5) must not be built or deployed",
                description: "The organisation's risk assessment classified this system as a prohibited practice; the build fails until the system is removed or reassessed.",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Error,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "EUAIA:Art.5", "ISO42001:A.5.5", "ISO42001:A.9.4", "ISMS:6.1" },
                evidencedBy: DeclarationKind.AiSystem,
                exemptible: false),

            // POL013: MissingDataProvenance
            new RuleDefinition(
                "POL013",
                title: "AI system requires data provenance",
                messageFormat: "AI system '{0}' requires [DataProvenance] ({1}), but none is declared on it, its components or their members",
                description: "When the policy requires it, an AI system must declare where its data comes from (ISO/IEC 42001 A.7.3 and A.7.5, EU AI Act Article 10). Not required by the default policy.",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.7.3", "ISO42001:A.7.5", "ISO42001:A.4.3", "EUAIA:Art.10" },
                requiredDeclaration: DeclarationKind.DataProvenance,
                requirementKeyword: "data_provenance",
                fixArguments: "(\"TODO\")"),

            // POL014: StaleImpactAssessment
            new RuleDefinition(
                "POL014",
                title: "Impact assessment is older than the policy allows",
                messageFormat: "The impact assessment of AI system '{0}' dated {1} is {2} days old, more than the policy's maximum of {3} days",
                description: "When the policy sets policy.impact_assessment.max_age_days, an AI system impact assessment must be reviewed within that age, judged against the build's PolicyEvaluationDate.",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISO42001:A.5.3", "ISO42001:A.5.2", "EUAIA:Art.9", "ISMS:7.5" },
                evidencedBy: DeclarationKind.ImpactAssessment),

            // POL015: MissingEventLogging
            new RuleDefinition(
                "POL015",
                title: "AI system requires event logging",
                messageFormat: "AI system '{0}' requires [EventLogging] ({1}), but none is declared on it, its components or its assembly, and none of its code builds an AI client with logging or telemetry (UseOpenTelemetry, UseLogging)",
                description: "High-risk AI systems must record their events automatically over their lifetime (EU AI Act Article 12, ISO/IEC 42001 A.6.2.8, ISO/IEC 27001:2022 8.15): declare where the records go with [EventLogging], or build the system's AI clients with logging or OpenTelemetry (observed in code).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "EUAIA:Art.12", "ISO42001:A.6.2.8", "ISO27001:8.15" },
                requiredDeclaration: DeclarationKind.EventLogging,
                requirementKeyword: "event_logging",
                fixArguments: "(Destination = \"TODO\")"),

            // POL016: SensitiveTelemetry
            new RuleDefinition(
                "POL016",
                title: "AI telemetry records message content of a system that processes personal data",
                messageFormat: "{0} records prompt and response content in telemetry, but AI system '{1}' processes personal data: keep it off or mask the content",
                description: "OpenTelemetry instrumentation of AI clients can record the full prompts and responses (EnableSensitiveData, Semantic Kernel's sensitive GenAI diagnostics). In a system that processes personal data that copies personal data into logs and traces, outside the controls of the system itself (ISO/IEC 27001:2022 8.11 and 5.34).",
                category: RuleCategories.Data,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO27001:8.11", "ISO27001:5.34", "ISO27001:8.15" }),

            // POL017: MissingAiDisclosure
            new RuleDefinition(
                "POL017",
                title: "AI system requires an AI disclosure",
                messageFormat: "AI system '{0}' requires [AiDisclosure] ({1}), but none is declared on it, its components or its assembly",
                description: "People must be told when they interact with an AI system, and synthetic content must be marked as artificially generated (EU AI Act Article 50(1) and 50(2), from 2 August 2026, at any risk level; ISO/IEC 42001 A.8.2 and A.8.5).",
                category: RuleCategories.Governance,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "EUAIA:Art.50", "ISO42001:A.8.2", "ISO42001:A.8.5" },
                requiredDeclaration: DeclarationKind.AiDisclosure,
                requirementKeyword: "ai_disclosure",
                fixArguments: "(Notice = \"TODO\")"),

            // POL020: ExpiredExemption
            new RuleDefinition(
                "POL020",
                title: "Exemption has expired",
                messageFormat: "{0} no longer suppresses anything: {1}",
                description: "A risk acceptance is valid until its Expires date (inclusive); after that, or with a malformed date, it suppresses nothing and must be renewed by its approver or removed.",
                category: RuleCategories.Exemptions,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISMS:6.1", "ISMS:10.2" },
                exemptible: false),

            // POL021: UnjustifiedExemption
            new RuleDefinition(
                "POL021",
                title: "Exemption lacks justification or approver",
                messageFormat: "{0} suppresses nothing: {1}",
                description: "A risk acceptance needs a justification and an approver (and an expiry, when the policy requires one); until then it suppresses nothing.",
                category: RuleCategories.Exemptions,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DeclarationAnalyzer,
                controls: new[] { "ISMS:6.1", "ISO42001:A.3.2" },
                exemptible: false),

            // POL022: StaleBaselineEntry
            new RuleDefinition(
                "POL022",
                title: "Baseline entry no longer matches a finding",
                messageFormat: "Baseline entry '{0}' no longer matches a finding: {1}; remove it (the baseline only shrinks)",
                description: "Entries of policy.baseline.txt that match no current finding (fixed, or the symbol was renamed or removed) must be deleted, so that the baseline only shrinks and a renamed symbol cannot hide a new finding.",
                category: RuleCategories.Exemptions,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.BaselineAnalyzer,
                controls: new[] { "ISMS:10.2", "ISMS:7.5" },
                exemptible: false,
                compilationEnd: true),

            // POL030: UnresolvedDocument
            new RuleDefinition(
                "POL030",
                title: "Referenced evidence document does not exist",
                messageFormat: "{0} references '{1}', which {2}",
                description: "A declaration that names a document by path (HumanOversight.Procedure, BiasEvaluation.Report, ImpactAssessment.Reference) is evidence only if the document is there; the evidence pack hashes every referenced document. Reported by `policy check` and `policy evidence`, not by the build.",
                category: RuleCategories.Declarations,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.Cli,
                controls: new[] { "ISMS:7.5", "ISO42001:A.5.3", "ISO42001:A.6.2.7" },
                exemptible: false),

            // POL040: UngatedTool
            new RuleDefinition(
                "POL040",
                title: "Tool exposed to a model is not approval-gated",
                messageFormat: "Tool '{0}' ({1}) can be invoked by the model of AI system '{2}' without human approval ({3}): wrap it in ApprovalRequiredAIFunction or declare [HumanOversight] on the method",
                description: "A function a model can call acts on its own: in systems that need human oversight (by default RiskLevel = High or AutomatedDecisions = true; policy.tools.require_approval) every tool must need a human's approval before it runs, through ApprovalRequiredAIFunction or a [HumanOversight] declaration on the tool method (EU AI Act Article 14(4), ISO/IEC 42001 A.9.2).",
                category: RuleCategories.Agents,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO42001:A.9.2", "ISO42001:A.6.2.6", "EUAIA:Art.14", "NIST:MAP3.5" },
                hasCodeFix: true,
                evidencedBy: DeclarationKind.HumanOversight),

            // POL041: UntrustedSystemPrompt
            new RuleDefinition(
                "POL041",
                title: "Untrusted input reaches a system prompt",
                messageFormat: "Untrusted input from {1} reaches {0}: system prompts and instructions must not carry request or console input (prompt injection)",
                description: "System-role content (a system ChatMessage, ChatHistory.AddSystemMessage, ChatOptions.Instructions, an agent's instructions) steers the model with authority; request data (ASP.NET Core action and minimal-API parameters, HttpRequest.Query/Form/Headers/Body, SignalR hub method parameters) or console input written into it lets a user inject instructions (OWASP LLM01, EU AI Act Article 15(5), ISO/IEC 27001:2022 8.28). Put user input in user-role messages.",
                category: RuleCategories.Agents,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO27001:8.28", "ISO27001:8.25", "EUAIA:Art.15", "ISO42001:A.6.2.4" }),

            // POL050: UnapprovedModel
            new RuleDefinition(
                "POL050",
                title: "Model is not on the approved list",
                messageFormat: "Model '{0}' is not on the approved list (policy.models.allowed = {1})",
                description: "When the policy lists the approved models (policy.models.allowed), every model id or deployment name the code states as a constant must be on it, so that a new model or supplier is not used without review (ISO/IEC 42001 A.10.3, ISO/IEC 27001:2022 5.19 and 5.21).",
                category: RuleCategories.Models,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.DataFlowAnalyzer,
                controls: new[] { "ISO42001:A.10.3", "ISO27001:5.19", "ISO27001:5.21", "NIST:GOVERN6.1" }),

            // POL090: InvalidConfiguration
            new RuleDefinition(
                "POL090",
                title: "Invalid policy configuration value",
                messageFormat: "Policy configuration '{0} = {1}' is invalid: expected {2}; the default applies",
                description: "A policy key in .editorconfig/.globalconfig (or the PolicyEvaluationDate property) has a value the analyzers cannot read; it is reported instead of being silently defaulted.",
                category: RuleCategories.Configuration,
                defaultSeverity: RuleSeverity.Warning,
                reportedBy: RuleReporter.ConfigurationAnalyzer,
                controls: new[] { "ISO27001:8.25", "ISMS:8.1" },
                exemptible: false,
                compilationEnd: true)
        );

        private static readonly Dictionary<string, RuleDefinition> ById = Index(All);

        /// <summary>Every rule id.</summary>
        public static ImmutableHashSet<string> Ids { get; } = ImmutableHashSet.CreateRange(StringComparer.Ordinal, Select(All, r => r.Id));

        /// <summary>The requirement rules ("a system that ... must declare X"), in id order.</summary>
        public static ImmutableArray<RuleDefinition> Requirements { get; } = Where(All, r => r.IsRequirement);

        /// <summary>The declaration kinds the requirement rules ask for, in rule order (HumanOversight, BiasEvaluation, ...).</summary>
        public static ImmutableArray<DeclarationKind> RequiredKinds => RequiredKindsHolder.Value;

        /// <summary>The rule with this id, or null.</summary>
        public static RuleDefinition? Find(string id) => id != null && ById.TryGetValue(id, out var rule) ? rule : null;

        /// <summary>The rule with this id; throws for an unknown id (a programming error).</summary>
        public static RuleDefinition Get(string id) => Find(id) ?? throw new ArgumentException("Unknown rule id " + id, nameof(id));

        /// <summary>The requirement rule that asks for a declaration kind, or null.</summary>
        public static RuleDefinition? RequirementFor(DeclarationKind kind)
        {
            foreach (var rule in Requirements)
            {
                if (rule.RequiredDeclaration == kind)
                {
                    return rule;
                }
            }

            return null;
        }

        /// <summary>The requirement rule with this <c>policy.requirements.*</c> keyword (case-insensitive), or null.</summary>
        public static RuleDefinition? RequirementByKeyword(string keyword)
        {
            foreach (var rule in Requirements)
            {
                if (string.Equals(rule.RequirementKeyword, keyword, StringComparison.OrdinalIgnoreCase))
                {
                    return rule;
                }
            }

            return null;
        }

        /// <summary>The rules an analyzer (or the CLI) reports, in id order.</summary>
        public static ImmutableArray<RuleDefinition> ReportedBy(RuleReporter reporter) => Where(All, r => r.ReportedBy == reporter);

        private static ImmutableArray<RuleDefinition> Sorted(params RuleDefinition[] rules)
        {
            var list = new List<RuleDefinition>(rules);
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return list.ToImmutableArray();
        }

        private static Dictionary<string, RuleDefinition> Index(ImmutableArray<RuleDefinition> rules)
        {
            var map = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                if (map.ContainsKey(rule.Id))
                {
                    throw new InvalidOperationException("Rule " + rule.Id + " is in the catalogue twice");
                }

                map.Add(rule.Id, rule);
            }

            return map;
        }

        private static IEnumerable<string> Select(ImmutableArray<RuleDefinition> rules, Func<RuleDefinition, string> selector)
        {
            foreach (var rule in rules)
            {
                yield return selector(rule);
            }
        }

        private static ImmutableArray<RuleDefinition> Where(ImmutableArray<RuleDefinition> rules, Func<RuleDefinition, bool> predicate)
        {
            var builder = ImmutableArray.CreateBuilder<RuleDefinition>();
            foreach (var rule in rules)
            {
                if (predicate(rule))
                {
                    builder.Add(rule);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// Built on first use (the inventory and the evidence pack ask; the analyzers do not): an ImmutableArray over our own
        /// enum is framework code our ReadyToRun image cannot hold, and building it with the catalogue made the compiler
        /// JIT-compile a dozen methods in every build.
        /// </summary>
        private static class RequiredKindsHolder
        {
            public static readonly ImmutableArray<DeclarationKind> Value = RequiredKindsOf(Requirements);
        }

        private static ImmutableArray<DeclarationKind> RequiredKindsOf(ImmutableArray<RuleDefinition> rules)
        {
            var builder = ImmutableArray.CreateBuilder<DeclarationKind>();
            foreach (var rule in rules)
            {
                builder.Add(rule.RequiredDeclaration.GetValueOrDefault());
            }

            return builder.ToImmutable();
        }
    }
}
