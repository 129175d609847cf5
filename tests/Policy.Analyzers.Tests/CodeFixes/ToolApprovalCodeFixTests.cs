using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.CodeFixes;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.DataFlowAnalyzer, Policy.Analyzers.CodeFixes.ToolApprovalCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    /// <summary>POL040: the fix declares [HumanOversight] on the tool method with the role left to a human ("TODO", POL007).</summary>
    [Trait("Rule", "POL040")]
    public sealed class ToolApprovalCodeFixTests
    {
        /// <summary>
        /// A tool registered in code is reported from the registration's body on the tool method's name, which may be
        /// another member or file: a non-local diagnostic (the IDE shows it with full-solution analysis, the build always).
        /// The fix itself is the same; the framework's locality check is skipped for it.
        /// </summary>
        [Fact]
        public Task AddHumanOversight_ToTheToolMethod() => new Verify.Test
        {
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CodeActionEquivalenceKey = ToolApprovalCodeFixProvider.Key,
            TestCode = """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanDesk
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(CancelLoan)] };

                /// <summary>Cancels a loan.</summary>
                private static string {|POL040:CancelLoan|}(int id) => "cancelled";
            }
            """,
            FixedCode = """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
            public sealed class LoanDesk
            {
                public ChatOptions Options() => new() { Tools = [AIFunctionFactory.Create(CancelLoan)] };

                /// <summary>Cancels a loan.</summary>
                [HumanOversight(OversightMode.HumanInTheLoop, Role = "TODO")]
                private static string CancelLoan(int id) => "cancelled";
            }
            """,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task AddHumanOversight_AddsTheUsing() => Verify.VerifyFixAsync("""
            using ModelContextProtocol.Server;

            [Policy.Annotations.AiSystem("loans", AutomatedDecisions = true)]
            [McpServerToolType]
            public sealed class LoanTools
            {
                [McpServerTool]
                public static string {|POL040:CancelLoan|}(int id) => "cancelled";
            }
            """, """
            using ModelContextProtocol.Server;
            using Policy.Annotations;

            [Policy.Annotations.AiSystem("loans", AutomatedDecisions = true)]
            [McpServerToolType]
            public sealed class LoanTools
            {
                [McpServerTool]
                [HumanOversight(OversightMode.HumanInTheLoop, Role = "TODO")]
                public static string CancelLoan(int id) => "cancelled";
            }
            """,
            ToolApprovalCodeFixProvider.Key);
    }
}
