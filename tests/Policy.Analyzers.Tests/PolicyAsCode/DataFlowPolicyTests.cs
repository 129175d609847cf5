using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using VerifyBaseline = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.BaselineAnalyzer>;
using VerifyConfiguration = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.ConfigurationAnalyzer>;
using VerifyFlow = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>POL010/POL011 under policy as code: the policy.data_classes key, exemptions and the baseline.</summary>
    public sealed class DataFlowPolicyTests
    {
        private const string Bot = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            namespace Contoso
            {
                public sealed class Customer
                {
                    public string Notes { get; set; } = "";
                }

                [AiSystem("support-bot")]
                EXEMPTION
                public sealed class SupportBot(IChatClient chat)
                {
                    public Task<ChatResponse> SummariseAsync(Customer customer) => chat.{|#0:GetResponseAsync|}({|#1:customer.Notes|});
                }
            }
            """;

        private static string Source(string exemption = "") => Bot.Replace("EXEMPTION", exemption);

        [Fact]
        [Trait("Rule", "POL090")]
        public Task DataClasses_ValidMapping_DoesNotTrigger() => VerifyConfiguration.VerifyAsync("public sealed class C { }", """
            policy.data_classes = Contoso:Private -> Personal, Contoso:Public -> public, PrivateData -> SensitivePersonal
            """);

        [Theory]
        [Trait("Rule", "POL090")]
        [InlineData("Contoso:Private => Personal")]
        [InlineData("Contoso:Private -> Secret")]
        [InlineData("-> Personal")]
        [InlineData("Contoso:Private -> Personal, contoso:private -> Public")]
        public Task DataClasses_InvalidMapping_Triggers(string value) => VerifyConfiguration.VerifyAsync("public sealed class C { }",
            "policy.data_classes = " + value,
            VerifyConfiguration.Diagnostic("POL090").WithNoLocation().WithArguments("policy.data_classes", value,
                "a list of '<classification> -> <DataClass>' pairs (classification: Taxonomy:Value or an attribute name; DataClass: Public, Internal, Confidential, Restricted, Personal or SensitivePersonal)"));

        [Fact]
        [Trait("Rule", "POL010")]
        public Task ActiveExemption_SuppressesPol010() => VerifyFlow.VerifyAsync(
            Source("[PolicyExemption(\"POL010\", Justification = \"Notes are free text the customer asked us to summarise\", ApprovedBy = \"DPO 2026-11\", Expires = \"2027-06-30\")]"),
            "build_property.PolicyEvaluationDate = 2026-11-27",
            VerifyFlow.Diagnostic("POL010").WithLocation(0).WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "Customer.Notes").WithIsSuppressed(true));

        [Fact]
        [Trait("Rule", "POL010")]
        public Task BaselinedFinding_IsInfo()
        {
            var test = new VerifyFlow.Test { TestCode = Source() };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "POL010 T:Contoso.SupportBot\n"));
            test.ExpectedDiagnostics.Add(VerifyFlow.Diagnostic("POL010").WithLocation(0).WithLocation(1)
                .WithArguments("IChatClient.GetResponseAsync", "Customer.Notes").WithSeverity(DiagnosticSeverity.Info));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task BaselineEntryOfACurrentDataFlowFinding_IsNotStale()
        {
            var test = new VerifyBaseline.Test { TestCode = Source().Replace("{|#0:", string.Empty).Replace("GetResponseAsync|}", "GetResponseAsync").Replace("{|#1:", string.Empty).Replace("customer.Notes|}", "customer.Notes") };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "POL010 T:Contoso.SupportBot\n"));
            return test.RunAsync();
        }

        [Fact]
        [Trait("Rule", "POL022")]
        public Task BaselineEntryOfAFixedDataFlowFinding_IsStale()
        {
            var fixedCode = Source().Replace("{|#0:", string.Empty).Replace("GetResponseAsync|}", "GetResponseAsync").Replace("{|#1:", string.Empty).Replace("customer.Notes|}", "customer.Notes")
                .Replace("public string Notes", "[Classification(DataClass.Internal)] public string Notes");
            var test = new VerifyBaseline.Test { TestCode = fixedCode };
            test.TestState.AdditionalFiles.Add(("policy.baseline.txt", "{|#0:POL010 T:Contoso.SupportBot|}\nPOL011 T:Contoso.SupportBot\n"));
            test.ExpectedDiagnostics.Add(VerifyBaseline.Diagnostic("POL022").WithLocation(0).WithArguments("POL010 T:Contoso.SupportBot", "the finding has been fixed"));
            test.ExpectedDiagnostics.Add(VerifyBaseline.Diagnostic("POL022").WithSpan("policy.baseline.txt", 2, 1, 2, 28).WithArguments("POL011 T:Contoso.SupportBot", "the finding has been fixed"));
            return test.RunAsync();
        }
    }
}
