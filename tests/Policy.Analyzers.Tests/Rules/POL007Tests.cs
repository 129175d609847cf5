using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    [Trait("Rule", "POL007")]
    public sealed class POL007Tests
    {
        [Fact]
        public Task MissingPurposeOwnerAndRisk_Triggers_OnTheAttributeName() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [{|#0:AiSystem|}("faq-bot")]
            public sealed class FaqBot { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "Purpose", "missing"),
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "Owner", "missing"),
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "RiskLevel", "missing"));

        [Fact]
        public async Task AttributeWrittenThroughAGlobalAliasOfAnotherFile_Triggers()
        {
            // The file with the declaration names none of our attributes, only an alias declared elsewhere: the
            // per-file text check that skips files without our names must count aliases.
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using Governed = Policy.Annotations.AiSystemAttribute;"));
            test.TestState.Sources.Add(("/0/FaqBot.cs", """
                [{|#0:Governed|}("faq-bot", Purpose = "Answers FAQ", Owner = "support")]
                public sealed class FaqBot { }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "RiskLevel", "missing"));
            await test.RunAsync();
        }

        [Fact]
        public Task PlaceholdersAndUnspecified_Trigger_OnTheArgument() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("faq-bot", {|#0:Purpose = "TODO"|}, {|#1:Owner = "  "|}, {|#2:RiskLevel = AiRiskLevel.Unspecified|})]
            public sealed class FaqBot { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "Purpose", "a placeholder ('TODO')"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[AiSystem(\"faq-bot\")]", "Owner", "empty"),
            Verify.Diagnostic("POL007").WithLocation(2).WithArguments("[AiSystem(\"faq-bot\")]", "RiskLevel", "Unspecified"));

        [Theory]
        [InlineData("TBD")]
        [InlineData("tbd")]
        [InlineData("FIXME")]
        [InlineData("?")]
        [InlineData("n/a")]
        [InlineData("TODO: ask legal")]
        public Task EveryPlaceholder_Triggers(string placeholder) => Verify.VerifyAsync($$"""
            using Policy.Annotations;

            [AiSystem("faq-bot", Purpose = "Answers FAQ", {|#0:Owner = "{{placeholder}}"|}, RiskLevel = AiRiskLevel.Minimal)]
            public sealed class FaqBot { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"faq-bot\")]", "Owner", $"a placeholder ('{placeholder}')"));

        [Fact]
        public Task RealValuesThatStartLikePlaceholders_DoNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("faq-bot", Purpose = "Today's FAQ answers", Owner = "TBDX team", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class FaqBot { }
            """);

        [Fact]
        public Task EmptyId_Triggers() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem({|#0:""|}, Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class FaqBot { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem] on FaqBot", "id", "missing"));

        [Fact]
        public Task InvalidDates_Trigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("s", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            [BiasEvaluation(Report = "r", {|#0:EvaluatedOn = "2026-13-01"|})]
            [ImpactAssessment(Reference = "a", {|#1:AssessedOn = "01/02/2026"|})]
            public sealed class S { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[BiasEvaluation] on S", "EvaluatedOn", "not a valid yyyy-MM-dd date ('2026-13-01')"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[ImpactAssessment] on S", "AssessedOn", "not a valid yyyy-MM-dd date ('01/02/2026')"));

        [Fact]
        public Task GovernanceAttributesMissingValues_Trigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("s", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            [{|#0:HumanOversight|}(OversightMode.HumanInTheLoop)]
            [{|#1:ExplainabilityRecord|}(Method = "SHAP")]
            [{|#2:BiasEvaluation|}(EvaluatedOn = "2026-01-01")]
            [{|#3:ImpactAssessment|}(Reference = "a")]
            public sealed class S
            {
                [DataProvenance({|#4:"TODO"|})]
                public string? Data { get; set; }

                public void Train([DataProvenance("Kaggle credit dataset", {|#5:AcquiredOn = "last year"|})] string path) { }
            }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[HumanOversight] on S", "Role", "missing"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[ExplainabilityRecord] on S", "Store", "missing"),
            Verify.Diagnostic("POL007").WithLocation(2).WithArguments("[BiasEvaluation] on S", "Report", "missing"),
            Verify.Diagnostic("POL007").WithLocation(3).WithArguments("[ImpactAssessment] on S", "AssessedOn", "missing"),
            Verify.Diagnostic("POL007").WithLocation(4).WithArguments("[DataProvenance] on S.Data", "source", "a placeholder ('TODO')"),
            Verify.Diagnostic("POL007").WithLocation(5).WithArguments("[DataProvenance] on S.Train(path)", "AcquiredOn", "not a valid yyyy-MM-dd date ('last year')"));

        [Fact]
        public Task IntendedUse_RequiredOnlyWhenConfigured() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [{|#0:AiSystem|}("s", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class S { }
            """,
            "policy.require_intended_use = true",
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiSystem(\"s\")]", "IntendedUse", "missing"));

        [Fact]
        public Task CompleteDeclarations_DoNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("s", Name = "Support", Purpose = "Answers tickets", Owner = "support@contoso.com", RiskLevel = AiRiskLevel.Limited, IntendedUse = "Internal agents only")]
            [HumanOversight(OversightMode.HumanOnTheLoop, Role = "Support lead", Procedure = "docs/oversight.md")]
            [BiasEvaluation(Report = "docs/bias.md", EvaluatedOn = "2026-02-28", ProtectedAttributes = new[] { "age" })]
            [ExplainabilityRecord(Method = "Cited sources", Store = "ticket history")]
            [ImpactAssessment(Reference = "docs/aiia.md", AssessedOn = "2024-02-29")]
            public sealed class S
            {
                [DataProvenance("Ticket archive", License = "internal", AcquiredOn = "2026-01-31")]
                public string? Data { get; set; }
            }
            """,
            "policy.require_intended_use = true");
    }
}
