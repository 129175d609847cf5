using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Policy.Analyzers.Tests.Infrastructure;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Runs every analyzer and suppressor of the Policy.Analyzers assembly over a compilation the way the compiler
    /// does (CompilationWithAnalyzers, concurrent execution), with a global configuration that sets
    /// PolicyEvaluationDate and a baseline additional file, and captures every analyzer exception.
    /// </summary>
    public static class PolicyAnalysis
    {
        /// <summary>Every DiagnosticAnalyzer and DiagnosticSuppressor the package ships, found by reflection so a new one is covered too.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(AiInventoryAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Parse options of every test compilation.</summary>
        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Preview);

        /// <summary>The configurations the suite alternates between: default policy, a strict one, and one with invalid values (POL090).</summary>
        public static ImmutableArray<PolicyConfiguration> Configurations { get; } = ImmutableArray.Create(
            new PolicyConfiguration(
                "default",
                new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27" },
                "# adopted 2026-11-27\nPOL001 T:LendingService.Underwriting.DecisionExplainer\nPOL002 T:SupportBot\nPOL001 T:Contoso.LegacyBot\n"),
            new PolicyConfiguration(
                "strict",
                new Dictionary<string, string>
                {
                    ["build_property.PolicyEvaluationDate"] = "2028-01-01",
                    ["policy.requirements.limited"] = "human_oversight, impact_assessment",
                    ["policy.requirements.minimal"] = "data_provenance",
                    ["policy.requirements.personal_data"] = "bias_evaluation",
                    ["policy.impact_assessment.max_age_days"] = "90",
                    ["policy.require_intended_use"] = "true",
                    ["policy.exemption.require_expiry"] = "true",
                    ["policy.count_di_wiring"] = "true",
                    ["policy.ai_types"] = "Contoso.Ai.ILlmGateway, LendingService.Ai.OfflineTemplateChatClient",
                    ["policy.ai_namespaces"] = "Contoso.Ai",
                },
                "POL001 T:Contoso.Ai.Gateway\nPOL003 A:Robustness\n"),
            new PolicyConfiguration(
                "invalid",
                new Dictionary<string, string>
                {
                    ["build_property.PolicyEvaluationDate"] = "27/11/2026",
                    ["policy.requirements.high"] = "everything",
                    ["policy.bias_evaluation.max_age_days"] = "-3",
                    ["policy.count_di_wiring"] = "maybe",
                    ["policy.ai_types"] = ";;,",
                },
                "this is not a baseline line\nPOL001\nPOL999 T:Nothing\nPOL001 X\n\u0000\n"));

        private static readonly ConcurrentDictionary<(OutputKind, bool), CSharpCompilation> Templates = new ConcurrentDictionary<(OutputKind, bool), CSharpCompilation>();

        /// <summary>
        /// Creates a compilation of the given files against .NET 10, Policy.Annotations and the AI SDKs (and ASP.NET Core
        /// when <paramref name="web"/>). Derived from one template per kind, so the references are bound once, not once
        /// per compilation.
        /// </summary>
        public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool web = true)
        {
            var template = Templates.GetOrAdd((outputKind, web), key =>
            {
                var references = key.Item2 ? TestReferences.Everything : TestReferences.Net10References.Add(TestReferences.Annotations).AddRange(TestReferences.AiSdks);
                var empty = CSharpCompilation.Create(
                    "Robustness",
                    Array.Empty<SyntaxTree>(),
                    references,
                    new CSharpCompilationOptions(key.Item1, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
                _ = empty.GetDiagnostics(); // Binds the references once.
                return empty;
            });
            return template.AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, Encoding.UTF8), ParseOptions, f.Path)));
        }

        /// <summary>Runs every analyzer and suppressor; never throws for an analyzer failure, which is returned instead.</summary>
        public static Task<AnalysisRun> RunAsync(Compilation compilation, PolicyConfiguration configuration, bool concurrent = true, CancellationToken cancellationToken = default) =>
            RunAsync(compilation, configuration, AllAnalyzers, concurrent, includeCompilerDiagnostics: true, cancellationToken);

        /// <summary>Runs the given analyzers; never throws for an analyzer failure, which is returned instead.</summary>
        /// <remarks>
        /// Without <paramref name="includeCompilerDiagnostics"/> only analyzer diagnostics are computed (suppressors still
        /// apply to them): the compiler's own method-body diagnostics are the bulk of the cost and the mutation campaign
        /// does not need them.
        /// </remarks>
        public static async Task<AnalysisRun> RunAsync(
            Compilation compilation, PolicyConfiguration configuration, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent = true,
            bool includeCompilerDiagnostics = true, CancellationToken cancellationToken = default)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                configuration.CreateOptions(),
                (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = includeCompilerDiagnostics
                ? await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false)
                : await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return new AnalysisRun(diagnostics, exceptions.ToImmutableArray());
        }

        /// <summary>A stable, complete text form of a diagnostic: id, severity, suppression, location, message, additional locations.</summary>
        public static string Describe(Diagnostic diagnostic)
        {
            var builder = new StringBuilder();
            builder.Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity);
            if (diagnostic.IsSuppressed)
            {
                builder.Append(" suppressed");
            }

            builder.Append(' ').Append(DescribeLocation(diagnostic.Location));
            builder.Append(' ').Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var location in diagnostic.AdditionalLocations)
            {
                builder.Append(" +").Append(DescribeLocation(location));
            }

            foreach (var property in diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append(" {").Append(property.Key).Append('=').Append(property.Value).Append('}');
            }

            return builder.ToString();
        }

        private static string DescribeLocation(Location location)
        {
            if (location == Location.None)
            {
                return "(none)";
            }

            var span = location.GetLineSpan();
            return span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "-" +
                   (span.EndLinePosition.Line + 1) + "," + (span.EndLinePosition.Character + 1) + ")";
        }
    }

    /// <summary>The result of one analysis: every diagnostic (compiler and analyzers) and the analyzer exceptions.</summary>
    public sealed class AnalysisRun
    {
        /// <summary>Creates a result.</summary>
        public AnalysisRun(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> exceptions)
        {
            Diagnostics = diagnostics;
            Exceptions = exceptions;
        }

        /// <summary>All diagnostics.</summary>
        public ImmutableArray<Diagnostic> Diagnostics { get; }

        /// <summary>Exceptions thrown by an analyzer or suppressor (what the compiler would report as AD0001).</summary>
        public ImmutableArray<string> Exceptions { get; }

        /// <summary>True when a rule about code fired (anything but the configuration and baseline rules POL090 and POL022).</summary>
        public bool HasCodeFindings => Diagnostics.Any(d => d.Id.StartsWith("POL", StringComparison.Ordinal) && d.Id != "POL090" && d.Id != "POL022");

        /// <summary>The POL diagnostics, described and sorted ordinally.</summary>
        public ImmutableArray<string> PolicyDiagnostics => Diagnostics
            .Where(d => d.Id.StartsWith("POL", StringComparison.Ordinal))
            .Select(PolicyAnalysis.Describe)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <summary>What went wrong: analyzer exceptions and AD0001 diagnostics; empty when the analyzers behaved.</summary>
        public IEnumerable<string> Failures => Exceptions.Concat(Diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>A policy configuration: global analyzer options and the baseline file.</summary>
    public sealed class PolicyConfiguration
    {
        /// <summary>Creates a configuration.</summary>
        public PolicyConfiguration(string name, IReadOnlyDictionary<string, string> globalOptions, string baseline)
        {
            Name = name;
            GlobalOptions = globalOptions;
            Baseline = baseline;
        }

        /// <summary>A short name for messages.</summary>
        public string Name { get; }

        /// <summary>The global options (.globalconfig keys and build_property values).</summary>
        public IReadOnlyDictionary<string, string> GlobalOptions { get; }

        /// <summary>The text of policy.baseline.txt.</summary>
        public string Baseline { get; }

        /// <summary>Analyzer options carrying the configuration and the baseline additional file.</summary>
        public AnalyzerOptions CreateOptions() => new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/src/policy.baseline.txt", Baseline)),
            new DictionaryOptionsProvider(GlobalOptions));

        /// <inheritdoc />
        public override string ToString() => Name;
    }

    /// <summary>An additional file held in memory.</summary>
    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        /// <summary>Creates a file.</summary>
        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        /// <inheritdoc />
        public override string Path { get; }

        /// <inheritdoc />
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Analyzer config options from a dictionary: the same options for the global scope and every file.</summary>
    public sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        /// <summary>Creates a provider.</summary>
        public DictionaryOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new DictionaryOptions(values);

        /// <inheritdoc />
        public override AnalyzerConfigOptions GlobalOptions => _options;

        /// <inheritdoc />
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        /// <inheritdoc />
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public DictionaryOptions(IReadOnlyDictionary<string, string> values) =>
                _values = values.ToImmutableDictionary(KeyComparer);

            public override IEnumerable<string> Keys => _values.Keys;

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = null!;
                return false;
            }
        }
    }
}
