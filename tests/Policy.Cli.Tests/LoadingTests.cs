using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace Policy.Cli.Tests;

/// <summary>
/// The tool on the project shapes users have (issue 12) and on code that was never restored or does not compile
/// (issues 12 and 16): it restores like `dotnet build`, loads what builds, analyses what does not as far as it binds,
/// marks suspected AI uses, and says what it covered.
/// </summary>
public sealed partial class LoadingTests(LoadingFixture fixture) : IClassFixture<LoadingFixture>
{
    [Fact]
    public void Solution_ExitsAsTheBuildDoes_WithTheSameFindings()
    {
        var build = CliRunner.Run("dotnet", fixture.Folder, ["build", fixture["Good.sln"], "--no-incremental", "-nologo", "-p:PolicyEvaluationDate=2026-11-27"]);
        Assert.True(build.ExitCode == 0, build.Out);
        Assert.Contains("warning NU1603", build.Out); // restore warnings the loader must not treat as fatal
        Assert.Contains("warning NU1608", build.Out);
        Assert.Contains("warning NU1701", build.Out);
        var fromBuild = BuildLine().Matches(build.Out).Select(m => $"{m.Groups["rule"].Value} {Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value}").ToHashSet();
        Assert.Contains("POL001 ChatBot.cs:17", fromBuild);
        Assert.Contains(fromBuild, f => f.StartsWith("POL001 Assistant.razor:", StringComparison.Ordinal));
        Assert.Contains("POL001 Assistant.cs:5", fromBuild);

        var check = CliRunner.Policy(fixture.Folder, "check", fixture["Good.sln"], "--as-of", "2026-11-27", "--format", "json");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(fromBuild.Order(), Findings(check.Out).Order());

        // Coverage: every project complete; the multi-targeted one analysed for each framework.
        Assert.DoesNotContain("the analysis is partial", check.Error);
        Assert.Contains("restore restored", check.Error);
        Assert.Contains("Chat/Chat.csproj: loaded fully [net10.0, netstandard2.0; each analysed]", check.Error);
        Assert.Matches(@"Web/Web\.csproj: loaded fully \[net10\.0\]; \d+/\d+ source file\(s\) analysed, [1-9]\d* generated", check.Error);
    }

    /// <summary>
    /// Multi-targeting: every framework is analysed and the results merged. `dotnet build` reports a finding once per
    /// framework; the CLI lists it once, and a finding only some frameworks have (code under #if) says which.
    /// </summary>
    [Fact]
    public async Task MultiTargeted_EachFrameworkAnalysed_FindingsAndInventoryMerged()
    {
        var build = CliRunner.Run("dotnet", fixture.Folder, ["build", fixture["Multi/Multi.csproj"], "--no-incremental", "-nologo", "-p:PolicyEvaluationDate=2026-11-27"]);
        Assert.True(build.ExitCode == 0, build.Out);
        var fromBuild = BuildLineWithFramework().Matches(build.Out)
            .Select(m => (Finding: $"{m.Groups["rule"].Value} {Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value}", Framework: m.Groups["tfm"].Value))
            .Distinct()
            .GroupBy(f => f.Finding)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Framework).Order().ToList());
        Assert.Equal(["net10.0", "netstandard2.0"], fromBuild["POL001 Scoring.cs:6"]); // Scorer: both frameworks
        Assert.Equal(["net10.0"], fromBuild["POL001 Scoring.cs:16"]); // FastScorer: under #if NET10_0_OR_GREATER

        var check = CliRunner.Policy(fixture.Folder, "check", fixture["Multi/Multi.csproj"], "--as-of", "2026-11-27", "--format", "json");
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Equal(fromBuild.Keys.Order(), Findings(check.Out).Order()); // each once
        using (var json = JsonDocument.Parse(check.Out))
        {
            var frameworks = json.RootElement.EnumerateArray().ToDictionary(
                f => $"{f.GetProperty("ruleId").GetString()} {Path.GetFileName(f.GetProperty("source").GetProperty("path").GetString())}:{f.GetProperty("source").GetProperty("line").GetInt32()}",
                f => f.TryGetProperty("targetFrameworks", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : null);
            Assert.Null(frameworks["POL001 Scoring.cs:6"]);
            Assert.Equal(["net10.0"], frameworks["POL001 Scoring.cs:16"]);
        }

        Assert.Contains("Multi/Multi.csproj: loaded fully [net10.0, netstandard2.0; each analysed]", check.Error);

        var pack = Path.Combine(fixture.Folder, "out", "multi");
        var evidence = CliRunner.Policy(fixture.Folder, "evidence", fixture["Multi/Multi.csproj"], "--as-of", "2026-11-27", "--out", pack);
        Assert.True(evidence.ExitCode == 0, evidence.Error);
        var inventoryText = File.ReadAllText(Path.Combine(pack, "inventory.json"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "inventory.schema.json"));
        Assert.Empty(schema.Validate(inventoryText));
        using var inventory = JsonDocument.Parse(inventoryText);
        static string? Frameworks(JsonElement e) => e.TryGetProperty("targetFrameworks", out var t) ? string.Join(",", t.EnumerateArray().Select(x => x.GetString())) : null;
        var undeclared = inventory.RootElement.GetProperty("undeclared").EnumerateArray().Select(u => (u.GetProperty("type").GetString(), Frameworks(u))).ToList();
        Assert.Equal([("Multi.FastScorer", "net10.0"), ("Multi.Scorer", null)], undeclared);
        var system = Assert.Single(inventory.RootElement.GetProperty("systems").EnumerateArray());
        Assert.Equal("ranking", system.GetProperty("id").GetString());
        Assert.Null(Frameworks(system));
        Assert.Single(system.GetProperty("declarations").EnumerateArray());
        Assert.Equal([("Multi.Ranking", null), ("Multi.Reranker", "net10.0")], system.GetProperty("components").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), Frameworks(c))).ToList());
        Assert.Equal(["Microsoft.ML.OnnxRuntime.InferenceSession"], system.GetProperty("observedSdks").EnumerateArray().Select(s => s.GetProperty("type").GetString()));

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "findings.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(),
                r.GetProperty("properties").TryGetProperty("targetFrameworks", out var t) ? string.Join(",", t.EnumerateArray().Select(x => x.GetString())) : null))
            .Order().ToList();
        Assert.Equal([(6, null), (16, "net10.0")], results);

        Assert.Contains("net10.0 only", File.ReadAllText(Path.Combine(pack, "report.html")));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        var project = manifest.RootElement.GetProperty("coverage").GetProperty("projects")[0];
        Assert.Equal(["net10.0", "netstandard2.0"], project.GetProperty("analysedTargetFrameworks").EnumerateArray().Select(f => f.GetString()));
    }

    /// <summary>
    /// An app's [AiComponent] joins a system declared in a library: with the library in the run, the app's component is
    /// attached to the library's system record; with the library as a built assembly only, the system is listed with the
    /// assembly that declares it (declaredIn) and the app's component. Never POL009 (unknown system) nor POL001.
    /// </summary>
    [Fact]
    public void ComponentJoiningASystemOfAReferencedAssembly_IsAttachedToIt()
    {
        var pack = Path.Combine(fixture.Folder, "out", "joined");
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture["Joined/App/App.csproj"], "--out", pack);
        Assert.True(result.ExitCode == 0, result.Error);
        using (var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "inventory.json"))))
        {
            var root = inventory.RootElement;
            Assert.Equal(["App", "Lib"], root.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
            var system = Assert.Single(root.GetProperty("systems").EnumerateArray());
            Assert.Equal("search", system.GetProperty("id").GetString());
            Assert.Equal("Lib", system.GetProperty("project").GetString());
            Assert.False(system.TryGetProperty("declaredIn", out _));
            Assert.Equal("Joined/Lib/Search.cs", system.GetProperty("source").GetProperty("path").GetString());
            Assert.Equal([("App.QueryRewriter", "App"), ("Lib.SearchSystem", "Lib")],
                system.GetProperty("components").EnumerateArray().Select(c => (c.GetProperty("type").GetString(), c.GetProperty("project").GetString())).ToList());
            Assert.Equal(["OpenAI.Chat.ChatClient"], system.GetProperty("observedSdks").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
            Assert.Empty(root.GetProperty("undeclared").EnumerateArray());
            Assert.DoesNotContain(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() is "POL001" or "POL009");
        }

        var lib = CliRunner.Run("dotnet", fixture.Folder, ["build", fixture["Joined/Lib/Lib.csproj"], "-nologo"]);
        Assert.True(lib.ExitCode == 0, lib.Out);
        var binaryPack = Path.Combine(fixture.Folder, "out", "joined-binary");
        var binary = CliRunner.Policy(fixture.Folder, "evidence", fixture["Joined/Binary/Binary.csproj"], "--out", binaryPack);
        Assert.True(binary.ExitCode == 0, binary.Error);
        using (var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(binaryPack, "inventory.json"))))
        {
            var root = inventory.RootElement;
            var system = Assert.Single(root.GetProperty("systems").EnumerateArray());
            Assert.Equal("search", system.GetProperty("id").GetString());
            Assert.Equal("Search", system.GetProperty("name").GetString());
            Assert.Equal("Binary", system.GetProperty("project").GetString());
            Assert.Equal("Lib", system.GetProperty("declaredIn").GetString());
            Assert.False(system.TryGetProperty("source", out _));
            Assert.Contains("referenced assembly <code>Lib</code>", File.ReadAllText(Path.Combine(binaryPack, "report.html")));
            Assert.Equal(["Binary.QueryRewriter"], system.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
            Assert.Empty(root.GetProperty("undeclared").EnumerateArray());
            Assert.DoesNotContain(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() is "POL001" or "POL009");
        }
    }

    [Fact]
    public void Shapes_SlnxSlnfAndFolder_GiveTheSameFindings()
    {
        var sln = Findings(CliRunner.Policy(fixture.Folder, "check", fixture["Good.sln"], "--format", "json", "--quiet").Out);
        var slnx = CliRunner.Policy(fixture.Folder, "check", fixture["solutions/Good.slnx"], "--format", "json", "--quiet");
        Assert.True(slnx.ExitCode == 0, slnx.Error);
        Assert.Equal(sln.Order(), Findings(slnx.Out).Order());

        var slnf = CliRunner.Policy(fixture.Folder, "check", fixture["Good.slnf"], "--format", "json", "--quiet");
        Assert.True(slnf.ExitCode == 0, slnf.Error);
        Assert.Equal(sln.Where(f => !f.Contains(".razor", StringComparison.Ordinal)).Order(), Findings(slnf.Out).Order());

        var folder = CliRunner.Policy(fixture.Folder, "check", fixture["Chat"], "--format", "json", "--quiet");
        Assert.True(folder.ExitCode == 0, folder.Error);
        Assert.Equal(["POL001 ChatBot.cs:17"], Findings(folder.Out));
    }

    /// <summary>Issue 16: a never-restored clone gives the same AI types as after a restore, because the tool restores it.</summary>
    [Fact]
    public void NeverRestored_IsRestoredAndGivesTheSameAiTypes()
    {
        Assert.False(File.Exists(fixture["fresh-a/Console/obj/project.assets.json"]));
        var pack = Path.Combine(fixture.Folder, "out", "fresh-a");
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture["fresh-a/Console/Console.csproj"], "--out", pack);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(fixture["fresh-a/Console/obj/project.assets.json"]));

        using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "inventory.json")));
        var undeclared = inventory.RootElement.GetProperty("undeclared").EnumerateArray().ToList();
        Assert.Equal(["Console.Assistant"], undeclared.Select(u => u.GetProperty("type").GetString()));
        Assert.False(undeclared[0].TryGetProperty("confidence", out _)); // confirmed
        Assert.Equal(["OpenAI.Chat.ChatClient"], undeclared[0].GetProperty("sdks").EnumerateArray().Select(s => s.GetProperty("type").GetString()));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        var coverage = manifest.RootElement.GetProperty("coverage");
        Assert.True(coverage.GetProperty("complete").GetBoolean());
        Assert.Equal("restored", coverage.GetProperty("restore").GetString());
        Assert.Equal("loaded", coverage.GetProperty("projects")[0].GetProperty("status").GetString());
    }

    /// <summary>Issue 16: with --no-restore on a never-restored project, nothing reads as a complete "0 AI systems".</summary>
    [Fact]
    public void NoRestore_NeverRestored_SaysReferencesNotResolved_AndMarksSuspected()
    {
        var pack = Path.Combine(fixture.Folder, "out", "fresh-b");
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture["fresh-b/Console/Console.csproj"], "--out", pack, "--no-restore");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.False(File.Exists(fixture["fresh-b/Console/obj/project.assets.json"]));
        Assert.Contains("PARTIAL", result.Error);
        Assert.Contains("project 'fresh-b/Console/Console.csproj' was not analysed completely (references not resolved: never restored", result.Error);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        var coverage = manifest.RootElement.GetProperty("coverage");
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        Assert.Equal("skipped", coverage.GetProperty("restore").GetString());
        var project = coverage.GetProperty("projects")[0];
        Assert.Equal("references not resolved", project.GetProperty("status").GetString());
        Assert.StartsWith("never restored", project.GetProperty("reason").GetString());

        using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "inventory.json")));
        var undeclared = Assert.Single(inventory.RootElement.GetProperty("undeclared").EnumerateArray());
        Assert.Equal("Console.Assistant", undeclared.GetProperty("type").GetString());
        Assert.Equal("suspected", undeclared.GetProperty("confidence").GetString());
        Assert.Contains("Partial analysis", File.ReadAllText(Path.Combine(pack, "report.html")));
    }

    /// <summary>Issue 12: code written against an older SDK API yields its AI types as suspected, in the inventory and the pack.</summary>
    [Fact]
    public async Task ApiDrift_AiTypesAreSuspected_InInventoryAndPack_WithCoverage()
    {
        var pack = Path.Combine(fixture.Folder, "out", "drift");
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture["broken/Drift/Drift.csproj"], "--out", pack);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("policy: warning: the analysis is partial: 1 of 1 project(s) not analysed", result.Error);

        var inventoryText = File.ReadAllText(Path.Combine(pack, "inventory.json"));
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CliRunner.Root, "docs", "schemas", "inventory.schema.json"));
        Assert.Empty(schema.Validate(inventoryText));
        using var inventory = JsonDocument.Parse(inventoryText);
        var undeclared = inventory.RootElement.GetProperty("undeclared").EnumerateArray()
            .ToDictionary(u => u.GetProperty("type").GetString()!, u => u.TryGetProperty("confidence", out var c) ? c.GetString() : "confirmed");
        Assert.Equal("suspected", undeclared["Drift.VoiceAgent"]);
        Assert.Equal("confirmed", undeclared["Drift.Summariser"]);
        var voice = inventory.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("message").GetString()!.Contains("VoiceAgent"));
        Assert.Equal("'VoiceAgent' uses AI (OpenAI.RealtimeConversation.RealtimeConversationClient, unresolved) but is not covered by [AiSystem] or [AiComponent]", voice.GetProperty("message").GetString());
        Assert.Equal("suspected", voice.GetProperty("confidence").GetString());

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "findings.sarif")));
        var confidences = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("properties").GetProperty("confidence").GetString()).Order().ToList();
        Assert.Equal(["confirmed", "suspected"], confidences);
        Assert.Contains("suspectedAiComponent", File.ReadAllText(Path.Combine(pack, "aibom.cdx.json")));
        var csv = File.ReadAllLines(Path.Combine(pack, "inventory.csv"));
        Assert.EndsWith(",confidence,entry", csv[0]);
        Assert.Contains(csv, l => l.StartsWith(",Drift.VoiceAgent,Drift,", StringComparison.Ordinal) && l.EndsWith(",suspected,undeclared", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith(",Drift.Summariser,Drift,", StringComparison.Ordinal) && l.EndsWith(",confirmed,undeclared", StringComparison.Ordinal));
        Assert.Contains("suspected: the AI type did not resolve", File.ReadAllText(Path.Combine(pack, "report.html")));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        var project = manifest.RootElement.GetProperty("coverage").GetProperty("projects")[0];
        Assert.Equal("compile errors", project.GetProperty("status").GetString());
        Assert.True(project.GetProperty("compileErrors").GetInt32() > 0);
        Assert.Contains("CS0234", project.GetProperty("firstErrors")[0].GetString());
    }

    /// <summary>Issue 12: a package its feed does not have: restore fails, the run goes on, the AI type is suspected; identifiers alone are not AI.</summary>
    [Fact]
    public void MissingPackage_RestoreFails_AiTypeSuspected_NameAloneIsNot()
    {
        var pack = Path.Combine(fixture.Folder, "out", "missing");
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture["broken/Missing/Missing.csproj"], "--out", pack);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("dotnet restore failed (NU1101", result.Error);

        using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "inventory.json")));
        var undeclared = Assert.Single(inventory.RootElement.GetProperty("undeclared").EnumerateArray());
        Assert.Equal("Missing.LocalAssistant", undeclared.GetProperty("type").GetString());
        Assert.Equal("suspected", undeclared.GetProperty("confidence").GetString());
        Assert.Equal("OllamaSharp.OllamaApiClient", undeclared.GetProperty("sdks")[0].GetProperty("type").GetString());

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        var coverage = manifest.RootElement.GetProperty("coverage");
        Assert.Equal("failed", coverage.GetProperty("restore").GetString());
        Assert.Contains("NU1101", coverage.GetProperty("restoreErrors")[0].GetString());
        Assert.Equal("references not resolved", coverage.GetProperty("projects")[0].GetProperty("status").GetString());
    }

    /// <summary>
    /// The project references an AI SDK package that did not restore and its code names the SDK's types fully qualified,
    /// with no AI using anywhere: the package reference (from the assets file of the failed restore) makes them suspected;
    /// an unresolved non-AI name in the same project does not.
    /// </summary>
    [Fact]
    public void AiPackageNotRestored_FullyQualifiedNamesWithoutImports_AreSuspected()
    {
        var result = CliRunner.Policy(fixture.Folder, "inventory", fixture["broken/Qualified/Qualified.csproj"], "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("dotnet restore failed (NU1101", result.Error);
        using var inventory = JsonDocument.Parse(result.Out);
        var undeclared = Assert.Single(inventory.RootElement.GetProperty("undeclared").EnumerateArray());
        Assert.Equal("Qualified.Gateway", undeclared.GetProperty("type").GetString());
        Assert.Equal("suspected", undeclared.GetProperty("confidence").GetString());
        Assert.Equal("Azure.AI.OpenAI.AzureOpenAIClient", undeclared.GetProperty("sdks")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("broken/Drift/Drift.csproj")]
    [InlineData("broken/Missing/Missing.csproj")]
    [InlineData("solutions/Partial.slnx")]
    public void RequireBuild_PartialAnalysis_ExitsTwoAndWritesNothing(string input)
    {
        var pack = Path.Combine(fixture.Folder, "out", "required-" + Path.GetFileNameWithoutExtension(input));
        var result = CliRunner.Policy(fixture.Folder, "evidence", fixture[input], "--out", pack, "--require-build");
        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(pack));
        Assert.Contains("--require-build: the analysis would be partial, nothing was written", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>The baseline only shrinks: never on a project whose unbound code hides findings.</summary>
    [Fact]
    public void Baseline_OfAPartialProject_IsLeftUnchanged()
    {
        var baseline = fixture["broken/Missing/policy.baseline.txt"];
        const string text = "POL010 M:Missing.LocalAssistant.Ask(System.String)\n";
        File.WriteAllText(baseline, text);
        try
        {
            var result = CliRunner.Policy(fixture.Folder, "baseline", fixture["broken/Missing/Missing.csproj"], "--no-restore");
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("broken/Missing/policy.baseline.txt left unchanged: the project was not analysed completely (references not resolved", result.Error);
            Assert.Equal(text, File.ReadAllText(baseline));
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Fact]
    public void NoAi_UnresolvedNonAiNames_GiveNoPol001()
    {
        var result = CliRunner.Policy(fixture.Folder, "check", fixture["broken/NoAi/NoAi.csproj"], "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(Findings(result.Out));
        Assert.Contains("references not resolved", result.Error);
    }

    [Fact]
    public void SolutionNamingAMissingProject_AnalysesTheRest_AndSaysSo()
    {
        var result = CliRunner.Policy(fixture.Folder, "check", fixture["solutions/Partial.slnx"], "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["POL001 Assistant.cs:5"], Findings(result.Out));
        Assert.Contains("policy: warning: project 'Ghost/Ghost.csproj' was not analysed completely (not loaded: project file not found).", result.Error);
    }

    [Fact]
    public void GlobalJsonPinningAMissingSdk_OneLineExitTwo_AsTheBuildFails()
    {
        var build = CliRunner.Run("dotnet", fixture["pinned"], ["build", "App/App.csproj"]);
        Assert.NotEqual(0, build.ExitCode);
        var result = CliRunner.Policy(fixture["pinned"], "check", "App/App.csproj");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pins an SDK that is not installed (Requested SDK version: 9.0.100); its rollForward 'disable' accepts only 9.0.100, and no such SDK is installed", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>A global.json whose rollForward lets the .NET host move past an SDK that is not installed: the run works as dotnet build does and says which SDK it used.</summary>
    [Fact]
    public void GlobalJsonRollingForward_LoadsAsTheBuildDoes_AndSaysWhichSdk()
    {
        var build = CliRunner.Run("dotnet", fixture["rolled"], ["build", "App/App.csproj", "-nologo"]);
        Assert.True(build.ExitCode == 0, build.Out);
        var pack = Path.Combine(fixture.Folder, "out", "rolled");
        var result = CliRunner.Policy(fixture["rolled"], "evidence", "App/App.csproj", "--out", pack);
        Assert.True(result.ExitCode == 0, result.Error);
        var note = Regex.Match(result.Error, @"policy: note: rolled/global\.json asks for the \.NET SDK 10\.0\.100 \(rollForward 'latestFeature': 10\.0\.x at 10\.0\.100 or later\); the projects were loaded with the SDK (?<sdk>10\.0\.\d+), the one the \.NET host rolls forward to");
        Assert.True(note.Success, result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "manifest.json")));
        Assert.Contains(manifest.RootElement.GetProperty("coverage").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("SDK " + note.Groups["sdk"].Value, StringComparison.Ordinal));
        using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "inventory.json")));
        Assert.Equal("App.Assistant", Assert.Single(inventory.RootElement.GetProperty("undeclared").EnumerateArray()).GetProperty("type").GetString());
    }

    private static List<string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("state").GetString() != "exempted" && f.GetProperty("ruleId").GetString() != "POL030")
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {Path.GetFileName(f.GetProperty("source").GetProperty("path").GetString())}:{f.GetProperty("source").GetProperty("line").GetInt32()}")
            .ToList();
    }

    [GeneratedRegex(@"(?<file>[^\s(]+\.(?:cs|razor))\((?<line>\d+),\d+\): (?:warning|error) (?<rule>POL\d{3})")]
    private static partial Regex BuildLine();

    [GeneratedRegex(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),\d+\): (?:warning|error) (?<rule>POL\d{3}):.*\[[^\]]+::TargetFramework=(?<tfm>[^\]]+)\]")]
    private static partial Regex BuildLineWithFramework();
}
