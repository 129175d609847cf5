using Policy.Model.Controls;
using Policy.Model.Declarations;
using Policy.Model.Rules;
using Policy.Inventory;

namespace Policy.Evidence;

/// <summary>The status of one control for one AI system.</summary>
public enum CoverageStatus
{
    /// <summary>No rule that maps to the control applies to the system.</summary>
    NotApplicable,

    /// <summary>A declaration evidences the control.</summary>
    Evidenced,

    /// <summary>An active exemption (risk acceptance) covers the gap.</summary>
    Exempted,

    /// <summary>An open (or baselined) finding says the evidence is missing.</summary>
    Missing,
}

/// <summary>One cell of the coverage matrix: the status and where it comes from.</summary>
public sealed record CoverageCell(CoverageStatus Status, IReadOnlyList<SourceRef> Sources, IReadOnlyList<string> Rules)
{
    /// <summary>The findings behind a missing or exempted cell (the AI-BOM's counter-evidence).</summary>
    public IReadOnlyList<FindingRecord> Findings { get; init; } = [];

    /// <summary>The declarations behind an evidenced cell (the AI-BOM's evidence).</summary>
    public IReadOnlyList<DeclarationRecord> Declarations { get; init; } = [];
}

/// <summary>
/// Control coverage per system, derived from the evidence model: a control is missing when a finding of a rule that
/// maps to it is open (or baselined) for the system, exempted when such a finding is exempted, evidenced when a
/// declaration that evidences such a rule (the catalogue's <c>EvidencedBy</c>) is present, and not applicable otherwise.
/// </summary>
public static class Coverage
{
    /// <summary>The frameworks in matrix order.</summary>
    public static IReadOnlyList<Framework> Frameworks { get; } = [Framework.Iso42001, Framework.Iso27001, Framework.EuAiAct, Framework.NistAiRmf, Framework.AnnexSl];

    /// <summary>The controls of a framework that at least one rule maps to.</summary>
    public static IReadOnlyList<Control> Controls(Framework framework) =>
        ControlCatalogue.All.Where(c => c.Framework == framework && RulesOf(c).Count > 0).ToList();

    /// <summary>The rules that map to a control.</summary>
    public static IReadOnlyList<string> RulesOf(Control control) =>
        RuleCatalogue.All.Where(r => r.Controls.Contains(control)).Select(r => r.Id).ToList();

    /// <summary>The status of a control for a system.</summary>
    public static CoverageCell Of(Control control, SystemRecord system, InventoryDocument document)
    {
        var rules = RulesOf(control);
        var findings = document.Findings.Where(f => Concerns(f, system) && rules.Contains(f.RuleId)).ToList();
        var open = findings.Where(f => f.State is "open" or "baselined").ToList();
        if (open.Count > 0)
        {
            return new CoverageCell(CoverageStatus.Missing, Sources(open.Select(f => f.Source)), open.Select(f => f.RuleId).Distinct().ToList()) { Findings = open };
        }

        var exempted = findings.Where(f => f.State == "exempted").ToList();
        if (exempted.Count > 0)
        {
            return new CoverageCell(CoverageStatus.Exempted, Sources(exempted.Select(f => f.Source)), exempted.Select(f => f.RuleId).Distinct().ToList()) { Findings = exempted };
        }

        var kinds = rules.Select(r => RuleCatalogue.Get(r).EvidencedBy).OfType<DeclarationKind>().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        var declarations = system.Declarations.Where(d => kinds.Contains(d.Kind)).ToList();
        return declarations.Count > 0
            ? new CoverageCell(CoverageStatus.Evidenced, Sources(declarations.Select(d => d.Source)), []) { Declarations = declarations }
            : new CoverageCell(CoverageStatus.NotApplicable, [], []);
    }

    /// <summary>
    /// The status of a control outside the declared systems: missing when a finding of a rule that maps to it and
    /// belongs to no system (POL001 undeclared AI use, POL009, ...) is open or baselined, exempted when such findings
    /// are all exempted, not applicable otherwise (nothing outside a system evidences a control).
    /// </summary>
    public static CoverageCell OfApplication(Control control, InventoryDocument document)
    {
        var rules = RulesOf(control);
        var findings = document.Findings.Where(f => f.SystemId is null && rules.Contains(f.RuleId)).ToList();
        var open = findings.Where(f => f.State is "open" or "baselined").ToList();
        if (open.Count > 0)
        {
            return new CoverageCell(CoverageStatus.Missing, Sources(open.Select(f => f.Source)), open.Select(f => f.RuleId).Distinct().ToList()) { Findings = open };
        }

        var exempted = findings.Where(f => f.State == "exempted").ToList();
        return exempted.Count > 0
            ? new CoverageCell(CoverageStatus.Exempted, Sources(exempted.Select(f => f.Source)), exempted.Select(f => f.RuleId).Distinct().ToList()) { Findings = exempted }
            : new CoverageCell(CoverageStatus.NotApplicable, [], []);
    }

    /// <summary>
    /// True when a finding is about the system: same id and, in a merged pack (where two packs may declare the same
    /// id), from the same source pack.
    /// </summary>
    public static bool Concerns(FindingRecord finding, SystemRecord system) =>
        finding.SystemId == system.Id && (system.Origin is null || finding.Origin is null || finding.Origin.Pack == system.Origin.Pack);

    /// <summary>The word a status is printed as.</summary>
    public static string Word(CoverageStatus status) => status switch
    {
        CoverageStatus.Evidenced => "evidenced",
        CoverageStatus.Exempted => "exempted",
        CoverageStatus.Missing => "missing",
        _ => "not applicable",
    };

    private static List<SourceRef> Sources(IEnumerable<SourceRef?> sources) =>
        sources.OfType<SourceRef>().GroupBy(s => s.Path + ":" + s.Line).Select(g => g.First()).OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.Line).ToList();
}
