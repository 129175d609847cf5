using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Policy.Cli.Tests;

/// <summary>
/// Issue 18, defects 1, 5, 6 and 9: <c>--out</c> never destroys a user's data. The target must be missing, empty or an
/// earlier evidence pack holding nothing else; anything else is refused before any work (exit 2, one line) and every
/// file survives. Leftovers of a killed run are cleaned; the BuildHost child process ends with the CLI.
/// </summary>
public sealed class OutputSafetyTests(Fixture fixture) : IClassFixture<Fixture>
{
    private static void AssertRefused((int ExitCode, string Out, string Error) result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>Every file under a folder (.git included) with its SHA-256.</summary>
    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    private string NewFolder(string name)
    {
        var folder = Path.Combine(fixture.Folder, "out-" + name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void OutIsTheProjectFolder_Refused_EveryFileSurvives()
    {
        var before = Snapshot(fixture.Folder);
        var project = Path.GetDirectoryName(fixture.Project)!;
        AssertRefused(CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", project), "neither empty nor an evidence pack");
        Assert.Equal(before, Snapshot(fixture.Folder));
    }

    [Fact]
    public void OutIsDot_Refused_EveryFileSurvives()
    {
        var before = Snapshot(fixture.Folder);
        AssertRefused(CliRunner.Policy(Path.GetDirectoryName(fixture.Project)!, "evidence", ".", "--out", "."), "neither empty nor an evidence pack");
        Assert.Equal(before, Snapshot(fixture.Folder));
    }

    [Fact]
    public void OutIsTheProjectsParent_Refused_EveryFileSurvives()
    {
        var before = Snapshot(fixture.Folder);
        AssertRefused(CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", fixture.Folder), "neither empty nor an evidence pack");
        Assert.Equal(before, Snapshot(fixture.Folder));
    }

    [Fact]
    public void OutHoldsUnrelatedFiles_OrAForeignManifest_Refused()
    {
        var folder = NewFolder("foreign");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");
        AssertRefused(CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", folder, "--quiet"), "neither empty nor an evidence pack");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));

        // A manifest.json another tool wrote does not make a folder ours.
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"name\": \"my-app\", \"files\": [{\"name\": \"notes.txt\"}]}");
        AssertRefused(CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", folder, "--quiet"), "neither empty nor an evidence pack");
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void EarlierPack_IsReplaced_ButAFileAddedByHandIsKept()
    {
        var target = Path.Combine(NewFolder("pack"), "evidence");
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--as-of", "2026-11-27", "--quiet").ExitCode);
        var first = File.ReadAllText(Path.Combine(target, "manifest.json"));

        // An earlier pack is replaced whole.
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--as-of", "2026-11-28", "--quiet").ExitCode);
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(target, "manifest.json")));

        // A file the pack did not write stops the run: nothing is removed.
        File.WriteAllText(Path.Combine(target, "auditor-notes.md"), "keep me");
        var before = Snapshot(target);
        AssertRefused(CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet"), "'auditor-notes.md', which the pack did not write");
        Assert.Equal(before, Snapshot(target));
    }

    [Fact]
    public void BadInput_CreatesNoFolder()
    {
        var folder = NewFolder("nothing");
        var result = CliRunner.Policy(folder, "evidence", Path.Combine(folder, "missing-project"), "--out", Path.Combine("a", "b", "c", "X"));
        AssertRefused(result, "does not exist");
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void LongOutName_250Works_256IsRefusedBeforeTheAnalysis()
    {
        var folder = NewFolder("long");
        var tooLong = CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", Path.Combine(folder, new string('x', 256)));
        AssertRefused(tooLong, "too long");
        Assert.Empty(Directory.GetFileSystemEntries(folder));

        var target = Path.Combine(folder, new string('y', 250));
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(target, "manifest.json")));
        Assert.Equal([target], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void LeftoversOfAKilledRun_AreCleaned_OnlyWhenOurs()
    {
        var parent = NewFolder("leftovers");
        var target = Path.Combine(parent, "evidence");
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet").ExitCode);

        // What a run killed in the write phase (tmp) and between the two renames (old) leaves, by a dead process id.
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("evidence")), 0, 5).ToLowerInvariant();
        var tmp = Path.Combine(parent, $".policy-{tag}.tmp-99999998");
        var old = Path.Combine(parent, $".policy-{tag}.old-99999999");
        Directory.CreateDirectory(tmp);
        File.WriteAllText(Path.Combine(tmp, "inventory.json"), "{");
        CopyFolder(target, old);

        // Named like ours but holding a user's file: not ours to delete.
        var foreign = Path.Combine(parent, $".policy-{tag}.tmp-99999997");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "thesis.docx"), "years of work");

        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet").ExitCode);
        Assert.False(Directory.Exists(tmp));
        Assert.False(Directory.Exists(old));
        Assert.True(File.Exists(Path.Combine(foreign, "thesis.docx")));
        Assert.True(File.Exists(Path.Combine(target, "manifest.json")));
    }

    [Fact]
    public void KilledBetweenTheRenames_TheOldPackComesBack()
    {
        // No pack at the target, the old one moved aside by a process that died: the next run puts it back before
        // anything else, so even a run that then fails leaves the earlier pack in place.
        var parent = NewFolder("renames");
        var target = Path.Combine(parent, "evidence");
        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet").ExitCode);
        var tag = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("evidence")), 0, 5).ToLowerInvariant();
        var old = Path.Combine(parent, $".policy-{tag}.old-99999999");
        Directory.Move(target, old);

        Assert.Equal(0, CliRunner.Policy(fixture.Folder, "evidence", fixture.Project, "--out", target, "--quiet").ExitCode);
        Assert.Equal([target], Directory.GetFileSystemEntries(parent));
        Assert.Equal(7, Directory.GetFiles(target).Length);
    }

    [Fact]
    public void Sigterm_EndsTheBuildHostWithTheCli()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM and /proc: Linux and macOS (docs/cli.md gives the manual check).
        }

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = fixture.Folder };
        foreach (var argument in new[] { CliRunner.Output("Policy.Cli", "policy.dll"), "check", fixture.Project, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = System.Diagnostics.Process.Start(start)!;
        _ = cli.StandardOutput.ReadToEndAsync();
        _ = cli.StandardError.ReadToEndAsync();
        int? buildHost = null;
        for (var i = 0; i < 600 && buildHost is null && !cli.HasExited; i++)
        {
            Thread.Sleep(100);
            buildHost = Children(cli.Id).Where(p => Read($"/proc/{p}/cmdline").Contains("BuildHost", StringComparison.Ordinal)).Select(p => (int?)p).FirstOrDefault();
        }

        Assert.True(buildHost != null, "no BuildHost child process seen");
        CliRunner.Run("kill", fixture.Folder, ["-TERM", cli.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(cli.WaitForExit(60_000), "the CLI did not end on SIGTERM");
        var stat = Read($"/proc/{buildHost}/stat");
        Assert.True(stat.Length == 0 || stat.Contains(") Z ", StringComparison.Ordinal), "the BuildHost child outlived the CLI: " + stat);
        Assert.Equal(130, cli.ExitCode);
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static IEnumerable<int> Children(int parent)
    {
        foreach (var folder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            var stat = Read(Path.Combine(folder, "stat"));
            if (stat.Length == 0)
            {
                continue;
            }

            // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && fields[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
