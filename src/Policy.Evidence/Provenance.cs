using System.Security.Cryptography;
using System.Text;
using Policy.Inventory;
using Policy.Model.Rules;

namespace Policy.Evidence;

/// <summary>
/// What the CLI knows about a run beyond the model (manifest.json <c>provenance</c>): the working tree's state and the
/// effective configuration the analyzers saw. Null in an <see cref="EvidenceContext"/> built without the CLI.
/// </summary>
public sealed class AnalysisProvenance
{
    /// <summary>True when a tracked file differs from the commit or a file the analysis read is not in git; null when unknown (no git).</summary>
    public bool? Dirty { get; init; }

    /// <summary>The changes that make the tree dirty, as <c>git status</c> writes them (<c>M path</c>, <c>?? path</c>), sorted.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>
    /// The effective configuration, one line per fact, project-scoped (<c>project &lt;name&gt; severity POL001=error</c>,
    /// <c>project &lt;name&gt; option policy.x=v</c>, <c>project &lt;name&gt; preset=default</c>, ...): see docs/evidence-format.md.
    /// </summary>
    public IReadOnlyList<string> Configuration { get; init; } = [];
}

/// <summary>
/// The analysis provenance of a pack: the ruleset version and the SHA-256 of the effective policy, each computed over
/// lines written into the manifest, so an auditor recomputes them with
/// <c>jq -r '.provenance.effectivePolicy.lines[]' manifest.json | sha256sum</c> (every line followed by "\n", UTF-8).
/// </summary>
public static class Provenance
{
    /// <summary>How many lines of <see cref="AnalysisProvenance.Changes"/> the manifest lists at most.</summary>
    public const int MaxChanges = 50;

    /// <summary>
    /// One line per rule of the catalogue, by id: id, default severity, category, who reports it, the controls it maps
    /// to, the declaration it requires and the declaration that evidences it, whether an exemption may suppress it.
    /// </summary>
    public static IReadOnlyList<string> RulesetLines() =>
        RuleCatalogue.All.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r =>
            r.Id +
            " severity=" + r.DefaultSeverity.ToString().ToLowerInvariant() +
            " category=" + r.Category +
            " reporter=" + r.ReportedBy +
            " controls=" + string.Join(",", r.ControlTags) +
            " requires=" + (r.RequiredDeclaration?.ToString() ?? "-") +
            " evidencedBy=" + (r.EvidencedBy?.ToString() ?? "-") +
            " exemptible=" + (r.Exemptible ? "true" : "false")).ToList();

    /// <summary>The SHA-256 (lowercase hex) of the lines, each followed by "\n", UTF-8.</summary>
    public static string Sha256(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(new UTF8Encoding(false).GetBytes(text.ToString()))).ToLowerInvariant();
    }

    /// <summary>
    /// The ruleset version: the tool version, "+rules.", and the first 12 hex digits of the ruleset's SHA-256 (two tool
    /// versions with the same catalogue share the hash part).
    /// </summary>
    public static string RulesetVersion(string toolVersion) =>
        (string.IsNullOrEmpty(toolVersion) ? "0.0.0" : toolVersion) + "+rules." + Sha256(RulesetLines())[..12];

    /// <summary>
    /// The effective policy: <c>ruleset sha256=&lt;hash&gt;</c> first, then, sorted (ordinal), <c>policy &lt;key&gt;=&lt;value&gt;</c>
    /// for the pack's policy in force and the CLI's project-scoped configuration lines. Control characters are escaped,
    /// so no line breaks inside a line. The evaluation date and the tool version are not part of it (they are listed
    /// beside it): the same configuration gives the same hash on any day and with any tool version that has the same catalogue.
    /// </summary>
    public static IReadOnlyList<string> EffectivePolicyLines(InventoryDocument document, AnalysisProvenance? provenance)
    {
        var lines = document.Policy.Select(p => "policy " + p.Key + "=" + p.Value)
            .Concat(provenance?.Configuration ?? [])
            .Select(SafeText.Escape)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        lines.Insert(0, "ruleset sha256=" + Sha256(RulesetLines()));
        return lines;
    }
}
