using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Policy.Analyzers;
using Policy.Model;

// Measures what the analyzers cost over a generated corpus, against compile time and against a no-op analyzer with
// the same registrations as DataFlowAnalyzer (so the driver's own cost of delivering the callbacks is visible).
// Usage: dotnet run -c Release --project benchmarks/Policy.Analyzers.Benchmarks [-- <AI components> <plain types> <runs>]
var components = args.Length > 0 ? int.Parse(args[0]) : 200;
var plainTypes = args.Length > 1 ? int.Parse(args[1]) : 800;
var runs = args.Length > 2 ? int.Parse(args[2]) : 7;

var trees = Corpus.Generate(components, plainTypes);
var references = Corpus.References();
var lines = trees.Sum(t => t.GetText().Lines.Count);
Console.WriteLine($"Corpus: {components} AI components (each 2 AI calls fed through interpolation, StringBuilder and a message list, 6 ordinary methods), " +
                  $"{plainTypes} plain types (8 ordinary methods each), {trees.Length} files, {lines:N0} lines; {runs} runs, median.");

Compilation NewCompilation() => CSharpCompilation.Create("Corpus", trees, references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

var errors = NewCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (errors.Count > 0)
{
    Console.Error.WriteLine("The corpus does not compile: " + errors[0]);
    return 1;
}

var compile = Median(runs, () =>
{
    var stopwatch = Stopwatch.StartNew();
    _ = NewCompilation().GetDiagnostics();
    return stopwatch.Elapsed.TotalMilliseconds;
});
Console.WriteLine($"{"Compilation (bind and check every body)",-56} {compile}");

foreach (var analyzer in new DiagnosticAnalyzer[] { new NoOpSameRegistrationsAnalyzer(), new DataFlowAnalyzer(), new AiInventoryAnalyzer() })
{
    var count = 0;
    var time = Median(runs, () =>
    {
        var withAnalyzers = NewCompilation().WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        count = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
    });
    Console.WriteLine($"{analyzer.GetType().Name + " (analyzer execution time)",-56} {time}   {count} diagnostics");
}

// The model's own cost, without the driver: the operation trees of every body are built once (as the compiler does
// for all analyzers), then each invocation is checked for an AI call and each method with one is analysed and judged.
{
    var compilation = NewCompilation();
    var blocks = new List<(INamedTypeSymbol Owner, ImmutableArray<IOperation> Blocks, List<Microsoft.CodeAnalysis.Operations.IInvocationOperation> Invocations)>();
    foreach (var tree in compilation.SyntaxTrees)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var body in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
        {
            if (model.GetOperation(body) is { } operation && model.GetDeclaredSymbol(body)?.ContainingType is { } owner)
            {
                blocks.Add((owner, ImmutableArray.Create(operation), operation.Descendants().OfType<Microsoft.CodeAnalysis.Operations.IInvocationOperation>().ToList()));
            }
        }
    }

    var invocations = blocks.Sum(b => b.Invocations.Count);
    var sinks = 0;
    var findings = 0;
    var checkTime = Median(runs, () =>
    {
        var context = PolicyContext.Get(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).DataFlow;
        var stopwatch = Stopwatch.StartNew();
        sinks = 0;
        foreach (var block in blocks)
        {
            foreach (var invocation in block.Invocations)
            {
                sinks += context.Sink(invocation) is null ? 0 : 1;
            }
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    });
    var flowTime = Median(runs, () =>
    {
        var context = PolicyContext.Get(compilation.Clone(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).DataFlow;
        var stopwatch = Stopwatch.StartNew();
        findings = 0;
        foreach (var block in blocks)
        {
            Policy.Model.DataFlow.MethodDataFlow? flow = null;
            foreach (var invocation in block.Invocations)
            {
                if (context.Sink(invocation) is { } sink)
                {
                    flow ??= context.Analyze(block.Owner, block.Blocks, CancellationToken.None);
                    var list = new List<Policy.Model.Evaluation.Finding>();
                    context.Evaluate(sink, flow, block.Owner, list, CancellationToken.None);
                    findings += list.Count;
                }
            }
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    });
    var setupTime = Median(runs, () =>
    {
        var stopwatch = Stopwatch.StartNew();
        var policy = PolicyContext.Get(compilation.Clone(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        _ = policy.DataFlow;
        _ = policy.Index;
        return stopwatch.Elapsed.TotalMilliseconds;
    });
    Console.WriteLine($"Model only, operation trees already built: {invocations:N0} invocations in {blocks.Count:N0} bodies, {sinks} AI calls, {findings} findings");
    Console.WriteLine($"{"  per compilation: policy, catalogue, index",-56} {setupTime}");
    Console.WriteLine($"{"  AI-call check of every invocation",-56} {checkTime}   ({checkTime.Min * 1000 / Math.Max(1, invocations):F2} µs per invocation, min)");
    Console.WriteLine($"{"  check + flow analysis + judgement",-56} {flowTime}   ({(flowTime.Min - checkTime.Min) * 1000 / Math.Max(1, sinks):F1} µs per AI call, min, cold caches)");
}

return 0;

static Timing Median(int runs, Func<double> measure)
{
    _ = measure(); // warm-up: JIT, caches of the reference assemblies
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        times.Add(measure());
    }

    times.Sort();
    return new Timing(times[times.Count / 2], times[0]);
}

/// <summary>The registrations of DataFlowAnalyzer (compilation start with the same early exit, an operation block start per body, an invocation action) doing nothing.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpSameRegistrationsAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("NOOP001", "No-op", "No-op", "Benchmark", DiagnosticSeverity.Hidden, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (PolicyContext.Get(start.Compilation, start.Options).Matcher.IsEmpty)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(_ => { }, OperationKind.Invocation));
        });
    }
}

/// <summary>Median and minimum of the runs, in milliseconds. On a shared machine the minimum is the better estimate of the intrinsic cost.</summary>
internal readonly record struct Timing(double Median, double Min)
{
    public static double operator -(Timing a, Timing b) => a.Median - b.Median;

    public override string ToString() => $"{Median,9:F1} ms (min {Min,8:F1})";
}

internal static class Corpus
{
    public static ImmutableArray<SyntaxTree> Generate(int components, int plainTypes)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        for (var i = 0; i < components; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Component(i), options, path: $"/corpus/Component{i}.cs"));
        }

        for (var i = 0; i < plainTypes; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(Plain(i), options, path: $"/corpus/Plain{i}.cs"));
        }

        return trees.ToImmutable();
    }

    public static ImmutableArray<MetadataReference> References()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToList();
        paths.Add(typeof(Policy.Annotations.AiSystemAttribute).Assembly.Location);
        paths.Add(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static string Component(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Policy.Annotations;

        namespace Corpus.Area{{i}};

        public sealed class Customer{{i}}
        {
            public string Name { get; set; } = "";
            [Classification(DataClass.Personal)] public string Email { get; set; } = "";
            [Classification(DataClass.Internal)] public string Notes { get; set; } = "";
            public int Age { get; set; }
            public List<string> Tags { get; } = new();
        }

        [AiSystem("system-{{i}}")]
        public sealed class Assistant{{i}}(IChatClient chat)
        {
            private readonly string _persona = "You are assistant {{i}}.";

            public Task<ChatResponse> SummariseAsync(Customer{{i}} customer) =>
                chat.GetResponseAsync($"{_persona} Summarise the notes of {customer.Email}: {customer.Notes}");

            public Task<ChatResponse> DraftAsync(Customer{{i}} customer, bool formal)
            {
                var prompt = new StringBuilder();
                prompt.Append(formal ? "Dear " : "Hi ").Append(customer.Name).AppendLine(",");
                foreach (var tag in customer.Tags.Where(t => t.Length > 0))
                {
                    prompt.AppendLine("- " + tag.Trim());
                }

                var messages = new List<ChatMessage> { new(ChatRole.System, _persona) };
                messages.Add(new ChatMessage(ChatRole.User, prompt.ToString()));
                return chat.GetResponseAsync(messages);
            }

            {{OrdinaryMethods(i, 6)}}
        }
        """;

    private static string Plain(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        namespace Corpus.Plain{{i}};

        public sealed class Record{{i}}
        {
            public string Name { get; set; } = "";
            public int Value { get; set; }
        }

        public sealed class Service{{i}}
        {
            {{OrdinaryMethods(i, 8)}}
        }
        """;

    private static string OrdinaryMethods(int i, int count)
    {
        var builder = new StringBuilder();
        for (var m = 0; m < count; m++)
        {
            builder.AppendLine($$"""
                    public string Describe{{m}}(IReadOnlyList<string> items, int limit)
                    {
                        var text = new StringBuilder();
                        foreach (var item in items.Where(x => !string.IsNullOrWhiteSpace(x)).Take(limit))
                        {
                            text.Append(item.Trim().ToUpperInvariant()).Append(';');
                        }

                        var summary = string.Join(", ", items.Select((x, n) => $"{n}:{x.Length}"));
                        return text.Length > 0 ? text.ToString() + summary : string.Format("{0} items ({1})", items.Count, {{i}} + {{m}});
                    }

            """);
        }

        return builder.ToString();
    }
}
