using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL016 (telemetry records message content of a system that processes personal data) and POL050 (model not on the
    /// approved list), against the real Microsoft.Extensions.AI, OpenAI, Semantic Kernel and OllamaSharp APIs.
    /// </summary>
    public sealed class TelemetryAndModelTests
    {
        private const string Header = """
            using System;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Configuration;
            using Policy.Annotations;

            """;

        [Fact]
        [Trait("Rule", "POL016")]
        public Task SensitiveDataInPersonalDataSystem_Triggers_InLambdaInitializerAndAssignment() => Verify.VerifyAsync(Header + """
            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class Support(IChatClient inner)
            {
                private readonly IChatClient _viaBuilder = new ChatClientBuilder(inner).UseOpenTelemetry(configure: c => {|#0:c.EnableSensitiveData = true|}).Build();
                private readonly IChatClient _direct = new OpenTelemetryChatClient(inner) { {|#1:EnableSensitiveData = true|} };

                public IChatClient Assigned()
                {
                    var client = new OpenTelemetryChatClient(inner);
                    {|#2:client.EnableSensitiveData = true|};
                    return client;
                }
            }
            """,
            Verify.Diagnostic("POL016").WithLocation(0).WithArguments("OpenTelemetryChatClient.EnableSensitiveData = true", "support"),
            Verify.Diagnostic("POL016").WithLocation(1).WithArguments("OpenTelemetryChatClient.EnableSensitiveData = true", "support"),
            Verify.Diagnostic("POL016").WithLocation(2).WithArguments("OpenTelemetryChatClient.EnableSensitiveData = true", "support"));

        [Fact]
        [Trait("Rule", "POL016")]
        public Task SemanticKernelSensitiveSwitch_InStartUpCode_CountsForThePersonalDataSystem() => Verify.VerifyAsync(Header + """
            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class Support { }

            public static class Startup
            {
                public static void Configure()
                {
                    AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
                    AppContext.{|#0:SetSwitch|}("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", true);
                }
            }
            """,
            Verify.Diagnostic("POL016").WithLocation(0).WithArguments("AppContext switch Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive", "support"));

        [Fact]
        [Trait("Rule", "POL016")]
        public Task SensitiveDataOff_FromConfiguration_OrWithoutPersonalData_DoesNotTrigger() => Verify.VerifyAsync(Header + """
            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class Support(IChatClient inner, IConfiguration configuration)
            {
                private readonly IChatClient _off = new OpenTelemetryChatClient(inner) { EnableSensitiveData = false };
                private readonly IChatClient _configured = new ChatClientBuilder(inner)
                    .UseOpenTelemetry(configure: c => c.EnableSensitiveData = bool.Parse(configuration["Ai:Sensitive"] ?? "false")).Build();
            }

            [AiSystem("catalogue", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Catalogue(IChatClient inner)
            {
                private readonly IChatClient _client = new OpenTelemetryChatClient(inner) { EnableSensitiveData = true };
            }

            public sealed class NotAnAiType
            {
                public bool EnableSensitiveData { get; set; }
                public void Set() => EnableSensitiveData = true;
            }
            """);

        private const string Allowed = "policy.models.allowed = gpt-4o*, text-embedding-3-small, llama3.*\n";

        [Fact]
        [Trait("Rule", "POL050")]
        public Task ModelOutsideTheApprovedList_Triggers_WhereTheIdIsWritten() => Verify.VerifyAsync(Header + """
            using OpenAI;
            using OllamaSharp;

            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Support(IConfiguration configuration)
            {
                public IChatClient OpenAi(string key) => new OpenAIClient(key).GetChatClient({|#0:"gpt-3.5-turbo"|}).AsIChatClient();

                public IChatClient FromConfiguration(string key)
                {
                    var model = configuration["OpenAI:Model"] ?? {|#1:"gpt-4-turbo"|};
                    return new OpenAIClient(key).GetChatClient(model).AsIChatClient();
                }

                public ChatOptions Options() => new() { ModelId = {|#2:"o1-preview"|} };

                public IChatClient Local() => new OllamaApiClient(new Uri("http://localhost:11434"), {|#3:"mistral"|});
            }
            """,
            Allowed,
            Verify.Diagnostic("POL050").WithLocation(0).WithArguments("gpt-3.5-turbo", "gpt-4o*, llama3.*, text-embedding-3-small"),
            Verify.Diagnostic("POL050").WithLocation(1).WithArguments("gpt-4-turbo", "gpt-4o*, llama3.*, text-embedding-3-small"),
            Verify.Diagnostic("POL050").WithLocation(2).WithArguments("o1-preview", "gpt-4o*, llama3.*, text-embedding-3-small"),
            Verify.Diagnostic("POL050").WithLocation(3).WithArguments("mistral", "gpt-4o*, llama3.*, text-embedding-3-small"));

        [Fact]
        [Trait("Rule", "POL050")]
        public Task SemanticKernelDeployment_OutsideTheList_Triggers() => Verify.VerifyAsync(Header + """
            using Microsoft.SemanticKernel;

            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Support
            {
                public Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion({|#0:"gpt-4"|}, key)
                    .Build();
            }
            """,
            Allowed,
            Verify.Diagnostic("POL050").WithLocation(0).WithArguments("gpt-4", "gpt-4o*, llama3.*, text-embedding-3-small"));

        [Fact]
        [Trait("Rule", "POL050")]
        public Task ApprovedModels_ConfigurationOnly_OrNoList_DoNotTrigger() => Verify.VerifyAsync(Header + """
            using OpenAI;
            using OllamaSharp;

            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Support(IConfiguration configuration)
            {
                private const string Embeddings = "TEXT-EMBEDDING-3-SMALL";

                public IChatClient OpenAi(string key) => new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient();
                public object Embed(string key) => new OpenAIClient(key).GetEmbeddingClient(Embeddings);
                public IChatClient Configured(string key) => new OpenAIClient(key).GetChatClient(configuration["OpenAI:Model"]!).AsIChatClient();
                public IChatClient Local() => new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.1:8b");
            }
            """,
            Allowed);

        [Fact]
        [Trait("Rule", "POL050")]
        public Task WithoutAnApprovedList_NothingIsJudged() => Verify.VerifyAsync(Header + """
            using OpenAI;

            [AiSystem("support", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Support
            {
                public IChatClient OpenAi(string key) => new OpenAIClient(key).GetChatClient("gpt-3.5-turbo").AsIChatClient();
            }
            """);
    }
}
