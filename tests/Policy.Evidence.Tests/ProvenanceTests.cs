using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;
using Policy.Model.Rules;

namespace Policy.Evidence.Tests;

/// <summary>manifest.json provenance: ruleset version and hash, the effective policy's hash over the lines it lists, the working tree's state.</summary>
public sealed class ProvenanceTests
{
    private static JsonElement Manifest(InventoryDocument document, AnalysisProvenance? provenance = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policy-provenance-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var stream = new MemoryStream();
            new ManifestWriter(folder, []).Write(document, Write.Context with { Provenance = provenance }, stream);
            return JsonDocument.Parse(stream.ToArray()).RootElement.GetProperty("provenance").Clone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What an auditor runs: every line followed by "\n", UTF-8, SHA-256 (jq -r '...lines[]' manifest.json | sha256sum).</summary>
    private static string Recompute(JsonElement lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines.EnumerateArray())
        {
            text.Append(line.GetString()).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    [Fact]
    public void Hashes_are_recomputable_from_the_listed_lines()
    {
        var provenance = Manifest(Documents.Realistic());
        var ruleset = provenance.GetProperty("ruleset");
        Assert.Equal(Recompute(ruleset.GetProperty("lines")), ruleset.GetProperty("sha256").GetString());
        Assert.Equal(RuleCatalogue.All.Length, ruleset.GetProperty("rules").GetInt32());
        Assert.Equal(RuleCatalogue.All.Length, ruleset.GetProperty("lines").GetArrayLength());
        Assert.Equal("0.1.11-alpha+rules." + ruleset.GetProperty("sha256").GetString()![..12], ruleset.GetProperty("version").GetString());
        Assert.StartsWith("POL002 severity=warning category=AI.Governance reporter=DeclarationAnalyzer controls=ISO42001:A.9.2,", ruleset.GetProperty("lines")[1].GetString());

        var policy = provenance.GetProperty("effectivePolicy");
        Assert.Equal(Recompute(policy.GetProperty("lines")), policy.GetProperty("sha256").GetString());
        Assert.Equal("ruleset sha256=" + ruleset.GetProperty("sha256").GetString(), policy.GetProperty("lines")[0].GetString());
        Assert.Contains("policy policy.requirements.limited=human_oversight", policy.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("policy", provenance.GetProperty("tool").GetString());
        Assert.Equal("3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b", provenance.GetProperty("commit").GetString());
        Assert.False(provenance.TryGetProperty("dirty", out _)); // unknown without the CLI: not claimed either way
    }

    [Fact]
    public void Policy_hash_follows_the_configuration_and_nothing_else()
    {
        static string Hash(InventoryDocument document, AnalysisProvenance? provenance = null) =>
            Manifest(document, provenance).GetProperty("effectivePolicy").GetProperty("sha256").GetString()!;

        var baseline = Hash(Documents.Realistic());
        Assert.Equal(baseline, Hash(Documents.Realistic()));

        // Not the policy: evaluation date, tool version, commit, findings.
        var other = Documents.Realistic();
        other.EvaluationDate = "2027-02-01";
        other.ToolVersion = "9.9.9";
        other.Commit = "0000000000000000000000000000000000000001";
        other.Findings.Clear();
        Assert.Equal(baseline, Hash(other));

        var changed = Documents.Realistic();
        changed.Policy["policy.bias_evaluation.max_age_days"] = "180";
        Assert.NotEqual(baseline, Hash(changed));

        var severity = new AnalysisProvenance { Configuration = ["project Contoso.Lending.Api severity POL001=file:error"] };
        Assert.NotEqual(baseline, Hash(Documents.Realistic(), severity));
        Assert.Equal(Hash(Documents.Realistic(), severity), Hash(Documents.Realistic(), new AnalysisProvenance { Configuration = ["project Contoso.Lending.Api severity POL001=file:error"] }));
    }

    [Fact]
    public void Configuration_lines_are_sorted_and_cannot_break_a_line()
    {
        var lines = Manifest(Documents.Realistic(), new AnalysisProvenance { Configuration = ["project B option policy.x=1", "project A option policy.y=evil\nruleset sha256=0"] })
            .GetProperty("effectivePolicy").GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
        Assert.Single(lines, l => l.StartsWith("ruleset ", StringComparison.Ordinal));
        Assert.Equal(lines.Skip(1).Order(StringComparer.Ordinal), lines.Skip(1));
        Assert.Contains("project A option policy.y=evil\\u000aruleset sha256=0", lines);
    }

    [Fact]
    public async Task Manifest_is_valid_against_its_documented_schema_and_the_schema_can_fail()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AttestationTests.RepositoryRoot(), "docs", "schemas", "manifest.schema.json"));
        var folder = Path.Combine(Path.GetTempPath(), "policy-provenance-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "inventory.json"), "{}\n");
            using var stream = new MemoryStream();
            var context = Write.Context with { Provenance = new AnalysisProvenance { Dirty = true, Changes = ["?? src/New.cs"], Configuration = ["project A preset=default"] } };
            new ManifestWriter(folder, ["inventory.json"]).Write(Documents.Hostile(), context, stream);
            var json = Encoding.UTF8.GetString(stream.ToArray());
            var errors = Schemas.Errors(schema, json);
            Assert.True(errors.Count == 0, string.Join("\n", errors));

            Assert.NotEmpty(Schemas.Errors(schema, json.Replace("\"schemaVersion\": \"1.2\"", "\"schemaVersion\": \"1.1\"", StringComparison.Ordinal)));
            Assert.NotEmpty(Schemas.Errors(schema, json.Replace("\"effectivePolicy\": {", "\"effectivePolicy\": { \"extra\": 1,", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Report_header_names_the_ruleset_the_policy_hash_and_local_changes()
    {
        var provenance = new AnalysisProvenance { Dirty = true, Changes = ["M src/A.cs", "?? src/B.cs"], Configuration = ["project A preset=default"] };
        using var stream = new MemoryStream();
        new HtmlReportWriter().Write(Documents.Realistic(), Write.Context with { Provenance = provenance }, stream);
        var html = Encoding.UTF8.GetString(stream.ToArray());
        var manifest = Manifest(Documents.Realistic(), provenance);
        Assert.Contains(manifest.GetProperty("ruleset").GetProperty("version").GetString()!, html);
        Assert.Contains(manifest.GetProperty("effectivePolicy").GetProperty("sha256").GetString()!, html); // the same hash as the manifest
        Assert.Contains("<strong>with local changes</strong> (2 file(s)", html);

        using var clean = new MemoryStream();
        new HtmlReportWriter().Write(Documents.Realistic(), Write.Context with { Provenance = new AnalysisProvenance { Dirty = false } }, clean);
        Assert.Contains("(working tree clean)", Encoding.UTF8.GetString(clean.ToArray()));
    }

    [Fact]
    public void Dirty_state_and_changes_are_written_when_known()
    {
        var clean = Manifest(Documents.Realistic(), new AnalysisProvenance { Dirty = false });
        Assert.False(clean.GetProperty("dirty").GetBoolean());
        Assert.Equal(0, clean.GetProperty("changeCount").GetInt32());

        var changes = Enumerable.Range(0, Provenance.MaxChanges + 5).Select(i => "M src/File" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + ".cs").ToList();
        var dirty = Manifest(Documents.Realistic(), new AnalysisProvenance { Dirty = true, Changes = changes });
        Assert.True(dirty.GetProperty("dirty").GetBoolean());
        Assert.Equal(Provenance.MaxChanges + 5, dirty.GetProperty("changeCount").GetInt32());
        Assert.Equal(changes.Take(Provenance.MaxChanges), dirty.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
    }
}
