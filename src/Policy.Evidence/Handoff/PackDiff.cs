using System.Globalization;
using System.Text;
using System.Text.Json;
using Policy.Model.Controls;
using Policy.Inventory;

namespace Policy.Evidence.Handoff;

/// <summary>One side of a diff: what was compared.</summary>
public sealed class DiffSide
{
    /// <summary>A pack folder as given, or a git revision as given (<c>--from</c>/<c>--to</c>).</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>The analysed input (solution or project, repository-relative).</summary>
    public string Input { get; set; } = string.Empty;

    /// <summary>The commit, when known.</summary>
    public string? Commit { get; set; }

    /// <summary>The evaluation date.</summary>
    public string? EvaluationDate { get; set; }

    /// <summary>The tool version that wrote the pack (or runs the analysis).</summary>
    public string ToolVersion { get; set; } = string.Empty;

    /// <summary>Analysis provenance from the manifest, when it has any (ruleset version, effective-policy hash).</summary>
    public SortedDictionary<string, string>? Provenance { get; set; }
}

/// <summary>One governance-relevant change (docs/cli.md "policy diff").</summary>
public sealed class DiffChange
{
    /// <summary>system, policy, declaration, component, tool, model, finding, exemption or control.</summary>
    public string Area { get; set; } = string.Empty;

    /// <summary>added, removed, changed, opened, closed, granted or expired.</summary>
    public string Change { get; set; } = string.Empty;

    /// <summary>The AI system concerned, when there is one.</summary>
    public string? System { get; set; }

    /// <summary>What changed, for example <c>riskLevel</c>, <c>[HumanOversight] on Loans.Approver</c> or <c>POL003</c>.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The old value (changed, removed, closed, expired).</summary>
    public string? Old { get; set; }

    /// <summary>The new value (changed, added, opened, granted).</summary>
    public string? New { get; set; }

    /// <summary>Where, <c>path:line</c> on the side that has it (the new side when both do).</summary>
    public string? Location { get; set; }
}

/// <summary>The result of <c>policy diff</c>: docs/schemas/diff.schema.json.</summary>
public sealed class PackDiffResult
{
    /// <summary>Version of the diff schema.</summary>
    public string SchemaVersion { get; set; } = "1.0";

    /// <summary>Always "policy".</summary>
    public string Tool { get; set; } = "policy";

    /// <summary>The old side.</summary>
    public DiffSide Old { get; set; } = new();

    /// <summary>The new side.</summary>
    public DiffSide New { get; set; } = new();

    /// <summary>True when <see cref="Changes"/> is not empty (exit code 1).</summary>
    public bool Changed { get; set; }

    /// <summary>Counts by area and change, for example <c>"finding opened": 2</c>.</summary>
    public SortedDictionary<string, int> Summary { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The changes, sorted by area, system, subject, change.</summary>
    public List<DiffChange> Changes { get; set; } = [];
}

/// <summary>
/// Compares two inventories and lists the governance-relevant changes. What counts (docs/cli.md): systems added or
/// removed; a system's risk level, flags, owner, purpose, name, intended use or data classes; the effective policy;
/// governance declarations added, removed or with changed values; components, tools (and their approval) and models
/// added or removed; findings opened, closed or changing state or severity (matched by SARIF fingerprint, never by
/// line); exemptions granted, expired, removed or changed; a control's coverage status for a system in both. What
/// does not count: locations (a declaration or finding moving lines), messages' wording, commit, tool version,
/// evaluation date, and what follows from the above (required/missing lists, observed SDKs).
/// </summary>
public static class PackDiff
{
    private static readonly string[] AreaOrder = ["system", "policy", "declaration", "component", "tool", "model", "finding", "exemption", "control"];

    /// <summary>Compares.</summary>
    public static PackDiffResult Compare(InventoryDocument old, InventoryDocument @new, DiffSide oldSide, DiffSide newSide)
    {
        var changes = new List<DiffChange>();
        var oldSystems = Keyed(old.Systems, s => s.Id);
        var newSystems = Keyed(@new.Systems, s => s.Id);
        foreach (var (key, system) in oldSystems.Where(p => !newSystems.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "system", Change = "removed", System = system.Id, Subject = system.Id, Old = Describe(system), Location = system.Source?.ToString() });
        }

        foreach (var (key, system) in newSystems.Where(p => !oldSystems.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "system", Change = "added", System = system.Id, Subject = system.Id, New = Describe(system), Location = system.Source?.ToString() });
        }

        foreach (var (key, a) in oldSystems)
        {
            if (newSystems.TryGetValue(key, out var b))
            {
                CompareSystem(a, b, old, @new, changes);
            }
        }

        ComparePolicy(old.Policy, @new.Policy, changes);
        CompareFindings(old, @new, changes);
        CompareExemptions(old.Exemptions, @new.Exemptions, changes);

        changes.Sort((x, y) =>
        {
            var c = Array.IndexOf(AreaOrder, x.Area).CompareTo(Array.IndexOf(AreaOrder, y.Area));
            if (c == 0) c = string.CompareOrdinal(x.System, y.System);
            if (c == 0) c = string.CompareOrdinal(x.Subject, y.Subject);
            if (c == 0) c = string.CompareOrdinal(x.Change, y.Change);
            if (c == 0) c = string.CompareOrdinal(x.Old, y.Old);
            if (c == 0) c = string.CompareOrdinal(x.New, y.New);
            return c;
        });

        var result = new PackDiffResult { Old = oldSide, New = newSide, Changes = changes, Changed = changes.Count > 0 };
        foreach (var change in changes)
        {
            var key = change.Area + " " + change.Change;
            result.Summary[key] = result.Summary.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        return result;
    }

    /// <summary>The side of a document (label as given).</summary>
    public static DiffSide Side(string label, InventoryDocument document, IReadOnlyDictionary<string, string>? provenance = null) => new()
    {
        Label = label,
        Input = document.Input,
        Commit = document.Commit,
        EvaluationDate = document.EvaluationDate,
        ToolVersion = document.ToolVersion,
        Provenance = provenance is { Count: > 0 } ? new SortedDictionary<string, string>(provenance.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal) : null,
    };

    private static void CompareSystem(SystemRecord a, SystemRecord b, InventoryDocument oldDocument, InventoryDocument newDocument, List<DiffChange> changes)
    {
        void Field(string name, string? x, string? y)
        {
            if (!string.Equals(x ?? string.Empty, y ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(new DiffChange { Area = "system", Change = "changed", System = b.Id, Subject = name, Old = x, New = y, Location = b.Source?.ToString() });
            }
        }

        Field("name", a.Name, b.Name);
        Field("purpose", a.Purpose, b.Purpose);
        Field("owner", a.Owner, b.Owner);
        Field("riskLevel", a.RiskLevel, b.RiskLevel);
        Field("intendedUse", a.IntendedUse, b.IntendedUse);
        Field("automatedDecisions", Bool(a.AutomatedDecisions), Bool(b.AutomatedDecisions));
        Field("processesPersonalData", Bool(a.ProcessesPersonalData), Bool(b.ProcessesPersonalData));
        Field("interactsWithPeople", Bool(a.InteractsWithPeople), Bool(b.InteractsWithPeople));
        Field("generatesSyntheticContent", Bool(a.GeneratesSyntheticContent), Bool(b.GeneratesSyntheticContent));
        Field("dataClasses", string.Join(", ", a.DataClasses.Order(StringComparer.Ordinal)), string.Join(", ", b.DataClasses.Order(StringComparer.Ordinal)));

        // Governance declarations ([AiSystem] itself is the fields above), keyed by kind and the symbol they stand on.
        var oldDeclarations = Keyed(a.Declarations.Where(d => d.Kind != "AiSystem"), d => d.Kind + " on " + d.Target);
        var newDeclarations = Keyed(b.Declarations.Where(d => d.Kind != "AiSystem"), d => d.Kind + " on " + d.Target);
        foreach (var (key, d) in oldDeclarations.Where(p => !newDeclarations.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "declaration", Change = "removed", System = b.Id, Subject = Subject(d), Old = Values(d), Location = d.Source?.ToString() });
        }

        foreach (var (key, d) in newDeclarations.Where(p => !oldDeclarations.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "declaration", Change = "added", System = b.Id, Subject = Subject(d), New = Values(d), Location = d.Source?.ToString() });
        }

        foreach (var (key, x) in oldDeclarations)
        {
            if (!newDeclarations.TryGetValue(key, out var y))
            {
                continue;
            }

            foreach (var name in x.Values.Keys.Union(y.Values.Keys).Order(StringComparer.Ordinal))
            {
                var before = x.Values.GetValueOrDefault(name);
                var after = y.Values.GetValueOrDefault(name);
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    changes.Add(new DiffChange { Area = "declaration", Change = "changed", System = b.Id, Subject = Subject(y) + " " + name, Old = before, New = after, Location = y.Source?.ToString() });
                }
            }
        }

        AddedRemoved("component", b.Id, a.Components, b.Components, c => c.Type, c => c.Type, c => c.Files.FirstOrDefault()?.ToString(), changes);

        var oldTools = Keyed(a.Tools, t => t.Name + " (" + t.Method + ")");
        var newTools = Keyed(b.Tools, t => t.Name + " (" + t.Method + ")");
        AddedRemoved("tool", b.Id, a.Tools, b.Tools, t => t.Name + " (" + t.Method + ")", t => "approval: " + t.Approval, t => t.Source?.ToString(), changes);
        foreach (var (key, x) in oldTools)
        {
            if (newTools.TryGetValue(key, out var y) && x.Approval != y.Approval)
            {
                changes.Add(new DiffChange { Area = "tool", Change = "changed", System = b.Id, Subject = key + " approval", Old = x.Approval, New = y.Approval, Location = y.Source?.ToString() });
            }
        }

        AddedRemoved("model", b.Id, a.Models, b.Models, ModelName, m => "via " + m.Api, m => m.Source?.ToString(), changes, distinct: true);

        // Control coverage of a system in both: the status per control, as controls.md prints it.
        foreach (var framework in Coverage.Frameworks)
        {
            foreach (var control in Coverage.Controls(framework))
            {
                var before = Coverage.Of(control, a, oldDocument).Status;
                var after = Coverage.Of(control, b, newDocument).Status;
                if (before != after)
                {
                    changes.Add(new DiffChange { Area = "control", Change = "changed", System = b.Id, Subject = ControlCatalogue.DisplayName(framework) + " " + control.Id, Old = Coverage.Word(before), New = Coverage.Word(after) });
                }
            }
        }
    }

    private static void ComparePolicy(SortedDictionary<string, string> a, SortedDictionary<string, string> b, List<DiffChange> changes)
    {
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var before = a.GetValueOrDefault(key);
            var after = b.GetValueOrDefault(key);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new DiffChange { Area = "policy", Change = before is null ? "added" : after is null ? "removed" : "changed", Subject = key, Old = before, New = after });
            }
        }
    }

    private static void CompareFindings(InventoryDocument old, InventoryDocument @new, List<DiffChange> changes)
    {
        var oldFindings = old.Findings.Zip(PackReader.FindingKeys(old)).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
        var newFindings = @new.Findings.Zip(PackReader.FindingKeys(@new)).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);
        foreach (var (key, f) in oldFindings.Where(p => !newFindings.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "finding", Change = "closed", System = f.SystemId, Subject = f.RuleId, Old = f.State + " " + f.Severity + ": " + f.Message, Location = f.Source?.ToString() });
        }

        foreach (var (key, f) in newFindings.Where(p => !oldFindings.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "finding", Change = "opened", System = f.SystemId, Subject = f.RuleId, New = f.State + " " + f.Severity + ": " + f.Message, Location = f.Source?.ToString() });
        }

        foreach (var (key, x) in oldFindings)
        {
            if (newFindings.TryGetValue(key, out var y) && (x.State != y.State || x.Severity != y.Severity))
            {
                changes.Add(new DiffChange { Area = "finding", Change = "changed", System = y.SystemId, Subject = y.RuleId, Old = x.State + " " + x.Severity, New = y.State + " " + y.Severity, Location = y.Source?.ToString() });
            }
        }
    }

    private static void CompareExemptions(List<ExemptionRecord> a, List<ExemptionRecord> b, List<DiffChange> changes)
    {
        static string Key(ExemptionRecord e) => e.RuleId + " on " + e.Target;
        static string? SystemOf(ExemptionRecord e) => e.Systems.Count == 0 ? null : string.Join(", ", e.Systems.Order(StringComparer.Ordinal));
        static string Terms(ExemptionRecord e) => $"{e.State}; approved by {e.ApprovedBy ?? "-"}; expires {e.Expires ?? "-"}; {e.Justification ?? "-"}";
        var oldExemptions = Keyed(a, Key);
        var newExemptions = Keyed(b, Key);
        foreach (var (key, e) in oldExemptions.Where(p => !newExemptions.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "exemption", Change = "removed", System = SystemOf(e), Subject = key, Old = Terms(e), Location = e.Source?.ToString() });
        }

        foreach (var (key, e) in newExemptions.Where(p => !oldExemptions.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = "exemption", Change = e.State == "active" ? "granted" : "added", System = SystemOf(e), Subject = key, New = Terms(e), Location = e.Source?.ToString() });
        }

        foreach (var (key, x) in oldExemptions)
        {
            if (!newExemptions.TryGetValue(key, out var y) || Terms(x) == Terms(y))
            {
                continue;
            }

            var change = x.State == "active" && y.State != "active" ? (y.State is "expired" or "malformed-expiry" ? "expired" : "changed")
                : x.State != "active" && y.State == "active" ? "granted"
                : "changed";
            changes.Add(new DiffChange { Area = "exemption", Change = change, System = SystemOf(y), Subject = key, Old = Terms(x), New = Terms(y), Location = y.Source?.ToString() });
        }
    }

    private static void AddedRemoved<T>(string area, string system, IEnumerable<T> a, IEnumerable<T> b, Func<T, string> key, Func<T, string> describe, Func<T, string?> location, List<DiffChange> changes, bool distinct = false)
    {
        var x = Keyed(a, key, distinct);
        var y = Keyed(b, key, distinct);
        foreach (var (k, item) in x.Where(p => !y.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = area, Change = "removed", System = system, Subject = k, Old = describe(item), Location = location(item) });
        }

        foreach (var (k, item) in y.Where(p => !x.ContainsKey(p.Key)))
        {
            changes.Add(new DiffChange { Area = area, Change = "added", System = system, Subject = k, New = describe(item), Location = location(item) });
        }
    }

    /// <summary>Items by key; a repeated key gets " #2", " #3" (in document order), unless <paramref name="distinct"/> keeps the first only.</summary>
    private static SortedDictionary<string, T> Keyed<T>(IEnumerable<T> items, Func<T, string> key, bool distinct = false)
    {
        var result = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (result.ContainsKey(k))
            {
                if (distinct)
                {
                    continue;
                }

                var n = 2;
                while (result.ContainsKey(k + " #" + n.ToString(CultureInfo.InvariantCulture)))
                {
                    n++;
                }

                k += " #" + n.ToString(CultureInfo.InvariantCulture);
            }

            result[k] = item;
        }

        return result;
    }

    private static string ModelName(ModelRecord m) => m.Provider + " " + (m.Model ?? "from configuration: " + m.ConfigurationKey);

    private static string Subject(DeclarationRecord d) => "[" + d.Kind + "] on " + d.Target;

    private static string Values(DeclarationRecord d) => string.Join("; ", d.Values.Select(p => p.Key + " = " + p.Value));

    private static string Describe(SystemRecord s) =>
        $"{s.Name}; risk {s.RiskLevel}; owner {s.Owner ?? "-"}" + (s.AutomatedDecisions ? "; automated decisions" : string.Empty) + (s.ProcessesPersonalData ? "; personal data" : string.Empty);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The JSON output (deterministic bytes: sorted, "\n" line ends, no time stamp).</summary>
    public static byte[] Json(PackDiffResult result)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result, EvidenceJson.Options);
        return [.. bytes, (byte)'\n'];
    }

    /// <summary>Markdown for a pull request comment.</summary>
    public static string Markdown(PackDiffResult result)
    {
        var md = new StringBuilder();
        md.Append("## AI governance changes\n\n");
        md.Append("| | old | new |\n|---|---|---|\n");
        md.Append("| Compared | ").Append(Cell(result.Old.Label)).Append(" | ").Append(Cell(result.New.Label)).Append(" |\n");
        md.Append("| Input | ").Append(Code(result.Old.Input)).Append(" | ").Append(Code(result.New.Input)).Append(" |\n");
        md.Append("| Commit | ").Append(Code(result.Old.Commit)).Append(" | ").Append(Code(result.New.Commit)).Append(" |\n");
        md.Append("| Evaluation date | ").Append(Cell(result.Old.EvaluationDate ?? "-")).Append(" | ").Append(Cell(result.New.EvaluationDate ?? "-")).Append(" |\n");
        foreach (var key in (result.Old.Provenance?.Keys ?? Enumerable.Empty<string>()).Union(result.New.Provenance?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            md.Append("| ").Append(Cell(key)).Append(" | ").Append(Code(result.Old.Provenance?.GetValueOrDefault(key))).Append(" | ").Append(Code(result.New.Provenance?.GetValueOrDefault(key))).Append(" |\n");
        }

        md.Append('\n');
        if (!result.Changed)
        {
            md.Append("No changes: nothing governance-relevant changed.\n");
            return md.ToString();
        }

        md.Append("**").Append(result.Changes.Count).Append(" governance-relevant change(s)**: ");
        md.Append(string.Join(", ", result.Summary.Select(p => p.Value + " " + p.Key))).Append(".\n\n");
        md.Append("| Area | Change | System | Subject | Old | New | Where |\n|---|---|---|---|---|---|---|\n");
        foreach (var c in result.Changes)
        {
            md.Append("| ").Append(c.Area).Append(" | ").Append(c.Change).Append(" | ").Append(Cell(c.System ?? "-")).Append(" | ").Append(Cell(c.Subject))
                .Append(" | ").Append(Cell(c.Old ?? "-")).Append(" | ").Append(Cell(c.New ?? "-")).Append(" | ").Append(c.Location is null ? "-" : Code(c.Location)).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>The console table (columns aligned; values shortened to keep lines readable).</summary>
    public static string Text(PackDiffResult result)
    {
        var text = new StringBuilder();
        text.Append("old: ").Append(result.Old.Label).Append(" (").Append(result.Old.Input).Append(result.Old.Commit is null ? string.Empty : " @ " + Short(result.Old.Commit)).Append(")\n");
        text.Append("new: ").Append(result.New.Label).Append(" (").Append(result.New.Input).Append(result.New.Commit is null ? string.Empty : " @ " + Short(result.New.Commit)).Append(")\n\n");
        if (!result.Changed)
        {
            text.Append("no changes: nothing governance-relevant changed.\n");
            return text.ToString();
        }

        string[] headers = ["Area", "Change", "System", "Subject", "Old -> New"];
        var rows = result.Changes.Select(c => new[]
        {
            c.Area, c.Change, c.System ?? "-", Clip(c.Subject, 60),
            c.Old is null ? Clip(c.New ?? "-", 70) : c.New is null ? Clip(c.Old, 70) : Clip(c.Old, 33) + " -> " + Clip(c.New, 33),
        }).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells) => text.Append(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])))).Append('\n');
        Row(headers);
        Row(widths.Select(w => new string('-', w)).ToArray());
        rows.ForEach(Row);
        text.Append('\n').Append(result.Changes.Count).Append(" governance-relevant change(s): ").Append(string.Join(", ", result.Summary.Select(p => p.Value + " " + p.Key))).Append(".\n");
        return text.ToString();
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string Clip(string value, int max)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }

    private static string Code(string? value) => value is null ? "-" : "`" + value.ReplaceLineEndings(" ").Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>A table cell: no line breaks, pipes and markup characters escaped (values come from code under review).</summary>
    private static string Cell(string value)
    {
        var builder = new StringBuilder();
        foreach (var ch in value.ReplaceLineEndings(" "))
        {
            if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }
}
