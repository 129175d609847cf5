using System.Text.Json;
using Policy.Cli.Loading;
using Policy.Cli.Output;
using Policy.Evidence;

namespace Policy.Cli.Commands;

/// <summary><c>policy inventory</c>: the AI systems with owner, risk, declarations and components.</summary>
public sealed class InventoryCommand(CommonOptions options)
{
    /// <summary>Runs.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        PolicyRun run;
        using (var progress = new Progress(options.Quiet))
        {
            run = await PolicyRun.ExecuteAsync(options, options.AsOf, progress, cancellationToken).ConfigureAwait(false);
        }

        var document = run.Document;
        if (options.Format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(document, EvidenceJson.Options));
            run.ReportCoverage(options.Quiet);
            return ExitCodes.Success;
        }

        var rows = document.Systems.Select(s => new[]
        {
            s.Id,
            s.Name,
            s.RiskLevel + (s.AutomatedDecisions ? ", automated decisions" : string.Empty) + (s.ProcessesPersonalData ? ", personal data" : string.Empty),
            s.Owner ?? "-",
            string.Join(", ", s.Declarations.Where(d => d.Kind != "AiSystem").Select(d => d.Kind).Distinct()),
            string.Join(", ", s.Components.Select(c => c.Type)),
            string.Join(", ", s.ObservedSdks.Select(o => o.Supplier).Distinct()),
        }).ToList();
        Table.Write(Console.Out, ["System", "Name", "Risk", "Owner", "Declarations", "Components", "Suppliers (observed)"], rows);
        if (document.Undeclared.Count > 0)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine("AI components in no declared system (POL001):");
            foreach (var component in document.Undeclared)
            {
                var suspected = component.Confidence == "suspected" ? " [suspected: unresolved]" : string.Empty;
                Console.Out.WriteLine(SafeText.Escape($"  {component.Type}  ({string.Join(", ", component.Files.Select(f => f.Path + ":" + f.Line))}) uses {string.Join(", ", component.Sdks.Select(s => s.Type))}{suspected}"));
            }
        }

        if (!run.Coverage.IsComplete)
        {
            Console.Out.WriteLine();
            Console.Out.WriteLine($"PARTIAL inventory: {run.Coverage.Partial.Count()} of {run.Coverage.Projects.Count} project(s) not fully analysed (see the coverage lines on stderr).");
        }

        run.ReportCoverage(options.Quiet);
        return ExitCodes.Success;
    }
}
