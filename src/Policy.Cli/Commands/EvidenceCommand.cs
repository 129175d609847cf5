using System.Globalization;
using Policy.Cli.Loading;
using Policy.Cli.Output;
using Policy.Evidence;

namespace Policy.Cli.Commands;

/// <summary><c>policy evidence</c>: writes the evidence pack, atomically and deterministically.</summary>
public sealed class EvidenceCommand(CommonOptions options, string output)
{
    /// <summary>Runs.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Every input is validated before any work, and nothing is created until the pack is written.
        var resolved = SolutionLoader.Resolve(options.Path);
        var target = EvidencePack.CheckTarget(output);
        var epoch = SourceDateEpoch();
        var folder = Path.GetDirectoryName(resolved)!;
        var date = options.AsOf ?? epoch ?? Git.CommitDate(folder);

        PolicyRun run;
        using (var progress = new Progress(options.Quiet))
        {
            run = await PolicyRun.ExecuteAsync(options, date, progress, cancellationToken).ConfigureAwait(false);
            progress.Report("Writing the evidence pack");
            EvidencePack.Write(run.Document, run.Context, target);
        }

        if (!options.Quiet)
        {
            var d = run.Document;
            var partial = run.Coverage.IsComplete ? string.Empty : $" PARTIAL: {run.Coverage.Partial.Count()} project(s) not fully analysed; {d.Undeclared.Count(u => u.Confidence == "suspected")} suspected AI component(s).";
            Console.Error.WriteLine($"policy: evidence pack written to {SafeText.Escape(output)}: {d.Systems.Count} AI system(s), {d.Findings.Count(f => f.State == "open")} open finding(s), evaluation date {d.EvaluationDate ?? "not set"}.{partial}");
        }

        run.ReportCoverage(options.Quiet);

        return ExitCodes.Success;
    }

    private static DateTime? SourceDateEpoch()
    {
        var value = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // DateTimeOffset takes 0001-01-01 to 9999-12-31; before 1970 is no build date either.
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            throw new UsageException($"SOURCE_DATE_EPOCH '{SafeText.Escape(value)}' is not a number of seconds since 1970-01-01 (up to 253402300799, the end of 9999).");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.Date;
    }
}
