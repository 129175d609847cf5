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

        /// <summary>The AI SDK imports of the field test's file, none of them restored (the tests using it compile without the test SDKs).</summary>
        private const string SeveralAiImports = """
            using Anthropic;
            using LLama;
            using Microsoft.Extensions.AI;
            using OpenAI;

            """;

        /// <summary>
        /// Several AI SDK namespaces imported: a name the catalogue knows is attributed to the namespace it knows it under
        /// (LLamaWeights is LLama's although `using Anthropic;` comes first), in every type.
        /// </summary>
        [Fact]
        public Task SeveralAiImports_CatalogueNames_AttributedToTheirOwnNamespace_Trigger() => VerifyAsync(withSdks: false, SeveralAiImports + """
            public sealed class {|#0:LocalModel|}
            {
                private readonly LLamaWeights _weights = null!;
            }

            public sealed class {|#1:Gateway|}
            {
                public Gateway(OpenAIClient client) { }
            }

            public sealed class {|#2:Bot|}
            {
                public IChatClient Client { get; set; } = null!;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("LocalModel", "LLama.LLamaWeights, unresolved"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("Gateway", "OpenAI.OpenAIClient, unresolved"),
            Verify.Diagnostic("POL001").WithLocation(2).WithArguments("Bot", "Microsoft.Extensions.AI.IChatClient, unresolved"));

        /// <summary>
        /// A name the catalogue does not know, under several imported AI SDK namespaces that all did not resolve: it is named
        /// with the namespaces it may come from, never invented as a type of the first one (the field test's
        /// `Anthropic.ModelParams` for a LLamaSharp type).
        /// </summary>
        [Fact]
        public Task SeveralAiImports_UnknownName_NamedWithItsCandidateNamespaces_Triggers() => VerifyAsync(withSdks: false, SeveralAiImports + """
            public sealed class {|#0:Loader|}
            {
                public Loader(ModelParams parameters) { }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Loader", "ModelParams in Anthropic, LLama, Microsoft.Extensions.AI or OpenAI, unresolved"));

        /// <summary>
        /// One AI SDK family imported (LLama and LLama.Common, a namespace under it): an unknown name is that SDK's, named with
        /// both namespaces since either may hold it.
        /// </summary>
        [Fact]
        public Task OneAiFamily_UnknownName_AttributedToIt_Triggers() => VerifyAsync(withSdks: false, """
            using System;
            using LLama;
            using LLama.Common;

            public sealed class {|#0:Loader|}
            {
                public Loader(ModelParams parameters) { }
                public DateTime LoadedAt { get; } = DateTime.UnixEpoch;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Loader", "ModelParams in LLama or LLama.Common, unresolved"));

        /// <summary>
        /// Microsoft.Extensions.AI restored (it resolves and lacks the name), AWS Bedrock Runtime not (the test SDKs do not
        /// include it): the unresolved namespace is the only plausible home of an unknown name.
        /// </summary>
        [Fact]
        public Task ResolvedAiNamespaceBesideUnresolvedOne_UnknownName_AttributedToTheUnresolved_Triggers() => VerifyAsync(withSdks: true, """
            using Amazon.BedrockRuntime;
            using Microsoft.Extensions.AI;

            public sealed class {|#0:Loader|}
            {
                public Loader(ModelParams parameters) { }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Loader", "Amazon.BedrockRuntime.ModelParams, unresolved"));

        /// <summary>
        /// The field test's file: framework names whose namespaces (dependency injection, logging, configuration) did not
        /// resolve either are never credited to an imported AI SDK (`Microsoft.Extensions.AI.IServiceCollection`), nor is
        /// any other unknown name of that file, since it may come from those namespaces as well.
        /// </summary>
        [Fact]
        public Task FrameworkNamesBesideSeveralAiImports_AreNotAttributed_DoesNotTrigger() => VerifyAsync(withSdks: false, SeveralAiImports + """
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public static class AiRegistration
            {
                public static IServiceCollection AddAssistant(this IServiceCollection services, IConfiguration configuration)
                {
                    IServiceCollection same = services;
                    return same;
                }
            }

            public sealed class Worker
            {
                private readonly ILogger<Worker> _logger;
                private readonly ModelParams _parameters;
                public Worker(ILogger<Worker> logger, ModelParams parameters) { _logger = logger; _parameters = parameters; }
            }
            """);

        /// <summary>The same file: a name the catalogue knows under an imported namespace still counts.</summary>
        [Fact]
        public Task FrameworkNamesBesideSeveralAiImports_CatalogueName_Triggers() => VerifyAsync(withSdks: false, SeveralAiImports + """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;

            public sealed class {|#0:Assistant|}
            {
                private readonly ILogger<Assistant> _logger;
                private readonly IChatClient _client;
                public Assistant(ILogger<Assistant> logger, IChatClient client, IServiceCollection services) { _logger = logger; _client = client; }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Assistant", "Microsoft.Extensions.AI.IChatClient, unresolved"));

        /// <summary>
        /// A name the catalogue lists only as wiring (ChatClientBuilder, KernelServiceCollectionExtensions' class) under a
        /// namespace the file does not import is not turned into a type of the imported AI SDKs (`Anthropic.ChatClientBuilder`).
        /// </summary>
        [Fact]
        public Task WiringNameOutsideItsNamespace_IsNotAttributed_DoesNotTrigger() => VerifyAsync(withSdks: false, """
            using Anthropic;
            using OpenAI;

            public sealed class Pipeline
            {
                public ChatClientBuilder Builder { get; set; } = null!;
                public IKernelBuilder Kernel { get; set; } = null!;
            }
            """);

        private const string WiringOnly = """
            using Anthropic;
            using LLama;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI;

            public static class {|#0:AiRegistration|}
            {
                public static IServiceCollection AddAssistant(this IServiceCollection services)
                {
                    services.AddSingleton<IChatClient>();
                    services.AddSingleton(typeof(OpenAIClient), typeof(GatewayClient));
                    return services;
                }
            }

            public sealed class {|#1:PipelineSetup|}
            {
                public ChatClientBuilder Configure(ChatClientBuilder builder) => builder;
            }

            public sealed class GatewayClient { }
            """;

        /// <summary>
        /// Dependency injection restored (the host's framework resolves), the AI SDKs not: registering unresolved AI types
        /// (generic type arguments, typeof) and passing a builder around is wiring, which the full analysis reports only with
        /// policy.count_di_wiring; the partial one says the same.
        /// </summary>
        [Fact]
        public Task UnresolvedWiringOnly_DoesNotTrigger() => VerifyWiringAsync(countWiring: false);

        /// <summary>The same code with policy.count_di_wiring = true: suspected, named by the first wiring use.</summary>
        [Fact]
        public Task UnresolvedWiringOnly_CountDiWiring_Triggers() => VerifyWiringAsync(countWiring: true,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("AiRegistration", "Microsoft.Extensions.AI.IChatClient, unresolved"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("PipelineSetup", "Microsoft.Extensions.AI.ChatClientBuilder, unresolved"));

        /// <summary>
        /// Nothing restored at all (the field test's registration class): its IServiceCollection is nobody's AI type, and
        /// typeof of an unresolved AI type is wiring, reported only with policy.count_di_wiring.
        /// </summary>
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public Task NothingRestored_RegistrationClass_IsWiring(bool countWiring)
        {
            var source = SeveralAiImports + """
                using Microsoft.Extensions.DependencyInjection;

                public static class {|#0:AiRegistration|}
                {
                    public static IServiceCollection AddAssistant(this IServiceCollection services) =>
                        services.AddSingleton(typeof(IChatClient), typeof(AnthropicClient));
                }
                """;
            var test = new Verify.Test { TestCode = countWiring ? source : source.Replace("{|#0:AiRegistration|}", "AiRegistration", System.StringComparison.Ordinal), CompilerDiagnostics = CompilerDiagnostics.None };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.Add(TestReferences.Annotations);
            if (countWiring)
            {
                test.WithGlobalConfig("policy.count_di_wiring = true\n");
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL001").WithLocation(0).WithArguments("AiRegistration", "Microsoft.Extensions.AI.IChatClient, unresolved"));
            }

            return test.RunAsync(CancellationToken.None);
        }

        private static Task VerifyWiringAsync(bool countWiring, params DiagnosticResult[] expected)
        {
            var source = countWiring ? WiringOnly : WiringOnly.Replace("{|#0:AiRegistration|}", "AiRegistration", System.StringComparison.Ordinal).Replace("{|#1:PipelineSetup|}", "PipelineSetup", System.StringComparison.Ordinal);
            var test = new Verify.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };

            // Only the dependency-injection abstractions of the test SDKs: every AI SDK stays unresolved.
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.Add(TestReferences.Annotations);
            test.TestState.AdditionalReferences.AddRange(TestReferences.AiSdks.Where(r => r.Display?.Contains("Microsoft.Extensions.DependencyInjection.Abstractions", System.StringComparison.Ordinal) == true));
            if (countWiring)
            {
                test.WithGlobalConfig("policy.count_di_wiring = true\n");
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Microsoft.ML and Microsoft.ML.Tokenizers imported, neither restored: Tokenizers is not AI by the catalogue, so an
        /// unknown name the file may take from it is not made ML.NET's (`Microsoft.ML.TiktokenTokenizer`), while MLContext,
        /// which the catalogue knows under Microsoft.ML, still counts.
        /// </summary>
        [Fact]
        public Task TokenizersImportedBesideMlNet_UnknownNameIsNotMlNets_CatalogueNameIs() => VerifyAsync(withSdks: false, """
            using Microsoft.ML;
            using Microsoft.ML.Tokenizers;

            public sealed class TokenCounter
            {
                private readonly TiktokenTokenizer _tokenizer = null!;
            }

            public sealed class {|#0:Trainer|}
            {
                private readonly MLContext _context = new MLContext(seed: 1);
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Trainer", "Microsoft.ML.MLContext, unresolved"));

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
