using System.Text;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>inventory.csv: one row per AI system, RFC 4180 quoting, for spreadsheets.</summary>
public sealed class InventoryCsvWriter : IEvidenceWriter
{
    private static readonly string[] Declarations = [.. Policy.Model.Rules.RuleCatalogue.RequiredKinds.Select(k => k.ToString())];

    /// <inheritdoc />
    public string FileName => "inventory.csv";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        var text = new StringBuilder();
        Row(text, ["id", "name", "project", "risk_level", "owner", "purpose", "intended_use", "automated_decisions", "processes_personal_data",
            .. Declarations.Select(d => d.ToLowerInvariant()), "required", "missing", "components", "suppliers_observed", "models", "tools", "open_findings", "declared_at",
            .. (document.Sources is null ? Array.Empty<string>() : ["source_pack", "source_commit", "source_input", "conflict"])]);
        foreach (var system in document.Systems)
        {
            var present = system.Declarations.Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
            Row(text,
            [
                system.Id, system.Name, system.Project, system.RiskLevel, system.Owner ?? string.Empty, system.Purpose ?? string.Empty, system.IntendedUse ?? string.Empty,
                system.AutomatedDecisions ? "true" : "false", system.ProcessesPersonalData ? "true" : "false",
                // "observed": event logging evidenced by telemetry built in the system's code, which POL015 accepts.
                .. Declarations.Select(d => present.Contains(d) ? "yes" : d == "EventLogging" && system.EventLogging.Exists(e => e.Evidence == "observed") ? "observed" : "no"),
                string.Join("; ", system.Required),
                string.Join("; ", system.Missing),
                string.Join("; ", system.Components.Select(c => c.Type)),
                string.Join("; ", system.ObservedSdks.Select(s => s.Supplier).Distinct(StringComparer.Ordinal)),
                string.Join("; ", system.Models.Select(m => m.Model ?? "configuration: " + m.ConfigurationKey).Distinct(StringComparer.Ordinal)),
                string.Join("; ", system.Tools.Select(t => t.Name + (t.ApprovalGated ? " (approval: " + t.Approval + ")" : " (no approval)"))),
                document.Findings.Count(f => Coverage.Concerns(f, system) && f.State == "open").ToString(System.Globalization.CultureInfo.InvariantCulture),
                system.Source?.ToString() ?? string.Empty,
                // A merged pack (policy merge): where the row comes from, and whether another pack declares the same id.
                .. (document.Sources is null ? Array.Empty<string>() : [system.Origin?.Pack ?? string.Empty, system.Origin?.Commit ?? string.Empty, system.Origin?.Input ?? string.Empty, system.Conflict == true ? "true" : "false"]),
            ]);
        }

        var bytes = EvidencePack.Utf8.GetBytes(text.ToString());
        output.Write(bytes, 0, bytes.Length);
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells)
    {
        text.Append(string.Join(",", cells.Select(Quote))).Append("\r\n");
    }

    private static string Quote(string value)
    {
        // Control characters escaped, spreadsheet formulas neutralised (CSV injection), then quoted per RFC 4180.
        value = SafeText.CsvCell(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
