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

        /// <summary>
        /// `var` over an expression that did not bind is an error type named "var": never an SDK name, even in a file that
        /// imports an AI SDK namespace (the unbound expression here belongs to a non-AI library).
        /// </summary>
        [Fact]
        public Task ImplicitlyTypedVariableOverUnboundExpression_IsNotAnSdkName() => VerifyAsync(withSdks: false, """
            using OllamaSharp;

            public sealed class Copier
            {
                public async System.Threading.Tasks.Task Run(Contoso.Io.Source source)
                {
                    foreach (var line in source.Lines()) { System.Console.Write(line.Length); }
                    await foreach (var chunk in source.ChunksAsync()) { System.Console.Write(chunk.Size); }
                    var first = source.First();
                    System.Console.Write(first.Length);
                }
            }
            """);

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

        private const string NoAiImports = """
            public sealed class {|#0:Gateway|}
            {
                public Gateway(Azure.AI.OpenAI.OpenAIClient client) { }
            }

            public sealed class {|#1:Voice|}
            {
                public OpenAI.RealtimeConversation.RealtimeConversationClient Client { get; set; } = null!;
            }

            public sealed class Payments
            {
                public Contoso.Payments.PaymentClient Client { get; set; } = null!;
            }
            """;

        /// <summary>
        /// The project references AI SDK packages (the CLI hands the ids over as build_property.PolicyPackageReferences):
        /// a fully qualified unresolved name under their namespaces is suspected although no file imports an AI namespace,
        /// also a namespace the catalogue does not know under the package's root (OpenAI.RealtimeConversation).
        /// </summary>
        [Fact]
        public Task AiPackageReferenced_UnresolvedNamesUnderItsNamespaces_AreSuspected_WithoutAnyAiImport() => VerifyAsync(withSdks: false, NoAiImports,
            "build_property.PolicyPackageReferences = Azure.AI.OpenAI;Contoso.Payments;Newtonsoft.Json;OpenAI\n",
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Gateway", "Azure.AI.OpenAI.OpenAIClient, unresolved"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("Voice", "OpenAI.RealtimeConversation.RealtimeConversationClient, unresolved"));

        /// <summary>The same code, with package references that name no AI SDK (or none known): nothing is suspected.</summary>
        [Theory]
        [InlineData("build_property.PolicyPackageReferences = Contoso.Payments;Newtonsoft.Json;Azure.Core;Microsoft.Extensions.Logging\n")]
        [InlineData(null)]
        public Task NoAiPackageReferenced_SameCode_DoesNotTrigger(string? globalConfig) => VerifyAsync(withSdks: false,
            NoAiImports.Replace("{|#0:Gateway|}", "Gateway", System.StringComparison.Ordinal).Replace("{|#1:Voice|}", "Voice", System.StringComparison.Ordinal),
            globalConfig);

        /// <summary>
        /// Microsoft.ML.Tokenizers lies under ML.NET's namespace but is not AI by the catalogue (a type that only tokenizes
        /// gets no POL001 when it binds): unresolved, with its package referenced beside ML.NET's, it is not suspected
        /// either, while the ML.NET type in the same project still is.
        /// </summary>
        [Fact]
        public Task TokenizersOnly_Unresolved_IsNotSuspected_MlNetBesideItIs() => VerifyAsync(withSdks: false, """
            using Microsoft.ML.Tokenizers;

            public sealed class TokenCounter
            {
                private readonly Tokenizer _tokenizer = TiktokenTokenizer.CreateForModel("gpt-4o");

                public int Count(string text) => _tokenizer.CountTokens(text);
            }

            public sealed class {|#0:PricePredictor|}
            {
                public PricePredictor(Microsoft.ML.MLContext context) { }
            }
            """,
            "build_property.PolicyPackageReferences = Microsoft.ML;Microsoft.ML.Tokenizers\n",
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("PricePredictor", "Microsoft.ML.MLContext, unresolved"));

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

        private static Task VerifyAsync(bool withSdks, string source, string? globalConfig, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
            if (!withSdks)
            {
                test.TestState.AdditionalReferences.Clear();
                test.TestState.AdditionalReferences.Add(TestReferences.Annotations);
            }

            if (globalConfig != null)
            {
                test.WithGlobalConfig(globalConfig);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

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
