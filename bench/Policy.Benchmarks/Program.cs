using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Benchmarks;

// Policy.Analyzers performance benchmark (docs/performance.md).
//   dotnet run -c Release --project bench/Policy.Benchmarks -- smoke        CI: 1k corpus once, checks findings, no timing assertions
//   dotnet run -c Release --project bench/Policy.Benchmarks -- inprocess    1k/5k/20k corpora (+ no-AI corpus), paired rounds
//   dotnet run -c Release --project bench/Policy.Benchmarks -- build        dotnet build -p:ReportAnalyzer=true on generated projects
//   dotnet run -c Release --project bench/Policy.Benchmarks -- evidence     `policy evidence` vs `dotnet build`: wall time and peak memory
//   dotnet run -c Release --project bench/Policy.Benchmarks -- dataflow     POL010/POL011 on a data-flow heavy corpus (--sizes = AI components)
//   dotnet run -c Release --project bench/Policy.Benchmarks -- micro        hot paths without the driver (stopwatch, single thread)
//   dotnet run -c Release --project bench/Policy.Benchmarks -- callbacks    every callback of Policy.Analyzers: calls, wall, JIT, bytes, GCs
//   dotnet run -c Release --project bench/Policy.Benchmarks -- reach        POL001's reach filter: build cost, types left out, same findings without it
//   dotnet run -c Release --project bench/Policy.Benchmarks -- all
// Options: --rounds N (default 3), --sizes 1000,5000,20000, --out DIR (generated projects; default $TMPDIR/policy-bench),
//          --report FILE (markdown copy of the results), --il (build and evidence modes: measure the IL analyzer DLLs instead
//          of the ReadyToRun images that this project's build makes on linux-x64, the form the package ships there),
//          --alone (build mode: one more build per round with Policy.Analyzers as the only analyzer package).
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "smoke";
var rounds = int.Parse(Option("--rounds") ?? (mode == "smoke" ? "1" : "3"), CultureInfo.InvariantCulture);
var sizes = (Option("--sizes") ?? (mode == "smoke" ? "1000" : "1000,5000,20000")).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var outDir = Option("--out") ?? Path.Combine(Path.GetTempPath(), "policy-bench");
var report = new StringBuilder();
BuildBenchmark.PreferIl = Array.IndexOf(args, "--il") >= 0;

Line($"# Policy.Analyzers benchmark ({mode}) {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Line($"machine: {Environment.ProcessorCount} cores, {Cpu()}, {MemoryGiB()} GiB; {RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription}");
Line($"command: dotnet run -c Release --project bench/Policy.Benchmarks -- {string.Join(' ', args)}");
Line(string.Empty);

if (mode is "smoke" or "inprocess" or "all")
{
    await InProcess(mode == "smoke");
}

if (mode == "reach")
{
    await Reach();
}

if (mode == "profile")
{
    // For a profiler (dotnet-trace collect -- dotnet Policy.Benchmarks.dll profile): ours only, on the first size, --rounds times.
    var compilation = InProcessBenchmark.Compile(CorpusGenerator.Generate(sizes[0], withAi: true), InProcessBenchmark.References(withAi: true));
    _ = compilation.GetDiagnostics();
    // --only ANALYSIS: Policy.Analyzers with one analysis enabled (PolicyAnalyses names).
    var profileOptions = Option("--only") is { } only ? InProcessBenchmark.Options(Enum.Parse<Policy.Model.PolicyAnalyses>(only, ignoreCase: true)) : InProcessBenchmark.Options();
    for (var i = 0; i < rounds; i++)
    {
        var (seconds, _, split, _) = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, InProcessBenchmark.Ours, profileOptions);
        Line($"round {i}: {Ms(seconds)} ms (" + string.Join(", ", split.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Ms(p.Value)}")) + ")");
    }
}

if (mode == "callbacks")
{
    // Every callback of Policy.Analyzers counted and measured (thread CPU, bytes allocated, wall), per analyzer and action
    // kind: round 1 is the cold start (JIT of our code in this process), the last round a warm one.
    await Callbacks();
}

if (mode == "dataflow")
{
    await DataFlow();
}

if (mode == "micro")
{
    // Stopwatch harness for the hot paths, without the driver: the detector's operation and signature checks and the
    // data-flow sink recognition over every operation and type of a bound corpus, single-threaded, five rounds.
    Micro();
}

if (mode is "build" or "all")
{
    Build();
}

if (mode is "evidence" or "all")
{
    Evidence();
}

if (Option("--report") is { } reportPath)
{
    File.WriteAllText(reportPath, report.ToString());
}

return 0;

async Task Callbacks()
{
    var compilation = InProcessBenchmark.Compile(CorpusGenerator.Generate(sizes[0], withAi: true), InProcessBenchmark.References(withAi: true));
    _ = compilation.GetDiagnostics();
    CallbackProfiler.WithCpu = args.Contains("--cpu");
    var wrapped = CallbackProfiler.Wrap(InProcessBenchmark.Ours);
    Line($"## Callbacks of Policy.Analyzers, {sizes[0]:N0}-type corpus (thread CPU, bytes allocated on the thread, wall; summed over calls)");
    Line(string.Empty);
    for (var round = 1; round <= rounds; round++)
    {
        CallbackProfiler.Results.Clear();
        var gen0 = GC.CollectionCount(0);
        var pause = GC.GetTotalPauseDuration();
        var (seconds, diagnostics, byAnalyzer, cpu) = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, wrapped, InProcessBenchmark.Options(), concurrent: !args.Contains("--sequential"));
        if (round != 1 && round != rounds)
        {
            continue;
        }

        var results = CallbackProfiler.Results.OrderByDescending(p => p.Value.WallTicks).ToList();
        Line($"Round {round}{(round == 1 ? " (cold: includes the JIT of our code)" : string.Empty)}: telemetry {Ms(seconds)} ms, " +
             $"process CPU of the analysis {Ms(cpu)} ms, gen0 collections in the analysis {GC.CollectionCount(0) - gen0}, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, " +
             $"{diagnostics.Count(d => d.Id.StartsWith("POL", StringComparison.Ordinal))} POL findings; telemetry per analyzer: " +
             string.Join(", ", byAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Ms(p.Value)} ms")) + ".");
        Line(string.Empty);
        Line("| callback | calls | CPU ms | wall ms | JIT ms (methods) | allocated KiB | gen0 GCs during | CPU per call (µs) | bytes per call |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (key, t) in results)
        {
            Line($"| {key} | {t.Calls:N0} | {t.CpuNanoseconds / 1e6:F1} | {t.WallTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F1} | {t.JitTicks / 1e4:F1} ({t.JitMethods}) | {t.AllocatedBytes / 1024.0:F0} | {t.Gen0Collections} | " +
                 $"{(t.Calls == 0 ? 0 : t.CpuNanoseconds / 1e3 / t.Calls):F2} | {(t.Calls == 0 ? 0 : t.AllocatedBytes / t.Calls):N0} |");
        }

        var all = results.Aggregate((Cpu: 0L, Wall: 0L, Bytes: 0L, Calls: 0L, Jit: 0L, Gcs: 0L), (a, p) => (a.Cpu + p.Value.CpuNanoseconds, a.Wall + p.Value.WallTicks, a.Bytes + p.Value.AllocatedBytes, a.Calls + p.Value.Calls, a.Jit + p.Value.JitTicks, a.Gcs + p.Value.Gen0Collections));
        Line($"| **all** | {all.Calls:N0} | {all.Cpu / 1e6:F1} | {all.Wall * 1000.0 / System.Diagnostics.Stopwatch.Frequency:F1} | {all.Jit / 1e4:F1} | {all.Bytes / 1024.0:F0} | {all.Gcs} | | |");
        Line(string.Empty);
    }
}

async Task InProcess(bool smoke)
{
    var withAi = InProcessBenchmark.References(withAi: true);
    var withoutAi = InProcessBenchmark.References(withAi: false);
    var options = InProcessBenchmark.Options();
    var ours = InProcessBenchmark.Ours;
    var noop = ImmutableArray.Create(InProcessBenchmark.Noop);

    // Warm-up (JIT of the compiler, the driver and the analyzers), and the fixed start-up cost: a 10-type corpus.
    var tiny = InProcessBenchmark.Compile(CorpusGenerator.Generate(10, withAi: true), withAi);
    for (var i = 0; i < 3; i++)
    {
        _ = InProcessBenchmark.CompileSeconds(tiny);
        _ = await InProcessBenchmark.AnalyzerSecondsAsync(tiny, ours, options);
        _ = await InProcessBenchmark.AnalyzerSecondsAsync(tiny, noop, options);
    }

    var startup = Median(await Repeat(5, async () => (await InProcessBenchmark.AnalyzerSecondsAsync(tiny, ours, options)).Seconds));

    Line("## In process (CompilationWithAnalyzers, analyzer execution time from AnalyzerTelemetryInfo; medians of paired rounds)");
    Line(string.Empty);
    Line($"Fixed start-up cost of Policy.Analyzers (10-type compilation): {Ms(startup)} ms.");
    Line(string.Empty);
    Line("Telemetry columns: Roslyn's AnalyzerTelemetryInfo.ExecutionTime (wall time inside the callbacks, summed over threads; inflated by");
    Line("preemption and GC pauses on a loaded machine). CPU columns: process CPU time of the whole analysis with ours minus the same with the");
    Line("no-op analyzer (the CPU our callbacks add; binding cancels out), against the CPU time of compile (bind + emit).");
    Line(string.Empty);
    Line("| corpus | lines | compile wall | compile CPU | no-op (telemetry) | ours (telemetry) | ours / compile (telemetry) | ours / no-op (telemetry) | ours added CPU | ours / compile (CPU) | ours per type (telemetry, after start-up) | POL findings |");
    Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

    var corpora = sizes.Select(n => ($"{n:N0} types, AI", CorpusGenerator.Generate(n, withAi: true), withAi, n)).ToList();
    if (!smoke)
    {
        var noAi = sizes.Length > 1 ? sizes[1] : sizes[0];
        corpora.Add(($"{noAi:N0} types, no AI SDK, no Policy.Annotations", CorpusGenerator.Generate(noAi, withAi: false), withoutAi, noAi));
        corpora.Add(("samples/LendingService without Program.cs (bind only: no ASP.NET, OpenAI or logging generator here)", SampleFiles(), withAi, 0));
    }

    var details = new List<string>();
    var perAnalysis = new List<string>();
    foreach (var (name, files, references, types) in corpora)
    {
        // Each analysis alone (PolicyAnalyses, set through the benchmark's global option), in the same rounds as the rest,
        // on the AI corpora: a regression then has a name. Skipped with --no-per-analysis.
        var splitAnalyses = !smoke && types > 0 && references == withAi && Array.IndexOf(args, "--no-per-analysis") < 0;
        var analysisTimes = InProcessBenchmark.Analyses.ToDictionary(a => a, _ => new List<double>());
        var compilation = InProcessBenchmark.Compile(files, references);
        var compile = new List<double>();
        var compileCpu = new List<double>();
        var noopTimes = new List<double>();
        var ourTimes = new List<double>();
        var addedCpu = new List<double>();
        var findings = 0;
        IReadOnlyDictionary<string, double> byAnalyzer = new Dictionary<string, double>();
        for (var round = 0; round < rounds; round++)
        {
            var (compileWall, compileCpuSeconds) = InProcessBenchmark.CompileSeconds(compilation, bindOnly: types == 0);
            compile.Add(compileWall);
            compileCpu.Add(compileCpuSeconds);
            var noopRun = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, noop, options);
            noopTimes.Add(noopRun.Seconds);
            var (seconds, diagnostics, split, cpu) = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, ours, options);
            byAnalyzer = split;
            ourTimes.Add(seconds);
            addedCpu.Add(cpu - noopRun.Cpu);
            findings = diagnostics.Count(d => d.Id.StartsWith("POL", StringComparison.Ordinal));
            if (splitAnalyses)
            {
                foreach (var analysis in InProcessBenchmark.Analyses)
                {
                    analysisTimes[analysis].Add((await InProcessBenchmark.AnalyzerSecondsAsync(compilation, ours, InProcessBenchmark.Options(analysis))).Seconds);
                }
            }
        }

        if (splitAnalyses)
        {
            perAnalysis.Add($"| {name} | " + string.Join(" | ", InProcessBenchmark.Analyses.Select(a => $"{Ms(Median(analysisTimes[a]))} ms ({Median(analysisTimes[a]) / Median(compile):P2})")) +
                            $" | {Ms(Median(ourTimes))} ms ({Median(ourTimes) / Median(compile):P2}) |");
        }

        var (c, n, o) = (Median(compile), Median(noopTimes), Median(ourTimes));
        var (cc, added) = (Median(compileCpu), Median(addedCpu));
        var perType = types > 0 ? $"{(o - startup) / types * 1e6:F1} µs" : "n/a";
        var lines = files.Sum(f => f.Text.Count(ch => ch == '\n'));
        details.Add($"{name}: " + string.Join(", ", byAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Ms(p.Value)} ms")));
        Line($"| {name} | {lines:N0} | {Ms(c)} ms | {Ms(cc)} ms | {Ms(n)} ms | {Ms(o)} ms | {o / c:P2} | {o / n:F2}x | {Ms(added)} ms | {added / cc:P2} | {perType} | {findings} |");

        if (smoke && findings == 0)
        {
            throw new InvalidOperationException("smoke: the AI corpus produced no POL finding; the corpus or the analyzers are broken");
        }
    }

    if (perAnalysis.Count > 0)
    {
        Line(string.Empty);
        Line("Per analysis: Policy.Analyzers with only that analysis enabled (global option " + Policy.Model.PolicyAnalysisSwitch.SwitchKey + "), telemetry medians of the same");
        Line("rounds, and the share of compile. Each includes what an analysis cannot run without (the gate, the shared per-compilation context, the");
        Line("catalogue on first use, the configuration and baseline analyzers and the suppressor, which always run); tools, telemetry, model ids and");
        Line("system prompts share the data-flow analyzer's one operation action, so each of them also pays its dispatch.");
        Line(string.Empty);
        Line("| corpus | " + string.Join(" | ", InProcessBenchmark.Analyses.Select(AnalysisName)) + " | all (same rounds) |");
        Line("|---|" + string.Concat(Enumerable.Repeat("---:|", InProcessBenchmark.Analyses.Count + 1)));
        foreach (var row in perAnalysis)
        {
            Line(row);
        }
    }

    Line(string.Empty);
    Line("Per analyzer (last round):");
    Line(string.Empty);
    foreach (var detail in details)
    {
        Line("- " + detail);
    }

    Line(string.Empty);
}

void Build()
{
    Line("## Out of process (`dotnet build --no-incremental -p:ReportAnalyzer=true -v:d`, cold compiler, rounds A B A B)");
    Line(string.Empty);
    Line("A = `-p:RunAnalyzers=false` (compile time: the Csc task); B = Policy.Analyzers + no-op analyzer + Meziantou.Analyzer " +
         BuildBenchmark.MeziantouVersion + " in the same build (each timed by the compiler's ReportAnalyzer table).");
    Line("Policy.Analyzers measured as: " + BuildBenchmark.AnalyzerForm + ".");
    Line(string.Empty);
    Line("| corpus | round | Csc, no analyzers | Csc, with B | Policy.Analyzers | no-op | Meziantou.Analyzer | ours / compile | ours / no-op | ours / Meziantou |");
    Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    var details = new List<string>();
    var alone = new List<string>();
    var withAlone = Array.IndexOf(args, "--alone") >= 0;
    var corpora = sizes.Select(n => ($"{n:N0} types, AI", n, true)).ToList();
    corpora.Add(($"{sizes.Max():N0} types, no AI SDK, no Policy.Annotations", sizes.Max(), false));
    foreach (var (name, types, ai) in corpora)
    {
        var directory = Path.Combine(outDir, $"corpus-{types}{(ai ? string.Empty : "-noai")}");
        BuildBenchmark.WriteProject(directory, CorpusGenerator.Generate(types, ai), ai);
        BuildBenchmark.Restore(directory);
        for (var round = 1; round <= rounds; round++)
        {
            var r = BuildBenchmark.Round(directory, name, round, ai);
            var ours = r.ByAssembly.GetValueOrDefault("Policy.Analyzers") + r.ByAssembly.GetValueOrDefault("Policy.Model");
            var noop = r.ByAssembly.GetValueOrDefault("Policy.Benchmarks.NoopAnalyzer");
            var meziantou = r.ByAssembly.GetValueOrDefault("Meziantou.Analyzer");
            Line($"| {name} | {round} | {r.CscWithoutAnalyzers:F2} s | {r.CscWithAnalyzers:F2} s | {ours:F3} s | {noop:F3} s | {meziantou:F3} s | " +
                 $"{ours / r.CscWithoutAnalyzers:P2} | {Ratio(ours, noop)} | {Ratio(ours, meziantou)} |");
            details.Add($"{name}, round {round}: " + (r.ByAnalyzer.Count == 0 ? "(no per-analyzer rows)" :
                string.Join(", ", r.ByAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:F3} s"))));
            if (withAlone && ai)
            {
                // The same compile with Policy.Analyzers as the only analyzer package (every analysis on), paired with its own
                // A build: what a project without other analyzers pays, without Meziantou's callbacks competing for the cores.
                var single = BuildBenchmark.AnalysisRound(directory, name, round, Policy.Model.PolicyAnalyses.All);
                var oursAlone = single.ByAssembly.GetValueOrDefault("Policy.Analyzers") + single.ByAssembly.GetValueOrDefault("Policy.Model");
                alone.Add($"| {name} | {round} | {single.CscWithoutAnalyzers:F2} s | {single.CscWithAnalyzers:F2} s | {oursAlone:F3} s | {oursAlone / single.CscWithoutAnalyzers:P2} |");
            }
        }
    }

    if (alone.Count > 0)
    {
        Line(string.Empty);
        Line("Policy.Analyzers as the only analyzer package (`--alone`: every analysis on, no no-op, no Meziantou; each B paired with its own A):");
        Line(string.Empty);
        Line("| corpus | round | Csc, no analyzers | Csc, ours alone | Policy.Analyzers | ours / compile |");
        Line("|---|---:|---:|---:|---:|---:|");
        foreach (var row in alone)
        {
            Line(row);
        }
    }

    Line(string.Empty);
    Line("Per analyzer of Policy.Analyzers (the compiler's table; tools, telemetry, model ids and system prompts are inside DataFlowAnalyzer,");
    Line("POL015's event-logging observation inside DeclarationAnalyzer: `--per-analysis` times each analysis alone):");
    Line(string.Empty);
    foreach (var detail in details)
    {
        Line("- " + detail);
    }

    Line(string.Empty);
    if (Array.IndexOf(args, "--per-analysis") < 0)
    {
        return;
    }

    // Each analysis alone, on the first AI corpus: one B build per analysis (Policy.Analyzers only, the switch set through
    // -p:PolicyBenchmarkAnalyses), each paired with its own A build; --rounds times.
    var size = sizes[0];
    var project = Path.Combine(outDir, $"corpus-{size}");
    Line($"Per analysis ({size:N0} types, AI; Policy.Analyzers alone with only that analysis enabled, each B paired with its own A):");
    Line(string.Empty);
    Line("| analysis | round | Csc, no analyzers | Policy.Analyzers | ours / compile |");
    Line("|---|---:|---:|---:|---:|");
    foreach (var analysis in InProcessBenchmark.Analyses)
    {
        for (var round = 1; round <= rounds; round++)
        {
            var r = BuildBenchmark.AnalysisRound(project, $"{size:N0} types, AI", round, analysis);
            var ours = r.ByAssembly.GetValueOrDefault("Policy.Analyzers") + r.ByAssembly.GetValueOrDefault("Policy.Model");
            Line($"| {AnalysisName(analysis)} | {round} | {r.CscWithoutAnalyzers:F2} s | {ours:F3} s | {ours / r.CscWithoutAnalyzers:P2} |");
        }
    }

    Line(string.Empty);
}

async Task DataFlow()
{
    // Data-flow heavy corpus: --sizes gives the number of AI components (default 200), four plain types per component.
    var components = Option("--sizes") is null ? 200 : sizes[0];
    var files = DataFlowCorpus.Generate(components, components * 4);
    var compilation = InProcessBenchmark.Compile(files, InProcessBenchmark.References(withAi: true));
    var options = InProcessBenchmark.Options();
    var dataFlow = ImmutableArray.Create<DiagnosticAnalyzer>(InProcessBenchmark.Ours.First(a => a is Policy.Analyzers.DataFlowAnalyzer));
    var noop = ImmutableArray.Create(InProcessBenchmark.Noop);
    _ = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, dataFlow, options); // warm-up
    var compile = new List<double>();
    var noopTimes = new List<double>();
    var flowTimes = new List<double>();
    var findings = 0;
    for (var round = 0; round < rounds; round++)
    {
        compile.Add(InProcessBenchmark.CompileSeconds(compilation).Wall);
        noopTimes.Add((await InProcessBenchmark.AnalyzerSecondsAsync(compilation, noop, options)).Seconds);
        var run = await InProcessBenchmark.AnalyzerSecondsAsync(compilation, dataFlow, options);
        flowTimes.Add(run.Seconds);
        findings = run.Diagnostics.Count(d => d.Id is "POL010" or "POL011");
    }

    var lines = files.Sum(f => f.Text.Count(ch => ch == '\n'));
    Line($"## Data flow (POL010/POL011) on a data-flow heavy corpus: {components:N0} AI components with two AI calls each, {components * 4:N0} plain types, {lines:N0} lines; medians of {rounds} rounds");
    Line(string.Empty);
    Line("| compile (bind+emit) | no-op (telemetry) | DataFlowAnalyzer (telemetry) | DataFlowAnalyzer / compile | POL010/POL011 findings |");
    Line("|---:|---:|---:|---:|---:|");
    Line($"| {Ms(Median(compile))} ms | {Ms(Median(noopTimes))} ms | {Ms(Median(flowTimes))} ms | {Median(flowTimes) / Median(compile):P2} | {findings} |");
    Line(string.Empty);
}

void Evidence()
{
    Line("## `policy evidence` vs `dotnet build` (same generated project, out of process, A B A B)");
    Line(string.Empty);
    Line("A = `dotnet build --no-incremental` with Policy.Analyzers (cold compiler); B = `policy evidence --out <tmp>` (src/Policy.Cli, Release).");
    Line("Peak memory: the summed resident memory of each command's process tree (MSBuild, compiler, tool), sampled every 50 ms.");
    Line(string.Empty);
    Line("| corpus | round | build wall | build peak | evidence wall | evidence peak | evidence / build (wall) | evidence / build (memory) |");
    Line("|---|---:|---:|---:|---:|---:|---:|---:|");
    var cli = EvidenceBenchmark.CliPath();
    foreach (var types in sizes)
    {
        var directory = Path.Combine(outDir, $"corpus-{types}");
        BuildBenchmark.WriteProject(directory, CorpusGenerator.Generate(types, withAi: true), withAi: true);
        BuildBenchmark.Restore(directory);
        for (var round = 1; round <= rounds; round++)
        {
            var (build, evidence) = EvidenceBenchmark.Round(directory, cli);
            Line($"| {types:N0} types, AI | {round} | {build.Seconds:F1} s | {build.PeakMiB:F0} MiB | {evidence.Seconds:F1} s | {evidence.PeakMiB:F0} MiB | " +
                 $"{evidence.Seconds / build.Seconds:F2}x | {evidence.PeakMiB / build.PeakMiB:F2}x |");
        }
    }

    Line(string.Empty);
}

async Task Reach()
{
    // POL001's reach filter (AiReach): what it costs to build, how many types it leaves out, and that the findings are
    // the same with it off (every type analysed).
    foreach (var size in sizes)
    {
        var compilation = InProcessBenchmark.Compile(CorpusGenerator.Generate(size, withAi: true), InProcessBenchmark.References(withAi: true));
        Line($"## Reach filter ({size:N0}-type corpus)");
        Line(string.Empty);
        Line("| round | matcher ms | reach ms (CPU ms) | names | hits | rounds | types | may use AI | off reason |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (var round = 1; round <= rounds; round++)
        {
            var fresh = compilation.Clone();
            var policy = Policy.Model.PolicyContext.Get(fresh, InProcessBenchmark.Options());
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            _ = policy.Matcher;
            var matcherMs = stopwatch.Elapsed.TotalMilliseconds;
            var cpu = InProcessBenchmark.CpuNow();
            stopwatch.Restart();
            var reach = policy.Reach;
            var reachMs = stopwatch.Elapsed.TotalMilliseconds;
            var reachCpu = (InProcessBenchmark.CpuNow() - cpu).TotalMilliseconds;
            var types = 0;
            var may = 0;
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(fresh.SourceModule.GlobalNamespace);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol child)
                    {
                        stack.Push(child);
                    }

                    if (member is INamedTypeSymbol type)
                    {
                        types++;
                        may += reach.MayUseAi(type) ? 1 : 0;
                    }
                }
            }

            Line($"| {round} | {matcherMs:F1} | {reachMs:F1} ({reachCpu:F1}) | {reach.NameCount:N0} | {reach.HitCount:N0} | {reach.Rounds} | {types:N0} | {may:N0} | {reach.OffReason ?? "-"} |");
        }

        Line(string.Empty);
        var on = await InProcessBenchmark.AnalyzerSecondsAsync(compilation.Clone(), InProcessBenchmark.Ours, InProcessBenchmark.Options());
        var off = await InProcessBenchmark.AnalyzerSecondsAsync(compilation.Clone(), InProcessBenchmark.Ours, InProcessBenchmark.Options(reachFilter: false));
        static string Key(Diagnostic d) => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(CultureInfo.InvariantCulture);
        var same = on.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(off.Diagnostics.Select(Key).OrderBy(k => k, StringComparer.Ordinal));
        Line($"Findings with the filter: {on.Diagnostics.Length}, without: {off.Diagnostics.Length}, identical: {(same ? "yes" : "NO")}. " +
             $"Analyzer wall {on.Seconds:F3} s with, {off.Seconds:F3} s without (one cold pair; `inprocess` and `build` measure properly).");
        Line(string.Empty);
        if (!same)
        {
            Environment.ExitCode = 1;
        }
    }
}

void Micro()
{
    var compilation = InProcessBenchmark.Compile(CorpusGenerator.Generate(sizes[0], withAi: true), InProcessBenchmark.References(withAi: true));
    _ = compilation.GetDiagnostics();
    var policy = Policy.Model.PolicyContext.Get(compilation, InProcessBenchmark.Options());
    var operations = new List<IOperation>();
    var types = new List<INamedTypeSymbol>();
    foreach (var tree in compilation.SyntaxTrees)
    {
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax declaration && model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type)
            {
                types.Add(type);
            }
            else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax method && model.GetOperation(method) is { } body)
            {
                operations.AddRange(Microsoft.CodeAnalysis.Operations.OperationExtensions.DescendantsAndSelf(body)
                    .Where(o => Policy.Model.Detection.AiUsageDetector.OperationKinds.Contains(o.Kind)));
            }
        }
    }

    Line($"## Hot paths without the driver ({sizes[0]:N0}-type corpus, bound; single thread; per round)");
    Line(string.Empty);
    Line($"{types.Count:N0} types, {operations.Count:N0} operations of the detector's kinds.");
    Line(string.Empty);
    Line("| round | operations (POL001 detector) | signatures (POL001 detector) | AI-call recognition (POL010/POL011) |");
    Line("|---:|---:|---:|---:|");
    for (var round = 0; round < Math.Max(rounds, 3); round++)
    {
        var usage = new Policy.Model.Detection.TypeAiUsage();
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            Policy.Model.Detection.AiUsageDetector.AnalyzeOperation(operation, policy.Matcher, usage, includeWiring: false);
        }

        var operationsMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        foreach (var type in types)
        {
            Policy.Model.Detection.AiUsageDetector.AnalyzeSignature(type, policy.Matcher, usage);
        }

        var signaturesMs = stopwatch.Elapsed.TotalMilliseconds;
        stopwatch.Restart();
        foreach (var operation in operations)
        {
            _ = policy.DataFlow.Sink(operation);
        }

        Line($"| {round} | {operationsMs:F1} ms ({operationsMs * 1e6 / operations.Count:F0} ns each) | {signaturesMs:F1} ms ({signaturesMs * 1e3 / types.Count:F1} µs each) | {stopwatch.Elapsed.TotalMilliseconds:F1} ms |");
    }

    Line(string.Empty);
}

static string AnalysisName(Policy.Model.PolicyAnalyses analysis) => analysis switch
{
    Policy.Model.PolicyAnalyses.Inventory => "inventory (POL001)",
    Policy.Model.PolicyAnalyses.Declarations => "declarations (POL002-POL009, POL012-POL015, POL017, POL020/POL021)",
    Policy.Model.PolicyAnalyses.DataFlow => "data flow (POL010/POL011)",
    Policy.Model.PolicyAnalyses.Tools => "tools (POL040)",
    Policy.Model.PolicyAnalyses.Telemetry => "telemetry (POL016)",
    Policy.Model.PolicyAnalyses.Models => "model ids (POL050)",
    Policy.Model.PolicyAnalyses.Prompts => "system prompts (POL041)",
    _ => analysis.ToString(),
};

static string Ratio(double a, double b) => b > 0 ? (a / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";

static List<(string Path, string Text)> SampleFiles()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
    {
        var sample = Path.Combine(directory.FullName, "samples", "LendingService");
        if (Directory.Exists(sample))
        {
            var files = Directory.GetFiles(sample, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.EndsWith("Program.cs", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(sample, p), File.ReadAllText(p)))
                .ToList();
            files.Add(("GlobalUsings.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\nglobal using Microsoft.Extensions.DependencyInjection;\nglobal using Microsoft.Extensions.Configuration;\nglobal using Microsoft.Extensions.Logging;\n"));
            return files;
        }
    }

    throw new DirectoryNotFoundException("samples/LendingService");
}

static async Task<List<double>> Repeat(int count, Func<Task<double>> measure)
{
    var values = new List<double>();
    for (var i = 0; i < count; i++)
    {
        values.Add(await measure());
    }

    return values;
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Ms(double seconds) => (seconds * 1000).ToString("F1", CultureInfo.InvariantCulture);

static string Cpu() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
    : "unknown CPU";

static string MemoryGiB() => File.Exists("/proc/meminfo")
    ? (long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture)
    : "?";

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}
