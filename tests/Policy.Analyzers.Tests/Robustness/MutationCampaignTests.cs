using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Never crash: every source file of samples/ and every test input, broken at random (truncated, tokens deleted,
    /// duplicated or swapped, stray punctuation, attribute arguments of the wrong type), compiled and analysed by every
    /// analyzer and suppressor; a sample of them also goes through every code fix. Seeded and bounded: the default run
    /// is <see cref="DefaultIterations"/> mutated compilations. For a long local campaign:
    /// <c>POLICY_ROBUSTNESS_ITERATIONS=100000 POLICY_ROBUSTNESS_SEED=7 dotnet test ... --filter Category=Robustness</c>.
    /// </summary>
    [Trait("Category", "Robustness")]
    public sealed class MutationCampaignTests
    {
        /// <summary>Mutated compilations per default run.</summary>
        public const int DefaultIterations = 2000;

        /// <summary>Default seed (a date, nothing more).</summary>
        public const int DefaultSeed = 20261127;

        /// <summary>Every this many iterations also runs the code fixes (through a workspace: slower than analysis alone).</summary>
        private const int CodeFixEvery = 20;

        /// <summary>One iteration in this many mutates a file of samples/ (compiled as its whole project, ~10x a test input).</summary>
        private const int SampleOneIn = 24;

        private readonly ITestOutputHelper _output;

        public MutationCampaignTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task MutatedSources_NeverCrashAnAnalyzerOrCodeFix()
        {
            var iterations = ReadInt("POLICY_ROBUSTNESS_ITERATIONS", DefaultIterations);
            var seed = ReadInt("POLICY_ROBUSTNESS_SEED", DefaultSeed);
            var projects = RobustnessCorpus.Projects;
            var samples = projects.Where(p => p.IsSample).ToArray();
            var inputs = projects.Where(p => !p.IsSample).ToArray();
            Assert.NotEmpty(samples);
            Assert.True(inputs.Length > 50, "expected the test inputs of this project, found " + inputs.Length);

            var failures = new ConcurrentQueue<string>();
            var fixesApplied = 0;
            var withFindings = 0;
            long sampleTicks = 0, inputTicks = 0, fixTicks = 0, mutateTicks = 0;
            var sampleRuns = 0;
            var stopwatch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, iterations),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (i, cancellationToken) =>
                {
                    // One Random per iteration: any failure reproduces from (seed, iteration) alone.
                    var random = new Random(HashCode.Combine(seed, i));
                    var project = random.Next(SampleOneIn) == 0 ? samples[random.Next(samples.Length)] : inputs[random.Next(inputs.Length)];
                    var fileIndex = random.Next(project.Files.Length);
                    var started = Stopwatch.GetTimestamp();
                    var (text, mutation) = SourceMutator.Mutate(project.Files[fileIndex].Text, random);
                    var configuration = PolicyAnalysis.Configurations[i % PolicyAnalysis.Configurations.Length];
                    var where = $"seed {seed}, iteration {i}, {project.Name} file {project.Files[fileIndex].Path}, config {configuration}: {mutation}";
                    try
                    {
                        Interlocked.Add(ref mutateTicks, Stopwatch.GetTimestamp() - started);
                        started = Stopwatch.GetTimestamp();
                        var compilation = PolicyAnalysis.Compile(project.With(fileIndex, text), project.OutputKind, web: project.IsSample);
                        var run = await PolicyAnalysis.RunAsync(compilation, configuration, PolicyAnalysis.AllAnalyzers, concurrent: i % 2 == 0, includeCompilerDiagnostics: false, cancellationToken);
                        foreach (var failure in run.Failures)
                        {
                            failures.Enqueue(where + "\n" + failure + "\n--- mutated text ---\n" + text);
                        }

                        if (project.IsSample)
                        {
                            Interlocked.Increment(ref sampleRuns);
                            Interlocked.Add(ref sampleTicks, Stopwatch.GetTimestamp() - started);
                        }
                        else
                        {
                            Interlocked.Add(ref inputTicks, Stopwatch.GetTimestamp() - started);
                        }

                        started = Stopwatch.GetTimestamp();
                        if (run.HasCodeFindings)
                        {
                            Interlocked.Increment(ref withFindings);
                        }

                        if (i % (project.IsSample ? CodeFixEvery * 5 : CodeFixEvery) == 0)
                        {
                            var applied = await CodeFixRunner.RunAsync(project.With(fileIndex, text), project.OutputKind, configuration, maxDiagnostics: 2, cancellationToken);
                            Interlocked.Add(ref fixesApplied, applied);
                            Interlocked.Add(ref fixTicks, Stopwatch.GetTimestamp() - started);
                        }
                    }
                    catch (Exception exception)
                    {
                        failures.Enqueue(where + "\n" + exception + "\n--- mutated text ---\n" + text);
                    }
                });

            _output.WriteLine($"{iterations} mutated compilations (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s; " +
                              $"{withFindings} with POL findings; {fixesApplied} code actions applied; {failures.Count} failures");
            _output.WriteLine($"time (summed over threads): mutate {Seconds(mutateTicks)} s, {sampleRuns} sample compilations {Seconds(sampleTicks)} s, " +
                              $"{iterations - sampleRuns} test-input compilations {Seconds(inputTicks)} s, code fixes {Seconds(fixTicks)} s");
            Assert.True(iterations < DefaultIterations || withFindings > iterations / 10, "too few mutated inputs produce findings: the corpus no longer exercises the rules");
            Assert.True(failures.IsEmpty, failures.Count + " failures; first ones:\n\n" + string.Join("\n\n========\n\n", failures.Take(5)));
        }

        private static string Seconds(long ticks) => (ticks / (double)Stopwatch.Frequency).ToString("F1", CultureInfo.InvariantCulture);

        private static int ReadInt(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
