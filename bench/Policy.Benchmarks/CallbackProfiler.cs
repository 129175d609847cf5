using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A measuring wrapper, not an analyzer: the analyzer-authoring rules do not apply.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, CS0618 // CS0618: the obsolete constructor is the only one a wrapper can call

namespace Policy.Benchmarks;

/// <summary>
/// The <c>callbacks</c> mode: every callback Policy.Analyzers registers, counted and measured one by one (thread CPU
/// time, bytes allocated on the thread, wall time), grouped by analyzer and action kind. Each analyzer is wrapped in a
/// <see cref="Wrapper"/> that intercepts its registrations and wraps the delegates; the analyzer's own code is unchanged.
/// </summary>
/// <remarks>
/// Unlike the telemetry (wall time inside a callback, which charges preemption and every GC pause that lands inside it),
/// thread CPU and allocated bytes are not inflated by other threads: they say which callbacks do work and which trigger
/// garbage collections (a gen0 collection runs on the allocating thread, inside its callback, and the compiler's
/// ReportAnalyzer charges the whole pause to that analyzer).
/// </remarks>
public static class CallbackProfiler
{
    /// <summary>What one kind of callback cost, summed over its calls.</summary>
    public sealed class Totals
    {
        public long Calls;
        public long CpuNanoseconds;
        public long WallTicks;
        public long AllocatedBytes;
        public long Gen0Collections;
        public long JitTicks;
        public long JitMethods;
    }

    public static ConcurrentDictionary<string, Totals> Results { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Measure thread CPU too (<c>--cpu</c>): a system call before and after every callback (about 1 µs, more than most
    /// callbacks take) and a GC safe point that the driver's telemetry then charges; off by default.
    /// </summary>
    public static bool WithCpu { get; set; }

    public static ImmutableArray<DiagnosticAnalyzer> Wrap(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        analyzers.Select(a => a is DiagnosticSuppressor ? a : (DiagnosticAnalyzer)new Wrapper(a)).ToImmutableArray();

    private struct ClockSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out ClockSpec spec);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static long ThreadCpu() => ClockGetTime(ThreadCpuClock, out var spec) == 0 ? spec.Seconds * 1_000_000_000 + spec.Nanoseconds : 0;

    private static Action<T> Measure<T>(string key, Action<T> action) => Measure(action, _ => Results.GetOrAdd(key, _ => new Totals()));

    private static readonly ConcurrentDictionary<(string Key, OperationKind Kind), string> OperationKeys = new();

    /// <summary>Operation callbacks are reported per operation kind, so that a kind that costs has a name.</summary>
    private static Action<OperationAnalysisContext> MeasureOperation(string key, Action<OperationAnalysisContext> action) =>
        Measure(action, context => Results.GetOrAdd(OperationKeys.GetOrAdd((key, context.Operation.Kind), k => k.Key + " " + k.Kind), _ => new Totals()));

    /// <summary>Wraps <paramref name="action"/>; the totals it is added to are found before the measurement starts.</summary>
    private static Action<T> Measure<T>(Action<T> action, Func<T, Totals> totalsOf) => argument =>
    {
        var totals = totalsOf(argument);
        var gen0 = GC.CollectionCount(0);
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true).Ticks;
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = WithCpu ? ThreadCpu() : 0;
        var wall = Stopwatch.GetTimestamp();
        action(argument);
        var wallTicks = Stopwatch.GetTimestamp() - wall;
        var cpuNs = WithCpu ? ThreadCpu() - cpu : 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        Interlocked.Increment(ref totals.Calls);
        Interlocked.Add(ref totals.CpuNanoseconds, cpuNs);
        Interlocked.Add(ref totals.WallTicks, wallTicks);
        Interlocked.Add(ref totals.AllocatedBytes, allocated);
        Interlocked.Add(ref totals.Gen0Collections, GC.CollectionCount(0) - gen0);
        Interlocked.Add(ref totals.JitTicks, System.Runtime.JitInfo.GetCompilationTime(currentThread: true).Ticks - jit);
        Interlocked.Add(ref totals.JitMethods, System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - jitMethods);
    };

    private static string Kinds<T>(ImmutableArray<T> kinds) => kinds.Length == 1 ? kinds[0]!.ToString()! : kinds.Length + " kinds";

    /// <summary>A DiagnosticAnalyzer that forwards to <paramref name="inner"/>, with every registration wrapped.</summary>
    private sealed class Wrapper(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

        public override void Initialize(AnalysisContext context) => inner.Initialize(new Analysis(context, inner.GetType().Name));

    }

    /// <summary>
    /// The context of <see cref="DiagnosticAnalyzer.Initialize"/>: a compilation start and a compilation action are
    /// measured here; anything else registered this early is registered from a compilation start instead (the same
    /// callbacks at the same times), so that one wrapper, <see cref="CompilationStart"/>, measures it.
    /// </summary>
    private sealed class Analysis(AnalysisContext context, string name) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            context.RegisterCompilationStartAction(Measure<CompilationStartAnalysisContext>(name + " compilation start", start => action(new CompilationStart(start, name))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) =>
            context.RegisterCompilationAction(Measure(name + " compilation", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Deferred(start => start.RegisterSemanticModelAction(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Deferred(start => start.RegisterSymbolAction(action, symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Deferred(start => start.RegisterSymbolStartAction(action, symbolKind));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Deferred(start => start.RegisterCodeBlockStartAction(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Deferred(start => start.RegisterCodeBlockAction(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Deferred(start => start.RegisterSyntaxTreeAction(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            Deferred(start => start.RegisterSyntaxNodeAction(action, syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Deferred(start => start.RegisterOperationAction(action, operationKinds));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Deferred(start => start.RegisterOperationBlockStartAction(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Deferred(start => start.RegisterOperationBlockAction(action));

        private void Deferred(Action<CompilationStartAnalysisContext> register) =>
            context.RegisterCompilationStartAction(start => register(new CompilationStart(start, name)));
    }

    private sealed class CompilationStart(CompilationStartAnalysisContext context, string name)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) =>
            context.RegisterCompilationEndAction(Measure(name + " compilation end", action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            context.RegisterSemanticModelAction(Measure(name + " semantic model", action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            context.RegisterSymbolAction(Measure(name + " symbol " + Kinds(symbolKinds), action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            context.RegisterSymbolStartAction(Measure<SymbolStartAnalysisContext>(name + " symbol start", s => action(new SymbolStart(s, name))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            context.RegisterCodeBlockStartAction(Measure(name + " code block start", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            context.RegisterCodeBlockAction(Measure(name + " code block", action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) =>
            context.RegisterSyntaxTreeAction(Measure(name + " syntax tree", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(Measure(name + " syntax node " + Kinds(syntaxKinds), action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(MeasureOperation(name + " operation", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            context.RegisterOperationBlockStartAction(Measure(name + " operation block start", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            context.RegisterOperationBlockAction(Measure(name + " operation block", action));
    }

    private sealed class SymbolStart(SymbolStartAnalysisContext context, string name)
        : SymbolStartAnalysisContext(context.Symbol, context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) =>
            context.RegisterSymbolEndAction(Measure(name + " symbol end", action));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            context.RegisterCodeBlockStartAction(Measure(name + " symbol: code block start", action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) =>
            context.RegisterCodeBlockAction(Measure(name + " symbol: code block", action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            context.RegisterSyntaxNodeAction(Measure(name + " symbol: syntax node " + Kinds(syntaxKinds), action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            context.RegisterOperationAction(MeasureOperation(name + " symbol: operation", action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            context.RegisterOperationBlockStartAction(Measure(name + " symbol: operation block start", action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) =>
            context.RegisterOperationBlockAction(Measure(name + " symbol: operation block", action));
    }
}
