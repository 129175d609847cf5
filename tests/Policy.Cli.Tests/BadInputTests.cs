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
}
