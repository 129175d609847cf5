using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Policy.Cli.Tests;

/// <summary>manifest.json provenance, out of process: the effective policy's hash follows the configuration the analyzers saw.</summary>
public sealed partial class FixtureTests
{
    private static readonly Lazy<NJsonSchema.JsonSchema> ManifestSchema =
        new(() => NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "manifest.schema.json")).GetAwaiter().GetResult());

    private JsonElement Provenance(string name)
    {
        var pack = Path.Combine(fixture.Folder, name);
        var run = CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", pack, "--as-of", "2026-11-27", "--quiet");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var text = File.ReadAllText(Path.Combine(pack, "manifest.json"));
        var errors = ManifestSchema.Value.Validate(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        using var manifest = JsonDocument.Parse(text);
        Assert.Equal("1.2", manifest.RootElement.GetProperty("schemaVersion").GetString());
        return manifest.RootElement.GetProperty("provenance").Clone();
    }

    private static string PolicyHash(JsonElement provenance) => provenance.GetProperty("effectivePolicy").GetProperty("sha256").GetString()!;

    private static List<string> PolicyLines(JsonElement provenance) =>
        provenance.GetProperty("effectivePolicy").GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();

    [Fact]
    public void Evidence_PolicyHashChangesWithASeverityInEditorconfigAndNothingElse()
    {
        var editorconfig = Path.Combine(fixture.Folder, "Support", ".editorconfig");
        var clean = Provenance("provenance-1");
        Assert.Equal(PolicyHash(clean), PolicyHash(Provenance("provenance-2"))); // same inputs, same hash
        Assert.False(clean.GetProperty("dirty").GetBoolean(), clean.GetProperty("changes").GetRawText()); // earlier packs and build output are not read by the analysis
        Assert.Equal(GoldenCommit(), clean.GetProperty("commit").GetString());
        Assert.Contains("project Support preset=none", PolicyLines(clean));
        Assert.Contains("project Support setting policy.requirements.high=human_oversight, bias_evaluation, explainability, impact_assessment, event_logging", PolicyLines(clean));
        Assert.DoesNotContain(PolicyLines(clean), l => l.Contains(" severity POL", StringComparison.Ordinal));

        // What an auditor runs: the hash of the listed lines, each followed by "\n".
        var text = string.Concat(PolicyLines(clean).Select(l => l + "\n"));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant(), PolicyHash(clean));

        try
        {
            // A key that is not policy: same hash; the analysed tree is now dirty (an untracked file the analysis read).
            File.WriteAllText(editorconfig, "root = true\n[*.cs]\nindent_size = 4\n");
            var unrelated = Provenance("provenance-3");
            Assert.Equal(PolicyHash(clean), PolicyHash(unrelated));
            Assert.True(unrelated.GetProperty("dirty").GetBoolean());
            Assert.Contains("?? Support/.editorconfig", unrelated.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));

            // A severity: another hash, and the line that says why.
            File.WriteAllText(editorconfig, "root = true\n[*.cs]\nindent_size = 4\ndotnet_diagnostic.POL001.severity = error\n");
            var raised = Provenance("provenance-4");
            Assert.NotEqual(PolicyHash(clean), PolicyHash(raised));
            Assert.Contains("project Support severity POL001=file:error", PolicyLines(raised));
            Assert.Equal(clean.GetProperty("ruleset").GetProperty("sha256").GetString(), raised.GetProperty("ruleset").GetProperty("sha256").GetString());

            // A policy option: another hash again.
            File.WriteAllText(editorconfig, "root = true\n[*.cs]\npolicy.bias_evaluation.max_age_days = 180\n");
            var option = Provenance("provenance-5");
            Assert.NotEqual(PolicyHash(clean), PolicyHash(option));
            Assert.Contains("project Support option policy.bias_evaluation.max_age_days=180", PolicyLines(option));
        }
        finally
        {
            File.Delete(editorconfig);
        }
    }

    [Fact]
    public void Evidence_AnUntrackedReferencedDocumentIsHashedInTheAiBomAndMakesTheTreeDirty()
    {
        var report = Path.Combine(fixture.Folder, "Support", "docs", "missing-report.md");
        var bytes = "# Bias evaluation\n\nNo disparity above 2 points across account tiers.\n"u8.ToArray();
        File.WriteAllBytes(report, bytes);
        try
        {
            var provenance = Provenance("document-pack");
            Assert.True(provenance.GetProperty("dirty").GetBoolean());
            Assert.Equal(["?? Support/docs/missing-report.md"], provenance.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));

            // The AI-BOM claims ISO/IEC 42001 A.6.2.4 for ticket-triage with the report's SHA-256 and the evaluation's own date.
            using var bom = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "document-pack", "aibom.cdx.json")));
            var declarations = bom.RootElement.GetProperty("declarations");
            var claim = declarations.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == "claim:ai-system:ticket-triage/ISO42001:A.6.2.4");
            var reference = claim.GetProperty("externalReferences").EnumerateArray().Single();
            Assert.Equal("Support/docs/missing-report.md", reference.GetProperty("url").GetString());
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), reference.GetProperty("hashes")[0].GetProperty("content").GetString());
            var evidence = declarations.GetProperty("evidence").EnumerateArray()
                .Single(e => e.GetProperty("bom-ref").GetString()!.StartsWith("evidence:declaration:BiasEvaluation@Support/Bots.cs:", StringComparison.Ordinal));
            Assert.Equal("2026-01-15T00:00:00Z", evidence.GetProperty("created").GetString());
            var entry = declarations.GetProperty("attestations").EnumerateArray().SelectMany(a => a.GetProperty("map").EnumerateArray())
                .Single(m => m.TryGetProperty("claims", out var claims) && claims[0].GetString() == claim.GetProperty("bom-ref").GetString());
            Assert.Equal("requirement:ISO42001:A.6.2.4", entry.GetProperty("requirement").GetString());
        }
        finally
        {
            File.Delete(report);
        }
    }

    private string GoldenCommit() => CliRunner.Run("git", fixture.Folder, ["rev-parse", "HEAD"]).Out.Trim();
}
