using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Policy.Model.Baseline;
using Policy.Model.Controls;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// Every rule's descriptor, in one place. Rule id constants: <see cref="RuleIds"/>; docs: docs/rules/{id}.md;
    /// controls each rule evidences: <see cref="ControlCatalogue"/> (also in each descriptor's custom tags, so
    /// they reach SARIF <c>properties.tags</c>).
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Base of every help link.</summary>
        public const string HelpLinkBase = "https://github.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/";

        private const string Inventory = "AI.Inventory";
        private const string Governance = "AI.Governance";
        private const string Declarations = "AI.Declarations";
        private const string Data = "AI.Data";
        private const string Exemptions = "AI.Exemptions";
        private const string Configuration = "AI.Configuration";

        /// <summary>POL001.</summary>
        public static readonly DiagnosticDescriptor UndeclaredAiComponent = new DiagnosticDescriptor(
            RuleIds.UndeclaredAiComponent,
            "AI component is not in the AI system inventory",
            "'{0}' uses AI ({1}) but is not covered by [AiSystem] or [AiComponent]",
            Inventory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every type that creates, holds, receives or calls an AI SDK type must belong to a declared AI system, so that the inventory auditors rely on is complete (ISO/IEC 42001 A.4.2, ISO/IEC 27001:2022 5.9).",
            helpLinkUri: HelpLinkBase + RuleIds.UndeclaredAiComponent + ".md",
            customTags: Tags(RuleIds.UndeclaredAiComponent));

        /// <summary>POL002.</summary>
        public static readonly DiagnosticDescriptor MissingHumanOversight = new DiagnosticDescriptor(
            RuleIds.MissingHumanOversight,
            "AI system requires human oversight",
            "AI system '{0}' requires [HumanOversight] ({1}), but none is declared on it, its components or its assembly",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "High-risk AI systems and systems that make automated decisions about people must declare who oversees them and how (EU AI Act Article 14, ISO/IEC 42001 A.9.2).",
            helpLinkUri: HelpLinkBase + RuleIds.MissingHumanOversight + ".md",
            customTags: Tags(RuleIds.MissingHumanOversight));

        /// <summary>POL003.</summary>
        public static readonly DiagnosticDescriptor MissingBiasEvaluation = new DiagnosticDescriptor(
            RuleIds.MissingBiasEvaluation,
            "AI system requires a bias evaluation",
            "AI system '{0}' requires [BiasEvaluation] ({1}), but none is declared on it, its components or its assembly",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "High-risk AI systems must reference a documented bias evaluation (ISO/IEC 42001 A.6.2.4 and A.5.4, EU AI Act Article 10, NIST AI RMF MEASURE 2.11).",
            helpLinkUri: HelpLinkBase + RuleIds.MissingBiasEvaluation + ".md",
            customTags: Tags(RuleIds.MissingBiasEvaluation));

        /// <summary>POL005.</summary>
        public static readonly DiagnosticDescriptor MissingExplainability = new DiagnosticDescriptor(
            RuleIds.MissingExplainability,
            "AI system requires an explainability record",
            "AI system '{0}' requires [ExplainabilityRecord] ({1}), but none is declared on it, its components or its assembly",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "AI systems that make automated decisions (and, by default, high-risk systems) must record how each decision is explained and where (ISO/IEC 42001 A.8.2 and A.6.2.8, EU AI Act Articles 12 and 13).",
            helpLinkUri: HelpLinkBase + RuleIds.MissingExplainability + ".md",
            customTags: Tags(RuleIds.MissingExplainability));

        /// <summary>POL006.</summary>
        public static readonly DiagnosticDescriptor MissingImpactAssessment = new DiagnosticDescriptor(
            RuleIds.MissingImpactAssessment,
            "AI system requires an impact assessment",
            "AI system '{0}' requires [ImpactAssessment] ({1}), but none is declared on it, its components or its assembly",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "High-risk AI systems must reference their AI system impact assessment (ISO/IEC 42001 A.5.2 to A.5.5, EU AI Act Article 9).",
            helpLinkUri: HelpLinkBase + RuleIds.MissingImpactAssessment + ".md",
            customTags: Tags(RuleIds.MissingImpactAssessment));

        /// <summary>POL007.</summary>
        public static readonly DiagnosticDescriptor IncompleteDeclaration = new DiagnosticDescriptor(
            RuleIds.IncompleteDeclaration,
            "AI governance declaration is incomplete",
            "{0}: {1} is {2}",
            Declarations,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A declaration is evidence only when its required values are real: not missing, empty, a placeholder such as TODO or TBD, or a malformed date.",
            helpLinkUri: HelpLinkBase + RuleIds.IncompleteDeclaration + ".md",
            customTags: Tags(RuleIds.IncompleteDeclaration));

        /// <summary>POL008.</summary>
        public static readonly DiagnosticDescriptor DuplicateSystemId = new DiagnosticDescriptor(
            RuleIds.DuplicateSystemId,
            "AI system id is declared more than once",
            "AI system id '{0}' is also declared at {1}",
            Inventory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Each AI system needs one unique inventory id; two declarations with the same id make the inventory ambiguous.",
            helpLinkUri: HelpLinkBase + RuleIds.DuplicateSystemId + ".md",
            customTags: Tags(RuleIds.DuplicateSystemId));

        /// <summary>POL009.</summary>
        public static readonly DiagnosticDescriptor UnknownSystem = new DiagnosticDescriptor(
            RuleIds.UnknownSystem,
            "AI component names an undeclared AI system",
            "[AiComponent] on '{1}' names AI system '{0}', which is declared neither in this project nor in a referenced assembly",
            Inventory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "An [AiComponent] must link to a system declared with [AiSystem] in the same or a referenced assembly; otherwise the component is missing from the inventory.",
            helpLinkUri: HelpLinkBase + RuleIds.UnknownSystem + ".md",
            customTags: Tags(RuleIds.UnknownSystem));

        /// <summary>POL010.</summary>
        public static readonly DiagnosticDescriptor UnclassifiedData = new DiagnosticDescriptor(
            RuleIds.UnclassifiedData,
            "Data given to an AI system is not classified",
            "AI call '{0}' receives unclassified data from {1}: classify the member or its type",
            Data,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Every piece of the organisation's data that reaches an AI model must carry a data classification ([Classification], a Microsoft.Extensions.Compliance classification attribute or Identity's [PersonalData]) on its member or its type, so that the inventory can say what data each AI system receives (ISO/IEC 27001:2022 5.12, ISO/IEC 42001 A.7.2).",
            helpLinkUri: HelpLinkBase + RuleIds.UnclassifiedData + ".md",
            customTags: Tags(RuleIds.UnclassifiedData));

        /// <summary>POL011.</summary>
        public static readonly DiagnosticDescriptor UndeclaredPersonalData = new DiagnosticDescriptor(
            RuleIds.UndeclaredPersonalData,
            "Personal data flows into an AI system that does not declare it",
            "AI call '{0}' receives personal data from {1}, but {2}",
            Data,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Data classified Personal or SensitivePersonal may reach only an AI system that declares ProcessesPersonalData = true, so that its processing of personal data is approved and on record (ISO/IEC 27001:2022 5.34, GDPR Article 30).",
            helpLinkUri: HelpLinkBase + RuleIds.UndeclaredPersonalData + ".md",
            customTags: Tags(RuleIds.UndeclaredPersonalData));

        /// <summary>POL012.</summary>
        public static readonly DiagnosticDescriptor ProhibitedSystem = new DiagnosticDescriptor(
            RuleIds.ProhibitedSystem,
            "AI system is declared prohibited",
            "AI system '{0}' is declared RiskLevel = Prohibited: a prohibited AI practice (EU AI Act Article 5) must not be built or deployed",
            Governance,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The organisation's risk assessment classified this system as a prohibited practice; the build fails until the system is removed or reassessed.",
            helpLinkUri: HelpLinkBase + RuleIds.ProhibitedSystem + ".md",
            customTags: Tags(RuleIds.ProhibitedSystem));

        /// <summary>POL013.</summary>
        public static readonly DiagnosticDescriptor MissingDataProvenance = new DiagnosticDescriptor(
            RuleIds.MissingDataProvenance,
            "AI system requires data provenance",
            "AI system '{0}' requires [DataProvenance] ({1}), but none is declared on it, its components or their members",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "When the policy requires it, an AI system must declare where its data comes from (ISO/IEC 42001 A.7.3 and A.7.5, EU AI Act Article 10). Not required by the default policy.",
            helpLinkUri: HelpLinkBase + RuleIds.MissingDataProvenance + ".md",
            customTags: Tags(RuleIds.MissingDataProvenance));

        /// <summary>POL004.</summary>
        public static readonly DiagnosticDescriptor StaleBiasEvaluation = new DiagnosticDescriptor(
            RuleIds.StaleBiasEvaluation,
            "Bias evaluation is older than the policy allows",
            "The bias evaluation of AI system '{0}' dated {1} is {2} days old, more than the policy's maximum of {3} days",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Evidence expires: a bias evaluation must be repeated within the policy's maximum age (policy.bias_evaluation.max_age_days, default 365), judged against the build's PolicyEvaluationDate.",
            helpLinkUri: HelpLinkBase + RuleIds.StaleBiasEvaluation + ".md",
            customTags: Tags(RuleIds.StaleBiasEvaluation));

        /// <summary>POL014.</summary>
        public static readonly DiagnosticDescriptor StaleImpactAssessment = new DiagnosticDescriptor(
            RuleIds.StaleImpactAssessment,
            "Impact assessment is older than the policy allows",
            "The impact assessment of AI system '{0}' dated {1} is {2} days old, more than the policy's maximum of {3} days",
            Governance,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "When the policy sets policy.impact_assessment.max_age_days, an AI system impact assessment must be reviewed within that age, judged against the build's PolicyEvaluationDate.",
            helpLinkUri: HelpLinkBase + RuleIds.StaleImpactAssessment + ".md",
            customTags: Tags(RuleIds.StaleImpactAssessment));

        /// <summary>POL020.</summary>
        public static readonly DiagnosticDescriptor ExpiredExemption = new DiagnosticDescriptor(
            RuleIds.ExpiredExemption,
            "Exemption has expired",
            "{0} no longer suppresses anything: {1}",
            Exemptions,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A risk acceptance is valid until its Expires date (inclusive); after that, or with a malformed date, it suppresses nothing and must be renewed by its approver or removed.",
            helpLinkUri: HelpLinkBase + RuleIds.ExpiredExemption + ".md",
            customTags: Tags(RuleIds.ExpiredExemption));

        /// <summary>POL021.</summary>
        public static readonly DiagnosticDescriptor UnjustifiedExemption = new DiagnosticDescriptor(
            RuleIds.UnjustifiedExemption,
            "Exemption lacks justification or approver",
            "{0} suppresses nothing: {1}",
            Exemptions,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A risk acceptance needs a justification and an approver (and an expiry, when the policy requires one); until then it suppresses nothing.",
            helpLinkUri: HelpLinkBase + RuleIds.UnjustifiedExemption + ".md",
            customTags: Tags(RuleIds.UnjustifiedExemption));

        /// <summary>POL022.</summary>
        public static readonly DiagnosticDescriptor StaleBaselineEntry = new DiagnosticDescriptor(
            RuleIds.StaleBaselineEntry,
            "Baseline entry no longer matches a finding",
            "Baseline entry '{0}' no longer matches a finding: {1}; remove it (the baseline only shrinks)",
            Exemptions,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Entries of policy.baseline.txt that match no current finding (fixed, or the symbol was renamed or removed) must be deleted, so that the baseline only shrinks and a renamed symbol cannot hide a new finding.",
            helpLinkUri: HelpLinkBase + RuleIds.StaleBaselineEntry + ".md",
            customTags: TagsWith(RuleIds.StaleBaselineEntry, WellKnownDiagnosticTags.CompilationEnd));

        /// <summary>POL030 (reported by the policy CLI, which may read files; the analyzers never do I/O).</summary>
        public static readonly DiagnosticDescriptor UnresolvedDocument = new DiagnosticDescriptor(
            RuleIds.UnresolvedDocument,
            "Referenced evidence document does not exist",
            "{0} references '{1}', which does not exist in the repository",
            Declarations,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A declaration that names a document by path (HumanOversight.Procedure, BiasEvaluation.Report, ImpactAssessment.Reference) is evidence only if the document is there; the evidence pack hashes every referenced document. Reported by `policy check` and `policy evidence`, not by the build.",
            helpLinkUri: HelpLinkBase + RuleIds.UnresolvedDocument + ".md",
            customTags: Tags(RuleIds.UnresolvedDocument));

        /// <summary>POL090.</summary>
        public static readonly DiagnosticDescriptor InvalidConfiguration = new DiagnosticDescriptor(
            RuleIds.InvalidConfiguration,
            "Invalid policy configuration value",
            "Policy configuration '{0} = {1}' is invalid: expected {2}; the default applies",
            Configuration,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A policy key in .editorconfig/.globalconfig (or the PolicyEvaluationDate property) has a value the analyzers cannot read; it is reported instead of being silently defaulted.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidConfiguration + ".md",
            customTags: TagsWith(RuleIds.InvalidConfiguration, WellKnownDiagnosticTags.CompilationEnd));

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
        {
            [RuleIds.UndeclaredAiComponent] = UndeclaredAiComponent,
            [RuleIds.MissingHumanOversight] = MissingHumanOversight,
            [RuleIds.MissingBiasEvaluation] = MissingBiasEvaluation,
            [RuleIds.MissingExplainability] = MissingExplainability,
            [RuleIds.MissingImpactAssessment] = MissingImpactAssessment,
            [RuleIds.IncompleteDeclaration] = IncompleteDeclaration,
            [RuleIds.DuplicateSystemId] = DuplicateSystemId,
            [RuleIds.UnknownSystem] = UnknownSystem,
            [RuleIds.UnclassifiedData] = UnclassifiedData,
            [RuleIds.UndeclaredPersonalData] = UndeclaredPersonalData,
            [RuleIds.ProhibitedSystem] = ProhibitedSystem,
            [RuleIds.MissingDataProvenance] = MissingDataProvenance,
            [RuleIds.StaleBiasEvaluation] = StaleBiasEvaluation,
            [RuleIds.StaleImpactAssessment] = StaleImpactAssessment,
            [RuleIds.ExpiredExemption] = ExpiredExemption,
            [RuleIds.UnjustifiedExemption] = UnjustifiedExemption,
            [RuleIds.StaleBaselineEntry] = StaleBaselineEntry,
            [RuleIds.UnresolvedDocument] = UnresolvedDocument,
            [RuleIds.InvalidConfiguration] = InvalidConfiguration,
        };

        /// <summary>The descriptor of a rule id.</summary>
        public static DiagnosticDescriptor ForId(string id) => ById[id];

        /// <summary>Every rule id with a descriptor, sorted.</summary>
        public static IEnumerable<string> AllIds
        {
            get
            {
                var ids = new List<string>(ById.Keys);
                ids.Sort(string.CompareOrdinal);
                return ids;
            }
        }

        /// <summary>Property set on a diagnostic that the baseline lists (reported at info severity).</summary>
        public const string BaselinedProperty = Policy.Model.Inventory.InventoryBuilder.BaselinedProperty;

        /// <summary>Property carrying the AI system id a diagnostic concerns (read by the evidence pack).</summary>
        public const string SystemIdProperty = Policy.Model.Inventory.InventoryBuilder.SystemIdProperty;

        /// <summary>Property carrying the documentation id of the symbol a diagnostic belongs to (the baseline key).</summary>
        public const string SubjectProperty = Policy.Model.Inventory.InventoryBuilder.SubjectProperty;

        /// <summary>Diagnostic property of POL001: <c>confirmed</c> or <c>suspected</c> (the AI type did not resolve).</summary>
        public const string ConfidenceProperty = Policy.Model.Inventory.InventoryBuilder.ConfidenceProperty;

        /// <summary>Diagnostic property of POL010: the documentation ids of the unclassified sources, one per line.</summary>
        public const string DataSourcesProperty = Policy.Model.Inventory.InventoryBuilder.DataSourcesProperty;

        /// <summary>Turns a model finding into a diagnostic; a finding the baseline lists is reported at info severity.</summary>
        public static Diagnostic ToDiagnostic(Finding finding, PolicyBaseline baseline)
        {
            var arguments = new object[finding.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = finding.Arguments[i];
            }

            // The sources a fix can classify travel with the diagnostic (a fix cannot re-run the flow analysis cheaply).
            var extra = finding.DataSources.IsEmpty
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DataSourcesProperty, string.Join("\n", finding.DataSources));
            return Create(ById[finding.RuleId], finding.Location, finding.AdditionalLocations, finding.Subject, finding.SystemId, baseline, extra, arguments);
        }

        /// <summary>
        /// Creates a diagnostic carrying its system and subject as properties; at info severity (with the
        /// <see cref="BaselinedProperty"/>) when the baseline lists it.
        /// </summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, ISymbol? subject, string? systemId, PolicyBaseline baseline, params object[] arguments) =>
            Create(descriptor, location, additionalLocations, subject, systemId, baseline, ImmutableDictionary<string, string?>.Empty, arguments);

        /// <summary>As <see cref="Create(DiagnosticDescriptor, Location, IEnumerable{Location}?, ISymbol?, string?, PolicyBaseline, object[])"/>, with extra properties.</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, ISymbol? subject, string? systemId, PolicyBaseline baseline, ImmutableDictionary<string, string?> properties, object[] arguments)
        {
            if (!string.IsNullOrEmpty(systemId))
            {
                properties = properties.Add(SystemIdProperty, systemId);
            }

            if (PolicyBaseline.SymbolId(subject) is { } subjectId)
            {
                properties = properties.Add(SubjectProperty, subjectId);
            }

            if (baseline.Contains(descriptor.Id, subject))
            {
                return Diagnostic.Create(descriptor, location, DiagnosticSeverity.Info, additionalLocations, properties.Add(BaselinedProperty, "true"), arguments);
            }

            return Diagnostic.Create(descriptor, location, additionalLocations, properties, arguments);
        }

        private static string[] TagsWith(string ruleId, string extra)
        {
            var tags = new List<string>(Tags(ruleId)) { extra };
            return tags.ToArray();
        }

        private static string[] Tags(string ruleId)
        {
            var controls = ControlCatalogue.ForRule(ruleId);
            var tags = new string[controls.Length];
            for (var i = 0; i < tags.Length; i++)
            {
                tags[i] = controls[i].Tag;
            }

            return tags;
        }
    }
}
