using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.CodeFixes;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.DeclarationAnalyzer, Policy.Analyzers.CodeFixes.UnknownSystemCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    [Trait("Rule", "POL009")]
    public sealed class UnknownSystemCodeFixTests
    {
        private const string Systems = """
            [AiSystem("support-assistant", Purpose = "Drafts replies", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class ReplyDrafter { }

            [AiSystem("billing-assistant", Purpose = "Explains invoices", Owner = "billing", RiskLevel = AiRiskLevel.Limited)]
            public sealed class InvoiceExplainer { }

            [AiSystem("fraud", Purpose = "Flags payments", Owner = "risk", RiskLevel = AiRiskLevel.Limited)]
            public sealed class FraudScreen { }
            """;

        [Fact]
        public void Rank_ClosestFirst_ThenOrdinal() => Assert.Equal(
            new[] { "support-assistant", "billing-assistant", "fraud" },
            UnknownSystemCodeFixProvider.Rank("support-asistant", ImmutableArray.Create("fraud", "support-assistant", "billing-assistant")));

        [Fact]
        public void Rank_TiesInOrdinalOrder() => Assert.Equal(
            new[] { "bot-a", "bot-b", "bot-c" },
            UnknownSystemCodeFixProvider.Rank("bot-x", ImmutableArray.Create("bot-c", "bot-a", "bot-b")));

        [Fact]
        public Task ClosestIdIsTheFirstAction_OnlyTheLiteralChanges()
        {
            var test = new Verify.Test
            {
                TestCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent( /* id */ {|POL009:"support-asistant"|} )]
                    public sealed class TicketClassifier { }
                    """,
                FixedCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent( /* id */ "support-assistant" )]
                    public sealed class TicketClassifier { }
                    """,
                CodeActionIndex = 0,
                CodeActionEquivalenceKey = UnknownSystemCodeFixProvider.Key("support-asistant", "support-assistant"),
                CodeActionVerifier = (action, verifier) => verifier.Equal("Change to AI system 'support-assistant'", action.Title),
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task OtherKnownIdsAreOfferedToo()
        {
            var test = new Verify.Test
            {
                TestCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent({|POL009:"support-asistant"|})]
                    public sealed class TicketClassifier { }
                    """,
                FixedCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent("fraud")]
                    public sealed class TicketClassifier { }
                    """,
                CodeActionIndex = 2,
                CodeActionEquivalenceKey = UnknownSystemCodeFixProvider.Key("support-asistant", "fraud"),
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FixAll_ReplacesTheSameUnknownIdOnly()
        {
            var test = new Verify.Test
            {
                TestCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent({|POL009:"support-asistant"|})]
                    public sealed class TicketClassifier { }

                    [AiComponent({|POL009:"support-asistant"|})]
                    public sealed class TicketRouter { }

                    [AiComponent({|POL009:"frauds"|})]
                    public sealed class ChargebackScreen { }
                    """,
                FixedCode = "using Policy.Annotations;\n\n" + Systems + """


                    [AiComponent("support-assistant")]
                    public sealed class TicketClassifier { }

                    [AiComponent("support-assistant")]
                    public sealed class TicketRouter { }

                    [AiComponent({|POL009:"frauds"|})]
                    public sealed class ChargebackScreen { }
                    """,
                CodeActionEquivalenceKey = UnknownSystemCodeFixProvider.Key("support-asistant", "support-assistant"),
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow; // "frauds" stays: it is another unknown id.
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task AConstantIsNotReplaced() => Verify.VerifyNoFixAsync("using Policy.Annotations;\n\n" + Systems + """


            internal static class Ids
            {
                public const string Support = "support-asistant";
            }

            [AiComponent({|POL009:Ids.Support|})]
            public sealed class TicketClassifier { }
            """);
    }
}
