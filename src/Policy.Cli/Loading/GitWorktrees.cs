using System.Diagnostics;

namespace Policy.Cli.Loading;

/// <summary>
/// Checks out git revisions into detached worktrees in a temporary folder outside the user's repository
/// (<c>git worktree add --detach</c>), for <c>policy diff --from/--to</c>. Never touches the user's working tree or
/// index; every worktree is removed again on dispose, on failure and on Ctrl+C (and at process exit as a last resort).
/// </summary>
public sealed class GitWorktrees : IDisposable
{
    private static readonly List<GitWorktrees> Live = [];
    private readonly string _repository;
    private readonly string _folder;
    private readonly List<string> _worktrees = [];

    // Held while git adds a worktree and while they are removed: a removal (Ctrl+C, SIGTERM, process exit) waits
    // for an add in progress instead of racing it, and no worktree is added after the removal.
    private readonly object _gate = new();
    private bool _disposed;

    static GitWorktrees()
    {
        // SIGTERM before the verb's own cleanup ran, or a cancelled run that outlived System.CommandLine's termination
        // timeout: the process exits, and this removes what is left (copied out of the lock: Dispose takes it too).
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            List<GitWorktrees> live;
            lock (Live)
            {
                live = [.. Live];
            }

            foreach (var worktrees in live)
            {
                worktrees.Dispose();
            }
        };
    }

    /// <summary>Opens the repository holding <paramref name="folder"/>; exit 2 when it is not in a git repository.</summary>
    public GitWorktrees(string folder)
    {
        _repository = Run(folder, "rev-parse", "--show-toplevel").Output
            ?? throw new UsageException($"'{Policy.Evidence.SafeText.Escape(folder)}' is not in a git repository: --from/--to compare git revisions (or compare two evidence packs: policy diff <old-pack> <new-pack>).");
        _folder = Path.Combine(Path.GetTempPath(), "policy-diff-" + Guid.NewGuid().ToString("N")[..12]);
        lock (Live)
        {
            Live.Add(this);
        }
    }

    /// <summary>The repository's top-level folder.</summary>
    public string Repository => _repository;

    /// <summary>The full commit id a revision names; exit 2 when the repository does not know it.</summary>
    public string Resolve(string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.StartsWith('-'))
        {
            throw new UsageException($"'{Policy.Evidence.SafeText.Escape(revision)}' is not a git revision.");
        }

        return Run(_repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}").Output
            ?? throw new UsageException($"git revision '{Policy.Evidence.SafeText.Escape(revision)}' is not known in {Policy.Evidence.SafeText.Escape(_repository)}.");
    }

    /// <summary>Checks out <paramref name="commit"/> into a new detached worktree and returns its folder.</summary>
    public string Add(string commit, string name)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                throw new OperationCanceledException();
            }

            var target = Path.Combine(_folder, name);
            Directory.CreateDirectory(_folder);
            _worktrees.Add(target);
            var result = Run(_repository, "worktree", "add", "--detach", "--quiet", target, commit);
            if (result.Output is null)
            {
                throw new UsageException($"git could not check out {commit[..Math.Min(12, commit.Length)]} into a temporary worktree ({Policy.Evidence.SafeText.Escape(result.Error)}).");
            }

            return target;
        }
    }

    /// <summary>Removes every worktree made here and the temporary folder; best effort, never throws.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var worktree in _worktrees)
            {
                Run(_repository, "worktree", "remove", "--force", worktree);
            }

            try
            {
                if (Directory.Exists(_folder))
                {
                    Directory.Delete(_folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a temporary folder outside the repository.
            }

            if (_worktrees.Count > 0)
            {
                Run(_repository, "worktree", "prune");
            }

            _worktrees.Clear();
        }

        lock (Live)
        {
            Live.Remove(this);
        }
    }

    private static (string? Output, string Error) Run(string folder, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, "git did not start");
            }

            var error = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(60_000);
            var message = error.Result.Split('\n')[0].Trim();
            return (process.ExitCode == 0 ? text : null, message);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, "git is not available: " + e.Message);
        }
    }
}
