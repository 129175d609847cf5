using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.Tests.Infrastructure;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.AiInventoryAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL001 on code that does not bind (the CLI's partial analysis): an unresolved name the catalogue knows, or an
    /// unresolved name in a file that imports an AI SDK namespace, is a suspected AI use; identifiers alone never are.
    /// </summary>
    [Trait("Rule", "POL001")]
    public sealed class POL001SuspectedTests
    {
        /// <summary>Never restored: only the framework is referenced, the SDK's namespace and types do not resolve.</summary>
        [Fact]
        public Task NotRestored_CatalogueTypeUnderImportedNamespace_IsSuspected() => VerifyAsync(withSdks: false, """
            using OllamaSharp;

            public sealed class {|#0:LocalAssistant|}
            {
                private readonly OllamaApiClient _client = new OllamaApiClient("http://localhost:11434");
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("LocalAssistant", "OllamaSharp.OllamaApiClient, unresolved"));

        /// <summary>Code written against Azure.AI.OpenAI 1.0 betas: OpenAIClient no longer exists under that namespace.</summary>
        [Fact]
        public Task SdkApiDrift_UnknownNameInImportedSdkNamespace_IsSuspected() => VerifyAsync(withSdks: true, """
            using Azure.AI.OpenAI;

            public sealed class {|#0:Summariser|}
            {
                public string Summarise(string text)
                {
                    var client = new OpenAIClient(new System.Uri("https://example.openai.azure.com"), null);
                    return text;
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Summariser", "Azure.AI.OpenAI.OpenAIClient, unresolved"));

        [Fact]
        public Task FullyQualifiedUnresolvedName_IsSuspected() => VerifyAsync(withSdks: false, """
            public sealed class {|#0:Gateway|}
            {
                public Gateway(Anthropic.AnthropicClient client) { }
            }

            public sealed class Marker
            {
                // No using: the gate opens through the import below in another file of the project.
            }
            """,
            new[] { ("Imports.cs", "global using Anthropic;\n") },
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Gateway", "Anthropic.AnthropicClient, unresolved"));

        [Fact]
        public Task GlobalUsing_CountsForEveryFile() => VerifyAsync(withSdks: false, """
            public sealed class {|#0:Predictor|}
            {
                private MLContext _context = new MLContext(seed: 1);
            }
            """,
            new[] { ("GlobalUsings.cs", "global using Microsoft.ML;\n") },
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Predictor", "Microsoft.ML.MLContext, unresolved"));

        [Fact]
        public Task ConfirmedUseWins_OverSuspected() => VerifyAsync(withSdks: true, """
            using Microsoft.Extensions.AI;

            public sealed class {|#0:Bot|}
            {
                private readonly IChatClient _client;
                private readonly ChatClientFromAnOldPreview _old;
                public Bot(IChatClient client) { _client = client; _old = null!; }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Bot", "Microsoft.Extensions.AI.IChatClient"));

        /// <summary>No lexical false positives: unresolved names that point at no AI SDK, and AI-sounding identifiers.</summary>
        [Fact]
        public Task UnresolvedNonAiNames_AndAiSoundingIdentifiers_DoNotTrigger() => VerifyAsync(withSdks: false, """
            using Newtonsoft.Json.Linq;
            using Contoso.Payments;

            public sealed class OpenAiHelper
            {
                private readonly JObject _document = new JObject();
                public PaymentClient Client { get; } = new PaymentClient();
                public string ChatGptPrompt => "not a model call";
            }

            public sealed class LlmChatClient { public void Complete() { } }
            """);

        [Fact]
        public Task DeclaredSuspectedType_DoesNotTrigger() => VerifyAsync(withSdks: false, """
            using OllamaSharp;
            using Policy.Annotations;

            [AiSystem("local-assistant")]
            public sealed class LocalAssistant
            {
                private readonly OllamaApiClient _client = new OllamaApiClient("http://localhost:11434");
            }
            """);

        [Fact]
        public async Task Properties_SayConfirmedOrSuspected()
        {
            var compilation = CSharpCompilation.Create(
                "Confidence",
                new[]
                {
                    CSharpSyntaxTree.ParseText("using Microsoft.Extensions.AI;\npublic sealed class Confirmed(IChatClient client) { public IChatClient C => client; }\n", path: "/A.cs"),
                    CSharpSyntaxTree.ParseText("using OllamaSharp;\npublic sealed class Suspected(OllamaApiClient client) { }\n", path: "/B.cs"),
                },
                // OllamaSharp is one of the test SDKs (POL050's tests) but must stay unresolved here: left out of this compilation.
                TestReferences.Net10References.Add(TestReferences.Annotations).AddRange(TestReferences.AiSdks.Where(r => r.Display?.Contains("OllamaSharp", System.StringComparison.Ordinal) != true)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AiInventoryAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var byType = diagnostics.Where(d => d.Id == "POL001").ToDictionary(d => d.GetMessage().Split('\'')[1], d => d.Properties["PolicyConfidence"]);
            Assert.Equal("confirmed", byType["Confirmed"]);
            Assert.Equal("suspected", byType["Suspected"]);
            Assert.Equal(2, byType.Count);
        }

        private static Task VerifyAsync(bool withSdks, string source, params DiagnosticResult[] expected) =>
            VerifyAsync(withSdks, source, System.Array.Empty<(string, string)>(), expected);

        private static Task VerifyAsync(bool withSdks, string source, (string Name, string Text)[] extraFiles, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
            if (!withSdks)
            {
                test.TestState.AdditionalReferences.Clear();
                test.TestState.AdditionalReferences.Add(TestReferences.Annotations);
            }

            foreach (var (name, text) in extraFiles)
            {
                test.TestState.Sources.Add(("/0/Test1" + name, text));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
