using System.Diagnostics;

namespace Policy.Evidence.Tests;

/// <summary>A real headless Chromium (Debian's <c>chromium</c> package), found on PATH or through POLICY_CHROMIUM.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    private static readonly Lazy<string?> Location = new(Find);

    /// <summary>The executable, or null when none is installed.</summary>
    public static string? Path => Location.Value;

    /// <summary>True in CI (CI=true), where a missing Chromium is a failure, not a skip.</summary>
    public static bool RequiredByCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string MissingMessage =
        "Chromium is not installed (Debian: apt-get install -y chromium; or set POLICY_CHROMIUM to the browser's path). " +
        "Skipped locally; in CI (CI=true) a missing Chromium fails this test.";

    /// <summary>Runs the browser with the flags of a hermetic, offline headless session plus <paramref name="arguments"/>; returns standard output.</summary>
    public static string Run(string userDataDir, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(MissingMessage))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + userDataDir,
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 s: " + string.Join(' ', arguments));
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("Chromium exited with " + process.ExitCode + ": " + stderr.Result);
        }

        return stdout.Result;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("POLICY_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Names)
        {
            foreach (var folder in folders)
            {
                var candidate = System.IO.Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// A fact that needs Chromium: skipped with a clear message when none is installed, except in CI (CI=true), where it
/// runs and fails. (xunit 2 has no dynamic skip; the attribute decides at discovery.)
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.RequiredByCi)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
