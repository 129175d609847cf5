using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
            [RuleIds.ProhibitedSystem] = ProhibitedSystem,
            [RuleIds.MissingDataProvenance] = MissingDataProvenance,
        };

        /// <summary>Turns a model finding into a diagnostic.</summary>
        public static Diagnostic ToDiagnostic(Finding finding)
        {
            var descriptor = ById[finding.RuleId];
            var arguments = new object[finding.Arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = finding.Arguments[i];
            }

            return Diagnostic.Create(descriptor, finding.Location, finding.AdditionalLocations, arguments);
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
