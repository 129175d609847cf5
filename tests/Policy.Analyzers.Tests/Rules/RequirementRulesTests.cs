using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>POL002, POL003, POL005, POL006, POL013: what a system requires under the policy in force.</summary>
    public sealed class RequirementRulesTests
    {
        private const string Usings = """
            using Policy.Annotations;

            """;

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL003"), Trait("Rule", "POL005"), Trait("Rule", "POL006"), Trait("Rule", "POL015")]
        public Task HighRiskWithoutAnyDeclaration_TriggersAllFive() => Verify.VerifyAsync(Usings + """
            [AiSystem("credit-scoring", Purpose = "Scores loan applications", Owner = "credit-risk@contoso.com", RiskLevel = AiRiskLevel.High)]
            public sealed class {|#0:CreditScoring|} { }
            """,
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("credit-scoring", "risk level High"),
            Verify.Diagnostic("POL002").WithLocation(0).WithArguments("credit-scoring", "risk level High"),
            Verify.Diagnostic("POL003").WithLocation(0).WithArguments("credit-scoring", "risk level High"),
            Verify.Diagnostic("POL005").WithLocation(0).WithArguments("credit-scoring", "risk level High"),
            Verify.Diagnostic("POL006").WithLocation(0).WithArguments("credit-scoring", "risk level High"));

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL003"), Trait("Rule", "POL005"), Trait("Rule", "POL006")]
        public Task HighRiskFullyDeclared_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
            [AiSystem("credit-scoring", Purpose = "Scores loan applications", Owner = "credit-risk@contoso.com", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [BiasEvaluation(Report = "docs/bias/credit-2026.md", EvaluatedOn = "2026-06-30")]
            [ExplainabilityRecord(Method = "SHAP", Store = "decisions.explanations")]
            [ImpactAssessment(Reference = "docs/aiia/credit.md", AssessedOn = "2026-05-01")]
            [EventLogging(Destination = "audit log")]
            public sealed class CreditScoring { }
            """);

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL003"), Trait("Rule", "POL005"), Trait("Rule", "POL006")]
        public Task DeclarationsAggregatedOverComponentsAndAssembly() => Verify.VerifyAsync(Usings + """
            [assembly: ImpactAssessment(Reference = "docs/aiia/credit.md", AssessedOn = "2026-05-01")]

            [AiSystem("credit-scoring", Purpose = "Scores loan applications", Owner = "credit-risk@contoso.com", RiskLevel = AiRiskLevel.High)]
            [BiasEvaluation(Report = "docs/bias/credit-2026.md", EvaluatedOn = "2026-06-30")]
            [EventLogging(Destination = "audit log")]
            public sealed class CreditScoring { }

            [AiComponent("credit-scoring")]
            [ExplainabilityRecord(Method = "SHAP", Store = "decisions.explanations")]
            public sealed class Explainer { }

            [AiComponent("credit-scoring")]
            public sealed class ReviewQueue
            {
                [HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
                public void Review() { }
            }
            """);

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL005")]
        public Task AutomatedDecisionsAtMinimalRisk_RequiresOversightAndExplainability() => Verify.VerifyAsync(Usings + """
            [AiSystem("auto-refunds", Purpose = "Approves small refunds", Owner = "payments", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            public sealed class {|#0:Refunds|} { }
            """,
            Verify.Diagnostic("POL002").WithLocation(0).WithArguments("auto-refunds", "AutomatedDecisions = true"),
            Verify.Diagnostic("POL005").WithLocation(0).WithArguments("auto-refunds", "AutomatedDecisions = true"));

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL005")]
        public Task HighRiskAndAutomated_ReasonNamesBoth() => Verify.VerifyAsync(Usings + """
            [AiSystem("hiring", Purpose = "Ranks applicants", Owner = "hr", RiskLevel = AiRiskLevel.High, AutomatedDecisions = true)]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
            [EventLogging(Destination = "audit log")]
            public sealed class {|#0:Hiring|} { }
            """,
            Verify.Diagnostic("POL002").WithLocation(0).WithArguments("hiring", "risk level High, AutomatedDecisions = true"),
            Verify.Diagnostic("POL005").WithLocation(0).WithArguments("hiring", "risk level High, AutomatedDecisions = true"));

        [Fact]
        [Trait("Rule", "POL002")]
        public Task LimitedRisk_RequiresNothingByDefault() => Verify.VerifyAsync(Usings + """
            [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class FaqBot { }
            """);

        [Fact]
        [Trait("Rule", "POL006")]
        public Task AssemblyLevelSystem_ReportedOnTheAttribute() => Verify.VerifyAsync(Usings + """
            [assembly: {|#0:AiSystem|}("credit-scoring", Purpose = "Scores loan applications", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [assembly: EventLogging(Destination = "audit log")]
            [assembly: HumanOversight(OversightMode.HumanOnTheLoop, Role = "Credit officer")]
            [assembly: BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [assembly: ExplainabilityRecord(Method = "m", Store = "s")]
            """,
            Verify.Diagnostic("POL006").WithLocation(0).WithArguments("credit-scoring", "risk level High"));

        [Fact]
        [Trait("Rule", "POL002")]
        public Task DeclarationsOfAnotherSystem_DoNotCount() => Verify.VerifyAsync(Usings + """
            [AiSystem("a", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            public sealed class {|#0:A|} { }

            [AiSystem("b", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            [HumanOversight(OversightMode.HumanInCommand, Role = "r")]
            public sealed class B { }
            """,
            Verify.Diagnostic("POL002").WithLocation(0).WithArguments("a", "AutomatedDecisions = true"));

        [Fact]
        [Trait("Rule", "POL003"), Trait("Rule", "POL013")]
        public Task ConfiguredRequirements_ChangeWhatIsRequired() => Verify.VerifyAsync(Usings + """
            [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class {|#0:FaqBot|} { }

            [AiSystem("search", Purpose = "Ranks documents", Owner = "search", RiskLevel = AiRiskLevel.Limited)]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            public sealed class Search
            {
                [DataProvenance("Product catalogue export")]
                public string? Corpus { get; set; }
            }
            """,
            "policy.requirements.limited = bias_evaluation, data_provenance",
            Verify.Diagnostic("POL003").WithLocation(0).WithArguments("faq-bot", "risk level Limited"),
            Verify.Diagnostic("POL013").WithLocation(0).WithArguments("faq-bot", "risk level Limited"));

        [Fact]
        [Trait("Rule", "POL002")]
        public Task ConfiguredHighRequirements_None_Silences() => Verify.VerifyAsync(Usings + """
            [AiSystem("credit-scoring", Purpose = "Scores loan applications", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [EventLogging(Destination = "audit log")]
            public sealed class CreditScoring { }
            """,
            "policy.requirements.high = none");

        [Fact]
        [Trait("Rule", "POL013")]
        public Task DataProvenanceOnAConstructorParameterOrNestedType_DoesNotTrigger() => Verify.VerifyAsync(Usings + """
            [AiSystem("ranker", Purpose = "Ranks articles", Owner = "search", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Ranker
            {
                public Ranker([DataProvenance("CRM export")] string corpus) => Corpus = corpus;

                public string Corpus { get; }
            }

            [AiSystem("assistant", Purpose = "Answers HR questions", Owner = "hr", RiskLevel = AiRiskLevel.Limited)]
            public sealed class Assistant
            {
                [DataProvenance("HR handbook")]
                public sealed class Handbook { }
            }

            [AiSystem("bare", Purpose = "Drafts mails", Owner = "sales", RiskLevel = AiRiskLevel.Limited)]
            public sealed class {|#0:Bare|}
            {
                [AiSystem("inner", Purpose = "Its own system", Owner = "sales", RiskLevel = AiRiskLevel.Minimal)]
                [DataProvenance("Not the outer system's: the nested type declares its own system")]
                public sealed class Inner { }
            }
            """,
            "policy.requirements.limited = data_provenance",
            Verify.Diagnostic("POL013").WithLocation(0).WithArguments("bare", "risk level Limited"));
    }
}
