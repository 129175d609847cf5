using System.Text.RegularExpressions;

namespace Policy.Cli.Tests;

/// <summary>
/// A fixture project or solution copied out of the repository, wired to the freshly built attributes and analyzers
/// (the <c>Policy.Analyzers</c> package reference is replaced by direct references), committed to its own git
/// repository with a fixed date, restored, and given to <c>policy evidence</c>. The pack is built once per fixture.
/// </summary>
public sealed class GoldenPack
{
    /// <summary>The files compared byte for byte (report.html and manifest.json are covered elsewhere).</summary>
    public static readonly string[] ComparedFiles = ["inventory.json", "inventory.csv", "controls.md", "findings.sarif", "aibom.cdx.json"];

    /// <summary>Placeholder for the commit of the temporary repository (its tree holds machine-specific paths).</summary>
    public const string CommitPlaceholder = "0000000000000000000000000000000000000000";

    /// <summary>Placeholder for the tool version (it grows with every commit of this repository).</summary>
    public const string VersionPlaceholder = "0.0.0-golden";

    private static readonly Dictionary<string, Lazy<GoldenPack>> Packs = new(StringComparer.Ordinal)
    {
        ["lending-service"] = new(() => new GoldenPack("lending-service", Path.Combine(CliRunner.Root, "samples", "LendingService"), "LendingService.csproj")),
        ["awkward"] = new(() => new GoldenPack("awkward", Path.Combine(CliRunner.Root, "tests", "Policy.Cli.Tests", "Golden", "Awkward"), "Awkward.sln")),
    };

    private GoldenPack(string name, string source, string input)
    {
        Name = name;
        Folder = Path.Combine(Path.GetTempPath(), "policy-golden-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Folder); // built once per test run, removed at its end
        Copy(source, Folder);
        foreach (var project in Directory.GetFiles(Folder, "*.csproj", SearchOption.AllDirectories))
        {
            File.WriteAllText(project, WireAnalyzers(File.ReadAllText(project)));
        }

        CliRunner.Run("git", Folder, ["init", "-q"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "fixture", "--date", "2026-11-20T12:00:00Z"],
            new Dictionary<string, string> { ["GIT_COMMITTER_DATE"] = "2026-11-20T12:00:00Z" });
        var restore = CliRunner.Run("dotnet", Folder, ["restore", input]);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
        Pack = Path.Combine(Folder, "pack");
        var run = CliRunner.Policy(Folder, "evidence", input, "--out", Pack, "--as-of", "2026-11-20", "--quiet");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Files = ComparedFiles.ToDictionary(f => f, f => Normalize(File.ReadAllText(Path.Combine(Pack, f))), StringComparer.Ordinal);
    }

    /// <summary>The fixture's name (the folder of its expected files).</summary>
    public string Name { get; }

    /// <summary>The temporary copy (a git repository).</summary>
    public string Folder { get; }

    /// <summary>The pack folder.</summary>
    public string Pack { get; }

    /// <summary>The compared files, normalised.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Every golden fixture's name.</summary>
    public static IEnumerable<string> Names => Packs.Keys;

    /// <summary>The pack of a fixture (built on first use).</summary>
    public static GoldenPack Get(string name) => Packs[name].Value;

    /// <summary>Where the expected files of a fixture are checked in.</summary>
    public static string ExpectedFolder(string name) => Path.Combine(CliRunner.Root, "tests", "Policy.Cli.Tests", "Golden", "expected", name);

    private static string WireAnalyzers(string project)
    {
        var references = $"""
            <Reference Include="{CliRunner.Output("Policy.Annotations", "Policy.Annotations.dll")}" />
                <Analyzer Include="{CliRunner.Output("Policy.Analyzers", "Policy.Analyzers.dll")}" />
                <Analyzer Include="{CliRunner.Output("Policy.Analyzers", "Policy.Model.dll")}" />
                <CompilerVisibleProperty Include="PolicyEvaluationDate" />
            """;
        var wired = Regex.Replace(project, @"<PackageReference Include=""Policy\.Analyzers""[^>]*/>", references);
        Assert.NotEqual(project, wired);
        return wired;
    }

    /// <summary>The commit, the tool version and the AI-BOM serial number vary between clones and commits of this repository: placeholders.</summary>
    private string Normalize(string text)
    {
        var inventory = File.ReadAllText(Path.Combine(Pack, "inventory.json"));
        var commit = Regex.Match(inventory, "\"commit\": \"([0-9a-f]{40})\"").Groups[1].Value;
        var version = Regex.Match(inventory, "\"toolVersion\": \"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(commit);
        Assert.NotEmpty(version);
        text = text.Replace(commit, CommitPlaceholder, StringComparison.Ordinal).Replace(version, VersionPlaceholder, StringComparison.Ordinal);

        // The AI-BOM's serial number is derived from the whole model, commit included.
        return Regex.Replace(text, "\"serialNumber\": \"urn:uuid:[0-9a-f-]{36}\"", "\"serialNumber\": \"urn:uuid:00000000-0000-0000-0000-000000000000\"");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temporary folder.
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj" or ".packages"))
            {
                Copy(folder, Path.Combine(to, name));
            }
        }
    }
}
