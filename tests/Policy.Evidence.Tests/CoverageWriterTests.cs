using System.Text;
using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

/// <summary>Partial analysis in the pack: coverage in manifest.json and report.html, suspected entries marked everywhere.</summary>
public sealed class CoverageWriterTests
{
    private static readonly AnalysisCoverage Partial = new()
    {
        Restore = "failed",
        RestoreErrors = { "NU1101: Unable to find package OllamaSharp. No packages exist with this id in source(s): local" },
        Projects =
        {
            new ProjectCoverage("src/Api/Api.csproj", ProjectStatus.Complete) { SourceFiles = 12, SourceFilesAnalysed = 12, GeneratedFiles = 3, TargetFrameworks = { "net10.0" }, AnalysedTargetFrameworks = { "net10.0" } },
            new ProjectCoverage("src/Local/Local.csproj", ProjectStatus.ReferencesNotResolved, "restore failed: NU1101 <script>alert(1)</script>")
            {
                SourceFiles = 4, SourceFilesAnalysed = 4, GeneratedFiles = 1, CompileErrors = 3,
                FirstErrors = { "src/Local/LocalAssistant.cs(1): CS0246: The type or namespace name 'OllamaSharp' could not be found" },
                TargetFrameworks = { "net10.0", "netstandard2.0" }, AnalysedTargetFrameworks = { "net10.0", "netstandard2.0" },
            },
            new ProjectCoverage("src/Gone/Gone.csproj", ProjectCoverage.NotLoaded, "project file not found"),
        },
    };

    private static InventoryDocument Suspected()
    {
        var document = new InventoryDocument { Input = "App.sln", ToolVersion = "1.0.0", Projects = { "Local" } };
        var component = Documents.Component("Local.LocalAssistant", "Local", [Documents.Src("src/Local/LocalAssistant.cs", 5, 21)],
            Documents.Sdk("OllamaSharp.OllamaApiClient", "OllamaSharp", "Ollama (self-hosted)", "generative"));
        component.Confidence = "suspected";
        document.Undeclared.Add(component);
        var finding = Documents.Finding("POL001", "warning", "open", "'LocalAssistant' uses AI (OllamaSharp.OllamaApiClient, unresolved) but is not covered by [AiSystem] or [AiComponent]",
            Documents.Src("src/Local/LocalAssistant.cs", 5, 21), null, "T:Local.LocalAssistant", "Local", "public sealed class LocalAssistant");
        finding.Confidence = "suspected";
        document.Findings.Add(finding);
        return document;
    }

    private static string Text(IEvidenceWriter writer, InventoryDocument document, EvidenceContext context)
    {
        using var stream = new MemoryStream();
        writer.Write(document, context, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Manifest(InventoryDocument document, EvidenceContext context)
    {
        var folder = Directory.CreateTempSubdirectory("policy-coverage-").FullName;
        using var stream = new MemoryStream();
        new ManifestWriter(folder, []).Write(document, context, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static EvidenceContext Context => Write.Context with { Coverage = Partial };

    [Fact]
    public void Manifest_RecordsTheCoverage()
    {
        using var json = JsonDocument.Parse(Manifest(Suspected(), Context));
        var coverage = json.RootElement.GetProperty("coverage");
        Assert.False(coverage.GetProperty("complete").GetBoolean());
        Assert.Equal("failed", coverage.GetProperty("restore").GetString());
        Assert.Equal(16, coverage.GetProperty("sourceFiles").GetInt32());
        Assert.Equal(16, coverage.GetProperty("sourceFilesAnalysed").GetInt32());
        var projects = coverage.GetProperty("projects").EnumerateArray().Select(p => (p.GetProperty("path").GetString(), p.GetProperty("status").GetString())).ToList();
        Assert.Equal([("src/Api/Api.csproj", "loaded"), ("src/Local/Local.csproj", "references not resolved"), ("src/Gone/Gone.csproj", "not loaded")], projects);
        var local = coverage.GetProperty("projects")[1];
        Assert.Equal(["net10.0", "netstandard2.0"], local.GetProperty("targetFrameworks").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["net10.0", "netstandard2.0"], local.GetProperty("analysedTargetFrameworks").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(3, local.GetProperty("compileErrors").GetInt32());
    }

    [Fact]
    public void Manifest_WithoutCoverage_HasNone()
    {
        using var json = JsonDocument.Parse(Manifest(Suspected(), Write.Context));
        Assert.False(json.RootElement.TryGetProperty("coverage", out _));
    }

    [Fact]
    public void Report_HasBannerCoverageAndSuspectedMark_Escaped()
    {
        var html = Text(new HtmlReportWriter(), Suspected(), Context);
        Assert.Contains("<strong>Partial analysis.</strong>", html);
        Assert.Contains("<section id=\"coverage\">", html);
        Assert.Contains("suspected: the AI type did not resolve", html);
        Assert.Contains("references not resolved</span>: restore failed: NU1101 &lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);

        var complete = Text(new HtmlReportWriter(), Suspected(), Write.Context with { Coverage = new AnalysisCoverage { Projects = { new ProjectCoverage("a.csproj", ProjectStatus.Complete) } } });
        Assert.DoesNotContain("Partial analysis", complete);
    }

    [Fact]
    public async Task Sarif_CarriesConfidence_AndStaysValid()
    {
        var sarif = Text(new SarifWriter(), Suspected(), Context);
        Assert.Empty(Schemas.Errors(await Schemas.Sarif, sarif));
        using var json = JsonDocument.Parse(sarif);
        Assert.Equal("suspected", json.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("properties").GetProperty("confidence").GetString());
    }

    [Fact]
    public async Task AiBom_MarksSuspectedComponents_AndStaysValid()
    {
        var bom = Text(new CycloneDxWriter(), Suspected(), Context);
        Assert.Empty(Schemas.Errors(await Schemas.CycloneDx, bom));
        Assert.Contains("\"policy:suspectedAiComponent\"", bom);
        Assert.Contains("Local.LocalAssistant (suspected: OllamaSharp.OllamaApiClient did not resolve)", bom);
        Assert.DoesNotContain("policy:undeclaredAiComponent", bom);
    }
}
