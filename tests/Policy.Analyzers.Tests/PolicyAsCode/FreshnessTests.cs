using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>POL004 and POL014: evidence ages, judged against PolicyEvaluationDate (never the clock).</summary>
    public sealed class FreshnessTests
    {
        private const string Date = "build_property.PolicyEvaluationDate = 2026-11-27\n";

        private static string System(string evaluatedOn, string assessedOn = "2026-01-01") => $$"""
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "r")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", {|#1:AssessedOn = "{{assessedOn}}"|})]
            [BiasEvaluation(Report = "r", {|#0:EvaluatedOn = "{{evaluatedOn}}"|})]
            [EventLogging(Destination = "audit log")]
            public sealed class Credit { }
            """;

        [Fact]
        [Trait("Rule", "POL004")]
        public Task ExactlyMaxAge_DoesNotTrigger() => Verify.VerifyAsync(System("2025-11-27"), Date);

        [Fact]
        [Trait("Rule", "POL004")]
        public Task OneDayPastMaxAge_Triggers() => Verify.VerifyAsync(System("2025-11-26"), Date,
            Verify.Diagnostic("POL004").WithLocation(0).WithArguments("credit", "2025-11-26", "366", "365"));

        [Fact]
        [Trait("Rule", "POL004")]
        public Task WithoutEvaluationDate_StaysSilent() => Verify.VerifyAsync(System("2019-01-01"));

        [Fact]
        [Trait("Rule", "POL004")]
        public Task ConfiguredMaxAge_Applies() => Verify.VerifyAsync(System("2026-05-31"), Date + "policy.bias_evaluation.max_age_days = 179",
            Verify.Diagnostic("POL004").WithLocation(0).WithArguments("credit", "2026-05-31", "180", "179"));

        [Fact]
        [Trait("Rule", "POL004")]
        public Task NewestEvaluationCounts() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.Limited)]
            [BiasEvaluation(Report = "old", EvaluatedOn = "2020-01-01")]
            public sealed class Credit { }

            [AiComponent("credit")]
            [BiasEvaluation(Report = "new", EvaluatedOn = "2026-10-01")]
            public sealed class Model { }
            """, Date);

        [Fact]
        [Trait("Rule", "POL014")]
        public Task ImpactAssessmentAge_CheckedOnlyWhenConfigured() => Verify.VerifyAsync(System("2026-10-01", "2024-01-01"), Date);

        [Fact]
        [Trait("Rule", "POL014")]
        public Task ImpactAssessmentAge_Configured_Triggers() => Verify.VerifyAsync(System("2026-10-01", "2024-01-01"), Date + "policy.impact_assessment.max_age_days = 730",
            Verify.Diagnostic("POL014").WithLocation(1).WithArguments("credit", "2024-01-01", "1061", "730"));
    }
}
