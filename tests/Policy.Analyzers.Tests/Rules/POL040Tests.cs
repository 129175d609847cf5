using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL040: a tool a model can call, in a system whose tools need approval (RiskLevel = High or AutomatedDecisions
    /// by default), that is neither wrapped in ApprovalRequiredAIFunction nor declares [HumanOversight]. One test per
    /// registration mechanism, against the real Microsoft.Extensions.AI, Semantic Kernel, Agent Framework and
    /// ModelContextProtocol packages; reported on the tool method's name.
    /// </summary>
    [Trait("Rule", "POL040")]
    public sealed class POL040Tests
    {
        private static DiagnosticResult Pol040(string tool, string method, string system = "loans", string reason = "RiskLevel = High") =>
            Verify.Diagnostic("POL040").WithLocation(0).WithArguments(tool, method, system, reason);

        /// <summary>A loan desk of system "loans" (<paramref name="system"/> are its [AiSystem] arguments) that gives the model <paramref name="tools"/>.</summary>
        private static string Desk(string tools, string method = "private static string {|#0:CancelLoan|}(int id) => \"cancelled\";", string system = "RiskLevel = AiRiskLevel.High") => $$"""
            using System.Collections.Generic;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("loans", {{system}})]
            public sealed class LoanDesk
            {
                public ChatOptions Options()
                {
                    {{tools}}
                }

                {{method}}
            }
            """;

        // ------------------------------------------------------------------ Microsoft.Extensions.AI

        [Fact]
        public Task AIFunctionFactoryTool_InHighRiskSystem_Triggers() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };"),
            Pol040("CancelLoan", "LoanDesk.CancelLoan"));

        [Fact]
        public Task ExplicitToolName_IsTheNameTheModelSees_Triggers() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan, \"cancel_loan\", \"Cancels a loan\")] };"),
            Pol040("cancel_loan", "LoanDesk.CancelLoan"));

        [Fact]
        public Task AutomatedDecisionsSystem_Triggers() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };", system: "RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true"),
            Pol040("CancelLoan", "LoanDesk.CancelLoan", reason: "AutomatedDecisions = true"));

        [Fact]
        public Task LambdaTool_ReportedAtTheRegistration_Triggers() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.{|#0:Create|}((int id) => \"cancelled\", \"cancel_loan\")] };", method: string.Empty),
            Pol040("cancel_loan", "lambda in LoanDesk"));

        [Fact]
        public Task ApprovalRequiredAIFunction_DoesNotTrigger() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(CancelLoan))] };", method: "private static string CancelLoan(int id) => \"cancelled\";"));

        [Fact]
        public Task ApprovalRequiredAIFunction_ThroughALocal_DoesNotTrigger() => Verify.VerifyAsync(Desk("""
                    var cancel = AIFunctionFactory.Create(CancelLoan);
                    return new ChatOptions { Tools = [new ApprovalRequiredAIFunction(cancel)] };
            """, method: "private static string CancelLoan(int id) => \"cancelled\";"));

        [Fact]
        public Task HumanOversightOnTheToolMethod_DoesNotTrigger() => Verify.VerifyAsync(Desk(
            "return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };",
            method: "[HumanOversight(OversightMode.HumanInTheLoop, Role = \"Loan officer\")] private static string CancelLoan(int id) => \"cancelled\";"));

        [Fact]
        public Task LimitedRiskSystem_DoesNotTrigger() => Verify.VerifyAsync(Desk(
            "return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };",
            method: "private static string CancelLoan(int id) => \"cancelled\";",
            system: "RiskLevel = AiRiskLevel.Limited"));

        [Fact]
        public Task RequireApprovalAll_LimitedRiskSystem_Triggers() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };", system: "RiskLevel = AiRiskLevel.Limited"),
            "policy.tools.require_approval = all",
            Pol040("CancelLoan", "LoanDesk.CancelLoan", reason: "policy.tools.require_approval = all"));

        [Fact]
        public Task RequireApprovalNone_HighRiskSystem_DoesNotTrigger() => Verify.VerifyAsync(
            Desk("return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };", method: "private static string CancelLoan(int id) => \"cancelled\";"),
            "policy.tools.require_approval = none");

        [Fact]
        public Task Exempted_IsSuppressed() => Verify.VerifyAsync(
            Desk(
                "return new ChatOptions { Tools = [AIFunctionFactory.Create(CancelLoan)] };",
                method: "[PolicyExemption(\"POL040\", Justification = \"Read-only lookup\", ApprovedBy = \"AI board 2026-11\")] private static string {|#0:CancelLoan|}(int id) => \"cancelled\";"),
            Pol040("CancelLoan", "LoanDesk.CancelLoan").WithIsSuppressed(true));

        [Fact]
        public Task ToolOfADeclaredComponent_BelongsToItsOwnSystem_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("faq", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Faq
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(LoanTools.CancelLoan)] };
            }

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public static class LoanTools
            {
                public static string {|#0:CancelLoan|}(int id) => "cancelled";
            }
            """,
            Pol040("CancelLoan", "LoanTools.CancelLoan"));

        // ------------------------------------------------------------------ Semantic Kernel plugins

        [Fact]
        public Task KernelFunctionOfAPluginAddedFromType_Triggers() => Verify.VerifyAsync("""
            using Microsoft.SemanticKernel;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanKernel
            {
                public Kernel Build()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<LoanPlugin>();
                    return builder.Build();
                }
            }

            public sealed class LoanPlugin
            {
                [KernelFunction("cancel_loan")]
                public string {|#0:CancelLoan|}(int id) => "cancelled";

                [KernelFunction]
                public string {|#1:GetRateAsync|}() => "4%";

                public string NotAFunction() => "";
            }
            """,
            Pol040("cancel_loan", "LoanPlugin.CancelLoan"),
            Verify.Diagnostic("POL040").WithLocation(1).WithArguments("GetRate", "LoanPlugin.GetRateAsync", "loans", "RiskLevel = High"));

        [Fact]
        public Task KernelFunctionOfAnImportedObject_Triggers() => Verify.VerifyAsync("""
            using Microsoft.SemanticKernel;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanKernel(Kernel kernel)
            {
                public void Register() => kernel.ImportPluginFromObject(new LoanPlugin(), "loans");
            }

            public sealed class LoanPlugin
            {
                [KernelFunction]
                public string {|#0:CancelLoan|}(int id) => "cancelled";
            }
            """,
            Pol040("CancelLoan", "LoanPlugin.CancelLoan"));

        [Fact]
        public Task KernelFunctionWithHumanOversight_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.SemanticKernel;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanKernel(Kernel kernel)
            {
                public void Register() => kernel.Plugins.AddFromType<LoanPlugin>();
            }

            public sealed class LoanPlugin
            {
                [KernelFunction, HumanOversight(OversightMode.HumanInTheLoop, Role = "Loan officer")]
                public string CancelLoan(int id) => "cancelled";
            }
            """);

        // ------------------------------------------------------------------ Microsoft Agent Framework

        [Fact]
        public Task ToolGivenToAChatClientAgent_Triggers() => Verify.VerifyAsync("""
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanAgent(IChatClient chat)
            {
                public AIAgent Create() => new ChatClientAgent(chat, instructions: "You manage loans.", tools: [AIFunctionFactory.Create(CancelLoan)]);

                private static string {|#0:CancelLoan|}(int id) => "cancelled";
            }
            """,
            Pol040("CancelLoan", "LoanAgent.CancelLoan"));

        [Fact]
        public Task ApprovalRequiredToolGivenToAsAIAgent_DoesNotTrigger() => Verify.VerifyAsync("""
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanAgent(IChatClient chat)
            {
                public AIAgent Create() => chat.AsAIAgent(instructions: "You manage loans.", tools: [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(CancelLoan))]);

                private static string CancelLoan(int id) => "cancelled";
            }
            """);

        // ------------------------------------------------------------------ ModelContextProtocol

        [Fact]
        public Task McpServerTool_InHighRiskSystem_Triggers() => Verify.VerifyAsync("""
            using ModelContextProtocol.Server;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            [McpServerToolType]
            public sealed class LoanTools
            {
                [McpServerTool(Name = "cancel_loan")]
                public static string {|#0:CancelLoan|}(int id) => "cancelled";

                public static string NotATool() => "";
            }
            """,
            Pol040("cancel_loan", "LoanTools.CancelLoan"));

        [Fact]
        public Task McpServerToolWithHumanOversight_DoesNotTrigger() => Verify.VerifyAsync("""
            using ModelContextProtocol.Server;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            [McpServerToolType]
            public sealed class LoanTools
            {
                [McpServerTool, HumanOversight(OversightMode.HumanInTheLoop, Role = "Loan officer")]
                public static string CancelLoan(int id) => "cancelled";
            }
            """);

        [Fact]
        public Task McpServerToolOfALimitedRiskSystem_DoesNotTrigger() => Verify.VerifyAsync("""
            using ModelContextProtocol.Server;
            using Policy.Annotations;

            [AiSystem("faq", RiskLevel = AiRiskLevel.Limited)]
            [McpServerToolType]
            public sealed class FaqTools
            {
                [McpServerTool]
                public static string Lookup(string topic) => "answer";
            }
            """);
    }
}
