using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Policy.Analyzers.Tests.Architecture
{
    /// <summary>
    /// The namespaces of Policy.Model form layers: no cycle, facts below judgements. Computed from the sources with
    /// the semantic model (every name that binds to a Policy.Model symbol is an edge from the file's namespace to the
    /// symbol's namespace), so fully qualified names and usings count alike.
    /// </summary>
    public sealed class ModelNamespaceTests
    {
        private static readonly Lazy<SortedDictionary<string, SortedSet<string>>> Graph = new(Build);
        private readonly ITestOutputHelper _output;

        public ModelNamespaceTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void ModelNamespaces_HaveNoCycle()
        {
            var graph = Graph.Value;
            foreach (var pair in graph)
            {
                _output.WriteLine(pair.Key + " -> " + string.Join(", ", pair.Value));
            }

            var state = new Dictionary<string, int>(StringComparer.Ordinal);
            var path = new List<string>();
            foreach (var node in graph.Keys)
            {
                Visit(node);
            }

            void Visit(string node)
            {
                state.TryGetValue(node, out var s);
                if (s == 2)
                {
                    return;
                }

                if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(node)).Append(node);
                    Assert.Fail("namespace cycle in Policy.Model: " + string.Join(" -> ", cycle));
                }

                state[node] = 1;
                path.Add(node);
                foreach (var next in graph.TryGetValue(node, out var edges) ? edges : new SortedSet<string>())
                {
                    Visit(next);
                }

                path.RemoveAt(path.Count - 1);
                state[node] = 2;
            }
        }

        [Theory]
        [InlineData("Policy.Model.DataFlow", "Policy.Model.Evaluation")] // DataFlow returns facts; Evaluation turns them into findings
        [InlineData("Policy.Model.Detection", "Policy.Model.Evaluation")]
        [InlineData("Policy.Model.Declarations", "Policy.Model.Evaluation")]
        [InlineData("Policy.Model.Declarations", "Policy.Model.Settings")]
        [InlineData("Policy.Model.Rules", "Policy.Model.Evaluation")] // the catalogue is data: it knows no evaluator
        [InlineData("Policy.Model.Rules", "Policy.Model.Settings")]
        [InlineData("Policy.Model.Controls", "Policy.Model.Rules")]
        [InlineData("Policy.Model.Catalogue", "Policy.Model.Declarations")]
        public void Namespace_DoesNotDependOn(string from, string to)
        {
            var graph = Graph.Value;
            Assert.True(graph.ContainsKey(from), from + " not found");
            Assert.DoesNotContain(to, graph[from]);
        }

        private static SortedDictionary<string, SortedSet<string>> Build()
        {
            var folder = RepositoryPaths.Combine("src", "Policy.Model");
            var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                            !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f))
                .ToList();
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Concat(new[] { typeof(Compilation).Assembly.Location, typeof(CSharpCompilation).Assembly.Location })
                .Distinct(StringComparer.Ordinal)
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Policy.Model", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var from = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
                    if (from is null)
                    {
                        continue;
                    }

                    if (!graph.ContainsKey(from))
                    {
                        graph[from] = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    var info = model.GetSymbolInfo(name);
                    var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    var target = symbol switch
                    {
                        null or INamespaceSymbol => null,
                        INamedTypeSymbol type => type.ContainingNamespace?.ToDisplayString(),
                        _ => symbol.ContainingType?.ContainingNamespace?.ToDisplayString(),
                    };
                    if (target != null && target != from && (target == "Policy.Model" || target.StartsWith("Policy.Model.", StringComparison.Ordinal)))
                    {
                        graph[from].Add(target);
                    }
                }
            }

            return graph;
        }
    }
}
