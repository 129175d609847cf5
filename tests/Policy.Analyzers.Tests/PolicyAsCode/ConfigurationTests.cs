using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.ConfigurationAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    [Trait("Rule", "POL090")]
    public sealed class ConfigurationTests
    {
        private const string Code = "public sealed class C { }";

        [Fact]
        public Task ValidConfiguration_DoesNotTrigger() => Verify.VerifyAsync(Code, """
            policy.requirements.high = human_oversight, bias_evaluation
            policy.requirements.limited = none
            policy.bias_evaluation.max_age_days = 90
            policy.impact_assessment.max_age_days = off
            policy.count_di_wiring = true
            build_property.PolicyEvaluationDate = 2026-11-27
            """);

        [Fact]
        public Task InvalidValues_ReportedWithKeyAndValue() => Verify.VerifyAsync(Code, """
            policy.requirements.high = human_oversight, fairness_audit
            policy.bias_evaluation.max_age_days = one year
            policy.count_di_wiring = yes
            build_property.PolicyEvaluationDate = 27/11/2026
            """,
            Verify.Diagnostic("POL090").WithNoLocation().WithArguments("PolicyEvaluationDate", "27/11/2026", "a yyyy-MM-dd date"),
            Verify.Diagnostic("POL090").WithNoLocation().WithArguments("policy.bias_evaluation.max_age_days", "one year", "a positive whole number of days"),
            Verify.Diagnostic("POL090").WithNoLocation().WithArguments("policy.count_di_wiring", "yes", "true or false"),
            Verify.Diagnostic("POL090").WithNoLocation().WithArguments("policy.requirements.high", "human_oversight, fairness_audit",
                "a list of human_oversight, bias_evaluation, explainability, impact_assessment, data_provenance, event_logging, ai_disclosure or none"));

        [Fact]
        public Task SameErrorInSeveralFiles_ReportedOnce()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/src/A.cs", "public sealed class A { }"));
            test.TestState.Sources.Add(("/src/B.cs", "public sealed class B { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "root = true\n[*.cs]\npolicy.bias_evaluation.max_age_days = -5\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL090").WithNoLocation().WithArguments("policy.bias_evaluation.max_age_days", "-5", "a positive whole number of days"));
            return test.RunAsync();
        }
    }
}
