using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.Tests.Rules;
using Policy.Model;
using Xunit.Abstractions;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The reach filter changes nothing but cost: every sample and every test input of this project (each compiled as the
    /// robustness suite compiles it) gives exactly the same findings of the two analyzers that use it (POL001's inventory
    /// analyzer; the data-flow analyzer's POL010, POL011, POL016, POL040, POL041, POL050) with the filter on and off, under
    /// the default configuration, with DI wiring counted, and with an approved-model list. The test also checks that it
    /// exercised the filter: in most inputs it was on and left types out.
    /// </summary>
    [Trait("Category", "Robustness")]
    public sealed class ReachFilterEquivalenceTests
    {
        private readonly ITestOutputHelper _output;

        public ReachFilterEquivalenceTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task EverySampleAndTestInput_SameFindings_WithAndWithoutTheFilter()
        {
            var configurations = new[]
            {
                new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27" },
                new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27", ["policy.count_di_wiring"] = "true" },
                new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27", ["policy.models.allowed"] = "gpt-4o-mini" },
            };
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new AiInventoryAnalyzer(), new DataFlowAnalyzer());

            var projects = 0;
            var filtering = 0;
            var leftOut = 0;
            var findings = 0;
            var dataFlowFindings = 0;
            var differences = new List<string>();
            foreach (var project in RobustnessCorpus.Projects)
            {
                var compilation = PolicyAnalysis.Compile(project.Original, project.OutputKind, web: project.IsSample);
                projects++;
                var reach = PolicyContext.Get(compilation, new PolicyConfiguration("on", configurations[0], string.Empty).CreateOptions()).Reach;
                if (reach.IsFiltering)
                {
                    filtering++;
                    leftOut += SourceTypes(compilation).Count(t => !reach.MayUseAi(t));
                }

                foreach (var options in configurations)
                {
                    var (on, off) = await POL001ReachTests.FindingsAsync(compilation, options, analyzers);
                    findings += off.Length;
                    dataFlowFindings += off.Count(d => !d.StartsWith("POL001", System.StringComparison.Ordinal));
                    if (!on.SequenceEqual(off))
                    {
                        differences.Add(project.Name + " (" + string.Join(", ", options.Keys) + "):\n  with the filter:\n    " + string.Join("\n    ", on) +
                                        "\n  without:\n    " + string.Join("\n    ", off));
                    }
                }
            }

            _output.WriteLine($"{projects} projects, the filter on in {filtering}, {leftOut} types left out, {findings} findings without the filter ({dataFlowFindings} of the data-flow analyzer)");
            Assert.True(differences.Count == 0, string.Join("\n", differences));

            // Not vacuous: the filter decided in most projects and left types out.
            Assert.True(filtering * 2 > projects, $"the filter was on in only {filtering} of {projects} projects");
            Assert.True(leftOut > 0);
            Assert.True(findings > 200 && dataFlowFindings > 20, $"{findings} findings, {dataFlowFindings} of the data-flow analyzer");
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(Compilation compilation)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.SourceModule.GlobalNamespace);
            while (stack.Count > 0)
            {
                foreach (var member in stack.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol child)
                    {
                        stack.Push(child);
                    }

                    if (member is INamedTypeSymbol { IsImplicitlyDeclared: false } type)
                    {
                        yield return type;
                    }
                }
            }
        }
    }
}
