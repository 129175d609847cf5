using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyBaseline = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.BaselineAnalyzer>;
using VerifyConfiguration = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.ConfigurationAnalyzer>;
using VerifyDeclarations = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;
using VerifyInventory = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.AiInventoryAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>policy.baseline.txt: baselined findings at info severity, new ones at their own, stale entries POL022.</summary>
    public sealed class BaselineTests
    {
        private const string TwoBots = """
            using Microsoft.Extensions.AI;

            namespace Contoso
            {
                public sealed class {|#0:LegacyBot|}(IChatClient client) { public IChatClient Client => client; }
                public sealed class {|#1:NewBot|}(IChatClient client) { public IChatClient Client => client; }
            }
            """;

        [Fact]
        [Trait("Rule", "POL001")]
        public Task BaselinedFinding_IsInfo_NewFindingStillWarns()
        {
            var test = new VerifyInventory.Test { TestCode = TwoBots };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "# adopted 2026-11-27\nPOL001 T:Contoso.LegacyBot\n"));
            test.ExpectedDiagnostics.Add(VerifyInventory.Diagnostic("POL001").WithLocation(0).WithArguments("LegacyBot", "Microsoft.Extensions.AI.IChatClient").WithSeverity(DiagnosticSeverity.Info));
            test.ExpectedDiagnostics.Add(VerifyInventory.Diagnostic("POL001").WithLocation(1).WithArguments("NewBot", "Microsoft.Extensions.AI.IChatClient"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL002")]
        public Task BaselinedSystemFinding_IsInfo()
        {
            var test = new VerifyDeclarations.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "m", Store = "s")]
                    public sealed class {|#0:Refunds|} { }
                    """,
            };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "POL002 T:Refunds\n"));
            test.ExpectedDiagnostics.Add(VerifyDeclarations.Diagnostic("POL002").WithLocation(0).WithArguments("refunds", "AutomatedDecisions = true").WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task MatchingEntries_AreNotStale()
        {
            var test = new VerifyBaseline.Test { TestCode = TwoBots.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("LegacyBot|}", "LegacyBot").Replace("NewBot|}", "NewBot") };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "POL001 T:Contoso.LegacyBot\nPOL001 T:Contoso.NewBot\n"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task RenamedSymbol_EntryIsStale()
        {
            var test = new VerifyBaseline.Test { TestCode = "using Microsoft.Extensions.AI;\npublic sealed class RenamedBot(IChatClient c) { public IChatClient C => c; }\n" };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "# baseline\n{|#0:POL001 T:OldBot|}\n"));
            test.ExpectedDiagnostics.Add(VerifyBaseline.Diagnostic("POL022").WithLocation(0).WithArguments("POL001 T:OldBot", "'T:OldBot' is not declared in this project (renamed or removed)"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task DeclaredType_EntryIsStale()
        {
            var test = new VerifyBaseline.Test
            {
                TestCode = """
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    [AiSystem("bot", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
                    public sealed class Bot(IChatClient c) { public IChatClient C => c; }
                    """,
            };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "{|#0:POL001 T:Bot|}\n"));
            test.ExpectedDiagnostics.Add(VerifyBaseline.Diagnostic("POL022").WithLocation(0).WithArguments("POL001 T:Bot", "the type is now declared in the AI inventory"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task FixedDeclarationFinding_EntryIsStale()
        {
            var test = new VerifyBaseline.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiSystem("bot", Purpose = "Answers", Owner = "support", RiskLevel = AiRiskLevel.Minimal)]
                    public sealed class Bot { }

                    [AiSystem("scorer", Purpose = "TODO", Owner = "risk", RiskLevel = AiRiskLevel.Minimal)]
                    public sealed class Scorer { }
                    """,
            };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "{|#0:POL007 T:Bot|}\nPOL007 T:Scorer\n"));
            test.ExpectedDiagnostics.Add(VerifyBaseline.Diagnostic("POL022").WithLocation(0).WithArguments("POL007 T:Bot", "the finding has been fixed"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL090")]
        public Task MalformedBaselineLine_IsAConfigurationError()
        {
            var test = new VerifyConfiguration.Test { TestCode = "public sealed class C { }" };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "POL001 T:C\n{|#0:SupportBot.cs(12,5): warning POL001|}\n"));
            test.ExpectedDiagnostics.Add(VerifyConfiguration.Diagnostic("POL090").WithLocation(0)
                .WithArguments("policy.baseline.txt", "SupportBot.cs(12,5): warning POL001", "'POLxxx <documentation id>', for example 'POL001 T:Contoso.SupportBot'"));
            return test.RunAsync();
        }
    }
}
