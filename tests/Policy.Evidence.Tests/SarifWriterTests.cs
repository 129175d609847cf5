using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

public sealed class SarifWriterTests
{
    private static JsonElement Run(InventoryDocument document) =>
        JsonDocument.Parse(Write.Text(new SarifWriter(), document)).RootElement.GetProperty("runs")[0];

    [Fact]
    public async Task Realistic_findings_are_valid_SARIF_2_1_0()
    {
        var errors = Schemas.Errors(await Schemas.Sarif, Write.Text(new SarifWriter(), Documents.Realistic()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Hostile_values_are_valid_SARIF_2_1_0()
    {
        var errors = Schemas.Errors(await Schemas.Sarif, Write.Text(new SarifWriter(), Documents.Hostile()));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Empty_document_is_valid_SARIF_2_1_0()
    {
        var errors = Schemas.Errors(await Schemas.Sarif, Write.Text(new SarifWriter(), new InventoryDocument { Input = "app.csproj", ToolVersion = "1.0.0" }));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Rules_have_the_fields_GitHub_code_scanning_reads()
    {
        var rules = Run(Documents.Realistic()).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Matches("^POL[0-9]{3}$", id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("text").GetString()), id);
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("help").GetProperty("markdown").GetString()), id);
            Assert.Equal("https://github.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/" + id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Contains("ai-governance", tags);
        }

        // Every rule that maps to controls carries them as tags.
        var pol002 = rules.Single(r => r.GetProperty("id").GetString() == "POL002");
        Assert.Contains("EUAIA:Art.14", pol002.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Results_have_the_fields_GitHub_code_scanning_reads()
    {
        var document = Documents.Realistic();
        var run = Run(document);
        Assert.False(string.IsNullOrWhiteSpace(run.GetProperty("automationDetails").GetProperty("id").GetString()));
        var baseIds = run.GetProperty("originalUriBaseIds").EnumerateObject().Select(p => p.Name).ToList();
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(document.Findings.Count, results.Count);
        foreach (var result in results)
        {
            var ruleId = result.GetProperty("ruleId").GetString();
            Assert.Contains(ruleId, ruleIds);
            Assert.Equal(ruleId, ruleIds[result.GetProperty("ruleIndex").GetInt32()]);
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _), uri);
            Assert.False(uri.StartsWith('/'), uri);
            Assert.Contains(physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), baseIds);
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{16}:[0-9]+$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        }
    }

    [Fact]
    public void Exempted_findings_are_suppressed_in_source_and_baselined_ones_unchanged()
    {
        var document = Documents.Realistic();
        var results = Run(document).GetProperty("results").EnumerateArray().ToList();
        for (var i = 0; i < results.Count; i++)
        {
            var state = document.Findings[i].State;
            Assert.Equal(state == "exempted", results[i].TryGetProperty("suppressions", out var suppressions));
            if (state == "exempted")
            {
                Assert.Equal("inSource", suppressions[0].GetProperty("kind").GetString());
            }

            Assert.Equal(state == "baselined", results[i].TryGetProperty("baselineState", out var baseline));
            if (state == "baselined")
            {
                Assert.Equal("unchanged", baseline.GetString());
            }
        }
    }

    [Fact]
    public void Fingerprint_is_stable_when_the_finding_moves_to_another_line()
    {
        var before = Documents.Realistic();
        var after = Documents.Realistic();
        var index = before.Findings.FindIndex(f => f.RuleId == "POL002");
        after.Findings[index].Source!.Line += 40;
        after.Findings[index].Source!.Column += 4;
        after.Findings[index].LineText = "   " + after.Findings[index].LineText.Replace(" ", "  ") + "  ";

        Assert.Equal(SarifWriter.LineHash(before.Findings[index]), SarifWriter.LineHash(after.Findings[index]));
        string Fingerprint(InventoryDocument d) =>
            Run(d).GetProperty("results")[index].GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        Assert.Equal(Fingerprint(before), Fingerprint(after));
        Assert.NotEqual(
            Run(before).GetProperty("results")[index].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
            Run(after).GetProperty("results")[index].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        // A different line (the code changed) or a different rule is a different fingerprint.
        var edited = Documents.Realistic();
        edited.Findings[index].LineText = "public sealed class RenamedAssistant";
        Assert.NotEqual(Fingerprint(before), Fingerprint(edited));
    }

    [Fact]
    public void Identical_lines_get_distinct_fingerprints_by_occurrence()
    {
        var document = Documents.Realistic();
        var copy = document.Findings[0];
        document.Findings.Add(new FindingRecord
        {
            RuleId = copy.RuleId, Severity = copy.Severity, State = copy.State, Message = copy.Message, SystemId = copy.SystemId, SymbolId = copy.SymbolId,
            Project = copy.Project, LineText = copy.LineText, Source = new SourceRef { Path = copy.Source!.Path, Line = copy.Source.Line + 100, Column = 1 },
        });
        var results = Run(document).GetProperty("results").EnumerateArray().ToList();
        var first = results[0].GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        var last = results[^1].GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        Assert.EndsWith(":1", first, StringComparison.Ordinal);
        Assert.EndsWith(":2", last, StringComparison.Ordinal);
        Assert.Equal(first[..16], last[..16]);
    }
}
