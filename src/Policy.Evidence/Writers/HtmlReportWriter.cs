using System.Net;
using System.Text;
using Policy.Model.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>report.html: one self-contained page for auditors (no external assets, no scripts); every value from source is escaped.</summary>
public sealed class HtmlReportWriter : IEvidenceWriter
{
    /// <inheritdoc />
    public string FileName => "report.html";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AI governance evidence</title></head><body>\n");
        html.Append("<h1>AI governance evidence</h1>\n<ul>\n");
        foreach (var system in document.Systems)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(system.Name)).Append("</li>\n");
        }

        html.Append("</ul>\n</body></html>\n");
        var bytes = EvidencePack.Utf8.GetBytes(html.ToString());
        output.Write(bytes, 0, bytes.Length);
    }
}
