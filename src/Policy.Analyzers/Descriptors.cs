using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Policy.Model.Baseline;
using Policy.Model.Rules;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// Every rule's descriptor, derived from <see cref="RuleCatalogue"/> (texts, severity, help link, controls as custom
    /// tags, so they reach SARIF <c>properties.tags</c>). Nothing about a rule is written here.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>Base of every help link.</summary>
        public const string HelpLinkBase = RuleDefinition.HelpLinkBase;

        /// <summary>Every rule's descriptor, by id, built from the catalogue (POL030's too: the CLI reports it, the build knows it).</summary>
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Build();

        /// <summary>POL001.</summary>
        public static readonly DiagnosticDescriptor UndeclaredAiComponent = ForId(RuleIds.UndeclaredAiComponent);

        /// <summary>POL002.</summary>
        public static readonly DiagnosticDescriptor MissingHumanOversight = ForId(RuleIds.MissingHumanOversight);

        /// <summary>POL003.</summary>
        public static readonly DiagnosticDescriptor MissingBiasEvaluation = ForId(RuleIds.MissingBiasEvaluation);

        /// <summary>POL005.</summary>
        public static readonly DiagnosticDescriptor MissingExplainability = ForId(RuleIds.MissingExplainability);

        /// <summary>POL006.</summary>
        public static readonly DiagnosticDescriptor MissingImpactAssessment = ForId(RuleIds.MissingImpactAssessment);

        /// <summary>POL007.</summary>
        public static readonly DiagnosticDescriptor IncompleteDeclaration = ForId(RuleIds.IncompleteDeclaration);

        /// <summary>POL008.</summary>
        public static readonly DiagnosticDescriptor DuplicateSystemId = ForId(RuleIds.DuplicateSystemId);

        /// <summary>POL009.</summary>
        public static readonly DiagnosticDescriptor UnknownSystem = ForId(RuleIds.UnknownSystem);

        /// <summary>POL010.</summary>
        public static readonly DiagnosticDescriptor UnclassifiedData = ForId(RuleIds.UnclassifiedData);

        /// <summary>POL011.</summary>
        public static readonly DiagnosticDescriptor UndeclaredPersonalData = ForId(RuleIds.UndeclaredPersonalData);

        /// <summary>POL012.</summary>
        public static readonly DiagnosticDescriptor ProhibitedSystem = ForId(RuleIds.ProhibitedSystem);

        /// <summary>POL013.</summary>
        public static readonly DiagnosticDescriptor MissingDataProvenance = ForId(RuleIds.MissingDataProvenance);

        /// <summary>POL004.</summary>
        public static readonly DiagnosticDescriptor StaleBiasEvaluation = ForId(RuleIds.StaleBiasEvaluation);

        /// <summary>POL014.</summary>
        public static readonly DiagnosticDescriptor StaleImpactAssessment = ForId(RuleIds.StaleImpactAssessment);

        /// <summary>POL015.</summary>
        public static readonly DiagnosticDescriptor MissingEventLogging = ForId(RuleIds.MissingEventLogging);

        /// <summary>POL016.</summary>
        public static readonly DiagnosticDescriptor SensitiveTelemetry = ForId(RuleIds.SensitiveTelemetry);

        /// <summary>POL017.</summary>
        public static readonly DiagnosticDescriptor MissingAiDisclosure = ForId(RuleIds.MissingAiDisclosure);

        /// <summary>POL050.</summary>
        public static readonly DiagnosticDescriptor UnapprovedModel = ForId(RuleIds.UnapprovedModel);

        /// <summary>POL020.</summary>
        public static readonly DiagnosticDescriptor ExpiredExemption = ForId(RuleIds.ExpiredExemption);

        /// <summary>POL021.</summary>
        public static readonly DiagnosticDescriptor UnjustifiedExemption = ForId(RuleIds.UnjustifiedExemption);

        /// <summary>POL022.</summary>
        public static readonly DiagnosticDescriptor StaleBaselineEntry = ForId(RuleIds.StaleBaselineEntry);

        /// <summary>POL030 (reported by the policy CLI, which may read files; the analyzers never do I/O).</summary>
        public static readonly DiagnosticDescriptor UnresolvedDocument = ForId(RuleIds.UnresolvedDocument);

        /// <summary>POL040.</summary>
        public static readonly DiagnosticDescriptor UngatedTool = ForId(RuleIds.UngatedTool);

        /// <summary>POL041.</summary>
        public static readonly DiagnosticDescriptor UntrustedSystemPrompt = ForId(RuleIds.UntrustedSystemPrompt);

        /// <summary>POL090.</summary>
        public static readonly DiagnosticDescriptor InvalidConfiguration = ForId(RuleIds.InvalidConfiguration);

        /// <summary>The descriptor of a rule id.</summary>
        public static DiagnosticDescriptor ForId(string id) => ById[id];

        /// <summary>Every rule id with a descriptor, sorted (the catalogue's ids).</summary>
        public static IEnumerable<string> AllIds
        {
            get
            {
                foreach (var rule in RuleCatalogue.All)
                {
                    yield return rule.Id;
                }
            }
        }

        /// <summary>The descriptors of the rules an analyzer reports (its SupportedDiagnostics), in id order.</summary>
        public static ImmutableArray<DiagnosticDescriptor> ReportedBy(RuleReporter reporter)
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            foreach (var rule in RuleCatalogue.ReportedBy(reporter))
            {
                builder.Add(ById[rule.Id]);
            }

            return builder.ToImmutable();
        }

        /// <summary>Property set on a diagnostic that the baseline lists (reported at info severity).</summary>
        public const string BaselinedProperty = FindingProperties.Baselined;

        /// <summary>Property carrying the AI system id a diagnostic concerns (read by the evidence pack).</summary>
        public const string SystemIdProperty = FindingProperties.SystemId;

        /// <summary>Property carrying the documentation id of the symbol a diagnostic belongs to (the baseline key).</summary>
        public const string SubjectProperty = FindingProperties.Subject;

        /// <summary>Diagnostic property of POL001: <c>confirmed</c> or <c>suspected</c> (the AI type did not resolve).</summary>
        public const string ConfidenceProperty = FindingProperties.Confidence;

        /// <summary>Diagnostic property of POL010: the documentation ids of the unclassified sources, one per line.</summary>
        public const string DataSourcesProperty = FindingProperties.DataSources;

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

        private static Dictionary<string, DiagnosticDescriptor> Build()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var rule in RuleCatalogue.All)
            {
                map.Add(rule.Id, Create(rule));
            }

            return map;
        }

        /// <summary>The descriptor of a catalogue entry: its texts, severity, help link, and its controls as custom tags.</summary>
#pragma warning disable RS1017 // Ids and texts come from the catalogue, not literals; RuleCatalogueTests check what RS1015-RS1033 would.
        private static DiagnosticDescriptor Create(RuleDefinition rule)
        {
            var tags = new List<string>();
            foreach (var control in rule.Controls)
            {
                tags.Add(control.Tag);
            }

            if (rule.CompilationEnd)
            {
                tags.Add(WellKnownDiagnosticTags.CompilationEnd);
            }

            return new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                rule.MessageFormat,
                rule.Category,
                rule.DefaultSeverity switch
                {
                    RuleSeverity.Error => DiagnosticSeverity.Error,
                    RuleSeverity.Info => DiagnosticSeverity.Info,
                    _ => DiagnosticSeverity.Warning,
                },
                isEnabledByDefault: true,
                description: rule.Description,
                helpLinkUri: rule.HelpLink,
                customTags: tags.ToArray());
        }
#pragma warning restore RS1017
    }
}
