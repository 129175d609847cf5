using System.Diagnostics;
using System.Globalization;

namespace Policy.Cli.Loading;

/// <summary>
/// Ends the MSBuildWorkspace BuildHost child processes of this process that are still running when the CLI ends.
/// Disposing the workspace shuts them down; a BuildHost that was still starting when the run was cancelled (Ctrl+C,
/// SIGTERM) is not known to the workspace yet and would outlive the CLI: it is killed by its process id.
/// Linux only (it reads /proc); elsewhere disposing the workspace is all.
/// </summary>
public static class BuildHosts
{
    /// <summary>Kills every child process of this process whose command line names the BuildHost.</summary>
    public static void EndChildren()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            foreach (var folder in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                var stat = Read(Path.Combine(folder, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || close + 2 >= stat.Length)
                {
                    continue;
                }

                // "pid (comm) state ppid ...": the command name may hold spaces, so the fields start after the last ')'.
                var fields = stat[(close + 2)..].Split(' ');
                if (fields.Length < 2 || fields[1] != self || !Read(Path.Combine(folder, "cmdline")).Contains("BuildHost", StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Already gone.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
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
}
