using System.Diagnostics;

namespace Policy.Cli.Tests;

/// <summary>Runs the built `policy` tool out of process and builds fixture projects, as a user would.</summary>
public static class CliRunner
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release).</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>A file of a project's build output.</summary>
    public static string Output(string project, string file) => Path.Combine(Root, "src", project, "bin", Configuration, project is "Policy.Cli" ? "net10.0" : "netstandard2.0", file);

    /// <summary>
    /// The project file of the git-repository fixtures: net10.0, Microsoft.Extensions.AI.Abstractions, and the attributes and
    /// analyzers of this build wired in directly.
    /// </summary>
    public static string AnalysedProject() => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
            <Reference Include="{Output("Policy.Annotations", "Policy.Annotations.dll")}" />
            <Analyzer Include="{Output("Policy.Analyzers", "Policy.Analyzers.dll")}" />
            <Analyzer Include="{Output("Policy.Analyzers", "Policy.Model.dll")}" />
            <CompilerVisibleProperty Include="PolicyEvaluationDate" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Runs policy with arguments; returns exit code, stdout, stderr.</summary>
    public static (int ExitCode, string Out, string Error) Policy(string workingDirectory, params string[] arguments) =>
        Run("dotnet", workingDirectory, [Output("Policy.Cli", "policy.dll"), .. arguments]);

    /// <summary>Runs a process and waits (at most 5 minutes).</summary>
    public static (int ExitCode, string Out, string Error) Run(string file, string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Policy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
