using Policy.Cli.Loading;
using Policy.Cli.Output;
using Policy.Evidence;
using Policy.Evidence.Handoff;
using Policy.Inventory;

namespace Policy.Cli.Commands;

/// <summary>
/// <c>policy diff</c>: the governance-relevant changes between two evidence packs, or between two git revisions of a
/// solution (each analysed in a temporary worktree exactly as <c>policy evidence</c> would). Exit 0: no changes;
/// 1: changes; 2: bad input.
/// </summary>
public sealed class DiffCommand(CommonOptions options, IReadOnlyList<string> inputs, string? from, string? to)
{
    /// <summary>Runs.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        PackDiffResult result;
        if (from != null || to != null)
        {
            if (from is null || to is null)
            {
                throw new UsageException("--from and --to go together: policy diff <solution-or-folder> --from <rev> --to <rev>.");
            }

            if (inputs.Count != 1)
            {
                throw new UsageException("with --from/--to, name one solution, project or folder (policy diff <solution-or-folder> --from <rev> --to <rev>).");
            }

            result = await Revisions(inputs[0], from, to, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (inputs.Count != 2)
            {
                throw new UsageException("name two evidence packs (policy diff <old-pack> <new-pack>), or one solution with --from <rev> --to <rev>.");
            }

            var old = PackReader.Read(inputs[0], "old pack");
            var @new = PackReader.Read(inputs[1], "new pack");
            result = PackDiff.Compare(old.Document, @new.Document, PackDiff.Side(inputs[0], old.Document, old.Provenance), PackDiff.Side(inputs[1], @new.Document, @new.Provenance));
        }

        switch (options.Format)
        {
            case "json":
                using (var stdout = Console.OpenStandardOutput())
                {
                    stdout.Write(PackDiff.Json(result));
                }

                break;
            case "md":
                Console.Out.Write(Escape(PackDiff.Markdown(result)));
                break;
            default:
                Console.Out.Write(Escape(PackDiff.Text(result)));
                break;
        }

        return result.Changed ? ExitCodes.Findings : ExitCodes.Success;
    }

    private async Task<PackDiffResult> Revisions(string path, string from, string to, CancellationToken outer)
    {
        // Ctrl+C and SIGTERM cancel the run however early they come (System.CommandLine's own handling starts later, and
        // a signal's default action would end the process with the worktrees still registered): the worktrees are
        // removed by the using below once the step under way (a git checkout, a restore) has stopped.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        void Cancel(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true;
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // A handler dispatched while the run was already ending: nothing left to cancel.
            }
        }

        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Cancel);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Cancel);
        var cancellationToken = cancellation.Token;

        var file = SolutionLoader.Resolve(path);
        using var git = new GitWorktrees(Path.GetDirectoryName(file)!);
        var real = DocumentReferences.RealPath(file) ?? file;
        var relative = Path.GetRelativePath(DocumentReferences.RealPath(git.Repository) ?? git.Repository, real);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new UsageException($"'{SafeText.Escape(path)}' is outside the git repository {SafeText.Escape(git.Repository)}.");
        }

        var fromCommit = git.Resolve(from);
        var toCommit = git.Resolve(to);
        var documents = new List<InventoryDocument>();
        foreach (var (commit, name) in new[] { (fromCommit, "from"), (toCommit, "to") })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var worktree = git.Add(commit, name);
            cancellationToken.ThrowIfCancellationRequested();
            var input = Path.Combine(worktree, relative);
            if (!File.Exists(input))
            {
                throw new UsageException($"'{SafeText.Escape(relative.Replace('\\', '/'))}' does not exist at revision {(name == "from" ? from : to)}.");
            }

            var date = options.AsOf ?? Git.CommitDate(worktree);
            using var progress = new Progress(options.Quiet);
            progress.Report($"Analysing {(name == "from" ? from : to)}");
            var run = await PolicyRun.ExecuteAsync(options with { Path = input }, date, progress, cancellationToken).ConfigureAwait(false);
            if (!run.Coverage.IsComplete && !options.Quiet)
            {
                Console.Error.WriteLine($"policy: revision {SafeText.Escape(name == "from" ? from : to)} was analysed partially ({run.Coverage.Partial.Count()} project(s) not fully analysed): changes there may be missing.");
            }

            documents.Add(run.Document);
        }

        return PackDiff.Compare(documents[0], documents[1], PackDiff.Side(from, documents[0]), PackDiff.Side(to, documents[1]));
    }

    private static string Escape(string text) => string.Join('\n', text.Split('\n').Select(SafeText.Escape));
}
