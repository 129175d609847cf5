using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Policy.Analyzers.Tests.Infrastructure;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>The presets shipped in the package (src/Policy.Analyzers.Package/presets), applied as the package applies them: as global config files.</summary>
    public sealed class PresetTests
    {
        private const string LimitedSystem = """
            using Policy.Annotations;

            [AiSystem("faq-bot", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class {|#0:FaqBot|} { }
            """;

        private const string HighRiskWithoutOversight = """
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit", RiskLevel = AiRiskLevel.High, IntendedUse = "Consumer loans up to 50k")]
            [BiasEvaluation(Report = "r", EvaluatedOn = "2026-10-01")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-10-01")]
            [EventLogging(Destination = "OpenTelemetry: audit collector")]
            public sealed class {|#0:Credit|}
            {
                [DataProvenance("Loan book 2015-2025")]
                public string? TrainingData { get; set; }
            }
            """;

        private static Verify.Test WithPreset(string source, string preset)
        {
            var test = new Verify.Test { TestCode = source };
            var text = File.ReadAllText(RepositoryPaths.Combine("src", "Policy.Analyzers.Package", "presets", preset + ".globalconfig"));
            test.TestState.AnalyzerConfigFiles.Add(("/presets/" + preset + ".globalconfig", text));
            return test;
        }

        [Fact]
        public Task Default_LimitedRiskNeedsNothing() => WithPreset(LimitedSystem, "default").RunAsync();

        [Fact]
        [Trait("Rule", "POL002"), Trait("Rule", "POL006"), Trait("Rule", "POL007"), Trait("Rule", "POL015")]
        public Task Iso42001Strict_LimitedRiskNeedsOversightImpactAssessmentEventLoggingAndIntendedUse()
        {
            var test = WithPreset(LimitedSystem.Replace("[AiSystem(", "[{|#1:AiSystem|}("), "iso42001-strict");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL002").WithLocation(0).WithArguments("faq-bot", "risk level Limited"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL006").WithLocation(0).WithArguments("faq-bot", "risk level Limited"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL015").WithLocation(0).WithArguments("faq-bot", "risk level Limited"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[AiSystem(\"faq-bot\")]", "IntendedUse", "missing"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL013"), Trait("Rule", "POL007")]
        public Task EuAiActHighRisk_HighRiskNeedsProvenanceAndIntendedUse()
        {
            var source = HighRiskWithoutOversight
                .Replace("[AiSystem(", "[{|#1:AiSystem|}(")
                .Replace(", IntendedUse = \"Consumer loans up to 50k\"", string.Empty)
                .Replace("[DataProvenance(\"Loan book 2015-2025\")]", string.Empty)
                .Replace("[BiasEvaluation(", "[HumanOversight(OversightMode.HumanInTheLoop, Role = \"Credit officer\")]\n[BiasEvaluation(");
            var test = WithPreset(source, "eu-ai-act-high-risk");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL013").WithLocation(0).WithArguments("credit", "risk level High"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[AiSystem(\"credit\")]", "IntendedUse", "missing"));
            return test.RunAsync();
        }

        [Fact]
        public void EuAiActHighRisk_RaisesRequirementRulesToErrors()
        {
            // The severity itself is applied by the compiler from the global config; eng/run-sample.sh checks it in a
            // real build. Here: the preset says so, for every requirement rule of the catalogue.
            var text = File.ReadAllText(RepositoryPaths.Combine("src", "Policy.Analyzers.Package", "presets", "eu-ai-act-high-risk.globalconfig"));
            foreach (var id in System.Linq.Enumerable.Select(Policy.Model.Rules.RuleCatalogue.Requirements, r => r.Id))
            {
                Assert.Contains("dotnet_diagnostic." + id + ".severity = error", text);
            }
        }

        [Theory]
        [InlineData("default")]
        [InlineData("iso42001-strict")]
        [InlineData("eu-ai-act-high-risk")]
        public void EveryPresetKey_IsAKnownKey(string preset)
        {
            var known = new System.Collections.Generic.HashSet<string>
            {
                "is_global", "global_level", "policy.requirements.unspecified", "policy.requirements.minimal", "policy.requirements.limited", "policy.requirements.high",
                "policy.requirements.automated_decisions", "policy.requirements.personal_data", "policy.requirements.interacts_with_people", "policy.requirements.synthetic_content", "policy.bias_evaluation.max_age_days",
                "policy.impact_assessment.max_age_days", "policy.require_intended_use", "policy.exemption.require_expiry", "policy.count_di_wiring",
                "policy.tools.require_approval", "policy.claims_class",
            };
            foreach (var line in File.ReadAllLines(RepositoryPaths.Combine("src", "Policy.Analyzers.Package", "presets", preset + ".globalconfig")))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("dotnet_diagnostic.", System.StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.Contains(trimmed.Split('=')[0].Trim(), known);
            }
        }

        [Fact]
        [Trait("Rule", "POL013")]
        public Task UserKeysOverrideThePreset()
        {
            var test = WithPreset(LimitedSystem, "iso42001-strict");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npolicy.requirements.limited = none\npolicy.require_intended_use = false\n"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("default")]
        [InlineData("iso42001-strict")]
        [InlineData("eu-ai-act-high-risk")]
        public void EveryPresetValue_IsValid(string preset)
        {
            var values = new System.Collections.Generic.Dictionary<string, string>();
            foreach (var line in File.ReadAllLines(RepositoryPaths.Combine("src", "Policy.Analyzers.Package", "presets", preset + ".globalconfig")))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("policy.", System.StringComparison.Ordinal) && trimmed.IndexOf('=') is var eq and > 0)
                {
                    values[trimmed.Substring(0, eq).Trim()] = trimmed.Substring(eq + 1).Trim();
                }
            }

            var settings = Policy.Model.Settings.PolicySettings.Read(new DictionaryOptions(values));
            Assert.Empty(settings.Errors); // requirement keywords are the catalogue's (RuleCatalogue.RequirementByKeyword)
        }

        private sealed class DictionaryOptions(System.Collections.Generic.Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
