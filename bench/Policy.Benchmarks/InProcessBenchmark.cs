using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Policy.Benchmarks;

/// <summary>
/// In-process measurement with CompilationWithAnalyzers: for each corpus, in paired rounds (none, no-op, ours, none,
/// no-op, ours, ...) on fresh clones of the same compilation, the compile time (bind + emit to memory, no analyzer)
/// and each analyzer's own execution time as Roslyn's driver reports it (AnalyzerTelemetryInfo.ExecutionTime).
/// </summary>
public static class InProcessBenchmark
{
    public static ImmutableArray<DiagnosticAnalyzer> Ours { get; } = typeof(Policy.Analyzers.AiInventoryAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static DiagnosticAnalyzer Noop { get; } = new NoopAnalyzer.NoopAnalyzer();

    private static readonly string[] SdkPrefixes =
    {
        "Microsoft.Extensions.AI", "Microsoft.ML", "System.ClientModel", "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives",
    };

    /// <summary>.NET 10 reference pack + Policy.Annotations + the AI SDKs (with AI), or the reference pack alone.</summary>
    public static ImmutableArray<MetadataReference> References(bool withAi)
    {
        var root = typeof(InProcessBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var refPack = Path.Combine(root, "microsoft.netcore.app.ref", "10.0.12", "ref", "net10.0");
        var paths = Directory.GetFiles(refPack, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (withAi)
        {
            paths.Add(typeof(Policy.Annotations.AiSystemAttribute).Assembly.Location);
            paths.AddRange(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
                .Where(p => SdkPrefixes.Any(prefix => Path.GetFileName(p).StartsWith(prefix, StringComparison.Ordinal)))
                .OrderBy(p => p, StringComparer.Ordinal));
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    public static CSharpCompilation Compile(IReadOnlyList<(string Path, string Text)> files, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Corpus",
            files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), new CSharpParseOptions(LanguageVersion.Latest), "/corpus/" + f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>CPU time of this process (all threads): unlike wall time, not inflated when other processes take the cores.</summary>
    public static TimeSpan CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Compile time: bind and emit (what csc does without analyzers), on a fresh clone; wall and CPU seconds.</summary>
    /// <remarks>With <paramref name="bindOnly"/> (a project this harness cannot compile completely, like the ASP.NET sample
    /// without its source generators), the time to bind and report diagnostics instead, and errors are tolerated.</remarks>
    public static (double Wall, double Cpu) CompileSeconds(Compilation compilation, bool bindOnly = false)
    {
        if (bindOnly)
        {
            var bound = compilation.Clone();
            GC.Collect();
            var startCpu = CpuNow();
            var watch = Stopwatch.StartNew();
            _ = bound.GetDiagnostics();
            return (watch.Elapsed.TotalSeconds, (CpuNow() - startCpu).TotalSeconds);
        }

        var clone = compilation.Clone();
        GC.Collect();
        var cpu = CpuNow();
        var stopwatch = Stopwatch.StartNew();
        using var stream = new MemoryStream();
        var result = clone.Emit(stream);
        stopwatch.Stop();
        var cpuSeconds = (CpuNow() - cpu).TotalSeconds;
        if (!result.Success)
        {
            throw new InvalidOperationException("corpus does not compile: " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return (stopwatch.Elapsed.TotalSeconds, cpuSeconds);
    }

    /// <summary>
    /// The analyzers' own execution time on a fresh clone (Roslyn's telemetry: wall time inside the callbacks), the CPU
    /// time of the whole analysis (binding included), the diagnostics, and the telemetry per analyzer.
    /// </summary>
    public static async Task<(double Seconds, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, double> ByAnalyzer, double Cpu)> AnalyzerSecondsAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool concurrent = true)
    {
        var exceptions = new List<string>();
        var withAnalyzers = compilation.Clone().WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, (e, a, _) => { lock (exceptions) { exceptions.Add(a + ": " + e.Message); } }, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: true));
        GC.Collect();
        var cpu = CpuNow();
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var cpuSeconds = (CpuNow() - cpu).TotalSeconds;
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("analyzer exception (AD0001): " + string.Join("\n", exceptions));
        }

        var seconds = result.AnalyzerTelemetryInfo.Values.Sum(t => t.ExecutionTime.TotalSeconds);
        var byAnalyzer = result.AnalyzerTelemetryInfo.GroupBy(p => p.Key.GetType().Name).ToDictionary(g => g.Key, g => g.Sum(p => p.Value.ExecutionTime.TotalSeconds));
        return (seconds, result.GetAllDiagnostics(), byAnalyzer, cpuSeconds);
    }

    /// <summary>The analyses Policy.Analyzers can run alone (<see cref="Policy.Model.PolicyAnalyses"/>), in report order.</summary>
    public static IReadOnlyList<Policy.Model.PolicyAnalyses> Analyses { get; } = new[]
    {
        Policy.Model.PolicyAnalyses.Inventory, Policy.Model.PolicyAnalyses.Declarations, Policy.Model.PolicyAnalyses.DataFlow,
        Policy.Model.PolicyAnalyses.Tools, Policy.Model.PolicyAnalyses.Telemetry, Policy.Model.PolicyAnalyses.Models, Policy.Model.PolicyAnalyses.Prompts,
    };

    /// <summary>Global options as the benchmark's builds set them; <paramref name="only"/> limits Policy.Analyzers to one analysis.</summary>
    public static AnalyzerOptions Options(Policy.Model.PolicyAnalyses? only = null, bool reachFilter = true)
    {
        var values = new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27" };
        if (!reachFilter)
        {
            values[Policy.Model.Settings.PolicySettings.ReachFilterKey] = "false";
        }

        if (only is { } analysis)
        {
            values[Policy.Model.PolicyAnalysisSwitch.SwitchKey] = analysis.ToString();
        }

        return new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(values));
    }

    /// <summary>Global options only (what a .globalconfig and the MSBuild property give).</summary>
    private sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value)
            {
                if (values.TryGetValue(key, out var found))
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
