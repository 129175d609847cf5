using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.Tests.Robustness;
using Policy.Model;
using Policy.Model.Catalogue;
using Policy.Model.Detection;
using Policy.Model.Settings;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL001's reach filter (<see cref="AiReach"/>): a type whose code names nothing that can reach an AI type is left
    /// alone. Each case below is a type that uses AI without writing any AI SDK name: the filter must still analyse it
    /// (POL001 reports it, exactly as with the filter off), while a plain type beside it is left out. Compiled against the
    /// real SDK assemblies.
    /// </summary>
    [Trait("Rule", "POL001")]
    public sealed class POL001ReachTests
    {
        private const string Plain = """
            namespace Reach;
            public sealed class Plain
            {
                private readonly System.Collections.Generic.List<int> _items = new();
                public int Count() => _items.Count;
            }
            """;

        public static TheoryData<string, string, string> Cases { get; } = new()
        {
            {
                "a member inherited from a base class in another file",
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public abstract class ChatBase { protected IChatClient? Brain { get; set; } }
                """,
                """
                namespace Reach;
                public sealed class User : ChatBase { public object? Ask() => Brain; }
                """
            },
            {
                "a value returned by a source method",
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public static class Factory { public static IChatClient Manufacture() => null!; }
                """,
                """
                namespace Reach;
                public sealed class User { public void Run() { var client = Factory.Manufacture(); System.GC.KeepAlive(client); } }
                """
            },
            {
                "an enumerator the compiler calls unnamed (foreach)",
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public sealed class Fleet
                {
                    public Enumerator GetEnumerator() => default;
                    public struct Enumerator { public IChatClient Current => null!; public bool MoveNext() => false; }
                }
                """,
                """
                namespace Reach;
                public sealed class User { private readonly Fleet _fleet = new(); public void Run() { foreach (var client in _fleet) { System.GC.KeepAlive(client); } } }
                """
            },
            {
                "a delegate of a source type, invoked",
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public delegate IChatClient ClientFactory();
                public sealed class Registry { public ClientFactory Make { get; } = () => null!; }
                """,
                """
                namespace Reach;
                public sealed class User { private readonly Registry _registry = new(); public void Run() { var client = _registry.Make(); System.GC.KeepAlive(client); } }
                """
            },
            {
                "an indexer (called without a name)",
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public sealed class Pool { public IChatClient this[int index] => null!; }
                public sealed class Holder { public Pool Clients { get; } = new(); }
                """,
                """
                namespace Reach;
                public sealed class User { private readonly Holder _holder = new(); public void Run() { var client = _holder.Clients[0]; System.GC.KeepAlive(client); } }
                """
            },
            {
                "a global using alias",
                """
                global using Llm = Microsoft.Extensions.AI.IChatClient;
                """,
                """
                namespace Reach;
                public sealed class User { private Llm? _llm; public object? Get() => _llm; }
                """
            },
            {
                "a lambda whose parameter type comes from a source method",
                """
                using System;
                using Microsoft.Extensions.AI;
                namespace Reach;
                public static class Runner { public static void Run(Func<IChatClient, object> work) { } }
                """,
                """
                namespace Reach;
                public sealed class User { public void Go() => Runner.Run(client => client); }
                """
            },
            {
                "a nested type using its container's constrained type parameter",
                """
                namespace Reach;
                public sealed class Dummy { }
                """,
                """
                using Microsoft.Extensions.AI;
                namespace Reach;
                public sealed class Outer<T> where T : IChatClient
                {
                    public sealed class User { public T? Value { get; set; } }
                }
                """
            },
        };

        // Names no referenced assembly uses (Brain, Manufacture, Fleet, ...): each case passes only through the rule it is about.
        [Theory]
        [MemberData(nameof(Cases))]
        public async Task TypeReachingAiWithoutNamingIt_IsAnalysed(string description, string declarations, string user)
        {
            var compilation = PolicyAnalysis.Compile(new[] { ("/src/Declarations.cs", declarations), ("/src/User.cs", user), ("/src/Plain.cs", Plain) });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var reach = PolicyContext.Get(compilation, On.CreateOptions()).Reach;
            Assert.True(reach.IsFiltering, description + ": the filter is off (" + reach.OffReason + "), so this case proves nothing");
            Assert.True(reach.MayUseAi(Type(compilation, "User")), description + ": the filter leaves the type out");
            Assert.False(reach.MayUseAi(Type(compilation, "Reach.Plain")), "a plain type is left out");

            var (on, off) = await FindingsAsync(compilation);
            Assert.Equal(string.Join("\n", off), string.Join("\n", on));
            Assert.Contains(on, d => d.StartsWith("POL001", StringComparison.Ordinal) && d.Contains("/src/User.cs", StringComparison.Ordinal));
        }

        [Fact]
        public void Matcher_BuiltOnceAndShared_NeverAwaitedByACallback()
        {
            // The analyzers' symbol starts ask MatcherIfBuilt: the first caller builds the matcher, a caller that arrives
            // while another builds it gets null (and analyses its type in full) instead of waiting or building a second one.
            var compilation = PolicyAnalysis.Compile(new[] { ("/src/Plain.cs", Plain) });
            var policy = PolicyContext.Get(compilation, On.CreateOptions());
            var results = new AiTypeMatcher?[8];
            using (var barrier = new System.Threading.Barrier(results.Length))
            {
                System.Threading.Tasks.Parallel.For(0, results.Length, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
                {
                    barrier.SignalAndWait();
                    results[i] = policy.MatcherIfBuilt();
                });
            }

            var built = policy.Matcher;
            Assert.Contains(results, r => r != null);
            Assert.All(results, r => Assert.True(r is null || ReferenceEquals(r, built)));
            Assert.Same(built, policy.MatcherIfBuilt());
        }

        [Fact]
        public async Task LargeFileReadInChunks_SameAnswersAsASmallOne()
        {
            // A file of more than 40,000 characters is held by the compiler in chunks (not one string): the filter copies it.
            var padding = new System.Text.StringBuilder("namespace Reach;\n");
            for (var i = 0; padding.Length < 120_000; i++)
            {
                padding.Append("public sealed class Filler").Append(i).Append(" { public int Value { get; set; } public int Twice() => Value * 2; }\n");
            }

            padding.Append("public sealed class Bot { private readonly Microsoft.Extensions.AI.IChatClient? _chat; public object? Get() => _chat; }\n");
            var text = SourceText.From(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(padding.ToString())), System.Text.Encoding.UTF8);
            Assert.NotEqual("StringText", text.GetType().Name);
            var small = PolicyAnalysis.Compile(new[] { ("/src/Plain.cs", Plain) });
            var compilation = small.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)small.SyntaxTrees.First().Options, "/src/Large.cs"));

            var reach = PolicyContext.Get(compilation, On.CreateOptions()).Reach;
            Assert.True(reach.IsFiltering, reach.OffReason);
            Assert.True(reach.MayUseAi(Type(compilation, "Reach.Bot")));
            Assert.False(reach.MayUseAi(Type(compilation, "Reach.Filler7")));
            Assert.False(reach.MayUseAi(Type(compilation, "Reach.Plain")));

            var (on, off) = await FindingsAsync(compilation);
            Assert.Equal(string.Join("\n", off), string.Join("\n", on));
            Assert.Contains(on, d => d.StartsWith("POL001", StringComparison.Ordinal) && d.Contains("/src/Large.cs", StringComparison.Ordinal));
        }

        [Fact]
        public void ExtensionMethodOfAnSdkOnAnotherType_ReachesAi()
        {
            // AddChatClient extends IServiceCollection (not an AI type) from Microsoft.Extensions.AI: its name counts.
            var compilation = PolicyAnalysis.Compile(new[]
            {
                ("/src/Setup.cs", """
                    using Microsoft.Extensions.DependencyInjection;
                    namespace Reach;
                    public static class Setup { public static void Configure(IServiceCollection services) => services.AddChatClient(_ => null!); }
                    """),
                ("/src/Plain.cs", Plain),
            });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var reach = PolicyContext.Get(compilation, On.CreateOptions()).Reach;
            Assert.True(reach.IsFiltering, reach.OffReason);
            Assert.True(reach.MayUseAi(Type(compilation, "Reach.Setup")));
            Assert.False(reach.MayUseAi(Type(compilation, "Reach.Plain")));
        }

        [Fact]
        public void UsingStaticOfAnAiType_SwitchesTheFilterOff()
        {
            var compilation = PolicyAnalysis.Compile(new[]
            {
                ("/src/Roles.cs", """
                    using static Microsoft.Extensions.AI.ChatRole;
                    namespace Reach;
                    public static class Roles { public static object Assistant() => Microsoft.Extensions.AI.ChatRole.Assistant; }
                    """),
                ("/src/Plain.cs", Plain),
            });
            var reach = PolicyContext.Get(compilation, On.CreateOptions()).Reach;
            Assert.False(reach.IsFiltering);
            Assert.Contains("using static", reach.OffReason, StringComparison.Ordinal);
            Assert.True(reach.MayUseAi(Type(compilation, "Reach.Plain")));
        }

        [Fact]
        public void ImportedAiNamespaceThatDoesNotResolve_SwitchesTheFilterOff()
        {
            // An unrestored package: unknown names under the import are suspected by namespace, which no name stands for.
            var compilation = PolicyAnalysis.Compile(new[]
            {
                ("/src/Bot.cs", """
                    using OpenAI.Realtime.Unrestored;
                    namespace Reach;
                    public sealed class Bot { private readonly SessionThing? _session; public object? Get() => _session; }
                    """),
                ("/src/Plain.cs", Plain),
            });
            var reach = PolicyContext.Get(compilation, On.CreateOptions()).Reach;
            Assert.False(reach.IsFiltering);
            Assert.Contains("does not resolve", reach.OffReason, StringComparison.Ordinal);
        }

        [Fact]
        public void SwitchedOff_AnalysesEveryType()
        {
            var compilation = PolicyAnalysis.Compile(new[] { ("/src/Plain.cs", Plain), ("/src/Bot.cs", "public sealed class Bot { private Microsoft.Extensions.AI.IChatClient? _chat; public object? Get() => _chat; }") });
            var reach = PolicyContext.Get(compilation, Off.CreateOptions()).Reach;
            Assert.False(reach.IsFiltering);
            Assert.True(reach.MayUseAi(Type(compilation, "Reach.Plain")));
        }

        private static readonly PolicyConfiguration On = new PolicyConfiguration(
            "reach on", new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27" }, string.Empty);

        private static readonly PolicyConfiguration Off = new PolicyConfiguration(
            "reach off", new Dictionary<string, string> { ["build_property.PolicyEvaluationDate"] = "2026-11-27", [PolicySettings.ReachFilterKey] = "false" }, string.Empty);

        /// <summary>The findings (POL001's unless other analyzers are given) with the filter on and off, as the robustness suite describes them.</summary>
        internal static async Task<(ImmutableArray<string> On, ImmutableArray<string> Off)> FindingsAsync(
            Compilation compilation, IReadOnlyDictionary<string, string>? options = null, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            analyzers = analyzers.IsDefault ? ImmutableArray.Create<DiagnosticAnalyzer>(new AiInventoryAnalyzer()) : analyzers;
            var onOptions = new Dictionary<string, string>(options ?? On.GlobalOptions);
            var offOptions = new Dictionary<string, string>(onOptions) { [PolicySettings.ReachFilterKey] = "false" };
            var on = await PolicyAnalysis.RunAsync(compilation, new PolicyConfiguration("on", onOptions, string.Empty), analyzers, includeCompilerDiagnostics: false);
            var off = await PolicyAnalysis.RunAsync(compilation, new PolicyConfiguration("off", offOptions, string.Empty), analyzers, includeCompilerDiagnostics: false);
            Assert.Empty(on.Exceptions);
            Assert.Empty(off.Exceptions);
            return (Describe(on.Diagnostics), Describe(off.Diagnostics));
        }

        private static ImmutableArray<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Select(PolicyAnalysis.Describe).OrderBy(d => d, StringComparer.Ordinal).ToImmutableArray();

        private static INamedTypeSymbol Type(Compilation compilation, string metadataName)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                return type;
            }

            // A nested type (Reach.Outer`1+User) or one without a namespace.
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
                {
                    if (node.Identifier.ValueText == metadataName && model.GetDeclaredSymbol(node) is INamedTypeSymbol named)
                    {
                        return named;
                    }
                }
            }

            throw new InvalidOperationException("no type " + metadataName);
        }
    }
}
