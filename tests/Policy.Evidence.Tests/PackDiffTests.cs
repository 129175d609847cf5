using Policy.Evidence.Handoff;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

/// <summary>PackDiff.Compare on hand-built models: each area's change, and what is not a change.</summary>
public sealed class PackDiffTests
{
    private static InventoryDocument Document(Action<InventoryDocument>? change = null)
    {
        var document = new InventoryDocument { Input = "App.sln", ToolVersion = "1.0.0" };
        document.Policy["policy.risk.high.require"] = "HumanOversight";
        var system = new SystemRecord { Id = "loans", Name = "Loans", RiskLevel = "High", Owner = "credit", Source = new SourceRef { Path = "src/Loans.cs", Line = 10, Column = 14 } };
        var oversight = new DeclarationRecord { Kind = "HumanOversight", Target = "Loans", Source = new SourceRef { Path = "src/Loans.cs", Line = 11, Column = 2 } };
        oversight.Values["Role"] = "Credit officer";
        system.Declarations.Add(oversight);
        system.Tools.Add(new ToolRecord { Name = "approve", Method = "Loans.Approve", Approval = "ApprovalRequiredAIFunction", ApprovalGated = true });
        system.Models.Add(new ModelRecord { Provider = "OpenAI", Model = "gpt-4o", Api = "GetChatClient" });
        document.Systems.Add(system);
        document.Findings.Add(new FindingRecord { RuleId = "POL010", Severity = "warning", Message = "unclassified", SystemId = "loans", Fingerprint = "aaaa", Source = new SourceRef { Path = "src/Loans.cs", Line = 40, Column = 9 } });
        document.Exemptions.Add(new ExemptionRecord { RuleId = "POL003", Target = "Loans", State = "active", ApprovedBy = "board", Justification = "pilot", Expires = "2026-12-31", Systems = ["loans"] });
        change?.Invoke(document);
        return document;
    }

    private static List<(string Area, string Change, string Subject, string? Old, string? New)> Changes(InventoryDocument old, InventoryDocument @new) =>
        PackDiff.Compare(old, @new, PackDiff.Side("old", old), PackDiff.Side("new", @new)).Changes.Select(c => (c.Area, c.Change, c.Subject, c.Old, c.New)).ToList();

    [Fact]
    public void Same_model_moved_to_other_lines_is_no_change()
    {
        var moved = Document(d =>
        {
            d.Commit = new string('1', 40);
            d.EvaluationDate = "2027-01-01";
            d.Systems[0].Source!.Line = 20;
            d.Systems[0].Declarations[0].Source!.Line = 21;
            d.Findings[0].Source!.Line = 99;
            d.Findings[0].Message = "reworded";
        });
        var result = PackDiff.Compare(Document(), moved, PackDiff.Side("a", Document()), PackDiff.Side("b", moved));
        Assert.False(result.Changed);
        Assert.Empty(result.Changes);
        Assert.Contains("no changes", PackDiff.Text(result));
    }

    [Fact]
    public void Each_area_reports_its_change()
    {
        var changed = Document(d =>
        {
            d.Policy["policy.risk.high.require"] = "HumanOversight,BiasEvaluation";
            d.Systems[0].Declarations[0].Values["Role"] = "Risk committee";
            d.Systems[0].Tools[0].Approval = "none";
            d.Systems[0].Models[0].Model = "gpt-5";
            d.Findings[0].Fingerprint = "bbbb";
            d.Exemptions[0].State = "expired";
        });
        var changes = Changes(Document(), changed);
        Assert.Contains(("policy", "changed", "policy.risk.high.require", "HumanOversight", "HumanOversight,BiasEvaluation"), changes);
        Assert.Contains(("declaration", "changed", "[HumanOversight] on Loans Role", "Credit officer", "Risk committee"), changes);
        Assert.Contains(("tool", "changed", "approve (Loans.Approve) approval", "ApprovalRequiredAIFunction", "none"), changes);
        Assert.Contains(changes, c => c is { Area: "model", Change: "removed", Subject: "OpenAI gpt-4o" });
        Assert.Contains(changes, c => c is { Area: "model", Change: "added", Subject: "OpenAI gpt-5" });
        Assert.Contains(changes, c => c is { Area: "finding", Change: "closed", Subject: "POL010" });
        Assert.Contains(changes, c => c is { Area: "finding", Change: "opened", Subject: "POL010" });
        Assert.Contains(changes, c => c is { Area: "exemption", Change: "expired", Subject: "POL003 on Loans" });
        Assert.Equal(8, changes.Count);
    }

    [Fact]
    public void Systems_added_and_removed_and_exemptions_granted()
    {
        var old = Document(d => d.Exemptions.Clear());
        var @new = Document(d => d.Systems[0].Id = "loans-v2");
        var changes = Changes(old, @new);
        Assert.Contains(changes, c => c is { Area: "system", Change: "removed", Subject: "loans" });
        Assert.Contains(changes, c => c is { Area: "system", Change: "added", Subject: "loans-v2" });
        Assert.Contains(changes, c => c is { Area: "exemption", Change: "granted", Subject: "POL003 on Loans" });
    }

    [Fact]
    public void Json_is_deterministic_and_markdown_escapes_values_from_code()
    {
        var hostile = Document(d => d.Systems[0].Owner = "a | b `c` <script>");
        var first = PackDiff.Json(PackDiff.Compare(Document(), hostile, PackDiff.Side("a", Document()), PackDiff.Side("b", hostile)));
        var second = PackDiff.Json(PackDiff.Compare(Document(), hostile, PackDiff.Side("a", Document()), PackDiff.Side("b", hostile)));
        Assert.Equal(first, second);
        var md = PackDiff.Markdown(PackDiff.Compare(Document(), hostile, PackDiff.Side("a", Document()), PackDiff.Side("b", hostile)));
        var row = Assert.Single(md.Split('\n'), l => l.StartsWith("| system | changed", StringComparison.Ordinal));
        Assert.Equal(7, row.Split(" | ").Length); // seven cells: the pipe inside the value is escaped
        Assert.Contains("a \\| b \\`c\\` \\<script\\>", row);
    }
}
