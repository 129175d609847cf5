using System.Text;
using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

/// <summary>Issue 18 at writer level: escaping in inventory.csv, no source text in inventory.json, coverage in the manifest.</summary>
public sealed class SafetyWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("bell\u0007", "bell\\u0007")]
    [InlineData("tab\tnew\nline\r", "tab\\u0009new\\u000aline\\u000d")]
    [InlineData("c1\u009b", "c1\\u009b")]
    [InlineData("\u202eevil\u2066", "\\u202eevil\\u2066")]
    [InlineData("del\u007f", "del\\u007f")]
    [InlineData("ünïcødé, 中文", "ünïcødé, 中文")]
    public void Escape_MakesControlCharactersVisible(string value, string expected) => Assert.Equal(expected, SafeText.Escape(value));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("  =cmd", "'  =cmd")]
    [InlineData("\t=cmd", "\\u0009=cmd")]
    [InlineData("a=b", "a=b")]
    public void CsvCell_NeutralisesFormulas(string value, string expected) => Assert.Equal(expected, SafeText.CsvCell(value));

    [Fact]
    public void InventoryCsv_EscapesAndNeutralisesEveryCell()
    {
        var document = Documents.Realistic();
        document.Systems[0].Name = "Evil\u001b]0;title\u0007";
        document.Systems[0].Owner = "=HYPERLINK(\"http://example.com\")";
        document.Systems[0].Purpose = "line one\nline two";
        var csv = Write.Text(new InventoryCsvWriter(), document);
        Assert.DoesNotContain(csv, c => c is '\u001b' or '\u0007');
        Assert.Contains("Evil\\u001b]0;title\\u0007", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.com\"\")\"", csv);
        Assert.Contains("line one\\u000aline two", csv);
        Assert.Equal(document.Systems.Count + document.Undeclared.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void InventoryJson_HoldsNoSourceLine()
    {
        var document = Documents.Realistic();
        Assert.Contains(document.Findings, f => f.LineText.Length > 0);
        document.Findings[0].LineText = "var key = \"sk-live-secret\"; var c = new OpenAIClient(key);";
        var json = Write.Text(new InventoryJsonWriter(), document);
        Assert.DoesNotContain("sk-live-secret", json);
        Assert.DoesNotContain("lineText", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.StartsWith("2.", parsed.RootElement.GetProperty("schemaVersion").GetString()); // 2.0 dropped lineText; 2.1 only added fields
    }

    [Fact]
    public void Manifest_SaysWhichProjectsWereNotAnalysed()
    {
        var folder = Directory.CreateTempSubdirectory("policy-manifest-").FullName;
        var context = new EvidenceContext(folder, [], [new ProjectCoverage("src/App/App.csproj", ProjectCoverage.Loaded), new ProjectCoverage("src/Gone/Gone.csproj", ProjectCoverage.NotLoaded, "project file not found")]);
        using var stream = new MemoryStream();
        new ManifestWriter(folder, []).Write(Documents.Realistic(), context, stream);
        using var manifest = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var coverage = manifest.RootElement.GetProperty("coverage");
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        var gone = coverage.GetProperty("projects")[1];
        Assert.Equal("src/Gone/Gone.csproj", gone.GetProperty("path").GetString());
        Assert.Equal("not loaded", gone.GetProperty("status").GetString());
        Assert.Equal("project file not found", gone.GetProperty("reason").GetString());
    }

    [Fact]
    public void PackFiles_RecognisesOnlyOurManifest()
    {
        var folder = Directory.CreateTempSubdirectory("policy-pack-").FullName;
        Assert.Null(EvidencePack.PackFiles(folder));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"tool\": \"other\", \"schemaVersion\": \"1.0\", \"files\": []}");
        Assert.Null(EvidencePack.PackFiles(folder));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"tool\": \"policy\", \"schemaVersion\": \"1.0\", \"files\": [{\"name\": \"../escape\"}]}");
        Assert.Null(EvidencePack.PackFiles(folder));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "not json");
        Assert.Null(EvidencePack.PackFiles(folder));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), "{\"tool\": \"policy\", \"schemaVersion\": \"1.1\", \"files\": [{\"name\": \"inventory.json\"}]}");
        Assert.Equal(["inventory.json", "manifest.json"], EvidencePack.PackFiles(folder)!.Order(StringComparer.Ordinal));
    }
}
