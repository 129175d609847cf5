using Policy.Cli.Loading;
using Policy.Cli.Output;
using Policy.Model.Baseline;

namespace Policy.Cli.Commands;

/// <summary>
/// <c>policy baseline</c>: writes policy.baseline.txt beside each project from today's findings; an existing file only
/// shrinks (entries that no longer match are removed, new findings are not added) unless --force rewrites it.
/// </summary>
public sealed class BaselineCommand(CommonOptions options, bool force)
{
    private static readonly HashSet<string> NotBaselinable = new(StringComparer.Ordinal) { "POL022", "POL090", "POL030" };

    /// <summary>Runs.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        PolicyRun run;
        using (var progress = new Progress(options.Quiet))
        {
            run = await PolicyRun.ExecuteAsync(options, options.AsOf, progress, cancellationToken).ConfigureAwait(false);
        }

        foreach (var result in run.Projects)
        {
            var folder = Path.GetDirectoryName(result.Project.FilePath!)!;
            var file = Path.Combine(folder, PolicyBaseline.FileName);

            // A project analysed only partly would lose the entries of findings its unbound code hides: leave its
            // baseline alone (the baseline only shrinks, and it must not shrink on evidence the tool could not see).
            var coverage = run.Coverage.Projects.FirstOrDefault(p => p.Path == PolicyRun.Relative(run.RepositoryRoot, result.Project.FilePath!));
            if (coverage != null && coverage.Status != Policy.Evidence.ProjectStatus.Complete)
            {
                Console.Error.WriteLine(Policy.Evidence.SafeText.Escape($"policy: warning: {PolicyRun.Relative(run.RepositoryRoot, file)} left unchanged: the project was not analysed completely ({PolicyRun.StatusWords(coverage)})."));
                continue;
            }
            var current = run.Document.Findings
                .Where(f => f.Project == result.Compilation.AssemblyName && f.SymbolId != null && f.State != "exempted" && !NotBaselinable.Contains(f.RuleId))
                .Select(f => PolicyBaseline.Key(f.RuleId, f.SymbolId!))
                .ToHashSet(StringComparer.Ordinal);

            List<string> entries;
            var existed = File.Exists(file);
            if (existed && !force)
            {
                entries = File.ReadAllLines(file)
                    .Select(l => l.Split('#')[0].Trim())
                    .Where(l => l.Length > 0)
                    .Select(l => string.Join(' ', l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)))
                    .Where(current.Contains)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
            }
            else
            {
                entries = current.ToList();
            }

            entries.Sort(StringComparer.Ordinal);
            if (entries.Count == 0 && !existed)
            {
                continue;
            }

            var text = "# Policy.Analyzers baseline: existing findings accepted for gradual adoption (reported at info severity).\n" +
                       "# One finding a line: POLxxx <documentation id>. Entries that no longer match are reported (POL022): the baseline only shrinks.\n" +
                       string.Concat(entries.Select(e => e + "\n"));
            File.WriteAllText(file, text);
            Console.Out.WriteLine($"{PolicyRun.Relative(run.RepositoryRoot, file)}: {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}{(existed && !force ? " (shrunk)" : string.Empty)}");
        }

        run.ReportCoverage(options.Quiet);
        return ExitCodes.Success;
    }
}
