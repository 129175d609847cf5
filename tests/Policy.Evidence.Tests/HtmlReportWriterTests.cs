using System.Text.RegularExpressions;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

public sealed class HtmlReportWriterTests
{
    private static string Html(InventoryDocument document) => Write.Text(new HtmlReportWriter(), document);

    [Fact]
    public void Page_is_self_contained_and_has_no_script_at_all()
    {
        foreach (var html in new[] { Html(Documents.Realistic()), Html(Documents.Hostile()), Html(new InventoryDocument()) })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<object", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<embed", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"\ssrc\s*=", RegexOptions.IgnoreCase), Tags(html));

            // No event handler attribute inside any tag.
            Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), Tags(html));

            // Links go to a section of the page or to a rule's documentation page, nowhere else.
            foreach (Match link in Regex.Matches(html, "href=\"([^\"]*)\""))
            {
                var target = link.Groups[1].Value;
                Assert.True(target.StartsWith('#') || Regex.IsMatch(target, "^https://github\\.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/POL[0-9]{3}\\.md$"), target);
            }
        }
    }

    [Fact]
    public void Content_security_policy_forbids_everything_but_inline_style_before_any_content()
    {
        var html = Html(Documents.Realistic());
        var csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        var at = html.IndexOf(csp, StringComparison.Ordinal);
        Assert.True(at > 0, "CSP meta missing");
        Assert.True(at < html.IndexOf("<style>", StringComparison.Ordinal), "CSP must come before the style sheet");
        Assert.True(at < html.IndexOf("<title>", StringComparison.Ordinal), "CSP must come before any other content");
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Payloads_in_values_appear_only_escaped()
    {
        var bytes = Write.Bytes(new HtmlReportWriter(), Documents.Hostile());
        var html = new System.Text.UTF8Encoding(false, true).GetString(bytes);

        Assert.DoesNotContain(Documents.ScriptPayload, html, StringComparison.Ordinal);
        Assert.DoesNotContain(Documents.AttributePayload, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);

        // Every occurrence of the handler name is inside escaped text.
        const string escaped = "&lt;img src=x onerror=alert(1)&gt;";
        var offset = escaped.IndexOf("onerror", StringComparison.Ordinal);
        foreach (Match match in Regex.Matches(html, "onerror"))
        {
            Assert.Equal(escaped, html.Substring(match.Index - offset, escaped.Length));
        }

        // Escaped in attribute values too (the generator meta carries the tool version).
        Assert.Contains("<meta name=\"generator\" content=\"policy 1.0.0&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">", html, StringComparison.Ordinal);

        // Where the values come from: system name, purpose, owner, declarations, findings, exemptions, undeclared, policy.
        Assert.Contains("<h3>Underwriting &lt;script&gt;alert(1)&lt;/script&gt;</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"purpose\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>", html, StringComparison.Ordinal);
        Assert.Contains("&#39;single&#39; &amp; &quot;double&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"msg\">Value &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_covers_text_and_attribute_contexts()
    {
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;", HtmlReportWriter.E("<a href=\"x\" title='y'>&amp;</a>"));
        Assert.Equal("a\uFFFDb\nc", HtmlReportWriter.E("a\u0000b\r\nc".Replace("\r\n", "\r")));
        Assert.Equal(string.Empty, HtmlReportWriter.E(null));
    }

    [Fact]
    public void Only_rule_ids_become_links()
    {
        Assert.Equal("https://github.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/POL002.md", HtmlReportWriter.RuleUrl("POL002"));
        Assert.Null(HtmlReportWriter.RuleUrl("javascript:alert(1)"));
        Assert.Null(HtmlReportWriter.RuleUrl("POL002\" onclick=\"x"));
        Assert.Null(HtmlReportWriter.RuleUrl("CS0001"));
    }

    [Fact]
    public void Summary_shows_input_commit_date_tool_and_counts()
    {
        var html = Html(Documents.Realistic());
        Assert.Contains("<h1>AI governance evidence report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<code>src/Contoso.Lending.sln</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b</code>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Evaluation date</dt><dd>2026-11-27</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<code>0.1.11-alpha</code>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"n\">2</div><div class=\"l\">AI systems</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"n\">5</div><div class=\"l\">Open findings</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"n\">1</div><div class=\"l\">Baselined findings</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"n\">1</div><div class=\"l\">Exempted findings</div>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"n\">2</div><div class=\"l\">Undeclared AI components</div>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void System_cards_show_facts_declarations_components_and_suppliers()
    {
        var html = Html(Documents.Realistic());
        Assert.Contains("<h3>Consumer loan underwriting</h3><code class=\"sysid\">loan-underwriting</code>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge risk risk-high\">High risk</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Owner</dt><dd>Credit Risk (credit-risk@example.com)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"chip on\">Automated decisions</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>ProtectedAttributes</dt><dd>age, sex, nationality</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<code class=\"where\">src/<wbr>Underwriting/<wbr>Governance/<wbr>Underwriting.cs:17</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>Contoso.<wbr>Lending.<wbr>Underwriting.<wbr>CreditRiskModel</code>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><strong>ONNX Runtime (local)</strong></td><td>ONNX Runtime</td><td>local-runtime</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td><strong>OpenAI</strong></td><td>OpenAI .NET SDK</td><td>generative</td>", html, StringComparison.Ordinal);

        // The limited-risk system lacks the oversight its policy requires.
        Assert.Contains("<span class=\"badge s-missing\">✗ HumanOversight</span>", html, StringComparison.Ordinal);
        Assert.Contains("Required but not declared: <code>[HumanOversight]</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_matrix_findings_exemptions_and_undeclared_components_are_listed()
    {
        var document = Documents.Realistic();
        var html = Html(document);
        foreach (var framework in Coverage.Frameworks)
        {
            Assert.Contains("<h3 class=\"framework\">" + HtmlReportWriter.E(Policy.Model.Controls.ControlCatalogue.DisplayName(framework)) + "</h3>", html, StringComparison.Ordinal);
        }

        // Art. 14 (human oversight): evidenced for underwriting, missing for the chat (POL002 open).
        var art14 = Regex.Match(html, "<tr><td class=\"nowrap\"><strong>Art\\. 14</strong>.*?</tr>").Value;
        Assert.Contains("<span class=\"badge s-evidenced\">evidenced</span>", art14, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge s-missing\">missing</span>", art14, StringComparison.Ordinal);

        // Findings table: one row per finding, rule linked to its page, state and location.
        Assert.Equal(document.Findings.Count, Regex.Matches(html, "<td class=\"msg\">").Count);
        Assert.Contains("<a class=\"rule\" href=\"https://github.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/POL002.md\">POL002</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge st-baselined\">baselined</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge st-exempted\">exempted</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sev sev-error\">error</span>", html, StringComparison.Ordinal);

        Assert.Contains("<h2>Risk acceptances (exemptions)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("CISO (ciso@example.com)", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge s-exempted\">active</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge s-missing\">expired</span>", html, StringComparison.Ordinal);

        Assert.Contains("<h2>Undeclared AI components</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>Contoso.<wbr>Lending.<wbr>Api.<wbr>Search.<wbr>LocalReranker</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_inventory_renders_every_section_with_a_clear_statement()
    {
        var html = Html(new InventoryDocument { Input = "app.csproj", ToolVersion = "1.0.0" });
        Assert.Contains("No findings:", html, StringComparison.Ordinal);
        Assert.Contains("No AI system is declared", html, StringComparison.Ordinal);
        Assert.Contains("No exemptions.", html, StringComparison.Ordinal);
        Assert.Contains("unknown (not a git checkout)", html, StringComparison.Ordinal);
        Assert.Contains("not set (date-based rules silent)", html, StringComparison.Ordinal);
    }

    /// <summary>The markup of the page without its text and attribute values: every "&lt;...&gt;" tag, values emptied, concatenated.</summary>
    private static string Tags(string html) =>
        string.Concat(Regex.Matches(html, "<[^>]*>").Select(m => Regex.Replace(m.Value, "=\"[^\"]*\"", "=\"\"")));
}
