using Microsoft.Build.Locator;

namespace Policy.Cli;

/// <summary>Entry point of the <c>policy</c> tool.</summary>
public static class Program
{
    /// <summary>Locates MSBuild from the user's SDK before any MSBuild type is loaded, then runs the command line.</summary>
    public static int Main(string[] args)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Loading.BuildHosts.EndChildren();
        try
        {
            return Run(args);
        }
        catch (Exception e)
        {
            // Last line of defence: whatever escaped the verbs is one line and exit 3, details with --verbose.
            var verbose = args.Contains("--verbose", StringComparer.Ordinal);
            return CommandLine.Fail(verbose, e, CommandLine.InternalError(e, verbose), ExitCodes.InternalError);
        }
        finally
        {
            // A BuildHost still starting when the run was cancelled is unknown to the workspace: end it with the CLI.
            Loading.BuildHosts.EndChildren();
        }
    }

    private static int Run(string[] args)
    {
        if (!MSBuildLocator.IsRegistered)
        {
            try
            {
                SdkVersion = MSBuildLocator.RegisterDefaults().Version?.ToString();
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                // A global.json here pins an SDK that is not installed: roll forward to the newest installed SDK, as the
                // dotnet host does with rollForward, and say so in the coverage.
                var newest = RollForward();
                if (newest is null)
                {
                    Console.Error.WriteLine("policy: no .NET SDK found to load projects with (" + FirstLine(e.Message) + "). Install the .NET SDK 8 or later.");
                    return ExitCodes.BadInput;
                }

                MSBuildLocator.RegisterInstance(newest);
                SdkVersion = newest.Version?.ToString();
                SdkNote = $"the global.json in effect asks for an SDK that is not installed ({FirstLine(e.Message)}): rolled forward to the installed .NET SDK {newest.Version}.";
            }
        }

        return CommandLine.Run(args);
    }

    /// <summary>The version of the .NET SDK whose MSBuild loads the projects.</summary>
    public static string? SdkVersion { get; private set; }

    /// <summary>Set when the SDK was rolled forward past a global.json pin; reported in the coverage notes.</summary>
    public static string? SdkNote { get; private set; }

    private static VisualStudioInstance? RollForward()
    {
        try
        {
            // Queried from the tool's own folder, where no global.json applies.
            return MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = AppContext.BaseDirectory,
                })
                .OrderByDescending(i => i.Version)
                .FirstOrDefault();
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("Requested SDK version", StringComparison.Ordinal))
            {
                return trimmed;
            }
        }

        return text.Split('\n')[0].Trim();
    }
}

/// <summary>Documented exit codes (README, docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Success; no open finding at error severity.</summary>
    public const int Success = 0;

    /// <summary>Open findings at error severity (policy check).</summary>
    public const int Findings = 1;

    /// <summary>Bad input: missing path, not a project, load or restore failure, unwritable or refused output, invalid option.</summary>
    public const int BadInput = 2;

    /// <summary>Internal error (a bug): one line on stderr, the details with --verbose.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled (Ctrl+C, SIGTERM): nothing was written.</summary>
    public const int Cancelled = 130;
}

/// <summary>A problem with the user's input: reported as one line, exit code 2, nothing written.</summary>
public sealed class UsageException(string message) : Exception(message);
