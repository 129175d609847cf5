using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace Policy.Cli.Tests;

/// <summary>check, evidence and baseline on a fixture solution the tests have not seen in any other form.</summary>
public sealed partial class FixtureTests(Fixture fixture) : IClassFixture<Fixture>
{
    private static readonly string[] PackFiles = ["aibom.cdx.json", "controls.md", "findings.sarif", "inventory.csv", "inventory.json", "manifest.json", "report.html"];

    [Fact]
    public void Check_ReportsFindingsWithStatesAndExitsZeroWithoutErrors()
    {
        var result = CliRunner.Policy(fixture.Folder, "check", fixture.Project, "--as-of", "2026-11-27", "--format", "json", "--quiet");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), State: f.GetProperty("state").GetString(), System: f.TryGetProperty("systemId", out var s) ? s.GetString() : null))
            .ToList();
        Assert.Contains(("POL001", "open", (string?)null), findings);
        Assert.Contains(("POL005", "open", "ticket-triage"), findings);
        Assert.Contains(("POL003", "exempted", "faq"), findings);
        Assert.Contains(("POL030", "open", "ticket-triage"), findings); // docs/missing-report.md is not there
        Assert.DoesNotContain(findings, f => f.Rule == "POL002");
    }

    [Fact]
    public void Check_ExitsOneOnErrors()
    {
        var result = CliRunner.Policy(fixture.Folder, "check", fixture.Project, "--as-of", "2026-11-27", "--quiet", "-p", "TreatWarningsAsErrors=false");
        Assert.Equal(0, result.ExitCode);
        File.WriteAllText(Path.Combine(fixture.Folder, "Support", ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.POL001.severity = error\n");
        try
        {
            var failing = CliRunner.Policy(fixture.Folder, "check", fixture.Project, "--as-of", "2026-11-27", "--quiet");
            Assert.Equal(1, failing.ExitCode);
            Assert.Matches(@"POL001\s+error", failing.Out);
        }
        finally
        {
            File.Delete(Path.Combine(fixture.Folder, "Support", ".editorconfig"));
        }
    }

    [Fact]
    public void Check_AgreesWithDotnetBuild()
    {
        var build = CliRunner.Run("dotnet", fixture.Folder, ["build", fixture.Project, "--no-incremental", "-nologo", "-p:PolicyEvaluationDate=2026-11-27", "-o", Path.Combine(fixture.Folder, "out")]);
        Assert.True(build.ExitCode == 0, build.Out);
        var fromBuild = BuildLine().Matches(build.Out)
            .Select(m => $"{m.Groups["rule"].Value} {Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value}")
            .ToHashSet();

        var check = CliRunner.Policy(fixture.Folder, "check", fixture.Project, "--as-of", "2026-11-27", "--format", "json", "--quiet");
        using var json = JsonDocument.Parse(check.Out);
        var fromCli = json.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("state").GetString() != "exempted" && f.GetProperty("ruleId").GetString() != "POL030") // POL030 needs file access: CLI only
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {Path.GetFileName(f.GetProperty("source").GetProperty("path").GetString())}:{f.GetProperty("source").GetProperty("line").GetInt32()}")
            .ToHashSet();
        Assert.NotEmpty(fromBuild);
        Assert.Equal(fromBuild.OrderBy(x => x), fromCli.OrderBy(x => x));
    }

    [Fact]
    public async Task Evidence_IsCompleteDeterministicAndSchemaValid()
    {
        var first = Path.Combine(fixture.Folder, "pack-1");
        var second = Path.Combine(fixture.Folder, "pack-2");
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", first, "--quiet").ExitCode);
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", second, "--quiet").ExitCode);

        Assert.Equal(PackFiles, Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in PackFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file + " differs between two runs");
        }

        var sarifSchema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "tests", "schemas", "sarif", "sarif-schema-2.1.0.json"));
        var errors = sarifSchema.Validate(File.ReadAllText(Path.Combine(first, "findings.sarif")));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("2026-11-20", root.GetProperty("evaluationDate").GetString()); // the commit date: no clock
        foreach (var entry in root.GetProperty("files").EnumerateArray())
        {
            var bytes = File.ReadAllBytes(Path.Combine(first, entry.GetProperty("name").GetString()!));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), entry.GetProperty("sha256").GetString());
        }

        var documents = root.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("reference").GetString()!, d => d);
        Assert.True(documents["docs/oversight.md"].GetProperty("resolved").GetBoolean());
        Assert.Equal("Support/docs/oversight.md", documents["docs/oversight.md"].GetProperty("path").GetString());
        Assert.False(documents["docs/missing-report.md"].GetProperty("resolved").GetBoolean());
        Assert.False(documents.ContainsKey("AIIA-2026-004"), "a document id is not a path");

        var inventory = File.ReadAllText(Path.Combine(first, "inventory.json"));
        var inventorySchema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "inventory.schema.json"));
        var inventoryErrors = inventorySchema.Validate(inventory);
        Assert.True(inventoryErrors.Count == 0, string.Join("\n", inventoryErrors.Select(e => e.ToString())));
        using (var parsed = JsonDocument.Parse(inventory))
        {
            // The data classes that reach each system's AI calls, found by the data-flow analysis, in DataClass order.
            var systems = parsed.RootElement.GetProperty("systems").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s);
            Assert.Equal(["Internal", "Confidential"], systems["ticket-triage"].GetProperty("dataClasses").EnumerateArray().Select(c => c.GetString()));
            Assert.Empty(systems["faq"].GetProperty("dataClasses").EnumerateArray());
            PackParity.Assert(parsed.RootElement);

            // POL015's evidence: declared with its values (faq); the models the code states, where they are written.
            var logging = Assert.Single(systems["faq"].GetProperty("eventLogging").EnumerateArray());
            Assert.Equal("declared", logging.GetProperty("evidence").GetString());
            Assert.Equal("ticket log, index faq-audit", logging.GetProperty("destination").GetString());
            Assert.Equal(365, logging.GetProperty("retentionDays").GetInt32());
            Assert.Empty(systems["ticket-triage"].GetProperty("eventLogging").EnumerateArray());
            var model = Assert.Single(systems["ticket-triage"].GetProperty("models").EnumerateArray());
            Assert.Equal("gpt-4o-mini", model.GetProperty("model").GetString());
            Assert.Equal("ChatOptions.ModelId", model.GetProperty("api").GetString());
            Assert.Equal("Support/Bots.cs", model.GetProperty("source").GetProperty("path").GetString());
            Assert.DoesNotContain(parsed.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "POL015");
        }

        using (var bom = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "aibom.cdx.json"))))
        {
            // One machine-learning-model component per stated model id, linked from the system that uses it.
            var model = Assert.Single(bom.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString()!.StartsWith("ai-model:", StringComparison.Ordinal));
            Assert.Equal("machine-learning-model", model.GetProperty("type").GetString());
            Assert.Equal("gpt-4o-mini", model.GetProperty("name").GetString());
            var triage = bom.RootElement.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "ai-system:ticket-triage");
            Assert.Contains(model.GetProperty("bom-ref").GetString(), triage.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()));
        }

        var html = File.ReadAllText(Path.Combine(first, "report.html"));
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Fact]
    public void Evidence_ReplacesAnExistingPackWhole()
    {
        var target = Path.Combine(fixture.Folder, "pack-replace");
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--as-of", "2026-11-26", "--quiet").ExitCode);
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--as-of", "2026-11-27", "--quiet").ExitCode);
        Assert.Contains("\"evaluationDate\": \"2026-11-27\"", File.ReadAllText(Path.Combine(target, "manifest.json")));
        Assert.Equal(PackFiles, Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(fixture.Folder, ".policy-*"));
    }

    [Fact]
    public void Baseline_WritesThenShrinks()
    {
        var baseline = Path.Combine(fixture.Folder, "Support", "policy.baseline.txt");
        try
        {
            Assert.Equal(0, CliRunner.Policy(fixture.Folder, "baseline", fixture.Project, "--as-of", "2026-11-27", "--quiet").ExitCode);
            var lines = File.ReadAllLines(baseline).Where(l => !l.StartsWith('#')).ToList();
            Assert.Contains("POL001 T:Support.Summariser", lines);
            Assert.Contains("POL005 T:Support.TicketTriage", lines);

            // The baselined findings are now reported at info severity ("note"), still listed.
            var check = CliRunner.Policy(fixture.Folder, "check", fixture.Project, "--as-of", "2026-11-27", "--format", "json", "--quiet");
            Assert.Contains("\"state\": \"baselined\"", check.Out);

            // An entry that no longer matches is dropped on the next run (the baseline only shrinks).
            File.AppendAllText(baseline, "POL001 T:Support.Removed\n");
            Assert.Equal(0, CliRunner.Policy(fixture.Folder, "baseline", fixture.Project, "--as-of", "2026-11-27", "--quiet").ExitCode);
            Assert.DoesNotContain("POL001 T:Support.Removed", File.ReadAllText(baseline));
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [GeneratedRegex(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),\d+\): (?:warning|error) (?<rule>POL\d{3})")]
    private static partial Regex BuildLine();
}
