using System.Text;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>
/// inventory.csv: one row per AI system, then one per AI type in no system (POL001's subjects), RFC 4180 quoting, for
/// spreadsheets. The last two columns say how sure the entry is (<c>confirmed</c>, or <c>suspected</c> when the AI use
/// was seen only in names that did not resolve) and what it is (<c>system</c> or <c>undeclared</c>).
/// </summary>
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
            .. Declarations.Select(d => d.ToLowerInvariant()), "required", "missing", "components", "suppliers_observed", "models", "tools", "open_findings", "declared_at", "confidence", "entry",
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
                Confidence(system),
                "system",
                // A merged pack (policy merge): where the row comes from, and whether another pack declares the same id.
                .. (document.Sources is null ? Array.Empty<string>() : [system.Origin?.Pack ?? string.Empty, system.Origin?.Commit ?? string.Empty, system.Origin?.Input ?? string.Empty, system.Conflict == true ? "true" : "false"]),
            ]);
        }

        // AI types in no system: the inventory's gaps (POL001), with what they use; the system columns stay empty.
        foreach (var type in document.Undeclared)
        {
            Row(text,
            [
                string.Empty, type.Type, type.Project, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                .. Declarations.Select(_ => string.Empty),
                string.Empty,
                string.Empty,
                type.Type,
                string.Join("; ", type.Sdks.Select(s => s.Supplier).Distinct(StringComparer.Ordinal)),
                string.Empty,
                string.Empty,
                document.Findings.Count(f => f.SymbolId == type.SymbolId && f.State == "open" && (type.Origin is null || f.Origin?.Pack == type.Origin.Pack)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                type.Files.Count > 0 ? type.Files[0].ToString() : string.Empty,
                type.Confidence ?? "confirmed",
                "undeclared",
                .. (document.Sources is null ? Array.Empty<string>() : [type.Origin?.Pack ?? string.Empty, type.Origin?.Commit ?? string.Empty, type.Origin?.Input ?? string.Empty, string.Empty]),
            ]);
        }

        var bytes = EvidencePack.Utf8.GetBytes(text.ToString());
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>A declared system is suspected only when all the AI use its components show is names that did not resolve.</summary>
    private static string Confidence(SystemRecord system)
    {
        var usingAi = system.Components.Where(c => c.Sdks.Count > 0).ToList();
        return usingAi.Count > 0 && usingAi.TrueForAll(c => c.Confidence == "suspected") ? "suspected" : "confirmed";
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
