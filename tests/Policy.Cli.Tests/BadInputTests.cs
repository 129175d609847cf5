namespace Policy.Cli.Tests;

/// <summary>Bad input: a one-line message that says what to do, exit code 2, no stack trace, nothing written.</summary>
public sealed class BadInputTests
{
    private static void AssertBadInput((int ExitCode, string Out, string Error) result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
    }

    [Fact]
    public void MissingPath() =>
        AssertBadInput(CliRunner.Policy(Path.GetTempPath(), "check", "/no/such/folder"), "does not exist");

    [Fact]
    public void FileThatIsNotAProject() =>
        AssertBadInput(CliRunner.Policy(CliRunner.Root, "check", "README.md"), "is not a solution or a C# project");

    [Fact]
    public void FolderWithoutProject()
    {
        var folder = Directory.CreateTempSubdirectory("policy-empty-").FullName;
        AssertBadInput(CliRunner.Policy(folder, "inventory", folder), "holds no .sln, .slnx or .csproj");
    }

    [Fact]
    public void InvalidAsOf() =>
        AssertBadInput(CliRunner.Policy(CliRunner.Root, "check", "samples/LendingService", "--as-of", "27/11/2026"), "--as-of '27/11/2026' is not a yyyy-MM-dd date");

    [Fact]
    public void UnknownOption() =>
        AssertBadInput(CliRunner.Policy(CliRunner.Root, "check", "samples/LendingService", "--frobnicate"), "--frobnicate");

    [Fact]
    public void ProjectThatFailsToLoad()
    {
        var folder = Directory.CreateTempSubdirectory("policy-broken-").FullName;
        File.WriteAllText(Path.Combine(folder, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>");
        var result = CliRunner.Policy(folder, "check", Path.Combine(folder, "Broken.csproj"));
        AssertBadInput(result, "Broken");
    }

    [Fact]
    public void UnwritableOut_WritesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("policy-out-").FullName;
        var file = Path.Combine(folder, "occupied");
        File.WriteAllText(file, "a file, not a folder");
        var result = CliRunner.Policy(CliRunner.Root, "evidence", "samples/LendingService", "--out", Path.Combine(file, "pack"));
        AssertBadInput(result, "cannot be written");
        Assert.Equal(new[] { file }, Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void OutThatIsAFile()
    {
        var folder = Directory.CreateTempSubdirectory("policy-out-").FullName;
        var file = Path.Combine(folder, "pack");
        File.WriteAllText(file, "x");
        AssertBadInput(CliRunner.Policy(CliRunner.Root, "evidence", "samples/LendingService", "--out", file), "is a file");
    }

    private static void AssertOneLine((int ExitCode, string Out, string Error) result, int exitCode, string expected)
    {
        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}: {result.Error}");
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Error + result.Out);
        Assert.DoesNotContain("Unhandled exception", result.Error);
    }

    [Theory]
    [InlineData("empty.sln", "", "could not be loaded: Not a solution file")]
    [InlineData("garbage.sln", "this is not a solution\n\u0000\u0001", "could not be loaded: Not a solution file")]
    [InlineData("empty.slnx", "", "could not be loaded: Root element is missing")]
    [InlineData("broken.slnx", "<Solution><Project Path=", "could not be loaded:")]
    public void MalformedSolution_OneLineExitTwo(string name, string content, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("policy-sln-").FullName;
        File.WriteAllText(Path.Combine(folder, name), content);
        AssertOneLine(CliRunner.Policy(folder, "check", name), 2, expected);
        AssertOneLine(CliRunner.Policy(folder, "evidence", name, "--out", "pack"), 2, expected);
        Assert.Equal([Path.Combine(folder, name)], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void EmptyPath_OneLineExitTwo() =>
        AssertOneLine(CliRunner.Policy(CliRunner.Root, "check", ""), 2, "the path is empty");

    [Fact]
    public void EmptyOut_OneLineExitTwo() =>
        AssertOneLine(CliRunner.Policy(CliRunner.Root, "evidence", "samples/LendingService", "--out", ""), 2, "--out is empty");

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("-5")]
    [InlineData("9223372036854775808")]
    public void SourceDateEpochOutOfRange_OneLineExitTwo(string value)
    {
        var folder = Directory.CreateTempSubdirectory("policy-epoch-").FullName;
        var result = CliRunner.Run("dotnet", folder, [CliRunner.Output("Policy.Cli", "policy.dll"), "evidence", Path.Combine(CliRunner.Root, "samples", "LendingService"), "--out", "pack"],
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = value });
        AssertOneLine(result, 2, "SOURCE_DATE_EPOCH");
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Verbose_AddsTheDetails()
    {
        var folder = Directory.CreateTempSubdirectory("policy-sln-").FullName;
        File.WriteAllText(Path.Combine(folder, "empty.sln"), string.Empty);
        var result = CliRunner.Policy(folder, "check", "empty.sln", "--verbose");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("   at ", result.Error);
        Assert.EndsWith("could not be loaded: Not a solution file.", result.Error.TrimEnd());
    }

    [Fact]
    public void UnexpectedException_OneLineExitThree()
    {
        // POLICY_TEST_FAULT=internal injects an exception inside a verb: the top-level handler must catch it.
        var result = CliRunner.Run("dotnet", CliRunner.Root, [CliRunner.Output("Policy.Cli", "policy.dll"), "check", "samples/LendingService"],
            new Dictionary<string, string> { ["POLICY_TEST_FAULT"] = "internal" });
        AssertOneLine(result, 3, "internal error: InvalidOperationException");
        Assert.Contains("--verbose", result.Error);
    }

    [Fact]
    public void TwentyThousandArguments_AFewLines()
    {
        var arguments = new List<string> { "check", "samples/LendingService" };
        arguments.AddRange(Enumerable.Range(0, 20_000).Select(i => "x" + i));
        var result = CliRunner.Policy(CliRunner.Root, [.. arguments]);
        Assert.Equal(2, result.ExitCode);
        Assert.InRange(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 5);
        Assert.Contains("19997 more errors", result.Error);
    }

    [Fact]
    public void MistypedVerb_SuggestsTheVerb()
    {
        var result = CliRunner.Policy(CliRunner.Root, "chek", "samples/LendingService");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'chek' was not matched. Did you mean one of the following?", result.Out + result.Error);
        Assert.Matches(@"(?m)^check\r?$", result.Out + result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void HelpPerVerb()
    {
        var result = CliRunner.Policy(CliRunner.Root, "evidence", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--out", result.Out);
        Assert.Contains("--verbose", result.Out);
    }
}
