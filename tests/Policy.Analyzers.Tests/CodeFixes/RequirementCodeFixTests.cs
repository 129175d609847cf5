using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.CodeFixes;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.DeclarationAnalyzer, Policy.Analyzers.CodeFixes.RequirementCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// POL002, POL003, POL005, POL006, POL013: the missing declaration is added with its required values unfilled, so
    /// the fixed rule is gone and POL007 flags each placeholder (asserted with markup in the fixed code).
    /// </summary>
    public sealed class RequirementCodeFixTests
    {
        [Fact]
        [Trait("Rule", "POL002")]
        public Task AddHumanOversight_AfterExistingAttributes_KeepsDocComment() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            namespace Contoso;

            /// <summary>Approves small refunds.</summary>
            [AiSystem("auto-refunds", Purpose = "Approves small refunds", Owner = "payments", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [ExplainabilityRecord(Method = "Rule trace", Store = "refunds.log")] // kept
            public sealed class {|POL002:Refunds|}
            {
            }
            """, """
            using Policy.Annotations;

            namespace Contoso;

            /// <summary>Approves small refunds.</summary>
            [AiSystem("auto-refunds", Purpose = "Approves small refunds", Owner = "payments", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [ExplainabilityRecord(Method = "Rule trace", Store = "refunds.log")] // kept
            [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
            public sealed class Refunds
            {
            }
            """,
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL003")]
        public Task AddBiasEvaluation_OnRecord() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [ExplainabilityRecord(Method = "SHAP", Store = "decisions")]
            [ImpactAssessment(Reference = "docs/aiia.md", AssessedOn = "2026-01-01")]
            [EventLogging(Destination = "audit log")]
            public sealed record {|POL003:CreditScore|}(decimal Value);
            """, """
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [ExplainabilityRecord(Method = "SHAP", Store = "decisions")]
            [ImpactAssessment(Reference = "docs/aiia.md", AssessedOn = "2026-01-01")]
            [EventLogging(Destination = "audit log")]
            [BiasEvaluation({|POL007:Report = "TODO"|}, {|POL007:EvaluatedOn = "TODO"|})]
            public sealed record CreditScore(decimal Value);
            """,
            RequirementCodeFixProvider.AddBiasEvaluationKey);

        [Fact]
        [Trait("Rule", "POL005")]
        public Task AddExplainabilityRecord_OnRecordStruct_AddsUsingOnce() => Verify.VerifyFixAsync("""
            // Copyright Contoso
            using System;

            namespace Contoso
            {
                [Policy.Annotations.AiSystem("pricing", Purpose = "Quotes premiums", Owner = "pricing", RiskLevel = Policy.Annotations.AiRiskLevel.Limited, AutomatedDecisions = true)]
                [Policy.Annotations.HumanOversight(Policy.Annotations.OversightMode.HumanOnTheLoop, Role = "Underwriter")]
                public readonly record struct {|POL005:Quote|}(decimal Premium);
            }
            """, """
            // Copyright Contoso
            using System;
            using Policy.Annotations;

            namespace Contoso
            {
                [Policy.Annotations.AiSystem("pricing", Purpose = "Quotes premiums", Owner = "pricing", RiskLevel = Policy.Annotations.AiRiskLevel.Limited, AutomatedDecisions = true)]
                [Policy.Annotations.HumanOversight(Policy.Annotations.OversightMode.HumanOnTheLoop, Role = "Underwriter")]
                [ExplainabilityRecord({|POL007:Method = "TODO"|}, {|POL007:Store = "TODO"|})]
                public readonly record struct Quote(decimal Premium);
            }
            """,
            RequirementCodeFixProvider.AddExplainabilityRecordKey);

        [Fact]
        [Trait("Rule", "POL006")]
        public Task AddImpactAssessment_ToAssembly_AfterItsAiSystem() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [assembly: {|POL006:AiSystem|}("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [assembly: HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [assembly: BiasEvaluation(Report = "docs/bias.md", EvaluatedOn = "2026-06-30")]
            [assembly: ExplainabilityRecord(Method = "SHAP", Store = "decisions")]
            [assembly: EventLogging(Destination = "audit log")]

            namespace Contoso;

            public sealed class Scorer { }
            """, """
            using Policy.Annotations;

            [assembly: AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [assembly: ImpactAssessment({|POL007:Reference = "TODO"|}, {|POL007:AssessedOn = "TODO"|})]
            [assembly: HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [assembly: BiasEvaluation(Report = "docs/bias.md", EvaluatedOn = "2026-06-30")]
            [assembly: ExplainabilityRecord(Method = "SHAP", Store = "decisions")]
            [assembly: EventLogging(Destination = "audit log")]

            namespace Contoso;

            public sealed class Scorer { }
            """,
            RequirementCodeFixProvider.AddImpactAssessmentKey);

        [Fact]
        [Trait("Rule", "POL013")]
        public Task AddDataProvenance_WhenThePolicyRequiresIt()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
                    internal sealed class {|POL013:FaqBot|}
                    {
                    }
                    """,
                FixedCode = """
                    using Policy.Annotations;

                    [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
                    [DataProvenance({|POL007:"TODO"|})]
                    internal sealed class FaqBot
                    {
                    }
                    """,
                CodeActionEquivalenceKey = RequirementCodeFixProvider.AddDataProvenanceKey,
            }.WithGlobalConfig("policy.requirements.limited = data_provenance");
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        [Trait("Rule", "POL013")]
        public Task DataProvenance_NotOfferedOnInterfacesOrAssemblies()
        {
            const string Source = """
                using Policy.Annotations;

                [assembly: {|POL013:AiSystem|}("platform", Purpose = "Shared AI platform", Owner = "platform", RiskLevel = AiRiskLevel.Limited)]

                [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
                public interface {|POL013:IFaqBot|}
                {
                }
                """;
            var test = new Verify.Test { TestCode = Source, FixedCode = Source }.WithGlobalConfig("policy.requirements.limited = data_provenance");
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        [Trait("Rule", "POL002")]
        public Task PartialType_AttributeGoesToThePartWithAiSystem() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/Refunds.Logic.cs", """
                    namespace Contoso;

                    public sealed partial class Refunds
                    {
                        public bool Approve(decimal amount) => amount < 50m;
                    }
                    """),
                ("/src/Refunds.Governance.cs", """
                    using Policy.Annotations;

                    namespace Contoso;

                    [AiSystem("auto-refunds", Purpose = "Approves small refunds", Owner = "payments", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "Rule trace", Store = "refunds.log")]
                    public sealed partial class {|POL002:Refunds|}
                    {
                    }
                    """),
            },
            new[]
            {
                ("/src/Refunds.Logic.cs", """
                    namespace Contoso;

                    public sealed partial class Refunds
                    {
                        public bool Approve(decimal amount) => amount < 50m;
                    }
                    """),
                ("/src/Refunds.Governance.cs", """
                    using Policy.Annotations;

                    namespace Contoso;

                    [AiSystem("auto-refunds", Purpose = "Approves small refunds", Owner = "payments", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "Rule trace", Store = "refunds.log")]
                    [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                    public sealed partial class Refunds
                    {
                    }
                    """),
            },
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL002")]
        public Task PartialTypeDeclaringTwoSystems_FixAllAddsOneAttribute() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/A.cs", """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "m", Store = "s")]
                    public sealed partial class {|POL002:Payments|} { }
                    """),
                ("/src/B.cs", """
                    using Policy.Annotations;

                    [AiSystem("chargebacks", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    public sealed partial class {|POL002:Payments|} { }
                    """),
            },
            new[]
            {
                ("/src/A.cs", """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "m", Store = "s")]
                    [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                    public sealed partial class Payments { }
                    """),
                ("/src/B.cs", """
                    using Policy.Annotations;

                    [AiSystem("chargebacks", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    public sealed partial class Payments { }
                    """),
            },
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL002")]
        public Task FixAll_EverySystemOfTheDocument_OneUsing() => Verify.VerifyFixAsync("""
            namespace Contoso
            {
                [Policy.Annotations.AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = Policy.Annotations.AiRiskLevel.High)]
                [Policy.Annotations.BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
                [Policy.Annotations.ExplainabilityRecord(Method = "m", Store = "s")]
                [Policy.Annotations.ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
                [Policy.Annotations.EventLogging(Destination = "audit log")]
                public sealed class {|POL002:Refunds|} { }

                [Policy.Annotations.AiSystem("claims", Purpose = "p", Owner = "o", RiskLevel = Policy.Annotations.AiRiskLevel.Minimal, AutomatedDecisions = true)]
                [Policy.Annotations.ExplainabilityRecord(Method = "m", Store = "s")]
                public struct {|POL002:Claims|} { }
            }
            """, """
            using Policy.Annotations;

            namespace Contoso
            {
                [Policy.Annotations.AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = Policy.Annotations.AiRiskLevel.High)]
                [Policy.Annotations.BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
                [Policy.Annotations.ExplainabilityRecord(Method = "m", Store = "s")]
                [Policy.Annotations.ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
                [Policy.Annotations.EventLogging(Destination = "audit log")]
                [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                public sealed class Refunds { }

                [Policy.Annotations.AiSystem("claims", Purpose = "p", Owner = "o", RiskLevel = Policy.Annotations.AiRiskLevel.Minimal, AutomatedDecisions = true)]
                [Policy.Annotations.ExplainabilityRecord(Method = "m", Store = "s")]
                [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                public struct Claims { }
            }
            """,
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL002")]
        public Task FixAll_SkipsASystemThatAnEarlierFixAlreadyServes() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem("triage", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [AiComponent("refunds")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            public sealed class {|POL002:Triage|} { }

            [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            public sealed class {|POL002:Refunds|} { }
            """, """
            using Policy.Annotations;

            [AiSystem("triage", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [AiComponent("refunds")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
            public sealed class Triage { }

            [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            public sealed class Refunds { }
            """,
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL002")]
        public Task FixAll_AssemblyDeclarationServesEveryLaterSystem() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/AssemblyInfo.cs", """
                    using Policy.Annotations;

                    [assembly: {|POL002:AiSystem|}("platform", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [assembly: ExplainabilityRecord(Method = "m", Store = "s")]
                    """),
                ("/src/Refunds.cs", """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    public sealed class {|POL002:Refunds|} { }
                    """),
            },
            new[]
            {
                ("/src/AssemblyInfo.cs", """
                    using Policy.Annotations;

                    [assembly: AiSystem("platform", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [assembly: HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                    [assembly: ExplainabilityRecord(Method = "m", Store = "s")]
                    """),
                ("/src/Refunds.cs", """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    public sealed class Refunds { }
                    """),
            },
            RequirementCodeFixProvider.AddHumanOversightKey);

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL003"), Trait("Rule", "POL005"), Trait("Rule", "POL006")]
        public Task EachRuleHasItsOwnKey_OtherRulesStay()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)]
                    [Policy.Annotations.EventLogging(Destination = "audit log")]
                    public sealed class {|POL002:{|POL003:{|POL005:{|POL006:Credit|}|}|}|} { }
                    """,
                FixedCode = """
                    using Policy.Annotations;

                    [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)]
                    [Policy.Annotations.EventLogging(Destination = "audit log")]
                    [ImpactAssessment({|POL007:Reference = "TODO"|}, {|POL007:AssessedOn = "TODO"|})]
                    public sealed class {|POL002:{|POL003:{|POL005:Credit|}|}|} { }
                    """,
                CodeActionEquivalenceKey = RequirementCodeFixProvider.AddImpactAssessmentKey,
            };
            test.FixedState.MarkupHandling = MarkupMode.Allow; // The other rules' findings stay: their fixes have other keys.
            return test.RunAsync(CancellationToken.None);
        }
            [Fact]
        [Trait("Rule", "POL006")]
        public Task AttributesOnTheTypeLine_StayThere_GlobalUsingRespected() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/Usings.cs", "global using Policy.Annotations;\n"),
                ("/src/Credit.cs", """
                    [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)] [EventLogging(Destination = "audit log")]
                    [HumanOversight(OversightMode.HumanInTheLoop, Role = "r")] [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")] [ExplainabilityRecord(Method = "m", Store = "s")] public sealed class {|POL006:Credit|} { }
                    """),
            },
            new[]
            {
                ("/src/Usings.cs", "global using Policy.Annotations;\n"),
                ("/src/Credit.cs", """
                    [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)] [EventLogging(Destination = "audit log")]
                    [HumanOversight(OversightMode.HumanInTheLoop, Role = "r")] [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")] [ExplainabilityRecord(Method = "m", Store = "s")] [ImpactAssessment({|POL007:Reference = "TODO"|}, {|POL007:AssessedOn = "TODO"|})] public sealed class Credit { }
                    """),
            },
            RequirementCodeFixProvider.AddImpactAssessmentKey);

        [Fact]
        [Trait("Rule", "POL002")]
        public Task ActionTitleNamesTheAttributeAndTheType()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "m", Store = "s")]
                    public sealed class {|POL002:Refunds|} { }
                    """,
                FixedCode = """
                    using Policy.Annotations;

                    [AiSystem("refunds", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
                    [ExplainabilityRecord(Method = "m", Store = "s")]
                    [HumanOversight(OversightMode.HumanInTheLoop, {|POL007:Role = "TODO"|})]
                    public sealed class Refunds { }
                    """,
                CodeActionIndex = 0,
                CodeActionEquivalenceKey = RequirementCodeFixProvider.AddHumanOversightKey,
                CodeActionVerifier = (action, verifier) => verifier.Equal("Add [HumanOversight] to 'Refunds' (values to be filled in)", action.Title),
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        [Trait("Rule", "POL015")]
        public Task AddEventLogging_WithDestinationToBeFilledIn() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
            public sealed class {|POL015:Credit|} { }
            """, """
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
            [EventLogging({|POL007:Destination = "TODO"|})]
            public sealed class Credit { }
            """,
            RequirementCodeFixProvider.AddEventLoggingKey);

        [Fact]
        [Trait("Rule", "POL017")]
        public Task AddAiDisclosure_AfterAnAssemblyLevelSystem() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [assembly: {|POL017:AiSystem|}("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited, InteractsWithPeople = true)]
            """, """
            using Policy.Annotations;

            [assembly: AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited, InteractsWithPeople = true)]
            [assembly: AiDisclosure({|POL007:Notice = "TODO"|})]

            """,
            RequirementCodeFixProvider.AddAiDisclosureKey);
    }
}
