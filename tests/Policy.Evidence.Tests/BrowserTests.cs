using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Policy.Evidence.Writers;
using Xunit.Abstractions;

namespace Policy.Evidence.Tests;

/// <summary>report.html in a real headless Chromium: the page renders, payloads stay text, nothing runs.</summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private const string TitlePayload = "<script>document.title='pwned';document.body.appendChild(document.createElement('pwned-by-script'))</script>";
    private const string OnErrorPayload = "\"><img src=x onerror=\"document.title='pwned';document.body.appendChild(document.createElement('pwned-by-onerror'))\">";

    [ChromiumFact]
    public void Report_renders_offline_and_payloads_stay_inert_text()
    {
        Assert.True(Chromium.Path != null, "CI=true, so the browser test is required. " + Chromium.MissingMessage);
        var folder = Directory.CreateTempSubdirectory("policy-report-browser-").FullName;
        var keep = Environment.GetEnvironmentVariable("POLICY_KEEP_BROWSER_ARTIFACTS") == "1";
        try
        {
            var document = Documents.Hostile(TitlePayload, OnErrorPayload);
            var report = Path.Combine(folder, "report.html");
            File.WriteAllBytes(report, Write.Bytes(new HtmlReportWriter(), document));
            var url = new Uri(report).AbsoluteUri;

            var dom = Chromium.Run(Path.Combine(folder, "profile-dom"), "--virtual-time-budget=2000", "--dump-dom", url);

            // Rendered: the headings of every section are in the DOM.
            foreach (var heading in new[]
            {
                "<h1>AI governance evidence report</h1>", "<h2>Summary</h2>", "<h2>AI systems</h2>", "<h2>Control coverage</h2>",
                "<h2>Findings</h2>", "<h2>Risk acceptances (exemptions)</h2>", "<h2>Undeclared AI components</h2>", "<h2>Policy in force</h2>",
            })
            {
                Assert.Contains(heading, dom, StringComparison.Ordinal);
            }

            Assert.Contains("<h3>Applicant support assistant</h3>", dom, StringComparison.Ordinal);

            // Payloads are text: the serialiser shows them escaped, exactly as written.
            Assert.Contains("&lt;script&gt;document.title='pwned';document.body.appendChild(document.createElement('pwned-by-script'))&lt;/script&gt;", dom, StringComparison.Ordinal);
            Assert.Contains("\"&gt;&lt;img src=x onerror=\"document.title='pwned';", dom, StringComparison.Ordinal);

            // Nothing ran: the title is unchanged, and no element was created by script or by a handler.
            Assert.Contains("<title>AI governance evidence report</title>", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("<pwned", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(AttributeNames(dom), name => name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.Contains("class", AttributeNames(dom));

            // The same number of elements as the file has tags (the parser may add tbody and implied tags, never remove ours).
            var written = Regex.Matches(File.ReadAllText(report), "<(h[1-4]|table|tr|td|th|section|article|svg|rect|code)[ >]").Count;
            var rendered = Regex.Matches(dom, "<(h[1-4]|table|tr|td|th|section|article|svg|rect|code)[ >]").Count;
            Assert.Equal(written, rendered);

            var screenshot = Path.Combine(folder, "report.png");
            Chromium.Run(Path.Combine(folder, "profile-shot"), "--window-size=1280,2400", "--screenshot=" + screenshot, url);
            var png = File.ReadAllBytes(screenshot);
            Assert.True(png.Length > 10_000, "screenshot is " + png.Length + " bytes");
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(2400, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            output.WriteLine("screenshot: " + screenshot + " (" + png.Length + " bytes)");
        }
        finally
        {
            foreach (var profile in Directory.GetDirectories(folder, "profile-*"))
            {
                Directory.Delete(profile, recursive: true);
            }

            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The names of every attribute of every tag of serialised HTML (attribute values are double-quoted with &amp;quot; inside).</summary>
    private static HashSet<string> AttributeNames(string html)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match tag in Regex.Matches(html, "<[a-zA-Z][a-zA-Z0-9-]*((?:\\s+[^\\s=>\"/]+(?:=\"[^\"]*\")?)*)\\s*/?>"))
        {
            foreach (Match attribute in Regex.Matches(tag.Groups[1].Value, "\\s+([^\\s=>\"/]+)(?:=\"[^\"]*\")?"))
            {
                names.Add(attribute.Groups[1].Value);
            }
        }

        return names;
    }
}
