using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;
using VerifyInventory = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.AiInventoryAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>[PolicyExemption]: suppresses while active; POL020 (expired), POL021 (unjustified).</summary>
    public sealed class ExemptionTests
    {
        private const string Date = "build_property.PolicyEvaluationDate = 2026-11-27\n";

        private static string Source(string exemption) => $$"""
            using Policy.Annotations;

            [AiSystem("credit", Purpose = "p", Owner = "o", RiskLevel = AiRiskLevel.High)]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "r")]
            [ExplainabilityRecord(Method = "m", Store = "s")]
            [ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]
            {{exemption}}
            [EventLogging(Destination = "audit log")]
            public sealed class {|#0:Credit|} { }
            """;

        private static DiagnosticResult Pol003() => Verify.Diagnostic("POL003").WithLocation(0).WithArguments("credit", "risk level High");

        [Fact]
        [Trait("Rule", "POL020")]
        public Task ValidExemption_SuppressesTheRule() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL003", Justification = "Pilot with 20 internal users", ApprovedBy = "AI board 2026-11", Expires = "2027-03-31")]
            """), Date, Pol003().WithIsSuppressed(true));

        [Fact]
        [Trait("Rule", "POL020")]
        public Task ExemptionExpiringToday_StillSuppresses() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL003", Justification = "j", ApprovedBy = "a", Expires = "2026-11-27")]
            """), Date, Pol003().WithIsSuppressed(true));

        [Fact]
        [Trait("Rule", "POL020")]
        public Task ExpiredExemption_TriggersAndNoLongerSuppresses() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL003", Justification = "j", ApprovedBy = "a", {|#1:Expires = "2026-11-26"|})]
            """), Date,
            Pol003(),
            Verify.Diagnostic("POL020").WithLocation(1).WithArguments("[PolicyExemption(\"POL003\")] on Credit", "it expired on 2026-11-26 (evaluation date 2026-11-27)"));

        [Fact]
        [Trait("Rule", "POL020")]
        public Task MalformedExpiry_CountsAsExpired_EvenWithoutEvaluationDate() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL003", Justification = "j", ApprovedBy = "a", {|#1:Expires = "31/03/2027"|})]
            """), null,
            Pol003(),
            Verify.Diagnostic("POL020").WithLocation(1).WithArguments("[PolicyExemption(\"POL003\")] on Credit", "its expiry '31/03/2027' is not a yyyy-MM-dd date, so it counts as expired"));

        [Fact]
        [Trait("Rule", "POL020")]
        public Task WithoutEvaluationDate_ExpiryIsNotJudged() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL003", Justification = "j", ApprovedBy = "a", Expires = "2020-01-01")]
            """), null, Pol003().WithIsSuppressed(true));

        [Fact]
        [Trait("Rule", "POL021")]
        public Task UnjustifiedExemption_TriggersAndDoesNotSuppress() => Verify.VerifyAsync(Source("""
            [{|#2:PolicyExemption|}("POL003", {|#1:Justification = "TBD"|})]
            """), Date,
            Pol003(),
            Verify.Diagnostic("POL021").WithLocation(1).WithArguments("[PolicyExemption(\"POL003\")] on Credit", "Justification is a placeholder ('TBD')"),
            Verify.Diagnostic("POL021").WithLocation(2).WithArguments("[PolicyExemption(\"POL003\")] on Credit", "ApprovedBy is missing"));

        [Fact]
        [Trait("Rule", "POL021")]
        public Task RequiredExpiry_MissingIsUnjustified() => Verify.VerifyAsync(Source("""
            [{|#1:PolicyExemption|}("POL003", Justification = "j", ApprovedBy = "a")]
            """), Date + "policy.exemption.require_expiry = true",
            Pol003(),
            Verify.Diagnostic("POL021").WithLocation(1).WithArguments("[PolicyExemption(\"POL003\")] on Credit", "Expires is missing (the policy requires every exemption to expire)"));

        [Fact]
        [Trait("Rule", "POL020")]
        public Task ExemptionOfAnotherRule_DoesNotSuppress() => Verify.VerifyAsync(Source("""
            [PolicyExemption("POL002", Justification = "j", ApprovedBy = "a", Expires = "2027-01-01")]
            """), Date, Pol003());

        [Fact]
        [Trait("Rule", "POL020")]
        public Task AssemblyLevelExemption_SuppressesEverywhere() => Verify.VerifyAsync(Source("").Replace(
            "using Policy.Annotations;\n",
            "using Policy.Annotations;\n\n[assembly: PolicyExemption(\"POL003\", Justification = \"Sandbox assembly, never deployed\", ApprovedBy = \"CISO\", Expires = \"2027-01-01\")]\n"),
            Date, Pol003().WithIsSuppressed(true));

        [Fact]
        [Trait("Rule", "POL012")]
        public Task ProhibitedCannotBeExempted() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("scoring", Purpose = "p", Owner = "o", {|#0:RiskLevel = AiRiskLevel.Prohibited|})]
            [PolicyExemption({|#1:"POL012"|}, Justification = "j", ApprovedBy = "a", Expires = "2027-01-01")]
            public sealed class Scoring { }
            """, Date,
            Verify.Diagnostic("POL012").WithLocation(0).WithArguments("scoring"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[PolicyExemption] on Scoring", "ruleId", "a rule that cannot be exempted ('POL012')"));

        [Fact]
        [Trait("Rule", "POL007")]
        public Task UnknownRuleId_IsIncomplete() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [PolicyExemption({|#0:"CA1234"|}, Justification = "j", ApprovedBy = "a")]
            public sealed class Anything { }
            """, Date, Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[PolicyExemption] on Anything", "ruleId", "not a Policy.Analyzers rule id ('CA1234')"));

        [Fact]
        [Trait("Rule", "POL001")]
        public Task Pol001_CanBeExemptedOnTheType() => VerifyInventory.VerifyAsync("""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [PolicyExemption("POL001", Justification = "Prototype behind a feature flag", ApprovedBy = "AI board", Expires = "2027-01-31")]
            public sealed class {|#0:Prototype|}(IChatClient client)
            {
                public IChatClient Client => client;
            }
            """, Date, VerifyInventory.Diagnostic("POL001").WithLocation(0).WithArguments("Prototype", "Microsoft.Extensions.AI.IChatClient").WithIsSuppressed(true));
    }
}
