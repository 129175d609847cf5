using System.Text.Json;

namespace Policy.Cli.Tests;

/// <summary>
/// The fixture plus hostile content: document references through symbolic links to /etc/passwd, /etc and /dev/zero
/// and to a file over the size limit, a secret on the line of a finding, control characters and spreadsheet formulas
/// in declaration values, and a solution that names a missing project. One evidence run and one inventory run.
/// </summary>
public sealed class HostileFixture : IDisposable
{
    /// <summary>Secret on the source line of a POL001 finding: it must never reach the pack.</summary>
    public const string Secret = "sk-live-5EcReT0123456789";

    private readonly Fixture _fixture = new();

    /// <summary>Sets up the hostile content and runs policy.</summary>
    public HostileFixture()
    {
        var support = Path.GetDirectoryName(_fixture.Project)!;
        File.WriteAllText(Path.Combine(support, "Hostile.cs"), $$"""
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            namespace Support;

            [AiSystem("hostile", Name = "Evil\u001b[31mRED\u0007 \u202Egnp.exe", Purpose = "=HYPERLINK(\"http://example.com\")", Owner = "@owner", RiskLevel = AiRiskLevel.Minimal)]
            [HumanOversight(OversightMode.HumanOnTheLoop, Role = "Lead", Procedure = "docs/passwd.md")]
            [BiasEvaluation(Report = "docs/etc/passwd", EvaluatedOn = "2026-01-15")]
            [ImpactAssessment(Reference = "docs/zero.md", AssessedOn = "2026-03-01")]
            public sealed class Hostile(IChatClient chat)
            {
                public IChatClient Chat => chat;
            }

            [AiSystem("hostile-2", Name = "Second", Purpose = "Links", Owner = "x", RiskLevel = AiRiskLevel.Minimal)]
            [HumanOversight(OversightMode.HumanOnTheLoop, Role = "Lead", Procedure = "docs/inside-link.md")]
            [BiasEvaluation(Report = "docs/big.md", EvaluatedOn = "2026-01-15")]
            public sealed class Hostile2(IChatClient chat)
            {
                public IChatClient Chat => chat;
            }

            public sealed class Leaky(IChatClient chat) { public string Key = "{{Secret}}"; public IChatClient Chat => chat; }
            """);
        // At the repository root, outside the project's folder (whose default globs would follow a link to /etc).
        var docs = Path.Combine(_fixture.Folder, "docs");
        Directory.CreateDirectory(docs);
        File.CreateSymbolicLink(Path.Combine(docs, "passwd.md"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(docs, "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(docs, "inside-link.md"), "../Support/docs/oversight.md");
        using (var big = File.Create(Path.Combine(docs, "big.md")))
        {
            big.SetLength((64L * 1024 * 1024) + 1); // sparse: costs no disk
        }

        File.WriteAllText(Path.Combine(_fixture.Folder, "Partial.slnx"), """
            <Solution>
              <Project Path="Support/Support.csproj" />
              <Project Path="Gone/Gone.csproj" />
            </Solution>
            """);

        Pack = Path.Combine(_fixture.Folder, "pack");
        Evidence = CliRunner.Policy(_fixture.Folder, "evidence", Path.Combine(_fixture.Folder, "Partial.slnx"), "--out", Pack, "--as-of", "2026-11-27", "--quiet");
        Inventory = CliRunner.Policy(_fixture.Folder, "inventory", _fixture.Project, "--as-of", "2026-11-27", "--quiet");
        Check = CliRunner.Policy(_fixture.Folder, "check", _fixture.Project, "--as-of", "2026-11-27", "--quiet");

        // A second pack with the link to /dev/zero too (before the fix, reading it ran the process out of memory:
        // kept apart so that the first pack shows the other defects on their own).
        File.CreateSymbolicLink(Path.Combine(docs, "zero.md"), "/dev/zero");
        LinksPack = Path.Combine(_fixture.Folder, "pack-links");
        LinksEvidence = CliRunner.Policy(_fixture.Folder, "evidence", _fixture.Project, "--out", LinksPack, "--as-of", "2026-11-27", "--quiet");
    }

    /// <summary>The evidence pack written from Partial.slnx.</summary>
    public string Pack { get; }

    /// <summary>policy evidence Partial.slnx.</summary>
    public (int ExitCode, string Out, string Error) Evidence { get; }

    /// <summary>The evidence pack written with the link to /dev/zero in place.</summary>
    public string LinksPack { get; }

    /// <summary>policy evidence with the link to /dev/zero in place.</summary>
    public (int ExitCode, string Out, string Error) LinksEvidence { get; }

    /// <summary>policy inventory (table).</summary>
    public (int ExitCode, string Out, string Error) Inventory { get; }

    /// <summary>policy check (table).</summary>
    public (int ExitCode, string Out, string Error) Check { get; }

    /// <summary>The manifest's documents by reference.</summary>
    public Dictionary<string, JsonElement> Documents()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(LinksPack, "manifest.json")));
        return manifest.RootElement.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("reference").GetString()!, d => d.Clone());
    }

    /// <inheritdoc />
    public void Dispose() => _fixture.Dispose();
}

/// <summary>Issue 18, defects 3, 4, 7 and 8, on the real CLI.</summary>
public sealed class HostileValueTests(HostileFixture hostile) : IClassFixture<HostileFixture>
{
    [Fact]
    public void Runs_Succeed()
    {
        Assert.True(hostile.Evidence.ExitCode == 0, hostile.Evidence.Error);
        Assert.True(hostile.LinksEvidence.ExitCode == 0, hostile.LinksEvidence.Error);
    }

    [Theory]
    [InlineData("docs/passwd.md", "resolves (through a symbolic link) outside the repository")]
    [InlineData("docs/etc/passwd", "resolves (through a symbolic link) outside the repository")]
    [InlineData("docs/zero.md", "resolves (through a symbolic link) outside the repository")]
    [InlineData("docs/big.md", "is larger than 64 MiB")]
    public void DocumentReferences_OutsideTheRepositoryOrTooLarge_AreNotResolved(string reference, string reason)
    {
        var document = hostile.Documents()[reference];
        Assert.False(document.GetProperty("resolved").GetBoolean());
        Assert.False(document.TryGetProperty("sha256", out _));
        Assert.Equal(reason, document.GetProperty("reason").GetString());

        using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(hostile.LinksPack, "inventory.json")));
        Assert.Contains(inventory.RootElement.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("ruleId").GetString() == "POL030" && f.GetProperty("message").GetString()!.EndsWith($"references '{reference}', which {reason}", StringComparison.Ordinal));
    }

    [Fact]
    public void DocumentReference_ThroughALinkInsideTheRepository_IsResolvedToItsTarget()
    {
        var document = hostile.Documents()["docs/inside-link.md"];
        Assert.True(document.GetProperty("resolved").GetBoolean());
        Assert.Equal("Support/docs/oversight.md", document.GetProperty("path").GetString());
    }

    [Fact]
    public void Pack_HoldsNoSourceText()
    {
        foreach (var pack in new[] { hostile.Pack, hostile.LinksPack })
        {
            foreach (var file in Directory.GetFiles(pack))
            {
                Assert.DoesNotContain(HostileFixture.Secret, File.ReadAllText(file));
            }
        }

        var inventory = File.ReadAllText(Path.Combine(hostile.Pack, "inventory.json"));
        Assert.DoesNotContain("lineText", inventory);
        Assert.Contains("\"schemaVersion\": \"2.1\"", inventory);
    }

    [Fact]
    public void MissingProject_IsInTheCoverage_AndTheLastLines()
    {
        var lines = hostile.Evidence.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Gone/Gone.csproj", lines[^2]);
        Assert.Contains("not loaded", lines[^2]);
        Assert.Contains("the analysis is partial: 1 of 2 project(s) not analysed", lines[^1]);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(hostile.Pack, "manifest.json")));
        var coverage = manifest.RootElement.GetProperty("coverage");
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        var projects = coverage.GetProperty("projects").EnumerateArray()
            .Select(p => (p.GetProperty("path").GetString(), p.GetProperty("status").GetString(), p.TryGetProperty("reason", out var r) ? r.GetString() : null))
            .ToList();
        Assert.Equal([("Gone/Gone.csproj", "not loaded", "project file not found"), ("Support/Support.csproj", "loaded", null)], projects);
    }

    [Fact]
    public void ControlCharacters_AreEscapedOnTheConsole()
    {
        Assert.Equal(0, hostile.Inventory.ExitCode);
        foreach (var text in new[] { hostile.Inventory.Out, hostile.Inventory.Error, hostile.Check.Out, hostile.Check.Error })
        {
            Assert.DoesNotContain(text, c => c is '\u001b' or '\u0007' or '\u202e');
        }

        Assert.Contains("Evil\\u001b[31mRED\\u0007 \\u202egnp.exe", hostile.Inventory.Out);
    }

    [Fact]
    public void ControlCharactersAndFormulas_AreNeutralisedInTheCsv()
    {
        var csv = File.ReadAllText(Path.Combine(hostile.Pack, "inventory.csv"));
        Assert.DoesNotContain(csv, c => c is '\u001b' or '\u0007' or '\u202e');
        Assert.Contains("Evil\\u001b[31mRED\\u0007 \\u202egnp.exe", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.com\"\")\"", csv);
        Assert.Contains(",'@owner,", csv);
    }
}
