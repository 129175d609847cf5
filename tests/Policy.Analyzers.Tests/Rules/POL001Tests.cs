using System.Threading.Tasks;
using Policy.Analyzers.Tests.Verifiers;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.AiInventoryAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    [Trait("Rule", "POL001")]
    public sealed class POL001Tests
    {
        [Fact]
        public Task ChatClientField_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public sealed class {|#0:SupportBot|}
            {
                private readonly IChatClient _client;
                public SupportBot(IChatClient client) => _client = client;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("SupportBot", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task ClientsInCollectionInterfaces_Trigger() => Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.Extensions.AI;

            // Every IChatClient registered, as dependency injection hands them over.
            public sealed class {|#0:ClientRouter|}(IEnumerable<IChatClient> clients)
            {
                public int Count() => 0;
            }

            public sealed class {|#1:ClientPool|}
            {
                private IReadOnlyList<IChatClient>? _clients;
                public int Count => _clients?.Count ?? 0;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("ClientRouter", "Microsoft.Extensions.AI.IChatClient"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("ClientPool", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task SignatureOnlyUses_Trigger() => Verify.VerifyAsync("""
            using System;
            using Microsoft.Extensions.AI;

            // AI types only in signatures the signature walk reads on written members (the compiler's backing fields and
            // a record's synthesized members are skipped): an indexer's parameter, a field-like event, a record's
            // positional parameter whose property is written by hand, a record struct's parameter.
            public sealed class {|#0:ClientIndex|}
            {
                public string this[IChatClient client] => "";
            }

            public sealed class {|#1:Notifier|}
            {
                public event Action<IChatClient>? Swapped;
            }

            public sealed record {|#2:Written|}(IChatClient Client)
            {
                public IChatClient Client { get; } = Client;
            }

            public readonly record struct {|#3:Envelope|}(IEmbeddingGenerator<string, Embedding<float>> Generator);

            public sealed record Plain(string Name, int Count)
            {
                public string Label { get; init; } = "";
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("ClientIndex", "Microsoft.Extensions.AI.IChatClient"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("Notifier", "Microsoft.Extensions.AI.IChatClient"),
            Verify.Diagnostic("POL001").WithLocation(2).WithArguments("Written", "Microsoft.Extensions.AI.IChatClient"),
            Verify.Diagnostic("POL001").WithLocation(3).WithArguments("Envelope", "Microsoft.Extensions.AI.IEmbeddingGenerator`2"));

        [Fact]
        public Task DeclaredSystem_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """);

        [Fact]
        public Task ComponentOfSystem_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot")]
            public sealed class SupportBot { }

            [AiComponent("support-bot")]
            public sealed class Summariser(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """);

        [Fact]
        public Task AssemblyLevelSystem_CoversEveryType() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [assembly: AiSystem("support-bot")]

            public sealed class Summariser(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """);

        [Fact]
        public Task DelegateWithAiSignature_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public delegate Task<ChatResponse> {|#0:AskModel|}(IChatClient client, string question);
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("AskModel", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task EnumBesideAiUse_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public enum ModelTier { Small = 1, Large = 2 }

            public sealed class {|#0:Router|}
            {
                public ModelTier Tier { get; set; } = ModelTier.Large;
                public IChatClient? Client { get; set; }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Router", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task TypeWithoutAi_DoesNotTrigger() => Verify.VerifyAsync("""
            using System.Collections.Generic;

            public sealed class Calculator
            {
                public int Add(int a, int b) => a + b;
                public List<string> Names { get; } = new();
            }
            """);

        [Fact]
        public Task OpenAiClientCreatedInMethod_Triggers() => Verify.VerifyAsync("""
            using OpenAI.Chat;

            public static class {|#0:Summaries|}
            {
                public static string Summarise(string text)
                {
                    var client = new ChatClient("gpt-4o-mini", "key");
                    return client.CompleteChat(text).Value.Content[0].Text;
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Summaries", "OpenAI.Chat.ChatClient"));

        [Fact]
        public Task MlNetPredictionEngine_Triggers() => Verify.VerifyAsync("""
            using Microsoft.ML;
            using Microsoft.ML.Data;

            public sealed class LoanInput
            {
                [LoadColumn(0)] public float Income { get; set; }
            }

            public sealed class LoanScore
            {
                [ColumnName("Score")] public float Score { get; set; }
            }

            public sealed class {|#0:Scorer|}
            {
                public float Score(ITransformer model, LoanInput input)
                {
                    var context = new MLContext(seed: 1);
                    var engine = context.Model.CreatePredictionEngine<LoanInput, LoanScore>(model);
                    return engine.Predict(input).Score;
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Scorer", "Microsoft.ML.ITransformer"));

        [Fact]
        public Task MlNetAttributesOnDataClass_DoNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.ML.Data;

            public sealed class LoanInput
            {
                [LoadColumn(0)] public float Income { get; set; }
                [LoadColumn(1), ColumnName("Label")] public bool Defaulted { get; set; }
            }
            """);

        [Fact]
        public Task KernelFunctionAttributeOnly_DoesNotTrigger() => Verify.VerifyAsync("""
            using System.ComponentModel;
            using Microsoft.SemanticKernel;

            public sealed class WeatherPlugin
            {
                [KernelFunction, Description("Gets the weather")]
                public string GetWeather(string city) => "sunny in " + city;
            }
            """);

        [Fact]
        public Task SemanticKernel_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;

            public sealed class {|#0:Planner|}
            {
                public async Task<string> PlanAsync(string goal)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var result = await kernel.InvokePromptAsync("Plan: " + goal);
                    return result.ToString();
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Planner", "Microsoft.SemanticKernel.Kernel"));

        [Fact]
        public Task OnnxInferenceSession_Triggers() => Verify.VerifyAsync("""
            using Microsoft.ML.OnnxRuntime;

            public sealed class {|#0:Detector|} : System.IDisposable
            {
                private readonly InferenceSession _session = new("model.onnx");
                public void Dispose() => _session.Dispose();
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Detector", "Microsoft.ML.OnnxRuntime.InferenceSession"));

        [Fact]
        public Task NameSharedWithSdkType_DoesNotTrigger() => Verify.VerifyAsync("""
            namespace Contoso
            {
                public sealed class ChatClient { public string Send(string s) => s; }
                public sealed class Kernel { }
                public interface IChatClient { }

                public sealed class Messenger
                {
                    private readonly ChatClient _client = new();
                    private readonly Kernel _kernel = new();
                    public IChatClient? Other { get; set; }
                    public string Send(string s) => _client.Send(s);
                }
            }
            """);

        [Fact]
        public Task PartialType_ReportedOnce_OnThePartWithTheUse() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public sealed partial class Assistant
            {
                public string Name => "assistant";
            }

            public sealed partial class {|#0:Assistant|}
            {
                public IChatClient? Client { get; set; }
            }

            public sealed partial class Assistant
            {
                public IChatClient? Backup { get; set; }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Assistant", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task NestedType_ReportedOnItsOwn() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public sealed class Outer
            {
                public int Count { get; set; }

                public sealed class {|#0:Inner|}
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Outer.Inner", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task NestedTypeOfDeclaredSystem_IsCovered() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("bot")]
            public sealed class Bot
            {
                public sealed class Helper
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """);

        [Fact]
        public Task Record_PrimaryConstructor_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public sealed record {|#0:AskRequest|}(IChatClient Client, string Question);
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("AskRequest", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task LambdaAndLocalFunction_Trigger() => Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public sealed class {|#0:Handlers|}
            {
                public Func<object, Task<string>> Create()
                {
                    return async o =>
                    {
                        return await Ask((IChatClient)o);

                        static async Task<string> Ask(IChatClient c) => (await c.GetResponseAsync("hi")).Text;
                    };
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Handlers", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task ExtensionMethod_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public static class {|#0:ChatHelpers|}
            {
                public static async Task<string> AskAsync(this IChatClient client, string question) =>
                    (await client.GetResponseAsync(question)).Text;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("ChatHelpers", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task AliasAndFullyQualifiedName_Trigger() => Verify.VerifyAsync("""
            using Llm = Microsoft.Extensions.AI.IChatClient;

            public sealed class {|#0:A|}
            {
                public Llm? Client { get; set; }
            }

            public sealed class {|#1:B|}
            {
                public global::Microsoft.Extensions.AI.IEmbeddingGenerator<string, global::Microsoft.Extensions.AI.Embedding<float>>? Embedder { get; set; }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("A", "Microsoft.Extensions.AI.IChatClient"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("B", "Microsoft.Extensions.AI.IEmbeddingGenerator`2"));

        [Fact]
        public Task CustomChatClient_ImplementingTheAbstraction_Triggers() => Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public sealed class {|#0:EchoClient|} : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "echo")));
                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                    throw new System.NotSupportedException();
                public object? GetService(System.Type serviceType, object? serviceKey = null) => null;
                public void Dispose() { }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("EchoClient", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task DelegatingChatClientMiddleware_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;

            public sealed class {|#0:RedactingClient|}(IChatClient inner) : DelegatingChatClient(inner)
            {
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("RedactingClient", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task TopLevelStatements_ReportedOnFirstStatementThatUsesAi() => Verify.VerifyProgramAsync(
            ["""
            using System;
            using OpenAI.Chat;

            Console.WriteLine("starting");
            {|#0:var client = new ChatClient("gpt-4o-mini", "key");|}
            Console.WriteLine(client.CompleteChat("hi").Value.Content[0].Text);
            """],
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("top-level statements", "OpenAI.Chat.ChatClient"));

        [Fact]
        public Task TopLevelStatements_CoveredByAssemblySystem() => Verify.VerifyProgramAsync(
            ["""
            using OpenAI.Chat;

            var client = new ChatClient("gpt-4o-mini", "key");
            System.Console.WriteLine(client.CompleteChat("hi").Value.Content[0].Text);
            """,
            """
            [assembly: Policy.Annotations.AiSystem("cli-summariser")]
            """]);

        [Fact]
        public Task FactoryLambdaThatCreatesClient_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI;

            public static class {|#0:Registration|}
            {
                public static void Register(IServiceCollection services)
                {
                    services.AddSingleton(typeof(string), "wiring only");
                    services.AddSingleton<IChatClient>(sp => new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient());
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Registration", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task TypeOfAndGenericArgumentsOnly_AreWiring() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;

            public static class Registration
            {
                public static void Register(IServiceCollection services, System.Type implementation)
                {
                    services.AddSingleton(typeof(IChatClient), implementation);
                    services.RemoveAll<IChatClient>();
                }
            }
            """);

        [Fact]
        public Task TypeOfAndGenericArgumentsOnly_CountWhenConfigured() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            public static class {|#0:Registration|}
            {
                public static void Register(IServiceCollection services, System.Type implementation)
                {
                    services.AddSingleton(typeof(IChatClient), implementation);
                }
            }
            """,
            "policy.count_di_wiring = true",
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Registration", "Microsoft.Extensions.AI.IChatClient"));

        [Fact]
        public Task ConfiguredGatewayType_Triggers() => Verify.VerifyAsync("""
            namespace Contoso.Ai
            {
                public interface ILlmGateway { string Complete(string prompt); }
            }

            public sealed class {|#0:Drafts|}(Contoso.Ai.ILlmGateway gateway)
            {
                public string Draft(string topic) => gateway.Complete(topic);
            }
            """,
            "policy.ai_types = Contoso.Ai.ILlmGateway",
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Drafts", "Contoso.Ai.ILlmGateway"));

        [Fact]
        public Task ConfiguredNamespace_Triggers() => Verify.VerifyAsync("""
            namespace Contoso.Ai.Gateway
            {
                public sealed class Completion { public string Text => ""; }
            }

            public sealed class {|#0:Drafts|}
            {
                public string Draft() => new Contoso.Ai.Gateway.Completion().Text;
            }
            """,
            "policy.ai_namespaces = Contoso.Ai",
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Drafts", "Contoso.Ai.*"));

        [Fact]
        public Task RazorGeneratedComponent_ReportedAtMappedRazorLine() => Verify.VerifyAsync("""
            // <auto-generated/>
            #pragma warning disable 1591
            namespace Sample.Pages
            {
                public partial class Chat : System.Object
                {
                    #nullable restore
            #line (2,9)-(2,20) "/Pages/Chat.razor"
            {|#0:Microsoft.Extensions.AI.IChatClient|}
            #line default
            #line hidden
                    #nullable disable
                    Client { get; set; } = default!;
                }
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Chat", "Microsoft.Extensions.AI.IChatClient"));
    

        // Field test: a service that injects Betalgo's IOpenAIService (the common shape in public repos) was not reported.
        [Fact]
        public Task BetalgoOpenAiService_Triggers() => Verify.VerifyAsync("""
            using System.Linq;
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI.Interfaces;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            public sealed class {|#0:ReplyWriter|}(IOpenAIService openAi)
            {
                public async Task<string?> WriteAsync(string question)
                {
                    var response = await openAi.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Messages = [ChatMessage.FromUser(question)],
                        Model = "gpt-4o-mini",
                    });
                    return response.Choices.FirstOrDefault()?.Message.Content;
                }
            }

            public sealed class {|#1:ImageMaker|}
            {
                private readonly IImageService _images;
                public ImageMaker(IImageService images) => _images = images;
            }

            public sealed class RequestBuilder
            {
                public ChatCompletionCreateRequest Build(string text) => new() { Messages = [ChatMessage.FromUser(text)] };
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("ReplyWriter", "Betalgo.Ranul.OpenAI.Interfaces.IOpenAIService"),
            Verify.Diagnostic("POL001").WithLocation(1).WithArguments("ImageMaker", "Betalgo.Ranul.OpenAI.Interfaces.IImageService"));
    }
}
