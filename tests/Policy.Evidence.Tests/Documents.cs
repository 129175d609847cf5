using Policy.Inventory;

namespace Policy.Evidence.Tests;

/// <summary>Evidence models built in code, the way InventoryBuilder fills them (sorted lists, repository-relative paths).</summary>
internal static class Documents
{
    public const string ScriptPayload = "<script>alert(1)</script>";
    public const string AttributePayload = "\"><img src=x onerror=alert(1)>";

    /// <summary>Two systems (one high-risk with every declaration, one limited-risk missing oversight), findings open, baselined and exempted, two exemptions, two undeclared components.</summary>
    public static InventoryDocument Realistic()
    {
        var document = new InventoryDocument
        {
            ToolVersion = "0.1.11-alpha",
            Commit = "3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b",
            Input = "src/Contoso.Lending.sln",
            EvaluationDate = "2026-11-27",
            Projects = ["Contoso.Lending.Api", "Contoso.Lending.Underwriting"],
        };
        document.Policy["policy.bias_evaluation.max_age_days"] = "365";
        document.Policy["policy.count_di_wiring"] = "false";
        document.Policy["policy.requirements.high"] = "human_oversight, bias_evaluation, explainability, impact_assessment";
        document.Policy["policy.requirements.limited"] = "human_oversight";

        var meai = Sdk("Microsoft.Extensions.AI.IChatClient", "Microsoft.Extensions.AI", "Provider behind the Microsoft.Extensions.AI abstraction", "generative");
        var openAi = Sdk("OpenAI.Chat.ChatClient", "OpenAI .NET SDK", "OpenAI", "generative");
        var azure = Sdk("Azure.AI.OpenAI.AzureOpenAIClient", "Azure OpenAI", "Microsoft Azure", "generative");
        var mlContext = Sdk("Microsoft.ML.MLContext", "ML.NET", "ML.NET (local)", "classical-ml");
        var engine = Sdk("Microsoft.ML.PredictionEngine`2", "ML.NET", "ML.NET (local)", "classical-ml");
        var onnx = Sdk("Microsoft.ML.OnnxRuntime.InferenceSession", "ONNX Runtime", "ONNX Runtime (local)", "local-runtime");
        var llama = Sdk("LLama.LLamaReranker", "LLamaSharp", "llama.cpp (local)", "local-runtime");

        var underwriting = new SystemRecord
        {
            Id = "loan-underwriting",
            Name = "Consumer loan underwriting",
            Purpose = "Recommends approve, refer or decline for consumer loan applications from a probability-of-default model",
            Owner = "Credit Risk (credit-risk@example.com)",
            RiskLevel = "High",
            IntendedUse = "Unsecured consumer loans of 1,000 to 100,000; recommendations only, confirmed by a credit officer",
            AutomatedDecisions = true,
            ProcessesPersonalData = true,
            Project = "Contoso.Lending.Underwriting",
            Source = Src("src/Underwriting/Governance/Underwriting.cs", 8, 2),
            Required = ["HumanOversight", "BiasEvaluation", "ExplainabilityRecord", "ImpactAssessment"],
            DataClasses = ["Personal"],
        };
        underwriting.Declarations.Add(Declaration("AiSystem", "UnderwritingService", Src("src/Underwriting/Governance/Underwriting.cs", 8, 2),
            ("AutomatedDecisions", "true"), ("Id", "loan-underwriting"), ("IntendedUse", underwriting.IntendedUse), ("Name", underwriting.Name),
            ("Owner", underwriting.Owner), ("ProcessesPersonalData", "true"), ("Purpose", underwriting.Purpose), ("RiskLevel", "High")));
        underwriting.Declarations.Add(Declaration("BiasEvaluation", "UnderwritingService", Src("src/Underwriting/Governance/Underwriting.cs", 17, 2),
            ("EvaluatedOn", "2025-09-30"), ("ProtectedAttributes", "age, sex, nationality"), ("Report", "docs/evaluations/credit-risk-bias-2025q3.md")));
        underwriting.Declarations[^1].Lists["ProtectedAttributes"] = ["age", "sex", "nationality"]; // arrays travel item by item
        underwriting.Declarations.Add(Declaration("DataProvenance", "SyntheticCreditHistory", Src("src/Underwriting/Governance/Underwriting.cs", 32, 2),
            ("AcquiredOn", "2026-08-14"), ("License", "Generated in-house; no third-party rights"), ("Source", "Synthetic loan book generated from a fixed seed")));
        underwriting.Declarations.Add(Declaration("ExplainabilityRecord", "UnderwritingService", Src("src/Underwriting/Governance/Underwriting.cs", 19, 2),
            ("Method", "ML.NET feature contributions mapped to adverse-action reasons"), ("Store", "Structured log event UnderwritingDecisionRecorded")));
        underwriting.Declarations.Add(Declaration("HumanOversight", "UnderwritingService", Src("src/Underwriting/Governance/Underwriting.cs", 16, 2),
            ("Mode", "HumanInTheLoop"), ("Procedure", "docs/procedures/credit-review.md"), ("Role", "Credit officer")));
        underwriting.Declarations.Add(Declaration("ImpactAssessment", "UnderwritingService", Src("src/Underwriting/Governance/Underwriting.cs", 22, 2),
            ("AssessedOn", "2026-08-14"), ("Reference", "docs/assessments/loan-underwriting-aiia.md")));
        underwriting.Components.Add(Component("Contoso.Lending.Underwriting.CreditRiskModel", "Contoso.Lending.Underwriting",
            [Src("src/Underwriting/CreditRiskModel.cs", 13, 29)], mlContext, engine, onnx));
        underwriting.Components.Add(Component("Contoso.Lending.Underwriting.DecisionExplainer", "Contoso.Lending.Underwriting",
            [Src("src/Underwriting/DecisionExplainer.cs", 7, 29)], meai, azure));
        underwriting.Components.Add(Component("Contoso.Lending.Underwriting.UnderwritingService", "Contoso.Lending.Underwriting",
            [Src("src/Underwriting/Governance/Underwriting.cs", 23, 29), Src("src/Underwriting/UnderwritingService.cs", 10, 29)]));
        underwriting.ObservedSdks.AddRange([azure, meai, mlContext, engine, onnx]);

        var support = new SystemRecord
        {
            Id = "support-chat",
            Name = "Applicant support assistant",
            Purpose = "Answers applicants' general questions about personal loans from a fixed set of facts",
            Owner = "Customer Service (customer-service@example.com)",
            RiskLevel = "Limited",
            IntendedUse = "General FAQ answers only; no financial advice",
            ProcessesPersonalData = true,
            Project = "Contoso.Lending.Api",
            Source = Src("src/Api/Governance/Support.cs", 8, 2),
            Required = ["HumanOversight"],
            Missing = ["HumanOversight"], // the POL002 finding below says so
        };
        support.Declarations.Add(Declaration("AiSystem", "ApplicantSupportAssistant", Src("src/Api/Governance/Support.cs", 8, 2),
            ("Id", "support-chat"), ("IntendedUse", support.IntendedUse), ("Name", support.Name), ("Owner", "TODO"),
            ("ProcessesPersonalData", "true"), ("Purpose", support.Purpose), ("RiskLevel", "Limited")));
        support.Components.Add(Component("Contoso.Lending.Api.ApplicantSupportAssistant", "Contoso.Lending.Api",
            [Src("src/Api/Support/ApplicantSupportAssistant.cs", 7, 29)], meai, openAi));
        support.ObservedSdks.AddRange([meai, openAi]);

        document.Systems.AddRange([underwriting, support]);

        document.Undeclared.Add(Component("Contoso.Lending.Api.Marketing.CampaignWriter", "Contoso.Lending.Api",
            [Src("src/Api/Marketing/CampaignWriter.cs", 12, 18)], openAi));
        document.Undeclared.Add(Component("Contoso.Lending.Api.Search.LocalReranker", "Contoso.Lending.Api",
            [Src("src/Api/Search/LocalReranker.cs", 9, 18)], llama));

        document.Exemptions.Add(new ExemptionRecord
        {
            RuleId = "POL007",
            Target = "ApplicantSupportAssistant",
            Justification = "Owner is being re-assigned after the re-organisation; tracked in GOV-142",
            ApprovedBy = "CISO (ciso@example.com)",
            Expires = "2027-03-31",
            State = "active",
            Systems = ["support-chat"],
            Source = Src("src/Api/Governance/Support.cs", 7, 2),
        });
        document.Exemptions.Add(new ExemptionRecord
        {
            RuleId = "POL005",
            Target = "Contoso.Lending.Api.Legacy.ScoreCard.Explain()",
            Justification = "Legacy scorecard retired in Q3",
            ApprovedBy = "Head of Credit Risk",
            Expires = "2026-06-30",
            State = "expired",
            Source = Src("src/Api/Legacy/ScoreCard.cs", 21, 6),
        });

        document.Findings.AddRange(
        [
            Finding("POL002", "warning", "open", "AI system 'support-chat' requires [HumanOversight] (risk level Limited), but none is declared on it, its components or its assembly",
                Src("src/Api/Governance/Support.cs", 15, 29), "support-chat", "T:Contoso.Lending.Api.ApplicantSupportAssistant", "Contoso.Lending.Api", "public sealed partial class ApplicantSupportAssistant;"),
            Finding("POL007", "warning", "exempted", "[AiSystem] of 'support-chat' has a placeholder Owner ('TODO')",
                Src("src/Api/Governance/Support.cs", 8, 2), "support-chat", "T:Contoso.Lending.Api.ApplicantSupportAssistant", "Contoso.Lending.Api", "[AiSystem(\"support-chat\", Owner = \"TODO\")]"),
            Finding("POL020", "warning", "open", "The exemption of POL005 expired on 2026-06-30",
                Src("src/Api/Legacy/ScoreCard.cs", 21, 6), null, "M:Contoso.Lending.Api.Legacy.ScoreCard.Explain", "Contoso.Lending.Api", "[PolicyExemption(\"POL005\", Expires = \"2026-06-30\")]"),
            Finding("POL001", "warning", "open", "'CampaignWriter' uses AI (OpenAI.Chat.ChatClient) but is not covered by [AiSystem] or [AiComponent]",
                Src("src/Api/Marketing/CampaignWriter.cs", 12, 18), null, "T:Contoso.Lending.Api.Marketing.CampaignWriter", "Contoso.Lending.Api", "public sealed class CampaignWriter"),
            Finding("POL001", "warning", "baselined", "'LocalReranker' uses AI (LLama.LLamaReranker) but is not covered by [AiSystem] or [AiComponent]",
                Src("src/Api/Search/LocalReranker.cs", 9, 18), null, "T:Contoso.Lending.Api.Search.LocalReranker", "Contoso.Lending.Api", "public sealed class LocalReranker"),
            Finding("POL004", "warning", "open", "The bias evaluation of AI system 'loan-underwriting' dated 2025-09-30 is 423 days old, more than the policy's maximum of 365 days",
                Src("src/Underwriting/Governance/Underwriting.cs", 17, 73), "loan-underwriting", "T:Contoso.Lending.Underwriting.UnderwritingService", "Contoso.Lending.Underwriting", "[BiasEvaluation(Report = \"docs/evaluations/credit-risk-bias-2025q3.md\", EvaluatedOn = \"2025-09-30\")]"),
            Finding("POL009", "error", "open", "[AiComponent] names AI system 'fraud-screening', which is declared nowhere",
                Src("src/Underwriting/Fraud/FraudScreen.cs", 5, 2), null, "T:Contoso.Lending.Underwriting.Fraud.FraudScreen", "Contoso.Lending.Underwriting", "[AiComponent(\"fraud-screening\")]"),
        ]);
        InventoryBuilder.Normalize(document);
        return document;
    }

    /// <summary>The realistic document with attack payloads in every kind of value that comes from source code.</summary>
    public static InventoryDocument Hostile(string script = ScriptPayload, string attribute = AttributePayload)
    {
        var document = Realistic();
        document.ToolVersion = "1.0.0" + attribute;
        document.Input = "src/" + attribute + script + ".sln";
        document.Projects.Add("Evil" + attribute);
        var system = document.Systems[0];
        system.Name = "Underwriting " + script;
        system.Purpose = attribute;
        system.Owner = script + attribute;
        system.IntendedUse = "'single' & \"double\" " + attribute;
        system.Declarations.Add(Declaration("HumanOversight", "Evil" + attribute, Src("src/Underwriting/" + attribute + ".cs", 3, 1),
            ("Procedure", script), ("Role", attribute), ("Mode", "HumanOnTheLoop")));
        system.Declarations.Add(Declaration("BiasEvaluation", "Evil", Src("src/Underwriting/Evil.cs", 4, 1),
            ("ProtectedAttributes", script + ", " + attribute), ("Report", attribute), ("EvaluatedOn", script)));
        system.Declarations[^1].Lists["ProtectedAttributes"] = [script, attribute];
        system.Components.Add(Component("Evil.Type" + script, "Evil" + attribute, [Src("src/" + script + ".cs", 1, 1)],
            Sdk("Evil.Sdk" + attribute, "Evil family " + script, "Evil supplier " + attribute, "generative")));
        system.ObservedSdks.Add(Sdk("Evil.Sdk" + attribute, "Evil family " + script, "Evil supplier " + attribute, "generative"));
        system.DataClasses.Add(script);
        document.Findings.Add(Finding("POL007", "warning", "open", "Value " + script + " " + attribute, Src("src/" + attribute + ".cs", 2, 1),
            system.Id, "T:Evil", "Evil" + script, attribute));
        document.Exemptions.Add(new ExemptionRecord
        {
            RuleId = "POL003",
            Target = attribute,
            Justification = script,
            ApprovedBy = attribute,
            Expires = script,
            State = "malformed-expiry",
            Systems = [script],
            Source = Src("src/x.cs", 1, 1),
        });
        document.Undeclared.Add(Component("Undeclared" + script, attribute, [Src("src/" + attribute, 1, 1)],
            Sdk("Sdk" + script, "Family" + attribute, "Supplier" + script, "generative")));
        document.Policy["policy.custom" + attribute] = script;
        return document;
    }

    public static ObservedSdk Sdk(string type, string family, string supplier, string kind) =>
        new() { Type = type, Family = family, Supplier = supplier, Kind = kind };

    public static SourceRef Src(string path, int line, int column) => new() { Path = path, Line = line, Column = column };

    public static DeclarationRecord Declaration(string kind, string target, SourceRef source, params (string Key, string? Value)[] values)
    {
        var record = new DeclarationRecord { Kind = kind, Target = target, Source = source };
        foreach (var (key, value) in values)
        {
            record.Values[key] = value ?? string.Empty;
        }

        return record;
    }

    public static ComponentRecord Component(string type, string project, List<SourceRef> files, params ObservedSdk[] sdks) =>
        new() { Type = type, SymbolId = "T:" + type, Project = project, Files = files, Sdks = [.. sdks] };

    public static FindingRecord Finding(string rule, string severity, string state, string message, SourceRef source, string? system, string symbol, string project, string line) =>
        new() { RuleId = rule, Severity = severity, State = state, Message = message, Source = source, SystemId = system, SymbolId = symbol, Project = project, LineText = line };
}
