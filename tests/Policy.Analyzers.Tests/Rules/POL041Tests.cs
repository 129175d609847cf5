using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.Tests.Infrastructure;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL041: request or console input that reaches system-role content (a system ChatMessage, ChatOptions.Instructions,
    /// ChatHistory.AddSystemMessage, an agent's instructions), reported at the value written there. Compiled against the
    /// real ASP.NET Core reference pack (controllers, minimal APIs, SignalR) and AI SDKs.
    /// </summary>
    [Trait("Rule", "POL041")]
    public sealed class POL041Tests
    {
        private static DiagnosticResult Pol041(string sink, string sources) =>
            Verify.Diagnostic("POL041").WithLocation(0).WithArguments(sink, sources).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static Task VerifyWebAsync(string source, params DiagnosticResult[] expected) => VerifyWebAsync(source, OutputKind.DynamicallyLinkedLibrary, expected);

        private static Task VerifyWebAsync(string source, OutputKind kind, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source };
            test.TestState.OutputKind = kind;
            test.TestState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        // ------------------------------------------------------------------ console input

        [Fact]
        public Task ConsoleInputInASystemMessage_Triggers() => Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("cli-bot")]
            public sealed class Bot(IChatClient chat)
            {
                public Task<ChatResponse> RunAsync()
                {
                    var persona = Console.ReadLine();
                    return chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|#0:"You are " + persona|}), new ChatMessage(ChatRole.User, "Hello")]);
                }
            }
            """,
            Pol041("a system ChatMessage", "Console.ReadLine()"));

        [Fact]
        public Task ConsoleInputInAUserMessage_DoesNotTrigger() => Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("cli-bot")]
            public sealed class Bot(IChatClient chat)
            {
                private const string Persona = "a helpful librarian";

                public Task<ChatResponse> RunAsync()
                {
                    var question = Console.ReadLine();
                    return chat.GetResponseAsync([new ChatMessage(ChatRole.System, "You are " + Persona), new ChatMessage(ChatRole.User, question)]);
                }
            }
            """);

        [Fact]
        public Task ConsoleInputInAnAgentsInstructions_Triggers() => Verify.VerifyAsync("""
            using System;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("cli-bot")]
            public sealed class Bot(IChatClient chat)
            {
                public AIAgent Create()
                {
                    var persona = Console.ReadLine();
                    return new ChatClientAgent(chat, instructions: {|#0:persona|});
                }
            }
            """,
            Pol041("the instructions of ChatClientAgent", "Console.ReadLine()"));

        // ------------------------------------------------------------------ ASP.NET Core

        [Fact]
        public Task ActionParameterInChatOptionsInstructions_Triggers() => VerifyWebAsync("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("help-desk")]
            [ApiController]
            public sealed class AskController(IChatClient chat) : ControllerBase
            {
                [HttpPost("ask")]
                public async Task<string> Ask(string tone, string question)
                {
                    var options = new ChatOptions { Instructions = {|#0:$"Answer in a {tone} tone."|} };
                    var response = await chat.GetResponseAsync(question, options);
                    return response.Text;
                }
            }
            """,
            Pol041("ChatOptions.Instructions", "request parameter 'tone'"));

        [Fact]
        public Task ActionParameterInTheUserMessage_ConstantInstructions_DoesNotTrigger() => VerifyWebAsync("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("help-desk")]
            [ApiController]
            public sealed class AskController(IChatClient chat) : ControllerBase
            {
                [HttpPost("ask")]
                public async Task<string> Ask(string question)
                {
                    var options = new ChatOptions { Instructions = "Answer politely." };
                    var response = await chat.GetResponseAsync(question, options);
                    return response.Text;
                }
            }
            """);

        [Fact]
        public Task QueryStringInASemanticKernelSystemMessage_Triggers() => VerifyWebAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Policy.Annotations;

            [AiSystem("help-desk")]
            [ApiController]
            public sealed class PersonaController : ControllerBase
            {
                [HttpGet("persona")]
                public ChatHistory Start()
                {
                    var history = new ChatHistory();
                    history.AddSystemMessage({|#0:"You are " + Request.Query["persona"]|});
                    return history;
                }
            }
            """,
            Pol041("ChatHistory.AddSystemMessage", "HttpRequest.Query"));

        [Fact]
        public Task MinimalApiHandlerParameterInASystemMessage_Triggers() => VerifyWebAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.AI;

            var app = WebApplication.Create();
            app.MapPost("/ask", (string persona, string question, IChatClient chat) =>
                chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|#0:persona|}), new ChatMessage(ChatRole.User, question)]));
            app.Run();
            """,
            OutputKind.ConsoleApplication,
            Pol041("a system ChatMessage", "request parameter 'persona'"));

        // Field test: the common minimal-API shape binds a JSON body to a record; its members reached the system message
        // unreported.
        [Fact]
        public Task MinimalApiBodyMemberInASystemMessage_Triggers() => VerifyWebAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.AI;

            var app = WebApplication.Create();
            app.MapPost("/ask", (AskRequest req, IChatClient chat) =>
                chat.{|#1:GetResponseAsync|}([new ChatMessage(ChatRole.System, {|#0:"You help with " + req.Topic|}), new ChatMessage(ChatRole.User, req.Question)]));
            app.Run();

            public sealed record AskRequest(string Topic, string Question);
            """,
            OutputKind.ConsoleApplication,
            Pol041("a system ChatMessage", "request parameter 'req.Topic'"),
            Verify.Diagnostic("POL010").WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "AskRequest.Topic, AskRequest.Question").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task SignalRHubMethodParameterInASystemMessage_Triggers() => VerifyWebAsync("""
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("live-chat")]
            public sealed class ChatHub(IChatClient chat) : Hub
            {
                public Task<ChatResponse> Send(string persona, string text) =>
                    chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|#0:persona|}), new ChatMessage(ChatRole.User, text)]);
            }
            """,
            Pol041("a system ChatMessage", "hub method parameter 'persona'"));
    }
}
