using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Policy.Cli.Loading;

/// <summary>What <c>dotnet restore</c> gave.</summary>
/// <param name="State"><c>restored</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Errors">The error lines (<c>file : error CODE: text</c>), deduplicated, in output order.</param>
/// <param name="ErrorsByProject">The error texts by full project path.</param>
/// <param name="Notes">Notes for the coverage (SDK roll-forward).</param>
public sealed record RestoreResult(string State, IReadOnlyList<string> Errors, IReadOnlyDictionary<string, List<string>> ErrorsByProject, IReadOnlyList<string> Notes)
{
    /// <summary>--no-restore.</summary>
    public static RestoreResult Skipped { get; } = new("skipped", [], new Dictionary<string, List<string>>(), []);
}

/// <summary>
/// Restores the solution or project before it is loaded, as <c>dotnet build</c> and <c>dotnet format</c> do: one
/// <c>dotnet restore</c> child process with the user's MSBuild properties. A failed restore is not fatal: the run goes on
/// with what resolved, and the coverage records the failure.
/// </summary>
public static partial class Restorer
{
    /// <summary>Runs <c>dotnet restore</c> on <paramref name="file"/>.</summary>
    public static async Task<RestoreResult> RestoreAsync(string file, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(file)!;
        var (exitCode, output) = await RunAsync(folder, file, properties, cancellationToken).ConfigureAwait(false);
        var notes = new List<string>();
        if (exitCode != 0 && SdkNotFound(output) is { } pinned)
        {
            // global.json pins an SDK that is not installed: `dotnet build` would stop here; roll forward to the SDK the
            // tool loads projects with (the newest installed) and say so, as the dotnet host does with rollForward.
            notes.Add($"global.json asks for .NET SDK {pinned}, which is not installed: restored and loaded with the installed SDK {Program.SdkVersion ?? "(newest)"} instead.");
            (exitCode, output) = await RunAsync(Path.GetTempPath(), file, properties, cancellationToken).ConfigureAwait(false);
        }

        var errors = new List<string>();
        var byProject = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            var match = ErrorLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var text = match.Groups["code"].Value + ": " + match.Groups["text"].Value.Trim();
            if (!errors.Contains(text))
            {
                errors.Add(text);
            }

            var project = match.Groups["file"].Value.Trim();
            if (project.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            {
                var full = Path.GetFullPath(project, folder);
                if (!byProject.TryGetValue(full, out var list))
                {
                    byProject.Add(full, list = []);
                }

                if (!list.Contains(text))
                {
                    list.Add(text);
                }
            }
        }

        if (exitCode != 0 && errors.Count == 0)
        {
            errors.Add(FirstLine(output) is { Length: > 0 } first ? first : $"dotnet restore exited with code {exitCode}");
        }

        return new RestoreResult(exitCode == 0 ? "restored" : "failed", errors, byProject, notes);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, string file, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(file);
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-v:q");
        foreach (var pair in properties)
        {
            start.ArgumentList.Add($"-p:{pair.Key}={pair.Value}");
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout.ConfigureAwait(false) + "\n" + await stderr.ConfigureAwait(false));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (-1, "dotnet restore could not be started: " + e.Message);
        }
    }

    /// <summary>The dotnet host to run: the one running this tool when it is dotnet, else the SDK's, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var process = Environment.ProcessPath;
        if (process != null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string? SdkNotFound(string output)
    {
        var match = SdkNotFoundLine().Match(output);
        return match.Success ? match.Groups["version"].Value : null;
    }

    private static string FirstLine(string text) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;

    [GeneratedRegex(@"^(?<file>.*?)\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<text>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"(?:Requested SDK version|A compatible \.NET SDK was not found)[\s\S]*?(?:version|Requested SDK version)\s*:?\s*\[?(?<version>\d+\.\d+\.\d+[-\w.]*)")]
    private static partial Regex SdkNotFoundLine();
}
