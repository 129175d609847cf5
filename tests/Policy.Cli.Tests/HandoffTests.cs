using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace Policy.Cli.Tests;

/// <summary><c>policy diff</c> and <c>policy merge</c>, out of process, on the packs and revisions of <see cref="HandoffFixture"/>.</summary>
public sealed class HandoffTests(HandoffFixture fixture) : IClassFixture<HandoffFixture>
{
    private static readonly string[] PackFiles = ["aibom.cdx.json", "controls.md", "findings.sarif", "inventory.csv", "inventory.json", "manifest.json", "report.html"];

    /// <summary>The changes v1 -> v2 must list, and nothing else: the risk level, the removed declaration and the controls it evidenced.</summary>
    private static void AssertRiskRaisedAndLoggingRemoved(JsonElement root)
    {
        var changes = root.GetProperty("changes").EnumerateArray().Select(c => (Area: S(c, "area"), Change: S(c, "change"), System: S(c, "system"), Subject: S(c, "subject"), Old: S(c, "old"), New: S(c, "new"))).ToList();
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Contains(("system", "changed", "ticket-triage", "riskLevel", "Minimal", "Limited"), changes);
        var removed = Assert.Single(changes, c => c.Area == "declaration");
        Assert.Equal(("removed", "ticket-triage", "[EventLogging] on TicketTriage"), (removed.Change, removed.System, removed.Subject));
        Assert.Contains("Destination = ticket log", removed.Old);
        Assert.Contains("RetentionDays = 90", removed.Old);

        // What else shows is the coverage of the controls the removed [EventLogging] evidenced (POL015's), and only that.
        var others = changes.Where(c => c.Area is not ("system" or "declaration")).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, c => Assert.Equal(("control", "changed", "ticket-triage", "evidenced", "not applicable"), (c.Area, c.Change, c.System, c.Old, c.New)));
        Assert.Single(changes, c => c.Area == "system");

        // The undeclared Summariser moved one line up: its POL001 finding is the same finding (fingerprint, not line).
        Assert.DoesNotContain(changes, c => c.Area == "finding");
    }

    private static string? S(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    [Fact]
    public void DiffRevisions_RiskRaisedAndDeclarationRemoved_ListsExactlyThoseAndExitsOne()
    {
        var head = HandoffFixture.Git(fixture.Support, "rev-parse", "HEAD");
        var temporary = Directory.GetDirectories(Path.GetTempPath(), "policy-diff-*").ToHashSet(StringComparer.Ordinal);
        var run = CliRunner.Policy(fixture.Support, "diff", Path.Combine("Support", "Support.csproj"), "--from", "v1", "--to", "v2", "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        using var json = JsonDocument.Parse(run.Out);
        AssertRiskRaisedAndLoggingRemoved(json.RootElement);
        Assert.Equal("v1", json.RootElement.GetProperty("old").GetProperty("label").GetString());
        Assert.Equal(HandoffFixture.Git(fixture.Support, "rev-parse", "v1").Trim(), json.RootElement.GetProperty("old").GetProperty("commit").GetString());
        Assert.Equal(HandoffFixture.Git(fixture.Support, "rev-parse", "v2").Trim(), json.RootElement.GetProperty("new").GetProperty("commit").GetString());

        // The user's repository: same HEAD, clean working tree and index, no worktree left behind.
        Assert.Equal(head, HandoffFixture.Git(fixture.Support, "rev-parse", "HEAD"));
        Assert.Equal(string.Empty, HandoffFixture.Git(fixture.Support, "status", "--porcelain"));
        Assert.Single(HandoffFixture.Git(fixture.Support, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "policy-diff-*"), d => !temporary.Contains(d));
    }

    [Theory]
    [InlineData("-INT")]
    [InlineData("-TERM")]
    public async Task DiffRevisions_Interrupted_RemovesItsWorktrees(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // signals: Linux and macOS
        }

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = fixture.Support };
        foreach (var argument in new[] { CliRunner.Output("Policy.Cli", "policy.dll"), "diff", Path.Combine("Support", "Support.csproj"), "--from", "v1", "--to", "v2", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = System.Diagnostics.Process.Start(start)!;
        try
        {
            _ = cli.StandardOutput.ReadToEndAsync();
            var error = cli.StandardError.ReadToEndAsync();
            string? worktree = null;
            for (var i = 0; i < 1200 && worktree is null && !cli.HasExited; i++)
            {
                Thread.Sleep(25);

                // While the CLI's `git worktree add` runs, a listing can meet a half-written administrative folder and fail
                // ("failed to read .git/worktrees/from/commondir"): that is "not seen yet", not a failure.
                var list = CliRunner.Run("git", fixture.Support, ["worktree", "list", "--porcelain"]);
                worktree = list.ExitCode != 0 ? null : list.Out.Split('\n')
                    .Where(l => l.StartsWith("worktree ", StringComparison.Ordinal)).Select(l => l["worktree ".Length..]).FirstOrDefault(p => p.Contains("policy-diff-", StringComparison.Ordinal));
            }

            Assert.True(worktree != null, "no temporary worktree seen while the diff ran");
            CliRunner.Run("kill", fixture.Support, [signal, cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Assert.True(cli.WaitForExit(60_000), "the CLI did not end on " + signal);
            Assert.True(cli.ExitCode == 130, cli.ExitCode + ": " + await error);
            Assert.Single(HandoffFixture.Git(fixture.Support, "worktree", "list", "--porcelain").Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.GetDirectoryName(worktree)), "the temporary folder is left: " + worktree);
            Assert.Equal(string.Empty, HandoffFixture.Git(fixture.Support, "status", "--porcelain"));
        }
        finally
        {
            // A failed assertion must not leave the CLI running: its worktrees would be seen by the next case.
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
                cli.WaitForExit(60_000);
                CliRunner.Run("git", fixture.Support, ["worktree", "prune"]);
            }
        }
    }

    [Fact]
    public void DiffRevisions_Identical_SaysNoChangesAndExitsZero()
    {
        var run = CliRunner.Policy(fixture.Support, "diff", Path.Combine("Support", "Support.csproj"), "--from", "v2", "--to", "main", "--quiet");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains("no changes", run.Out);
    }

    [Fact]
    public async Task DiffPacks_ListsTheSameChangesAsTheRevisions()
    {
        var run = CliRunner.Policy(fixture.Packs, "diff", "support-v1", Path.Combine("support-v2", "manifest.json"), "--format", "json");
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "diff.schema.json"));
        var errors = schema.Validate(run.Out);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
        using var json = JsonDocument.Parse(run.Out);
        AssertRiskRaisedAndLoggingRemoved(json.RootElement);

        var table = CliRunner.Policy(fixture.Packs, "diff", "support-v1", "support-v2");
        Assert.Equal(1, table.ExitCode);
        Assert.Contains("riskLevel", table.Out);
        Assert.Contains("Minimal -> Limited", table.Out);

        var same = CliRunner.Policy(fixture.Packs, "diff", "support-v2", "support-v2", "--format", "md");
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No changes", same.Out);
    }

    [Theory]
    [InlineData("md", "diff.md")]
    [InlineData("json", "diff.json")]
    public void DiffPacks_MatchesTheGoldenFile(string format, string file)
    {
        var first = CliRunner.Policy(fixture.Packs, "diff", "support-v1", "support-v2", "--format", format);
        var second = CliRunner.Policy(fixture.Packs, "diff", "support-v1", "support-v2", "--format", format);
        Assert.Equal(1, first.ExitCode);
        Assert.Equal(first.Out, second.Out); // deterministic

        var actual = NormalizeDiff(first.Out);
        var path = Path.Combine(CliRunner.Root, "tests", "Policy.Cli.Tests", "Golden", "expected", "diff", file);
        if (Environment.GetEnvironmentVariable("POLICY_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"missing {path}: run the tests with POLICY_UPDATE_GOLDEN=1 and review the diff");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private string NormalizeDiff(string text)
    {
        foreach (var tag in new[] { "v1", "v2" })
        {
            text = text.Replace(HandoffFixture.Git(fixture.Support, "rev-parse", tag).Trim(), "<commit " + tag + ">", StringComparison.Ordinal);
        }

        return Regex.Replace(text, "\"toolVersion\": \"[^\"]+\"", "\"toolVersion\": \"0.0.0-golden\"");
    }

    [Fact]
    public void Diff_BadInput_IsOneLineAndExitTwo()
    {
        var folder = Path.Combine(fixture.Folder, "bad-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);

        // A tampered pack: one byte of inventory.json changed after it was written.
        var tampered = Path.Combine(folder, "tampered");
        CopyPack(fixture.Pack("support-v2"), tampered);
        File.WriteAllText(Path.Combine(tampered, "inventory.json"), File.ReadAllText(Path.Combine(tampered, "inventory.json")).Replace("Limited", "Minimal", StringComparison.Ordinal));

        // A pack whose manifest is not JSON; a pack of an inventory schema this tool does not read (hash fixed up).
        var corrupted = Path.Combine(folder, "corrupted");
        CopyPack(fixture.Pack("support-v2"), corrupted);
        File.WriteAllText(Path.Combine(corrupted, "manifest.json"), "{ \"tool\": \"policy\", ");
        var future = Path.Combine(folder, "future");
        CopyPack(fixture.Pack("support-v2"), future);
        Rewrite(future, "inventory.json", text => Regex.Replace(text, "\"schemaVersion\": \"2\\.\\d+\"", "\"schemaVersion\": \"9.0\""));

        var notAPack = Path.Combine(folder, "not-a-pack");
        Directory.CreateDirectory(notAPack);
        File.WriteAllText(Path.Combine(notAPack, "notes.txt"), "hello");
        var notGit = Path.Combine(folder, "not-git");
        Directory.CreateDirectory(notGit);
        File.Copy(Path.Combine(fixture.Support, "Support", "Support.csproj"), Path.Combine(notGit, "Support.csproj"));

        var cases = new (string[] Arguments, string Expected)[]
        {
            (["diff", fixture.Pack("support-v1"), tampered], "SHA-256"),
            (["diff", fixture.Pack("support-v1"), corrupted], "not valid JSON"),
            (["diff", fixture.Pack("support-v1"), future], "schema version '9.0'"),
            (["diff", fixture.Pack("support-v1"), notAPack], "not an evidence pack"),
            (["diff", fixture.Pack("support-v1"), Path.Combine(folder, "missing")], "does not exist"),
            (["diff", fixture.Pack("support-v1")], "name two evidence packs"),
            (["diff", Path.Combine(fixture.Support, "Support", "Support.csproj"), "--from", "v1"], "--from and --to go together"),
            (["diff", Path.Combine(fixture.Support, "Support", "Support.csproj"), "--from", "v1", "--to", "no-such-tag"], "'no-such-tag' is not known"),
            (["diff", Path.Combine(notGit, "Support.csproj"), "--from", "v1", "--to", "v2"], "not in a git repository"),
            (["diff", fixture.Pack("support-v1"), fixture.Pack("support-v2"), "--format", "xml"], "xml"),
        };
        foreach (var (arguments, expected) in cases)
        {
            var run = CliRunner.Policy(folder, arguments);
            Assert.True(run.ExitCode == 2, string.Join(' ', arguments) + " => " + run.ExitCode + ": " + run.Out + run.Error);
            Assert.Contains(expected, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
            Assert.True(arguments.Contains("xml") || run.Error.TrimEnd('\n').Split('\n').Length == 1, run.Error); // a parse error adds the usage hint
        }
    }

    [Fact]
    public async Task Merge_ThreePacks_WritesASchemaValidPackAndReportsTheConflict()
    {
        var output = Path.Combine(fixture.Folder, "merged-" + Guid.NewGuid().ToString("N")[..6]);
        var run = CliRunner.Policy(fixture.Packs, "merge", "support-v1", "support-v2", "billing", "--out", output);
        Assert.True(run.ExitCode == 1, run.Out + run.Error);
        Assert.Contains("conflict: system id 'ticket-triage' is declared by 3 packs", run.Error);
        Assert.Equal(PackFiles, Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var inventory = File.ReadAllText(Path.Combine(output, "inventory.json"));
        var inventoryErrors = (await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "inventory.schema.json"))).Validate(inventory);
        Assert.True(inventoryErrors.Count == 0, string.Join("\n", inventoryErrors.Select(e => e.ToString())));
        var sarifErrors = Policy.Evidence.Tests.Schemas.Errors(await Policy.Evidence.Tests.Schemas.Sarif, File.ReadAllText(Path.Combine(output, "findings.sarif")));
        Assert.True(sarifErrors.Count == 0, string.Join("\n", sarifErrors));
        var bomErrors = Policy.Evidence.Tests.Schemas.Errors(await Policy.Evidence.Tests.Schemas.CycloneDx, File.ReadAllText(Path.Combine(output, "aibom.cdx.json")));
        Assert.True(bomErrors.Count == 0, string.Join("\n", bomErrors));

        // The inputs by the SHA-256 of their manifests; each entry with its source pack and commit; the conflict listed.
        var hashes = new[] { "support-v1", "support-v2", "billing" }.ToDictionary(p => p, p => Sha256(Path.Combine(fixture.Pack(p), "manifest.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "manifest.json")));
        var sources = manifest.RootElement.GetProperty("merge").GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(hashes.Values.Order(StringComparer.Ordinal), sources.Select(s => s.GetProperty("manifestSha256").GetString()));
        var conflict = Assert.Single(manifest.RootElement.GetProperty("merge").GetProperty("conflicts").EnumerateArray());
        Assert.Equal("ticket-triage", conflict.GetProperty("systemId").GetString());
        Assert.Equal(hashes.Values.Select(h => h[..12]).Order(StringComparer.Ordinal), conflict.GetProperty("packs").EnumerateArray().Select(p => p.GetString()));

        using var parsed = JsonDocument.Parse(inventory);
        var systems = parsed.RootElement.GetProperty("systems").EnumerateArray().ToList();
        Assert.Equal(["invoice-assistant", "ticket-triage", "ticket-triage", "ticket-triage"], systems.Select(s => s.GetProperty("id").GetString()));
        Assert.All(systems.Where(s => s.GetProperty("id").GetString() == "ticket-triage"), s => Assert.True(s.GetProperty("conflict").GetBoolean()));
        Assert.False(systems[0].TryGetProperty("conflict", out _));
        var billingCommit = HandoffFixture.Git(fixture.BillingRepository, "rev-parse", "HEAD").Trim();
        Assert.Equal(billingCommit, systems[0].GetProperty("origin").GetProperty("commit").GetString());
        Assert.Equal(hashes["billing"][..12], systems[0].GetProperty("origin").GetProperty("pack").GetString());
        Assert.All(parsed.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal(12, f.GetProperty("origin").GetProperty("pack").GetString()!.Length));
        Assert.Equal(2, parsed.RootElement.GetProperty("undeclared").EnumerateArray().Count()); // Summariser, from each support pack
        // SARIF results and CSV rows say where they come from.
        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "findings.sarif"))))
        {
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.Contains(r.GetProperty("properties").GetProperty("sourcePack").GetString(), hashes.Values.Select(h => h[..12])));
        }

        var csv = File.ReadAllLines(Path.Combine(output, "inventory.csv"));
        Assert.EndsWith(",source_pack,source_commit,source_input,conflict", csv[0]);
        Assert.Equal(3, csv.Count(l => l.StartsWith("ticket-triage,", StringComparison.Ordinal) && l.EndsWith(",true", StringComparison.Ordinal)));

        foreach (var entry in manifest.RootElement.GetProperty("files").EnumerateArray())
        {
            Assert.Equal(Sha256(Path.Combine(output, entry.GetProperty("name").GetString()!)), entry.GetProperty("sha256").GetString());
        }

        // The merged pack is a pack: diff reads it back (hashes verified), and against itself nothing changed.
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "diff", output, output).ExitCode);
    }

    [Fact]
    public void Merge_IsDeterministicWhateverTheInputOrder()
    {
        var first = Path.Combine(fixture.Folder, "order-1-" + Guid.NewGuid().ToString("N")[..6]);
        var second = Path.Combine(fixture.Folder, "order-2-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(1, CliRunner.Policy(fixture.Packs, "merge", "support-v1", "support-v2", "billing", "--out", first, "--quiet").ExitCode);
        Assert.Equal(1, CliRunner.Policy(fixture.Packs, "merge", "billing", Path.Combine("support-v2", "manifest.json"), "support-v1", "--out", second, "--quiet").ExitCode);
        foreach (var file in PackFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), file + " differs with the input order");
        }
    }

    [Fact]
    public void Merge_BadInput_IsOneLineExitTwoAndWritesNothing()
    {
        var folder = Path.Combine(fixture.Folder, "merge-bad-" + Guid.NewGuid().ToString("N")[..6]);
        var occupied = Path.Combine(folder, "occupied");
        Directory.CreateDirectory(occupied);
        File.WriteAllText(Path.Combine(occupied, "keep.txt"), "mine");
        var tampered = Path.Combine(folder, "tampered");
        CopyPack(fixture.Pack("billing"), tampered);
        File.AppendAllText(Path.Combine(tampered, "findings.sarif"), " ");

        var cases = new (string[] Arguments, string Expected)[]
        {
            (["merge", fixture.Pack("billing"), "--out", Path.Combine(folder, "one")], "at least two"),
            (["merge", fixture.Pack("billing"), fixture.Pack("support-v2"), "--out", occupied], "neither empty nor an evidence pack"),
            (["merge", fixture.Pack("billing"), Path.Combine(fixture.Pack("billing"), "manifest.json"), "--out", Path.Combine(folder, "twice")], "same pack"),
            (["merge", fixture.Pack("support-v2"), tampered, "--out", Path.Combine(folder, "tampered-out")], "SHA-256"),
            (["merge", fixture.Pack("support-v2"), fixture.Pack("billing")], "--out"),
        };
        foreach (var (arguments, expected) in cases)
        {
            var run = CliRunner.Policy(folder, arguments);
            Assert.True(run.ExitCode == 2, string.Join(' ', arguments) + " => " + run.ExitCode + ": " + run.Out + run.Error);
            Assert.Contains(expected, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }

        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(occupied).Select(Path.GetFileName));
        Assert.Equal(["occupied", "tampered"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private static void CopyPack(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    /// <summary>Changes a file of a pack and records its new hash in the manifest (a consistent pack, just different).</summary>
    private static void Rewrite(string pack, string file, Func<string, string> change)
    {
        var path = Path.Combine(pack, file);
        var before = Sha256(path);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        var manifest = Path.Combine(pack, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(before, Sha256(path), StringComparison.Ordinal));
    }
}
