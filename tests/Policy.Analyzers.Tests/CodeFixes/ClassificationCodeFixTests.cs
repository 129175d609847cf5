using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.CodeFixes;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.DataFlowAnalyzer, Policy.Analyzers.CodeFixes.ClassificationCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// POL010's fix against the real DataFlowAnalyzer and Microsoft.Extensions.AI: one action per data class, the
    /// attribute on each unclassified source's declaration (property, record parameter, type), the using added once, and
    /// the fixed code analysed again without POL010. The framework also runs Fix All in document, project and solution.
    /// </summary>
    [Trait("Rule", "POL010")]
    public sealed class ClassificationCodeFixTests
    {
        [Fact]
        public Task ClassifiesEveryMemberTheCallReceives() => Verify.VerifyFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Customer
            {
                public string Name { get; set; } = "";

                /// <summary>Free text.</summary>
                public string Notes { get; set; } = "";
            }

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat)
            {
                public Task<ChatResponse> SummariseAsync(Customer customer) =>
                    chat.{|#0:GetResponseAsync|}($"Summarise {{|#1:customer.Name|}}: {{|#2:customer.Notes|}}");
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Customer
            {
                [Classification(DataClass.Internal)]
                public string Name { get; set; } = "";

                /// <summary>Free text.</summary>
                [Classification(DataClass.Internal)]
                public string Notes { get; set; } = "";
            }

            [AiSystem("support-bot")]
            public sealed class SupportBot(IChatClient chat)
            {
                public Task<ChatResponse> SummariseAsync(Customer customer) =>
                    chat.GetResponseAsync($"Summarise {customer.Name}: {customer.Notes}");
            }
            """,
            ClassificationCodeFixProvider.ClassifyKeyPrefix + "Internal",
            new[]
            {
                Verify.Diagnostic("POL010").WithLocation(0).WithLocation(1).WithLocation(2)
                    .WithArguments("IChatClient.GetResponseAsync", "Customer.Name, Customer.Notes"),
            });

        [Fact]
        public Task RecordParameter_InAnotherFile_GetsTheAttributeAndTheUsing() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/Ticket.cs", """
                    namespace Support;

                    public sealed record Ticket(string Body, int Priority);
                    """),
                ("/src/Triage.cs", """
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    namespace Support;

                    [AiSystem("triage", ProcessesPersonalData = true)]
                    public sealed class Triage(IChatClient chat)
                    {
                        public Task<ChatResponse> RouteAsync(Ticket ticket) => chat.GetResponseAsync("Route: " + ticket.Body);
                    }
                    """),
            },
            new[]
            {
                ("/src/Ticket.cs", """
                    using Policy.Annotations;

                    namespace Support;

                    public sealed record Ticket([Classification(DataClass.Personal)] string Body, int Priority);
                    """),
                ("/src/Triage.cs", """
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;
                    using Policy.Annotations;

                    namespace Support;

                    [AiSystem("triage", ProcessesPersonalData = true)]
                    public sealed class Triage(IChatClient chat)
                    {
                        public Task<ChatResponse> RouteAsync(Ticket ticket) => chat.GetResponseAsync("Route: " + ticket.Body);
                    }
                    """),
            },
            ClassificationCodeFixProvider.ClassifyKeyPrefix + "Personal",
            new[]
            {
                Verify.Diagnostic("POL010").WithLocation("/src/Triage.cs", 10, 65).WithLocation("/src/Triage.cs", 10, 94)
                    .WithArguments("IChatClient.GetResponseAsync", "Ticket.Body"),
            });

        [Fact]
        public Task WholeObject_ClassifiesTheType() => Verify.VerifyFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Order
            {
                public string Item { get; set; } = "";

                public override string ToString() => Item;
            }

            [AiSystem("orders")]
            public sealed class OrderBot(IChatClient chat)
            {
                public Task<ChatResponse> DescribeAsync(Order order) => chat.{|#0:GetResponseAsync|}($"Describe {{|#1:order|}}");
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [Classification(DataClass.Confidential)]
            public sealed class Order
            {
                public string Item { get; set; } = "";

                public override string ToString() => Item;
            }

            [AiSystem("orders")]
            public sealed class OrderBot(IChatClient chat)
            {
                public Task<ChatResponse> DescribeAsync(Order order) => chat.GetResponseAsync($"Describe {order}");
            }
            """,
            ClassificationCodeFixProvider.ClassifyKeyPrefix + "Confidential",
            new[]
            {
                Verify.Diagnostic("POL010").WithLocation(0).WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "Order"),
            });
    }
}

namespace Policy.Analyzers.Tests.CodeFixes
{
    using RealPol011 = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.DataFlowAnalyzer, Policy.Analyzers.CodeFixes.PersonalDataCodeFixProvider>;

    /// <summary>POL011's fix against the real DataFlowAnalyzer (its other tests use a stand-in analyzer).</summary>
    [Trait("Rule", "POL011")]
    public sealed class PersonalDataCodeFixWithRealAnalyzerTests
    {
        [Fact]
        public Task PersonalDataIntoAComponent_SetsThePropertyOnItsSystem() => RealPol011.VerifyFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Customer
            {
                [Classification(DataClass.Personal)]
                public string Email { get; set; } = "";
            }

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Support { }

            [AiComponent("support")]
            public sealed class Mailer(IChatClient chat)
            {
                public Task<ChatResponse> DraftAsync(Customer customer) => chat.{|#0:GetResponseAsync|}("Write to " + {|#1:customer.Email|});
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Customer
            {
                [Classification(DataClass.Personal)]
                public string Email { get; set; } = "";
            }

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class Support { }

            [AiComponent("support")]
            public sealed class Mailer(IChatClient chat)
            {
                public Task<ChatResponse> DraftAsync(Customer customer) => chat.GetResponseAsync("Write to " + customer.Email);
            }
            """,
            PersonalDataCodeFixProvider.SetProcessesPersonalDataKey,
            new[]
            {
                RealPol011.Diagnostic("POL011").WithLocation(0).WithLocation(1)
                    .WithArguments("IChatClient.GetResponseAsync", "Customer.Email (Personal)", "AI system 'support' does not declare ProcessesPersonalData = true"),
            });
    }
}
