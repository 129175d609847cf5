using System.Threading.Tasks;
using Policy.Analyzers.CodeFixes;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.AiInventoryAnalyzer, Policy.Analyzers.CodeFixes.InventoryCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    [Trait("Rule", "POL001")]
    public sealed class InventoryCodeFixTests
    {
        [Fact]
        public Task DeclareAsAiSystem_AddsUnfilledDeclarationAndUsing() => Verify.VerifyFixAsync("""
            using Microsoft.Extensions.AI;

            namespace Contoso;

            /// <summary>Answers support tickets.</summary>
            public sealed class {|POL001:SupportTicketBot|}(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """, """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            namespace Contoso;

            /// <summary>Answers support tickets.</summary>
            [AiSystem("support-ticket-bot", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
            public sealed class SupportTicketBot(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """,
            InventoryCodeFixProvider.DeclareSystemKey);

        [Fact]
        public Task AddToKnownSystem_KeepsExistingAttributes() => Verify.VerifyFixAsync("""
            using System;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class SupportBot { }

            namespace Contoso
            {
                [Serializable]
                public sealed class {|POL001:Summariser|}
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """, """
            using System;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class SupportBot { }

            namespace Contoso
            {
                [Serializable]
                [AiComponent("support-bot")]
                public sealed class Summariser
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """,
            InventoryCodeFixProvider.AddToSystemKeyPrefix + "support-bot");

        [Fact]
        public Task FixAll_DeclaresEveryType() => Verify.VerifyFixAsync("""
            using Microsoft.ML;

            public sealed class {|POL001:Trainer|}
            {
                public MLContext Context { get; } = new();
            }

            public sealed class {|POL001:Scorer|}
            {
                public ITransformer? Model { get; set; }
            }
            """, """
            using Microsoft.ML;
            using Policy.Annotations;

            [AiSystem("trainer", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
            public sealed class Trainer
            {
                public MLContext Context { get; } = new();
            }

            [AiSystem("scorer", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
            public sealed class Scorer
            {
                public ITransformer? Model { get; set; }
            }
            """,
            InventoryCodeFixProvider.DeclareSystemKey);

        [Fact]
        public Task DeclareAsAiSystem_OnRecordAndPartialType() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/Summary.cs", """
                    using Microsoft.Extensions.AI;

                    public sealed record {|POL001:Summary|}(IChatClient Client);
                    """),
                ("/src/Drafter.Prompts.cs", """
                    public sealed partial class Drafter
                    {
                        private const string Prompt = "Draft a reply";
                    }
                    """),
                ("/src/Drafter.cs", """
                    using Microsoft.Extensions.AI;

                    public sealed partial class {|POL001:Drafter|}
                    {
                        public IChatClient? Client { get; set; }
                    }
                    """),
            },
            new[]
            {
                ("/src/Summary.cs", """
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    [AiSystem("summary", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
                    public sealed record Summary(IChatClient Client);
                    """),
                ("/src/Drafter.Prompts.cs", """
                    public sealed partial class Drafter
                    {
                        private const string Prompt = "Draft a reply";
                    }
                    """),
                ("/src/Drafter.cs", """
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    [AiSystem("drafter", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
                    public sealed partial class Drafter
                    {
                        public IChatClient? Client { get; set; }
                    }
                    """),
            },
            InventoryCodeFixProvider.DeclareSystemKey);

        [Fact]
        public Task FixAll_NestedTypeCoveredByItsFixedContainer_IsLeftAlone() => Verify.VerifyFixAsync("""
            using Microsoft.Extensions.AI;

            public sealed class {|POL001:Assistant|}
            {
                public IChatClient? Client { get; set; }

                private sealed class {|POL001:Helper|}
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """, """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("assistant", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]
            public sealed class Assistant
            {
                public IChatClient? Client { get; set; }

                private sealed class Helper
                {
                    public IChatClient? Client { get; set; }
                }
            }
            """,
            InventoryCodeFixProvider.DeclareSystemKey);

        [Fact]
        public Task FixAll_DerivedTypeAfterItsFixedBase_IsLeftAlone() => Verify.VerifyFixAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class SupportBot { }

            public class {|POL001:BotBase|}
            {
                protected IChatClient? Client { get; set; }
            }

            public sealed class {|POL001:FaqBot|} : BotBase
            {
                public IChatClient? Other { get; set; }
            }
            """, """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class SupportBot { }

            [AiComponent("support-bot")]
            public class BotBase
            {
                protected IChatClient? Client { get; set; }
            }

            public sealed class FaqBot : BotBase
            {
                public IChatClient? Other { get; set; }
            }
            """,
            InventoryCodeFixProvider.AddToSystemKeyPrefix + "support-bot");

        [Fact]
        public Task TopLevelStatements_DeclareTheAssembly() => Verify.VerifyProgramFixAsync("""
            using Microsoft.Extensions.AI;

            // Entry point
            {|POL001:IChatClient? client = null;|}
            System.Console.WriteLine(client?.GetType());
            """, """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [assembly: AiSystem("test-project", Purpose = "TODO", Owner = "TODO", RiskLevel = AiRiskLevel.Unspecified)]

            // Entry point
            IChatClient? client = null;
            System.Console.WriteLine(client?.GetType());
            """,
            InventoryCodeFixProvider.DeclareAssemblySystemKey);

        [Fact]
        public Task DeclareIsTheFirstAction_ThenOneActionPerKnownSystem()
        {
            const string Source = """
                using Microsoft.Extensions.AI;
                using Policy.Annotations;

                [AiSystem("billing-bot", Purpose = "Explains invoices", Owner = "billing", RiskLevel = AiRiskLevel.Limited)]
                public sealed class BillingBot { }

                [AiSystem("support-bot", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
                public sealed class SupportBot { }

                public sealed class {|POL001:Summariser|}(IChatClient client)
                {
                    public IChatClient Client => client;
                }
                """;
            var test = new Verify.Test
            {
                TestCode = Source,
                FixedCode = Source.Replace("{|POL001:Summariser|}", "Summariser").Replace("public sealed class Summariser", "[AiComponent(\"support-bot\")]\npublic sealed class Summariser"),
                CodeActionIndex = 2,
                CodeActionEquivalenceKey = InventoryCodeFixProvider.AddToSystemKeyPrefix + "support-bot",
                CodeActionVerifier = (action, verifier) => verifier.Equal("Add 'Summariser' to AI system 'support-bot'", action.Title),
            };
            return test.RunAsync(System.Threading.CancellationToken.None);
        }

        [Theory]
        [InlineData("LoanUnderwritingService", "loan-underwriting-service")]
        [InlineData("AIChatBot", "ai-chat-bot")]
        [InlineData("Gpt4Summariser", "gpt4-summariser")]
        [InlineData("Bot", "bot")]
        public void KebabCase(string name, string expected) => Assert.Equal(expected, InventoryCodeFixProvider.ToKebabCase(name));
    }
}
