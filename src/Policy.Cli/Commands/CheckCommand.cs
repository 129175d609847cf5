using System.Text.Json;
using Policy.Cli.Loading;
using Policy.Cli.Output;
using Policy.Evidence;

namespace Policy.Cli.Commands;

/// <summary><c>policy check</c>: the findings, like the build, as a table or JSON.</summary>
public sealed class CheckCommand(CommonOptions options)
{
    /// <summary>Runs; exit 1 when an open finding is at error severity.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        PolicyRun run;
        using (var progress = new Progress(options.Quiet))
        {
            run = await PolicyRun.ExecuteAsync(options, options.AsOf, progress, cancellationToken).ConfigureAwait(false);
        }

        var findings = run.Document.Findings;
        if (options.Format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(findings, EvidenceJson.Options));
        }
        else
        {
            var rows = findings.Select(f => new[]
            {
                f.RuleId,
                f.State == "open" ? f.Severity : f.Severity + " (" + f.State + ")",
                f.SystemId ?? "-",
                (f.Source is null ? "-" : f.Source.Path + ":" + f.Source.Line) + (f.TargetFrameworks is { Count: > 0 } frameworks ? " [" + string.Join(", ", frameworks) + " only]" : string.Empty),
                f.Message,
            }).ToList();
            Table.Write(Console.Out, ["Rule", "Severity", "System", "Location", "Message"], rows);
            var open = findings.Count(f => f.State == "open");
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{findings.Count} finding(s): {open} open, {findings.Count(f => f.State == "baselined")} baselined, {findings.Count(f => f.State == "exempted")} exempted; " +
                                  $"{run.Document.Systems.Count} AI system(s) in {run.Document.Projects.Count} project(s)" +
                                  (run.Coverage.IsComplete ? "." : $" (PARTIAL: {run.Coverage.Partial.Count()} project(s) not fully analysed, see below)."));
        }

        run.ReportCoverage(options.Quiet);
        return findings.Any(f => f.State == "open" && f.Severity == "error") ? ExitCodes.Findings : ExitCodes.Success;
    }
}
