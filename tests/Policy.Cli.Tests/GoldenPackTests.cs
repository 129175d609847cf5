using System.Text.Json;
using Policy.Model.Evaluation;
using Policy.Model.Rules;

namespace Policy.Cli.Tests;

/// <summary>
/// Golden evidence packs: the bundled sample and a fixture of awkward cases (constructor-parameter and nested-type
/// provenance, an AI use only in a primary-constructor base argument, partial types, an assembly-level system, a
/// Razor component, top-level statements, an exemption, a baselined finding, array values with commas) produce the
/// checked-in inventory.json, controls.md, findings.sarif and aibom.cdx.json byte for byte. Regenerate with
/// POLICY_UPDATE_GOLDEN=1 and review the diff. The parity test checks that the pack agrees with the findings.
/// </summary>
public sealed class GoldenPackTests
{
    public static TheoryData<string, string> GoldenFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in GoldenPack.Names)
        {
            foreach (var file in GoldenPack.ComparedFiles)
            {
                data.Add(name, file);
            }
        }

        return data;
    }

    public static TheoryData<string> Fixtures() => new(GoldenPack.Names);

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Pack_MatchesTheGoldenFile(string fixture, string file)
    {
        var actual = GoldenPack.Get(fixture).Files[file];
        var path = Path.Combine(GoldenPack.ExpectedFolder(fixture), file);
        if (Environment.GetEnvironmentVariable("POLICY_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"missing {path}: run the tests with POLICY_UPDATE_GOLDEN=1 and review the diff");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{fixture}/{file} differs from the golden file at line {line + 1} (run with POLICY_UPDATE_GOLDEN=1 and review the diff):\n" +
                $"expected: {Clip(line < expectedLines.Length ? expectedLines[line] : "<end>")}\nactual:   {Clip(line < actualLines.Length ? actualLines[line] : "<end>")}");
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Pack_IsSchemaValid(string fixture)
    {
        var pack = GoldenPack.Get(fixture);
        var inventorySchema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "inventory.schema.json"));
        var errors = inventorySchema.Validate(pack.Files["inventory.json"]);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        var sarifSchema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "tests", "schemas", "sarif", "sarif-schema-2.1.0.json"));
        var sarifErrors = sarifSchema.Validate(pack.Files["findings.sarif"]);
        Assert.True(sarifErrors.Count == 0, string.Join("\n", sarifErrors.Select(e => e.ToString())));
    }

    private static string Clip(string line) => line.Length <= 300 ? line : line[..300] + " ...";

    /// <summary>
    /// One truth: POL001 subjects = undeclared; for each system and required kind, missing in the pack ⇔ a finding
    /// (open, exempted or baselined) of the rule that requires it; a required kind that is not missing has a listed
    /// declaration; every declaration is listed once.
    /// </summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Pack_AgreesWithTheFindings(string fixture)
    {
        using var inventory = JsonDocument.Parse(GoldenPack.Get(fixture).Files["inventory.json"]);
        PackParity.Assert(inventory.RootElement);
    }
}

/// <summary>The parity checks between a pack's inventory and its findings, for every fixture.</summary>
public static class PackParity
{
    /// <summary>Fails when the inventory says something the findings do not (or the reverse).</summary>
    public static void Assert(JsonElement root)
    {
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var pol001 = findings.Where(f => f.GetProperty("ruleId").GetString() == RuleIds.UndeclaredAiComponent)
            .Select(f => f.GetProperty("symbolId").GetString()!).Distinct().Order(StringComparer.Ordinal);
        var undeclared = root.GetProperty("undeclared").EnumerateArray().Select(u => u.GetProperty("symbolId").GetString()!).Order(StringComparer.Ordinal);
        Xunit.Assert.Equal(pol001, undeclared);

        foreach (var system in root.GetProperty("systems").EnumerateArray())
        {
            var id = system.GetProperty("id").GetString()!;
            var required = system.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToList();
            var missing = system.GetProperty("missing").EnumerateArray().Select(r => r.GetString()!).ToList();
            var declarations = system.GetProperty("declarations").EnumerateArray().ToList();
            Xunit.Assert.All(missing, m => Xunit.Assert.Contains(m, required));
            foreach (var rule in RuleCatalogue.Requirements)
            {
                var kind = rule.RequiredDeclaration!.Value.ToString();
                var finding = findings.Any(f => f.GetProperty("ruleId").GetString() == rule.Id && f.TryGetProperty("systemId", out var s) && s.GetString() == id);
                Xunit.Assert.True(finding == missing.Contains(kind), $"{id}: {kind} missing in the pack = {missing.Contains(kind)}, {rule.Id} finding = {finding}");
                if (required.Contains(kind) && !finding)
                {
                    // Event logging may also be evidenced by telemetry observed in the system's code (POL015).
                    var observed = kind == "EventLogging" && system.TryGetProperty("eventLogging", out var logging) &&
                        logging.EnumerateArray().Any(e => e.GetProperty("evidence").GetString() == "observed");
                    Xunit.Assert.True(observed || declarations.Any(d => d.GetProperty("kind").GetString() == kind), $"{id}: {kind} is required, no {rule.Id} finding, but the pack lists no [{kind}]");
                }
            }

            var places = declarations.Select(d => d.GetProperty("kind").GetString() + "@" + (d.TryGetProperty("source", out var s) ? s.GetProperty("path").GetString() + ":" + s.GetProperty("line").GetInt32() + ":" + s.GetProperty("column").GetInt32() : d.GetProperty("target").GetString())).ToList();
            Xunit.Assert.True(places.Count == places.Distinct().Count(), $"{id}: a declaration is listed twice: {string.Join(", ", places.GroupBy(p => p).Where(g => g.Count() > 1).Select(g => g.Key))}");
        }
    }
}
