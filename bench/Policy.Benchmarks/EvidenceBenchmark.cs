using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Policy.Benchmarks;

/// <summary>
/// `policy evidence` against `dotnet build` of the same generated project, out of process, paired rounds (A B A B):
/// wall time and peak resident memory of each command's whole process tree (MSBuild, the compiler and the tool),
/// sampled from /proc every 50 ms. A = `dotnet build --no-incremental` with Policy.Analyzers loaded (cold compiler,
/// as in the build mode); B = `policy evidence` (the CLI from src/Policy.Cli, Release) writing a pack to a temp folder.
/// </summary>
public static class EvidenceBenchmark
{
    public sealed record Sample(double Seconds, double PeakMiB, int ExitCode);

    /// <summary>The CLI (src/Policy.Cli, Release), built first when it is missing.</summary>
    public static string CliPath()
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Policy.Cli", "bin", "Release", "net10.0", "policy.dll");
        if (!File.Exists(dll))
        {
            var build = Measure(root, "dotnet", "build", Path.Combine(root, "src", "Policy.Cli", "Policy.Cli.csproj"), "-c", "Release", "-nologo", "-v:q");
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException("could not build src/Policy.Cli (Release) for the evidence benchmark");
            }
        }

        return dll;
    }

    public static (Sample Build, Sample Evidence) Round(string directory, string cli)
    {
        var build = Measure(directory, "dotnet", "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-v:q", "-p:WithPolicy=true");
        var output = Path.Combine(Path.GetTempPath(), "policy-bench-pack-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var evidence = Measure(directory, "dotnet", cli, "evidence", Path.Combine(directory, "Corpus.csproj"), "--out", output, "--as-of", "2026-11-27", "--quiet");
        if (build.ExitCode != 0 || evidence.ExitCode != 0)
        {
            throw new InvalidOperationException($"evidence benchmark: dotnet build exited {build.ExitCode}, policy evidence exited {evidence.ExitCode} (logs in {directory})");
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        return (build, evidence);
    }

    /// <summary>Runs a command; wall time and the peak of the summed resident memory of its process tree.</summary>
    public static Sample Measure(string directory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.WaitForExit(50))
        {
            peak = Math.Max(peak, TreeResidentBytes(process.Id));
        }

        process.WaitForExit();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        File.WriteAllText(Path.Combine(directory, "last-" + Path.GetFileNameWithoutExtension(arguments[0]) + "-measured.log"), output.ToString());
        return new Sample(seconds, peak / 1024.0 / 1024.0, process.ExitCode);
    }

    /// <summary>The resident memory of a process and all its descendants (Linux /proc; 0 elsewhere).</summary>
    private static long TreeResidentBytes(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        long total = 0;
        foreach (var pid in parents.Keys)
        {
            if (!IsDescendant(pid, root, parents))
            {
                continue;
            }

            try
            {
                var statm = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
                total += long.Parse(statm[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            catch (IOException)
            {
            }
        }

        return total;
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var current = pid; current > 1; current = parents.TryGetValue(current, out var parent) ? parent : 0)
        {
            if (current == root)
            {
                return true;
            }
        }

        return false;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Policy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (Policy.Analyzers.sln) above " + AppContext.BaseDirectory);
    }
}
