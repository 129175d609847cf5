using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL010: data from an own type or member without any classification reaches an AI call. One test per flow shape
    /// and per AI SDK, against the real SDK assemblies; the diagnostic is on the call's method name and its additional
    /// locations are the reads of the unclassified members.
    /// </summary>
    [Trait("Rule", "POL010")]
    public sealed class POL010Tests
    {
        private const string Customer = """
            public sealed class Customer
            {
                public string Name { get; set; } = "";
                public string? Nickname { get; set; }
                public string Notes { get; set; } = "";
                public float Age { get; set; }
                public float Income { get; set; }
            }
            """;

        private static DiagnosticResult Pol010(string call, string sources) =>
            Verify.Diagnostic("POL010").WithLocation(0).WithArguments(call, sources);

        private static Task VerifyBot(string body, params DiagnosticResult[] expected) => Verify.VerifyAsync($$"""
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            {{Customer}}

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat)
            {
            {{body}}
            }
            """, expected);

        // ------------------------------------------------------------------ flow shapes

        [Fact]
        public Task MemberRead_Interpolated_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}($"Summarise: {{|#1:customer.Notes|}}");
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task ThroughLocals_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    var notes = {|#1:customer.Notes|};
                    string prompt;
                    prompt = "Summarise: " + notes;
                    return chat.{|#0:GetResponseAsync|}(prompt);
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task Concatenation_NamesEveryMember_Triggers() => VerifyBot("""
                public Task<ChatResponse> GreetAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}("Write a greeting for " + {|#1:customer.Name|} + ", who wrote: " + {|#2:customer.Notes|});
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Name, Customer.Notes").WithLocation(1).WithLocation(2));

        [Fact]
        public Task StringFormat_Triggers() => VerifyBot("""
                public Task<ChatResponse> GreetAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}(string.Format("Greet {0}, aged {1}", {|#1:customer.Name|}, {|#2:customer.Age|}));
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Name, Customer.Age").WithLocation(1).WithLocation(2));

        [Fact]
        public Task StringJoinOverLinqProjection_Triggers() => VerifyBot("""
                public Task<ChatResponse> CompareAsync(IReadOnlyList<Customer> customers) =>
                    chat.{|#0:GetResponseAsync|}(string.Join("\n", customers.Select(c => {|#1:c.Notes|})));
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task ConditionalAndCoalesce_Triggers() => VerifyBot("""
                public Task<ChatResponse> GreetAsync(Customer customer, bool formal) =>
                    chat.{|#0:GetResponseAsync|}(formal ? "Greet the customer formally" : "Greet " + ({|#1:customer.Nickname|} ?? {|#2:customer.Name|}));
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Nickname, Customer.Name").WithLocation(1).WithLocation(2));

        [Fact]
        public Task ChatMessageBuiltFromString_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    var message = new ChatMessage(ChatRole.User, {|#1:customer.Notes|});
                    return chat.{|#0:GetResponseAsync|}(message);
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task ArrayOfMessages_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}(new[]
                    {
                        new ChatMessage(ChatRole.System, "You summarise customer notes."),
                        new ChatMessage(ChatRole.User, {|#1:customer.Notes|}),
                    });
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task CollectionExpressionOfMessages_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    var text = $"Notes: {{|#1:customer.Notes|}}";
                    return chat.{|#0:GetResponseAsync|}([new ChatMessage(ChatRole.System, "Summarise."), new(ChatRole.User, text)]);
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task ListFilledWithAdd_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    var messages = new List<ChatMessage> { new(ChatRole.System, "Summarise.") };
                    messages.Add(new ChatMessage(ChatRole.User, {|#1:customer.Notes|}));
                    return chat.{|#0:GetResponseAsync|}(messages);
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task StringBuilder_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    var prompt = new StringBuilder();
                    prompt.Append("Customer ").Append({|#1:customer.Name|}).AppendLine(" wrote:");
                    foreach (var line in {|#2:customer.Notes|}.Split('\n'))
                    {
                        prompt.AppendLine(line.Trim());
                    }

                    return chat.{|#0:GetResponseAsync|}(prompt.ToString());
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Name, Customer.Notes").WithLocation(1).WithLocation(2));

        [Fact]
        public Task LocalFunction_Triggers() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer)
                {
                    return chat.{|#0:GetResponseAsync|}(Prompt());

                    string Prompt() => "Summarise: " + {|#1:customer.Notes|};
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task ComponentFieldFilledInTheSameMethod_Triggers() => VerifyBot("""
                private readonly List<string> _history = new();

                public Task<ChatResponse> ContinueAsync(Customer customer)
                {
                    _history.Add({|#1:customer.Notes|});
                    return chat.{|#0:GetResponseAsync|}(string.Join("\n", _history));
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task WholeObjectOfUnclassifiedType_Triggers() => VerifyBot("""
                public Task<ChatResponse> DescribeAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}($"Describe this customer: {{|#1:customer|}}");
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer").WithLocation(1));

        [Fact]
        public Task OneDiagnosticPerCall() => VerifyBot("""
                public async Task<string> TwoStepsAsync(Customer customer)
                {
                    var summary = await chat.{|#0:GetResponseAsync|}({|#1:customer.Notes|});
                    var reply = await chat.{|#2:GetResponseAsync|}("Reply to " + {|#3:customer.Name|} + ": " + summary.Text);
                    return reply.Text;
                }
            """,
            Pol010("IChatClient.GetResponseAsync", "Customer.Notes").WithLocation(1),
            Verify.Diagnostic("POL010").WithLocation(2).WithLocation(3).WithArguments("IChatClient.GetResponseAsync", "Customer.Name"));

        // ------------------------------------------------------------------ AI SDKs

        [Fact]
        public Task OpenAiCompleteChat_Triggers() => Verify.VerifyAsync($$"""
            using OpenAI.Chat;
            using Policy.Annotations;

            {{Customer}}

            [AiSystem("notes")]
            public sealed class NotesSummariser(ChatClient client)
            {
                public string Summarise(Customer customer) =>
                    client.{|#0:CompleteChat|}(new SystemChatMessage("Summarise."), ChatMessage.CreateUserMessage({|#1:customer.Notes|})).Value.Content[0].Text;
            }
            """,
            Pol010("ChatClient.CompleteChat", "Customer.Notes").WithLocation(1));

        [Fact]
        public Task EmbeddingGenerator_Triggers() => Verify.VerifyAsync($$"""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            {{Customer}}

            [AiSystem("search")]
            public sealed class CustomerIndex(IEmbeddingGenerator<string, Embedding<float>> embeddings)
            {
                public Task<GeneratedEmbeddings<Embedding<float>>> IndexAsync(Customer customer) =>
                    embeddings.{|#0:GenerateAsync|}([{|#1:customer.Notes|}]);

                public async Task<float[]> VectorAsync(Customer customer) =>
                    (await embeddings.{|#2:GenerateVectorAsync|}({|#3:customer.Name|})).ToArray();
            }
            """,
            Pol010("IEmbeddingGenerator.GenerateAsync", "Customer.Notes").WithLocation(1),
            Verify.Diagnostic("POL010").WithLocation(2).WithLocation(3).WithArguments("IEmbeddingGenerator.GenerateVectorAsync", "Customer.Name"));

        [Fact]
        public Task SemanticKernelPrompt_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Policy.Annotations;

            [AiSystem("planner")]
            public sealed class Planner(Kernel kernel)
            {
                public Task<FunctionResult> WithArgumentsAsync(Customer customer) =>
                    kernel.{|#0:InvokePromptAsync|}("Summarise {{$notes}}", new KernelArguments { ["notes"] = {|#1:customer.Notes|} });

                public Task<FunctionResult> InlineAsync(Customer customer) =>
                    kernel.{|#2:InvokePromptAsync|}($"Greet {{|#3:customer.Name|}}");
            }

            """ + Customer,
            Pol010("Kernel.InvokePromptAsync", "Customer.Notes").WithLocation(1),
            Verify.Diagnostic("POL010").WithLocation(2).WithLocation(3).WithArguments("Kernel.InvokePromptAsync", "Customer.Name"));

        [Fact]
        public Task MlNetUnclassifiedInputType_Triggers() => Verify.VerifyAsync("""
            using Microsoft.ML;
            using Microsoft.ML.Data;
            using Policy.Annotations;

            public sealed class LoanInput
            {
                [LoadColumn(0)] public float Income { get; set; }
                [LoadColumn(1)] public float Debt { get; set; }
            }

            public sealed class LoanScore
            {
                [ColumnName("Score")] public float Score { get; set; }
            }

            [AiSystem("scoring")]
            public sealed class Scorer(MLContext ml, ITransformer model)
            {
                private readonly PredictionEngine<LoanInput, LoanScore> _engine = ml.Model.{|#0:CreatePredictionEngine|}<LoanInput, LoanScore>(model);

                public float Score(LoanInput input) => _engine.{|#1:Predict|}({|#2:input|}).Score;
            }
            """,
            Pol010("ModelOperationsCatalog.CreatePredictionEngine", "LoanInput"),
            Verify.Diagnostic("POL010").WithLocation(1).WithLocation(2).WithArguments("PredictionEngine.Predict", "LoanInput"));

        [Fact]
        public Task MlNetInputBuiltFromUnclassifiedMembers_Triggers() => Verify.VerifyAsync($$"""
            using Microsoft.ML;
            using Policy.Annotations;

            {{Customer}}

            [Classification(DataClass.Confidential)]
            public sealed class LoanInput
            {
                public float Income { get; set; }
                public float Age { get; set; }
            }

            public sealed class LoanScore { public float Score { get; set; } }

            [AiSystem("scoring")]
            public sealed class Scorer(PredictionEngine<LoanInput, LoanScore> engine)
            {
                public float Score(Customer customer) =>
                    engine.{|#0:Predict|}(new LoanInput { Income = {|#1:customer.Income|}, Age = {|#2:customer.Age|} }).Score;
            }
            """,
            Pol010("PredictionEngine.Predict", "Customer.Income, Customer.Age").WithLocation(1).WithLocation(2));

        [Fact]
        public Task OnnxRuntimeInputs_Triggers() => Verify.VerifyAsync($$"""
            using System.Collections.Generic;
            using Microsoft.ML.OnnxRuntime;
            using Microsoft.ML.OnnxRuntime.Tensors;
            using Policy.Annotations;

            {{Customer}}

            [AiSystem("risk-onnx")]
            public sealed class RiskModel(InferenceSession session)
            {
                public float Score(Customer customer)
                {
                    var features = new DenseTensor<float>(new[] { {|#1:customer.Age|}, {|#2:customer.Income|} }, new[] { 1, 2 });
                    var inputs = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("features", features) };
                    using var results = session.{|#0:Run|}(inputs);
                    return 0f;
                }
            }
            """,
            Pol010("InferenceSession.Run", "Customer.Age, Customer.Income").WithLocation(1).WithLocation(2));

        [Fact]
        public Task ConfiguredGateway_EveryMethodIsAnAiCall_Triggers() => Verify.VerifyAsync($$"""
            using System.Threading.Tasks;
            using Policy.Annotations;

            {{Customer}}

            namespace Contoso.Ai
            {
                public interface ILlmGateway { Task<string> CompleteAsync(string prompt); }
            }

            [AiSystem("gateway-user")]
            public sealed class Summariser(Contoso.Ai.ILlmGateway gateway)
            {
                public Task<string> SummariseAsync(Customer customer) => gateway.{|#0:CompleteAsync|}({|#1:customer.Notes|});
            }
            """,
            "policy.ai_types = Contoso.Ai.ILlmGateway",
            Pol010("ILlmGateway.CompleteAsync", "Customer.Notes").WithLocation(1));

        // ------------------------------------------------------------------ no noise

        [Fact]
        public Task PlainStringParameter_DoesNotTrigger() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(string text, IEnumerable<string> lines) =>
                    chat.GetResponseAsync("Summarise: " + text + string.Join("\n", lines));
            """);

        [Fact]
        public Task ConstantsAndLiterals_DoNotTrigger() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public enum Tone { Friendly, Formal }

            public static class Prompts
            {
                public const string Summarise = "Summarise the text.";
                public static readonly string Greeting = "Hello! " + "How can I help?";
                public static string Farewell => "Goodbye.";
                public static readonly string[] Rules = ["Be brief.", "Be kind."];
            }

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat)
            {
                private const int MaxWords = 50;

                public Task<ChatResponse> AskAsync() =>
                    chat.GetResponseAsync(
                        $"{Prompts.Summarise} {Prompts.Greeting} {Prompts.Farewell} {string.Join(" ", Prompts.Rules)} " +
                        $"Use at most {MaxWords} words in a {Tone.Friendly} tone ({nameof(SupportBot)}).");
            }
            """);

        [Fact]
        public Task ClassifiedData_DoesNotTrigger() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [Classification(DataClass.Internal)]
            public sealed class Ticket
            {
                public string Subject { get; set; } = "";
                [Classification(DataClass.Confidential)] public string Body { get; set; } = "";
            }

            public sealed class Product
            {
                [Classification(DataClass.Public)] public string Description { get; set; } = "";
            }

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat)
            {
                public Task<ChatResponse> AnswerAsync(Ticket ticket, Product product) =>
                    chat.GetResponseAsync($"{ticket.Subject}\n{ticket.Body}\n{product.Description}\n{ticket}");
            }
            """);

        [Fact]
        public Task ValuesThatNeverReachAnAiCall_DoNotTrigger() => VerifyBot("""
                public async Task<string> AnswerAsync(Customer customer)
                {
                    var length = customer.Notes.Length;                         // used only in a condition
                    var tone = customer.Age > 60 ? "formal" : "casual";          // constants chosen by a condition
                    if (string.IsNullOrEmpty(customer.Name) || length > 1000)
                    {
                        return "Please shorten your notes.";
                    }

                    var response = await chat.GetResponseAsync($"Answer in a {tone} tone.");
                    return response.Text + " " + customer.Name;                  // after the call, never into it
                }
            """);

        [Fact]
        public Task ComponentOwnStateAndConfiguration_DoNotTrigger() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            using Policy.Annotations;

            public sealed class BotSettings
            {
                public string Model { get; set; } = "gpt-4o-mini";
                public string ApiKey { get; set; } = "";
            }

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat, BotSettings settings)
            {
                private readonly string _systemPrompt = "You are a helpful assistant.";
                private string Persona { get; } = "Ada";

                public ChatClient CreateClient() => new ChatClient(settings.Model, settings.ApiKey);

                public Task<ChatResponse> AskAsync(string question) =>
                    chat.GetResponseAsync(_systemPrompt + " You are " + Persona + ". " + question, new ChatOptions { ModelId = settings.Model });
            }
            """);

        [Fact]
        public Task ModelOutputFedBack_DoesNotTrigger() => VerifyBot("""
                public async Task<string> RefineAsync(string draft)
                {
                    var first = await chat.GetResponseAsync("Improve: " + draft);
                    var second = await chat.GetResponseAsync("Shorten: " + first.Text);
                    return second.Text;
                }
            """);

        [Fact]
        public Task NoAiCall_DoesNotTrigger() => Verify.VerifyAsync($$"""
            using System;
            {{Customer}}

            public sealed class Printer
            {
                public void Print(Customer customer) => Console.WriteLine($"{customer.Name}: {customer.Notes}");
            }
            """);

        [Fact]
        public Task BrokenAndHalfTypedCode_DoesNotCrash()
        {
            // Unresolved types and members, missing arguments, a dangling expression: the compiler reports them; the
            // analyzer must neither throw (AD0001) nor report anything it cannot see.
            var test = new Verify.Test
            {
                TestCode = """
                    using System.Collections.Generic;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    [AiSystem("broken")]
                    public sealed class Broken(IChatClient chat)
                    {
                        public Task<ChatResponse> A(Customer c) => chat.GetResponseAsync(c.Missing + Unknown.Value);
                        public Task<ChatResponse> B(UnknownType u) => chat.GetResponseAsync($"{u.Name} {u}");
                        public void C() { var x = chat.GetResponseAsync(; }
                        public Task<ChatResponse> D() => chat.GetResponseAsync(new ChatMessage(ChatRole.User, Missing.Member), );
                        public Task<ChatResponse> E(string s) { var t = s; t = t + t; return chat.GetResponseAsync(t + Undefined()); }
                        public Task<ChatResponse> F() { List<ChatMessage> m = new(); m.Add(new(ChatRole.User, Nope)); return chat.GetResponseAsync(m); }
                    }

                    public sealed class Customer { [Classification((DataClass)99)] public string Name { get; set; } = ""; }
                    """,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            return test.RunAsync();
        }

        // ------------------------------------------------------------------ knowingly not tracked (documented limits)

        [Fact]
        public Task ValueBuiltInAnotherMethod_IsNotTracked() => VerifyBot("""
                public Task<ChatResponse> SummariseAsync(Customer customer) => chat.GetResponseAsync(BuildPrompt(customer));

                private static string BuildPrompt(Customer customer) => "Summarise: " + customer.Notes;
            """);

        [Fact]
        public Task FieldWrittenInAnotherMethod_IsNotTracked() => VerifyBot("""
                private string _notes = "";

                public void Load(Customer customer) => _notes = customer.Notes;

                public Task<ChatResponse> SummariseAsync() => chat.GetResponseAsync(_notes);
            """);
    }
}
