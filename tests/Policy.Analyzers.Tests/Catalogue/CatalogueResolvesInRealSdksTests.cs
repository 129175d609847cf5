using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Policy.Analyzers.Tests.Infrastructure;
using Policy.Model.Catalogue;

namespace Policy.Analyzers.Tests.Catalogue
{
    /// <summary>
    /// Every built-in catalogue name of an SDK that the tests restore exists, as a public type, in the real SDK
    /// assemblies. The catalogue matches by metadata name only, so a renamed type or a typo would make POL001 silently
    /// miss real AI code; this compiles nothing but the .NET 10 reference pack and the restored SDKs and looks each
    /// name up.
    /// </summary>
    public sealed class CatalogueResolvesInRealSdksTests
    {
        /// <summary>Families whose SDK packages this test project restores (Directory.Packages.props pins the versions).</summary>
        private static readonly string[] RestoredFamilies =
        {
            "Microsoft.Extensions.AI",
            "Microsoft Agent Framework",
            "OpenAI .NET SDK",
            "Betalgo OpenAI",
            "Azure OpenAI",
            "Azure AI Inference",
            "Semantic Kernel",
            "Anthropic",
            "OllamaSharp",
            "LLamaSharp",
            "ML.NET",
            "ONNX Runtime",
            "ONNX Runtime GenAI",
        };

        /// <summary>Families none of whose packages the tests restore (not checked here).</summary>
        private static readonly string[] FamiliesNotRestored =
        {
            "TorchSharp",
            "AWS Bedrock Runtime",
            "Google generative AI",
        };

        /// <summary>
        /// Entries of a restored family that live in a package the tests do not restore (or in an older major version
        /// of one), with that package. They are not checked; the test below keeps this list honest.
        /// </summary>
        private static readonly ImmutableDictionary<string, string> InPackagesNotRestored = new Dictionary<string, string>
        {
            ["Anthropic.SDK.AnthropicClient"] = "Anthropic.SDK (community package)",
            ["OpenAI.Interfaces.IOpenAIService"] = "Betalgo.OpenAI 8.x",
            ["OpenAI.Managers.OpenAIService"] = "Betalgo.OpenAI 8.x",
            ["Microsoft.Extensions.ML.PredictionEnginePool`2"] = "Microsoft.Extensions.ML",
            ["Microsoft.SemanticKernel.Agents.Agent"] = "Microsoft.SemanticKernel.Agents.Abstractions",
            ["OpenAI.Responses.OpenAIResponseClient"] = "OpenAI 2.2 to 2.x before its rename to ResponsesClient (none of them restored; 2.10.0 already has ResponsesClient)",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>
        /// Entries kept for an older version of a restored SDK, where the current version renamed the type, with that
        /// version (restored through PackageDownload in the test project, read from the package folder here).
        /// </summary>
        private static readonly ImmutableArray<(string Name, string Package, string Version, string Assembly)> InOlderVersionsOnly = ImmutableArray.Create(
            ("OpenAI.RealtimeConversation.RealtimeConversationClient", "openai", "2.1.0", "lib/netstandard2.0/OpenAI.dll"));

        /// <summary>Why <paramref name="name"/> does not resolve to a public type, or null when it does.</summary>
        private static string? Problem(Compilation compilation, string name)
        {
            var types = compilation.GetTypesByMetadataName(name);
            var visible = types.Where(t => t.DeclaredAccessibility == Accessibility.Public).ToList();
            if (types.IsEmpty)
            {
                return name + ": not found";
            }

            if (visible.Count == 0)
            {
                return name + ": not public (" + string.Join(", ", types.Select(t => t.DeclaredAccessibility + " in " + t.ContainingAssembly.Identity.Name)) + ")";
            }

            // Several public definitions are fine: the matcher looks the name up in every referenced assembly (Microsoft.Agents.AI
            // has its own public Microsoft.Extensions.AI.ChatClientExtensions beside the abstractions' one).
            return null;
        }

        private static readonly Lazy<CSharpCompilation> SdkCompilation = new Lazy<CSharpCompilation>(() =>
            CSharpCompilation.Create(
                "CatalogueResolution",
                references: TestReferences.Net10References.AddRange(TestReferences.AiSdks),
                options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

        public static TheoryData<string> Families()
        {
            var data = new TheoryData<string>();
            foreach (var family in RestoredFamilies)
            {
                data.Add(family);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Families))]
        public void EveryEntryOfARestoredSdk_ResolvesToAPublicType(string family)
        {
            var entries = AiSdkCatalogue.BuiltIn
                .Where(e => e.Family == family && !InPackagesNotRestored.ContainsKey(e.MetadataName) && !InOlderVersionsOnly.Any(o => o.Name == e.MetadataName))
                .ToList();
            Assert.NotEmpty(entries);

            var problems = new List<string>();
            foreach (var entry in entries)
            {
                var problem = Problem(SdkCompilation.Value, entry.MetadataName);
                if (problem != null)
                {
                    problems.Add(problem);
                }
            }

            Assert.True(
                problems.Count == 0,
                "Catalogue entries of " + family + " that do not resolve in the restored SDK assemblies:\n  " + string.Join("\n  ", problems));
        }

        [Fact]
        public void EntriesKeptForOlderVersions_ResolveInThatVersionOnly()
        {
            var root = typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            foreach (var (name, package, version, assembly) in InOlderVersionsOnly)
            {
                Assert.True(AiSdkCatalogue.ByName.TryGetValue(name, out var entry), name + " is not a catalogue entry");
                Assert.Contains(entry!.Family, RestoredFamilies);
                var path = System.IO.Path.Combine(root, package, version, assembly);
                Assert.True(System.IO.File.Exists(path), package + " " + version + " not restored: " + path);
                var older = CSharpCompilation.Create(
                    "OlderVersion",
                    references: TestReferences.Net10References.Add(MetadataReference.CreateFromFile(path)));
                Assert.Null(Problem(older, name));
                Assert.True(
                    SdkCompilation.Value.GetTypesByMetadataName(name).IsEmpty,
                    name + " resolves in the restored version too: move it out of " + nameof(InOlderVersionsOnly));
            }
        }

        [Fact]
        public void EntriesInPackagesNotRestored_AreCatalogueEntriesOfRestoredFamiliesThatDoNotResolve()
        {
            foreach (var pair in InPackagesNotRestored)
            {
                Assert.True(AiSdkCatalogue.ByName.TryGetValue(pair.Key, out var entry), pair.Key + " is not a catalogue entry");
                Assert.Contains(entry!.Family, RestoredFamilies);
                Assert.True(
                    SdkCompilation.Value.GetTypesByMetadataName(pair.Key).IsEmpty,
                    pair.Key + " resolves now: remove it from " + nameof(InPackagesNotRestored));
            }
        }

        [Fact]
        public void EveryFamily_IsEitherRestoredOrKnownNotToBe()
        {
            var known = RestoredFamilies.Concat(FamiliesNotRestored).ToHashSet(StringComparer.Ordinal);
            var unknown = AiSdkCatalogue.BuiltIn.Select(e => e.Family).Distinct().Where(f => !known.Contains(f)).ToList();
            Assert.True(unknown.Count == 0, "Families neither restored by the tests nor listed as not restored: " + string.Join(", ", unknown));
        }
    }
}
