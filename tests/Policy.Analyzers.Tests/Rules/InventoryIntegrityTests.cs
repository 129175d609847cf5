using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>POL008 (duplicate ids), POL009 (unknown system), POL012 (prohibited).</summary>
    public sealed class InventoryIntegrityTests
    {
        [Fact]
        [Trait("Rule", "POL008")]
        public Task DuplicateIds_ReportedOnEachDeclaration() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem({|#0:"bot"|}, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class A { }

            [AiSystem({|#1:"bot"|}, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class B { }
            """,
            Verify.Diagnostic("POL008").WithLocation(0).WithLocation(1).WithArguments("bot", "Test0.cs:6"),
            Verify.Diagnostic("POL008").WithLocation(1).WithLocation(0).WithArguments("bot", "Test0.cs:3"));

        [Fact]
        [Trait("Rule", "POL008")]
        public Task DistinctIds_DoNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("bot-a", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class A { }

            [AiSystem("bot-b", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class B { }
            """);

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfUnknownSystem_Triggers() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("support-bot", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Bot { }

            [AiComponent({|#0:"suport-bot"|})]
            public sealed class Summariser { }
            """,
            Verify.Diagnostic("POL009").WithLocation(0).WithArguments("suport-bot", "Summariser"));

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfKnownSystem_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [assembly: AiSystem("support-bot", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]

            [AiComponent("support-bot")]
            public sealed class Summariser { }
            """);

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfSystemDeclaredInAReferencedAssembly_DoesNotTrigger_UnknownIdStillDoes()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiComponent("search")]
                    public sealed class QueryRewriter { }

                    [AiComponent({|#0:"serch"|})]
                    public sealed class Typo { }
                    """,
            };
            var library = test.TestState.AdditionalProjects["Lib"];
            library.AdditionalReferences.Add(Infrastructure.TestReferences.Annotations);
            library.Sources.Add("""
                using Policy.Annotations;

                namespace Lib;

                [AiSystem("search", Purpose = "Ranks documents", Owner = "search", RiskLevel = AiRiskLevel.Minimal)]
                public sealed class SearchSystem { }
                """);
            test.TestState.AdditionalProjectReferences.Add("Lib");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL009").WithLocation(0).WithArguments("serch", "Typo"));
            return test.RunAsync(System.Threading.CancellationToken.None);
        }

        // The declaration index is keyed by the id written as a string literal; the declarations below reach it the other
        // ways (a constant, a using alias, a nested or partial type) and must count the same.

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfSystemDeclaredWithAConstantId_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            public static class SystemIds { public const string Bot = "support-bot"; }

            [AiSystem(SystemIds.Bot, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Bot { }

            [AiComponent(SystemIds.Bot)]
            public sealed class Summariser { }

            [AiComponent("support-bot")]
            public sealed class Classifier { }
            """);

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfSystemDeclaredThroughAnAlias_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;
            using Governed = Policy.Annotations.AiSystemAttribute;

            [Governed("support-bot", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Bot { }

            [AiComponent("support-bot")]
            public sealed class Summariser { }
            """);

        [Fact]
        [Trait("Rule", "POL009")]
        public Task ComponentOfSystemDeclaredOnANestedPartialPart_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            public static partial class Outer
            {
                public sealed partial class Bot { }

                [AiSystem("support-bot", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
                public sealed partial class Bot { }
            }

            [AiComponent("support-bot")]
            public sealed class Summariser { }
            """);

        [Fact]
        [Trait("Rule", "POL009")]
        public Task SameNameOutsidePolicyAnnotations_IsNotASystem() => Verify.VerifyAsync("""
            using Policy.Annotations;

            namespace Elsewhere
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class AiSystemAttribute : System.Attribute { public AiSystemAttribute(string id) { } }

                [AiSystem("support-bot")]
                public sealed class NotGoverned { }
            }

            [AiComponent({|#0:"support-bot"|})]
            public sealed class Summariser { }
            """,
            Verify.Diagnostic("POL009").WithLocation(0).WithArguments("support-bot", "Summariser"));

        [Fact]
        [Trait("Rule", "POL008")]
        public Task DuplicateIds_ThroughAConstant_AreReported() => Verify.VerifyAsync("""
            using Policy.Annotations;

            public static class SystemIds { public const string Bot = "bot"; }

            [AiSystem({|#0:"bot"|}, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class A { }

            [AiSystem({|#1:SystemIds.Bot|}, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class B { }
            """,
            Verify.Diagnostic("POL008").WithLocation(0).WithLocation(1).WithArguments("bot", "Test0.cs:8"),
            Verify.Diagnostic("POL008").WithLocation(1).WithLocation(0).WithArguments("bot", "Test0.cs:5"));

        [Fact]
        [Trait("Rule", "POL012")]
        public Task ProhibitedSystem_IsAnError_OnTheRiskLevel() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("social-scoring", Purpose = "Scores citizens' social behaviour", Owner = "o", {|#0:RiskLevel = AiRiskLevel.Prohibited|})]
            public sealed class SocialScoring { }
            """,
            Verify.Diagnostic("POL012").WithLocation(0).WithArguments("social-scoring"));

        [Fact]
        [Trait("Rule", "POL012")]
        public Task HighRisk_IsNotProhibited() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("s", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "r")]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
            [EventLogging(Destination = "audit log")]
            public sealed class S { }
            """);
    }
}
