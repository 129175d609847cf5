using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Same answer every time: one compilation analysed 50 times in parallel, and the same input analysed twice from
    /// scratch (concurrently and sequentially), give the same sorted diagnostics, down to message, location,
    /// severity, suppression and properties.
    /// </summary>
    [Trait("Category", "Robustness")]
    public sealed class ConcurrencyAndDeterminismTests
    {
        /// <summary>A file with one finding of most rules, added to the sample without its governance declarations.</summary>
        private const string Findings = """
            using System;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            namespace Robustness.Findings
            {
                [AiSystem("dup", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High, AutomatedDecisions = true)]
                public sealed class First(IChatClient chat) { public IChatClient Chat => chat; }

                [AiSystem("dup", Purpose = "TODO", Owner = "", RiskLevel = AiRiskLevel.Prohibited)]
                public sealed class Second { }

                [AiComponent("nowhere")]
                public sealed class Orphan(IChatClient chat) { public IChatClient Chat => chat; }

                [AiSystem("scoring", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High, ProcessesPersonalData = true)]
                [BiasEvaluation(Report = "r", EvaluatedOn = "2024-01-01")]
                [ImpactAssessment(Reference = "r", AssessedOn = "2025-13-01")]
                [PolicyExemption("POL002", Justification = "pilot", ApprovedBy = "cro", Expires = "2027-06-30")]
                [PolicyExemption("POL005", Justification = "", ApprovedBy = "cro", Expires = "2020-01-01")]
                public sealed class Scoring(IChatClient chat) { public IChatClient Chat => chat; }

                public sealed class Undeclared1(IChatClient chat) { public IChatClient Chat => chat; }
                public sealed class Undeclared2 { public object Make() => new Microsoft.ML.MLContext(seed: 1); }
            }
            """;

        internal static IEnumerable<(string Path, string Text)> Input()
        {
            var sample = RobustnessCorpus.Samples.First();
            return sample.Files
                .Where(f => !f.Path.Contains("/Governance/", System.StringComparison.Ordinal))
                .Select(f => (f.Path, f.Text))
                .Concat(sample.ImplicitFiles.Select(f => (f.Path, f.Text)))
                .Append(("/src/Findings.cs", Findings));
        }

        [Fact]
        public async Task SameCompilation_AnalysedFiftyTimesInParallel_GivesIdenticalDiagnostics()
        {
            var compilation = PolicyAnalysis.Compile(Input(), OutputKind.ConsoleApplication);
            var configuration = PolicyAnalysis.Configurations[0];
            var reference = await PolicyAnalysis.RunAsync(compilation, configuration, concurrent: false);
            Assert.Empty(reference.Failures);
            var expected = reference.PolicyDiagnostics;
            Assert.True(expected.Length >= 10, "expected a rich set of findings, got:\n" + string.Join("\n", expected));
            foreach (var id in new[] { "POL001", "POL002", "POL003", "POL004", "POL005", "POL006", "POL007", "POL008", "POL009", "POL012", "POL020", "POL021", "POL022" })
            {
                Assert.Contains(expected, d => d.StartsWith(id + " ", System.StringComparison.Ordinal));
            }

            Assert.Contains(expected, d => d.Contains(" suppressed ", System.StringComparison.Ordinal)); // The exemption suppressor took part.
            var runs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => PolicyAnalysis.RunAsync(compilation, configuration, concurrent: true))));
            foreach (var run in runs)
            {
                Assert.Empty(run.Failures);
                AssertSame(expected, run.PolicyDiagnostics, "parallel run");
            }
        }

        [Fact]
        public async Task SameInput_AnalysedTwiceFromScratch_GivesIdenticalDiagnostics()
        {
            foreach (var configuration in PolicyAnalysis.Configurations)
            {
                var first = await PolicyAnalysis.RunAsync(PolicyAnalysis.Compile(Input(), OutputKind.ConsoleApplication), configuration, concurrent: true);
                var second = await PolicyAnalysis.RunAsync(PolicyAnalysis.Compile(Input(), OutputKind.ConsoleApplication), configuration, concurrent: false);
                Assert.Empty(first.Failures);
                Assert.Empty(second.Failures);
                Assert.NotEmpty(first.PolicyDiagnostics);
                AssertSame(first.PolicyDiagnostics, second.PolicyDiagnostics, configuration.Name);
            }
        }

        [Fact]
        public async Task EverySample_DeclaredAsShipped_HasNoCodeFindings()
        {
            foreach (var sample in RobustnessCorpus.Samples)
            {
                var run = await PolicyAnalysis.RunAsync(PolicyAnalysis.Compile(sample.Original, sample.OutputKind), PolicyAnalysis.Configurations[0]);
                Assert.Empty(run.Failures);
                var unexpected = run.Diagnostics.Where(d => d.Id.StartsWith("POL", System.StringComparison.Ordinal) && d.Id != "POL022" && d.Severity > DiagnosticSeverity.Info);
                Assert.Empty(unexpected.Select(PolicyAnalysis.Describe));
                // CS8795: the [LoggerMessage] partial methods are implemented by the logging source generator, which this
                // in-process compilation does not run; any other compiler error means the sample was not compiled faithfully.
                Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Select(PolicyAnalysis.Describe));
            }
        }

        private static void AssertSame(ImmutableArray<string> expected, ImmutableArray<string> actual, string what)
        {
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail(what + " differs:\n" + string.Join("\n", expected.Except(actual).Select(d => "- " + d).Concat(actual.Except(expected).Select(d => "+ " + d))) +
                            "\n(counts " + expected.Length + " vs " + actual.Length + ")");
            }
        }

        // Two evidence packs of the same input are byte-identical: tests/Policy.Cli.Tests (FixtureTests.Evidence_IsCompleteDeterministicAndSchemaValid)
        // and tests/Policy.Evidence.Tests (DeterminismTests) cover it with the real tool.
    }
}
