using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL011: data classified Personal or SensitivePersonal reaches an AI call of a system that does not declare
    /// ProcessesPersonalData. One test per classification source (Policy.Annotations on types, properties, fields,
    /// parameters, return values and record parameters; Microsoft.Extensions.Compliance attributes mapped by taxonomy
    /// value or by name; ASP.NET Core Identity's attributes from the real package) and per way a system is found.
    /// </summary>
    [Trait("Rule", "POL011")]
    public sealed class POL011Tests
    {
        private const string Undeclared = "AI system 'support-bot' does not declare ProcessesPersonalData = true";

        private static DiagnosticResult Pol011(string sources, string systems = Undeclared, string call = "IChatClient.GetResponseAsync") =>
            Verify.Diagnostic("POL011").WithLocation(0).WithArguments(call, sources, systems);

        /// <summary>A support bot (system "support-bot", ProcessesPersonalData as given) that sends <paramref name="prompt"/>.</summary>
        private static string Bot(string parameters, string prompt, bool processesPersonalData = false) => $$"""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("support-bot", ProcessesPersonalData = {{(processesPersonalData ? "true" : "false")}})]
            public sealed class SupportBot(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync({{parameters}}) => chat.{|#0:GetResponseAsync|}({{prompt}});
            }

            """;

        // ------------------------------------------------------------------ Policy.Annotations [Classification]

        [Fact]
        public Task ClassificationOnProperty_Triggers() => Verify.VerifyAsync(Bot("Customer customer", "$\"Write to {{|#1:customer.Email|}}\"") + """
            public sealed class Customer
            {
                [Classification(DataClass.Personal)] public string Email { get; set; } = "";
            }
            """,
            Pol011("Customer.Email (Personal)").WithLocation(1));

        [Fact]
        public Task ClassificationOnType_IsInheritedByItsMembers_Triggers() => Verify.VerifyAsync(Bot("Patient patient", "\"Explain: \" + {|#1:patient.Diagnosis|}") + """
            [Classification(DataClass.SensitivePersonal)]
            public sealed class Patient
            {
                public string Diagnosis { get; set; } = "";
            }
            """,
            Pol011("Patient.Diagnosis (SensitivePersonal)").WithLocation(1));

        [Fact]
        public Task MembersOwnClassification_WinsOverItsType_DoesNotTrigger() => Verify.VerifyAsync(Bot("Patient patient", "\"Explain: \" + patient.Ward") + """
            [Classification(DataClass.SensitivePersonal)]
            public sealed class Patient
            {
                [Classification(DataClass.Internal)] public string Ward { get; set; } = "";
            }
            """);

        [Fact]
        public Task ClassificationOnField_Triggers() => Verify.VerifyAsync(Bot("Customer customer", "{|#1:customer.Phone|}") + """
            public struct Customer
            {
                [Classification(DataClass.Personal)] public string Phone;
            }
            """,
            Pol011("Customer.Phone (Personal)").WithLocation(1));

        [Fact]
        public Task ClassificationOnParameter_Triggers() => Verify.VerifyAsync(
            Bot("[Classification(DataClass.Personal)] string email, string topic", "\"Reply to \" + {|#1:email|} + \" about \" + topic"),
            Pol011("parameter 'email' (Personal)").WithLocation(1));

        [Fact]
        public Task ClassificationOnReturnValue_Triggers() => Verify.VerifyAsync(Bot("Directory directory", "\"Summarise: \" + {|#1:directory.HealthRecord()|}") + """
            public sealed class Directory
            {
                [return: Classification(DataClass.SensitivePersonal)]
                public string HealthRecord() => "...";
            }
            """,
            Pol011("return value of Directory.HealthRecord() (SensitivePersonal)").WithLocation(1));

        [Fact]
        public Task ClassificationOnRecordParameter_AppliesToTheProperty_Triggers() => Verify.VerifyAsync(Bot("Question question", "{|#1:question.Text|}") + """
            public sealed record Question([Classification(DataClass.Personal)] string Text, [property: Classification(DataClass.Public)] string Topic);
            """,
            Pol011("Question.Text (Personal)").WithLocation(1));

        [Fact]
        public Task ClassifiedTypeOfTheValue_Triggers() => Verify.VerifyAsync(Bot("Customer customer", "$\"Ship to {{|#1:customer.Address|}}\"") + """
            public sealed class Customer
            {
                public Address Address { get; set; } = new();
            }

            [Classification(DataClass.Personal)]
            public sealed class Address
            {
                public string Street { get; set; } = "";
            }
            """,
            Pol011("Customer.Address (Personal)").WithLocation(1));

        [Fact]
        public Task WholeObjectWithPersonalMembers_NamesThem_Triggers() => Verify.VerifyAsync(Bot("Customer customer", "$\"Profile: {{|#1:customer|}}\"", processesPersonalData: false) + """
            public sealed record Customer(
                [property: Classification(DataClass.Personal)] string Name,
                [property: Classification(DataClass.Internal)] string Segment);
            """,
            Pol011("Customer.Name (Personal)").WithLocation(1));

        // ------------------------------------------------------------------ Microsoft.Extensions.Compliance

        private const string ContosoTaxonomy = """
            namespace Contoso.Compliance
            {
                using Microsoft.Extensions.Compliance.Classification;

                public static class ContosoTaxonomy
                {
                    public static string TaxonomyName => "Contoso";
                    public static DataClassification Private { get; } = new(TaxonomyName, nameof(Private));
                }

                // An explicit constructor passing a static member ...
                public sealed class PrivateDataAttribute : DataClassificationAttribute
                {
                    public PrivateDataAttribute() : base(ContosoTaxonomy.Private) { }
                }

                public sealed class PublicDataAttribute : DataClassificationAttribute
                {
                    public PublicDataAttribute() : base(new DataClassification(ContosoTaxonomy.TaxonomyName, "Public")) { }
                }

                // ... and a primary constructor passing a new value.
                public sealed class HealthDataAttribute() : DataClassificationAttribute(new DataClassification("Contoso", "Health"));
            }

            """;

        private static string ComplianceCustomer(string attribute) => Bot("Customer customer", "\"Greet \" + {|#1:customer.Name|}") + ContosoTaxonomy + $$"""
            public sealed class Customer
            {
                [{{attribute}}] public string Name { get; set; } = "";
            }
            """;

        [Fact]
        public Task ComplianceAttribute_MappedByTaxonomyValue_Triggers() => Verify.VerifyAsync(
            ComplianceCustomer("Contoso.Compliance.PrivateData"),
            "policy.data_classes = Contoso:Private -> Personal, Contoso:Public -> Public",
            Pol011("Customer.Name (Personal)").WithLocation(1));

        [Fact]
        public Task ComplianceAttribute_PrimaryConstructor_MappedByTaxonomyValue_Triggers() => Verify.VerifyAsync(
            ComplianceCustomer("Contoso.Compliance.HealthData"),
            "policy.data_classes = Contoso:Health -> SensitivePersonal",
            Pol011("Customer.Name (SensitivePersonal)").WithLocation(1));

        [Fact]
        public Task ComplianceAttribute_MappedByAttributeName_Triggers() => Verify.VerifyAsync(
            ComplianceCustomer("Contoso.Compliance.PrivateData"),
            "policy.data_classes = PrivateData -> SensitivePersonal",
            Pol011("Customer.Name (SensitivePersonal)").WithLocation(1));

        [Fact]
        public Task ComplianceAttribute_MappedToNonPersonal_DoesNotTrigger() => Verify.VerifyAsync(
            ComplianceCustomer("Contoso.Compliance.PublicData").Replace("{|#1:", string.Empty).Replace("customer.Name|}", "customer.Name"),
            "policy.data_classes = Contoso:Private -> Personal, Contoso:Public -> Public");

        [Fact]
        public Task ComplianceAttribute_Unmapped_IsClassifiedButNotPersonal_DoesNotTrigger() => Verify.VerifyAsync(
            ComplianceCustomer("Contoso.Compliance.PrivateData").Replace("{|#1:", string.Empty).Replace("customer.Name|}", "customer.Name"));

        [Fact]
        public Task ComplianceUnknownClassification_IsNoClassification_TriggersPol010() => Verify.VerifyAsync(
            Bot("Customer customer", "\"Greet \" + {|#1:customer.Name|}") + """
            public sealed class Customer
            {
                [Microsoft.Extensions.Compliance.Classification.UnknownDataClassification] public string Name { get; set; } = "";
            }
            """,
            Verify.Diagnostic("POL010").WithLocation(0).WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "Customer.Name"));

        // ------------------------------------------------------------------ ASP.NET Core Identity (real package)

        [Fact]
        public Task IdentityPersonalData_OnOwnProperties_Triggers() => Verify.VerifyAsync(
            Bot("Member member", "{|#1:member.DisplayName|} + \" / \" + {|#2:member.TaxId|}") + """
            public sealed class Member
            {
                [Microsoft.AspNetCore.Identity.PersonalData] public string DisplayName { get; set; } = "";
                [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string TaxId { get; set; } = "";
            }
            """,
            Pol011("Member.DisplayName (Personal), Member.TaxId (Personal)").WithLocation(1).WithLocation(2));

        [Fact]
        public Task IdentityUserMembers_ArePersonal_Triggers() => Verify.VerifyAsync(
            Bot("ApplicationUser user", "\"Write to \" + {|#1:user.Email|}") + """
            public sealed class ApplicationUser : Microsoft.AspNetCore.Identity.IdentityUser { }
            """,
            Pol011("ApplicationUser.Email (Personal)").WithLocation(1));

        // ------------------------------------------------------------------ which AI system

        [Fact]
        public Task SystemThatDeclaresPersonalData_DoesNotTrigger() => Verify.VerifyAsync(
            Bot("Customer customer", "customer.Email", processesPersonalData: true) + """
            public sealed class Customer
            {
                [Classification(DataClass.Personal)] public string Email { get; set; } = "";
            }
            """);

        [Fact]
        public Task ClassifiedNonPersonalData_DoesNotTrigger() => Verify.VerifyAsync(Bot("Invoice invoice", "$\"{invoice.Total} {invoice.Lines}\"") + """
            [Classification(DataClass.Confidential)]
            public sealed class Invoice
            {
                public decimal Total { get; set; }
                [Classification(DataClass.Restricted)] public string Lines { get; set; } = "";
            }
            """);

        [Fact]
        public Task ComponentOfASystemDeclaredElsewhere_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("crm-assistant", ProcessesPersonalData = false)]
            public sealed class CrmAssistant { }

            [AiComponent("crm-assistant")]
            public sealed class MailDrafter(IChatClient chat)
            {
                public Task<ChatResponse> DraftAsync(Contact contact) =>
                    chat.{|#0:GetResponseAsync|}([new ChatMessage(ChatRole.User, "Draft a mail to " + {|#1:contact.Name|})]);
            }

            public sealed class Contact
            {
                [Classification(DataClass.Personal)] public string Name { get; set; } = "";
            }
            """,
            Pol011("Contact.Name (Personal)", "AI system 'crm-assistant' does not declare ProcessesPersonalData = true").WithLocation(1));

        [Fact]
        public Task ComponentOfTwoSystems_NamesTheOneThatDoesNotDeclare_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [AiSystem("crm-assistant", ProcessesPersonalData = true)]
            public sealed class CrmAssistant { }

            [AiSystem("marketing-copy")]
            public sealed class MarketingCopy { }

            [AiComponent("crm-assistant")]
            [AiComponent("marketing-copy")]
            public sealed class SharedDrafter(IChatClient chat)
            {
                public Task<ChatResponse> DraftAsync(Contact contact) => chat.{|#0:GetResponseAsync|}({|#1:contact.Name|});
            }

            public sealed class Contact
            {
                [Classification(DataClass.Personal)] public string Name { get; set; } = "";
            }
            """,
            Pol011("Contact.Name (Personal)", "AI system 'marketing-copy' does not declare ProcessesPersonalData = true").WithLocation(1));

        [Fact]
        public Task AssemblyLevelSystem_Triggers() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            [assembly: AiSystem("newsletter")]

            public sealed class Newsletter(IChatClient chat)
            {
                public Task<ChatResponse> WriteAsync(Subscriber subscriber) => chat.{|#0:GetResponseAsync|}("Dear " + {|#1:subscriber.FirstName|});
            }

            public sealed class Subscriber
            {
                [Classification(DataClass.Personal)] public string FirstName { get; set; } = "";
            }
            """,
            Pol011("Subscriber.FirstName (Personal)", "AI system 'newsletter' does not declare ProcessesPersonalData = true").WithLocation(1));

        [Fact]
        public Task TypeInNoSystem_LeavesItToPol001_DoesNotTrigger() => Verify.VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            public sealed class Undeclared(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(Customer customer) => chat.GetResponseAsync(customer.Email);
            }

            public sealed class Customer
            {
                [Classification(DataClass.Personal)] public string Email { get; set; } = "";
            }
            """);

        [Fact]
        public Task UnclassifiedAndPersonalInOneCall_ReportsBothRules() => Verify.VerifyAsync(
            Bot("Customer customer", "{|#1:customer.Email|} + \": \" + {|#2:customer.Notes|}") + """
            public sealed class Customer
            {
                [Classification(DataClass.Personal)] public string Email { get; set; } = "";
                public string Notes { get; set; } = "";
            }
            """,
            Verify.Diagnostic("POL010").WithLocation(0).WithLocation(2).WithArguments("IChatClient.GetResponseAsync", "Customer.Notes"),
            Pol011("Customer.Email (Personal)").WithLocation(1));

        [Fact]
        public Task MlNetInputTypeWithPersonalMember_Triggers() => Verify.VerifyAsync("""
            using Microsoft.ML;
            using Policy.Annotations;

            public sealed class ApplicantFeatures
            {
                [Classification(DataClass.Personal)] public float Age { get; set; }
                [Classification(DataClass.Confidential)] public float Income { get; set; }
            }

            public sealed class Score { public float Value { get; set; } }

            [AiSystem("credit-scoring", ProcessesPersonalData = false)]
            public sealed class CreditScorer(MLContext ml, ITransformer model)
            {
                public float Predict(ApplicantFeatures features)
                {
                    var engine = ml.Model.{|#0:CreatePredictionEngine|}<ApplicantFeatures, Score>(model);
                    return engine.{|#1:Predict|}({|#2:features|}).Value;
                }
            }
            """,
            Pol011("ApplicantFeatures.Age (Personal)", "AI system 'credit-scoring' does not declare ProcessesPersonalData = true", "ModelOperationsCatalog.CreatePredictionEngine"),
            Verify.Diagnostic("POL011").WithLocation(1).WithLocation(2)
                .WithArguments("PredictionEngine.Predict", "ApplicantFeatures.Age (Personal)", "AI system 'credit-scoring' does not declare ProcessesPersonalData = true"));
    }
}
