using System.Text;
using Policy.Model.Controls;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>controls.md: the control coverage matrix per framework, each cell with the file:line that evidences (or lacks) it.</summary>
public sealed class ControlsMarkdownWriter : IEvidenceWriter
{
    /// <inheritdoc />
    public string FileName => "controls.md";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        var md = new StringBuilder();
        md.Append("# Control coverage\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append("| Input | `").Append(Code(document.Input)).Append("` |\n");
        md.Append("| Commit | ").Append(document.Commit is null ? "unknown" : "`" + document.Commit + "`").Append(" |\n");
        md.Append("| Evaluation date | ").Append(document.EvaluationDate ?? "not set (date-based rules silent)").Append(" |\n");
        md.Append("| Tool | policy ").Append(Escape(document.ToolVersion)).Append(" |\n");
        md.Append("| AI systems | ").Append(document.Systems.Count).Append(" |\n\n");
        md.Append("Status per control and AI system: **evidenced** (a declaration in code evidences it), **missing** (an open or baselined finding), ");
        md.Append("**exempted** (an active, approved risk acceptance), **not applicable** (no rule that maps to the control applies). ");
        md.Append("Locations are repository-relative `path:line`. Controls that code cannot evidence (organisational processes) are not listed.\n\n");

        if (document.Systems.Count == 0)
        {
            md.Append("No AI system is declared.");
            if (document.Undeclared.Count > 0)
            {
                md.Append(' ').Append(document.Undeclared.Count).Append(" AI component(s) are in no declared system (POL001): every control below is missing for them.");
            }

            md.Append('\n');
        }

        foreach (var framework in Coverage.Frameworks)
        {
            md.Append("## ").Append(ControlCatalogue.DisplayName(framework)).Append("\n\n");
            md.Append("| Control | Title | Rules |");
            foreach (var system in document.Systems)
            {
                md.Append(' ').Append(Escape(system.Id)).Append(" |");
            }

            md.Append("\n|---|---|---|");
            foreach (var _ in document.Systems)
            {
                md.Append("---|");
            }

            md.Append('\n');
            foreach (var control in Coverage.Controls(framework))
            {
                md.Append("| ").Append(control.Id).Append(" | ").Append(Escape(control.Title)).Append(" | ").Append(string.Join(", ", Coverage.RulesOf(control))).Append(" |");
                foreach (var system in document.Systems)
                {
                    var cell = Coverage.Of(control, system, document);
                    md.Append(' ').Append(Coverage.Word(cell.Status));
                    if (cell.Rules.Count > 0)
                    {
                        md.Append(" (").Append(string.Join(", ", cell.Rules)).Append(')');
                    }

                    foreach (var source in cell.Sources.Take(3))
                    {
                        md.Append(" `").Append(Code(source.Path)).Append(':').Append(source.Line).Append('`');
                    }

                    md.Append(" |");
                }

                md.Append('\n');
            }

            md.Append('\n');
        }

        if (document.Exemptions.Count > 0)
        {
            md.Append("## Risk acceptances (exemptions)\n\n| Rule | On | Approved by | Expires | State | Justification | Where |\n|---|---|---|---|---|---|---|\n");
            foreach (var e in document.Exemptions)
            {
                md.Append("| ").Append(e.RuleId).Append(" | ").Append(Escape(e.Target)).Append(" | ").Append(Escape(e.ApprovedBy ?? "-")).Append(" | ")
                  .Append(Escape(e.Expires ?? "-")).Append(" | ").Append(e.State).Append(" | ").Append(Escape(e.Justification ?? "-")).Append(" | `")
                  .Append(Code(e.Source?.ToString() ?? "-")).Append("` |\n");
            }

            md.Append('\n');
        }

        var bytes = EvidencePack.Utf8.GetBytes(md.ToString());
        output.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Text inside a code span of a table cell.</summary>
    public static string Code(string text) => text.Replace("`", "'").Replace("|", "\\|").Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Escapes text for a Markdown table cell (values come from source code).</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '|': builder.Append("\\|"); break;
                case '\n': case '\r': builder.Append(' '); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '`': builder.Append('\''); break;
                case '*': case '_': case '[': case ']': case '\\': builder.Append('\\').Append(c); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
