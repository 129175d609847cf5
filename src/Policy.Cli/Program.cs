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
                MSBuildLocator.RegisterDefaults();
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine("policy: no .NET SDK found to load projects with (" + e.Message + "). Install the .NET SDK 8 or later.");
                return ExitCodes.BadInput;
            }
        }

        return CommandLine.Run(args);
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
