using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

public sealed class CycloneDxWriterTests
{
    private static JsonElement Bom(InventoryDocument document) => JsonDocument.Parse(Write.Text(new CycloneDxWriter(), document)).RootElement;

    private static IEnumerable<JsonElement> Components(JsonElement bom) => bom.GetProperty("components").EnumerateArray();

    private static JsonElement Component(JsonElement bom, string bomRef) => Components(bom).Single(c => c.GetProperty("bom-ref").GetString() == bomRef);

    private static List<string> Property(JsonElement element, string name) =>
        element.GetProperty("properties").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()!).ToList();

    [Fact]
    public async Task Realistic_document_is_valid_CycloneDX_1_6()
    {
        var errors = Schemas.Errors(await Schemas.CycloneDx, Write.Text(new CycloneDxWriter(), Documents.Realistic()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Hostile_values_are_valid_CycloneDX_1_6_and_verbatim()
    {
        var document = Documents.Hostile();
        var json = Write.Text(new CycloneDxWriter(), document);
        var errors = Schemas.Errors(await Schemas.CycloneDx, json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var system = Component(JsonDocument.Parse(json).RootElement, "ai-system:" + document.Systems[0].Id);
        Assert.Equal(document.Systems[0].Name, system.GetProperty("name").GetString());
        Assert.Equal(Documents.AttributePayload, system.GetProperty("description").GetString());
        Assert.Equal([document.Systems[0].Owner!], Property(system, "policy:owner"));
        Assert.Contains(Documents.ScriptPayload, Property(system.GetProperty("modelCard"), "policy:HumanOversight.Procedure"));
    }

    [Fact]
    public async Task Empty_document_is_valid_CycloneDX_1_6()
    {
        var errors = Schemas.Errors(await Schemas.CycloneDx, Write.Text(new CycloneDxWriter(), new InventoryDocument { Input = "app.csproj" }));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Header_has_format_version_and_a_deterministic_version_5_style_serial_number()
    {
        var document = Documents.Realistic();
        var bom = Bom(document);
        Assert.Equal("CycloneDX", bom.GetProperty("bomFormat").GetString());
        Assert.Equal("1.6", bom.GetProperty("specVersion").GetString());
        Assert.Equal(1, bom.GetProperty("version").GetInt32());
        var serial = bom.GetProperty("serialNumber").GetString()!;
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", serial);
        Assert.Equal(serial, Bom(Documents.Realistic()).GetProperty("serialNumber").GetString());

        var otherCommit = Documents.Realistic();
        otherCommit.Commit = "0000000000000000000000000000000000000001";
        Assert.NotEqual(serial, CycloneDxWriter.SerialNumber(otherCommit));
        var otherInput = Documents.Realistic();
        otherInput.Input = "src/Other.sln";
        Assert.NotEqual(serial, CycloneDxWriter.SerialNumber(otherInput));
    }

    [Fact]
    public void Without_a_commit_the_serial_number_follows_the_content()
    {
        var a = Documents.Realistic();
        a.Commit = null;
        var b = Documents.Realistic();
        b.Commit = null;
        Assert.Equal(CycloneDxWriter.SerialNumber(a), CycloneDxWriter.SerialNumber(b));
        b.Systems[0].Owner = "Someone else";
        Assert.NotEqual(CycloneDxWriter.SerialNumber(a), CycloneDxWriter.SerialNumber(b));
    }

    [Fact]
    public void Metadata_timestamp_is_the_evaluation_date_never_the_clock()
    {
        var bom = Bom(Documents.Realistic());
        var metadata = bom.GetProperty("metadata");
        Assert.Equal("2026-11-27T00:00:00Z", metadata.GetProperty("timestamp").GetString());

        var undated = Documents.Realistic();
        undated.EvaluationDate = null;
        Assert.False(Bom(undated).GetProperty("metadata").TryGetProperty("timestamp", out _));

        var tool = metadata.GetProperty("tools").GetProperty("components").EnumerateArray().Single();
        Assert.Equal("policy", tool.GetProperty("name").GetString());
        Assert.Equal("0.1.11-alpha", tool.GetProperty("version").GetString());

        var application = metadata.GetProperty("component");
        Assert.Equal("application", application.GetProperty("type").GetString());
        Assert.Equal("src/Contoso.Lending.sln", application.GetProperty("name").GetString());
        Assert.Equal(["3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b"], Property(application, "policy:commit"));
        Assert.Equal(["Contoso.Lending.Api.Marketing.CampaignWriter", "Contoso.Lending.Api.Search.LocalReranker"], Property(application, "policy:undeclaredAiComponent"));
    }

    [Fact]
    public void One_machine_learning_model_per_system_with_declared_facts_as_properties()
    {
        var bom = Bom(Documents.Realistic());
        var models = Components(bom).Where(c => c.GetProperty("type").GetString() == "machine-learning-model").Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Equal(["ai-system:loan-underwriting", "ai-system:support-chat"], models);

        var underwriting = Component(bom, "ai-system:loan-underwriting");
        Assert.Equal("Consumer loan underwriting", underwriting.GetProperty("name").GetString());
        Assert.StartsWith("Recommends approve, refer or decline", underwriting.GetProperty("description").GetString());
        Assert.Equal(["High"], Property(underwriting, "policy:riskLevel"));
        Assert.Equal(["Credit Risk (credit-risk@example.com)"], Property(underwriting, "policy:owner"));
        Assert.Equal(["true"], Property(underwriting, "policy:automatedDecisions"));
        Assert.Equal(["true"], Property(underwriting, "policy:processesPersonalData"));
        Assert.Equal(["Unsecured consumer loans of 1,000 to 100,000; recommendations only, confirmed by a credit officer"], Property(underwriting, "policy:intendedUse"));
        Assert.Equal(["src/Underwriting/Governance/Underwriting.cs:8"], Property(underwriting, "policy:declaredAt"));
        Assert.Equal(["Personal"], Property(underwriting, "policy:dataClass"));
    }

    [Fact]
    public void Model_card_carries_intended_use_fairness_oversight_explainability_and_data()
    {
        var card = Component(Bom(Documents.Realistic()), "ai-system:loan-underwriting").GetProperty("modelCard");
        var considerations = card.GetProperty("considerations");
        Assert.Equal(["Unsecured consumer loans of 1,000 to 100,000; recommendations only, confirmed by a credit officer"],
            considerations.GetProperty("useCases").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["Credit officer"], considerations.GetProperty("users").EnumerateArray().Select(u => u.GetString()));

        var fairness = considerations.GetProperty("fairnessAssessments").EnumerateArray().ToList();
        Assert.Equal(["age", "sex", "nationality"], fairness.Select(f => f.GetProperty("groupAtRisk").GetString()));
        Assert.All(fairness, f => Assert.Contains("docs/evaluations/credit-risk-bias-2025q3.md", f.GetProperty("mitigationStrategy").GetString()));

        var ethical = considerations.GetProperty("ethicalConsiderations").EnumerateArray().ToList();
        Assert.Contains(ethical, e => e.GetProperty("name").GetString() == "Human oversight (HumanInTheLoop): Credit officer"
            && e.GetProperty("mitigationStrategy").GetString()!.Contains("docs/procedures/credit-review.md", StringComparison.Ordinal));
        Assert.Contains(ethical, e => e.GetProperty("name").GetString()!.StartsWith("Explainability", StringComparison.Ordinal)
            && e.GetProperty("mitigationStrategy").GetString()!.Contains("Structured log event UnderwritingDecisionRecorded", StringComparison.Ordinal));
        Assert.Contains(ethical, e => e.GetProperty("mitigationStrategy").GetString()!.Contains("docs/assessments/loan-underwriting-aiia.md", StringComparison.Ordinal));

        var dataset = card.GetProperty("modelParameters").GetProperty("datasets").EnumerateArray().Single();
        Assert.Equal("dataset", dataset.GetProperty("type").GetString());
        Assert.Equal("Synthetic loan book generated from a fixed seed", dataset.GetProperty("name").GetString());

        // Every declared value, verbatim, with where it is written.
        Assert.Equal(["age, sex, nationality"], Property(card, "policy:BiasEvaluation.ProtectedAttributes"));
        Assert.Equal(["src/Underwriting/Governance/Underwriting.cs:17"], Property(card, "policy:BiasEvaluation.declaredAt"));

        // A system without governance declarations still states its intended use.
        var support = Component(Bom(Documents.Realistic()), "ai-system:support-chat").GetProperty("modelCard").GetProperty("considerations");
        Assert.False(support.TryGetProperty("fairnessAssessments", out _));
        Assert.Single(support.GetProperty("useCases").EnumerateArray());
    }

    [Fact]
    public void Local_runtimes_are_libraries_hosted_suppliers_are_services_and_dependencies_link_them()
    {
        var bom = Bom(Documents.Realistic());
        var libraries = Components(bom).Where(c => c.GetProperty("type").GetString() == "library").Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Azure OpenAI", "LLamaSharp", "ML.NET", "Microsoft.Extensions.AI", "ONNX Runtime", "OpenAI .NET SDK"], libraries);
        var services = bom.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Microsoft Azure", "OpenAI", "Provider behind the Microsoft.Extensions.AI abstraction"], services);

        var dependencies = bom.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(x => x.GetString()!).ToList());
        Assert.Equal(
            ["ai-sdk:Azure OpenAI", "ai-sdk:ML.NET", "ai-sdk:Microsoft.Extensions.AI", "ai-sdk:ONNX Runtime",
             "ai-service:Microsoft Azure", "ai-service:Provider behind the Microsoft.Extensions.AI abstraction"],
            dependencies["ai-system:loan-underwriting"]);
        Assert.Equal(["ai-sdk:Microsoft.Extensions.AI", "ai-sdk:OpenAI .NET SDK", "ai-service:OpenAI", "ai-service:Provider behind the Microsoft.Extensions.AI abstraction"],
            dependencies["ai-system:support-chat"]);
        Assert.Equal(["ai-service:OpenAI"], dependencies["ai-sdk:OpenAI .NET SDK"]);
        Assert.Empty(dependencies["ai-sdk:ML.NET"]);
        Assert.Equal(["ai-sdk:LLamaSharp", "ai-sdk:OpenAI .NET SDK", "ai-system:loan-underwriting", "ai-system:support-chat"],
            dependencies["application:src/Contoso.Lending.sln"]);

        // Every reference points at something declared in the BOM, and every bom-ref is unique.
        var refs = Components(bom).Select(c => c.GetProperty("bom-ref").GetString()!)
            .Concat(bom.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("bom-ref").GetString()!))
            .Append(bom.GetProperty("metadata").GetProperty("component").GetProperty("bom-ref").GetString()!)
            .ToList();
        Assert.Equal(refs.Count, refs.Distinct().Count());
        Assert.All(dependencies.Keys.Concat(dependencies.Values.SelectMany(v => v)), r => Assert.Contains(r, refs));
    }

    [Fact]
    public void Duplicate_system_ids_get_unique_bom_refs()
    {
        var document = Documents.Realistic();
        document.Systems.Add(new SystemRecord { Id = "support-chat", Name = "Second declaration", Project = "Contoso.Other" });
        InventoryBuilder.Normalize(document);
        var bom = Bom(document);
        var refs = Components(bom).Select(c => c.GetProperty("bom-ref").GetString()).ToList();
        Assert.Contains("ai-system:support-chat", refs);
        Assert.Contains("ai-system:support-chat#2", refs);
        Assert.Equal(refs.Count, refs.Distinct().Count());
    }

    [Fact]
    public void Components_services_dependencies_and_properties_are_sorted()
    {
        var bom = Bom(Documents.Realistic());
        AssertSorted(Components(bom).Select(c => c.GetProperty("bom-ref").GetString()!));
        AssertSorted(bom.GetProperty("services").EnumerateArray().Select(c => c.GetProperty("bom-ref").GetString()!));
        AssertSorted(bom.GetProperty("dependencies").EnumerateArray().Select(c => c.GetProperty("ref").GetString()!));
        foreach (var component in Components(bom))
        {
            AssertSorted(component.GetProperty("properties").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
        }
    }

    private static void AssertSorted(IEnumerable<string> values)
    {
        var list = values.ToList();
        Assert.Equal(list.OrderBy(v => v, StringComparer.Ordinal), list);
    }
}
