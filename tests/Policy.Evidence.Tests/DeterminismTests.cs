using System.Globalization;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

public sealed class DeterminismTests
{
    public static TheoryData<string> WriterNames() => new(EvidencePack.Writers.Select(w => w.FileName));

    private static IEvidenceWriter Writer(string fileName) => EvidencePack.Writers.Single(w => w.FileName == fileName);

    [Theory]
    [MemberData(nameof(WriterNames))]
    public void Same_document_twice_gives_identical_bytes(string fileName)
    {
        foreach (var make in new Func<InventoryDocument>[] { Documents.Realistic, () => Documents.Hostile(), () => new InventoryDocument() })
        {
            Assert.Equal(Write.Bytes(Writer(fileName), make()), Write.Bytes(Writer(fileName), make()));
        }
    }

    [Theory]
    [MemberData(nameof(WriterNames))]
    public void Bytes_do_not_depend_on_the_current_culture(string fileName)
    {
        var invariant = Write.Bytes(Writer(fileName), Documents.Realistic());
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "ar-SA", "fa-IR", "sv-SE" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(invariant, Write.Bytes(Writer(fileName), Documents.Realistic()));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Whole_pack_twice_gives_identical_files_manifest_included()
    {
        var root = Directory.CreateTempSubdirectory("policy-pack-").FullName;
        try
        {
            var evaluation = Path.Combine(root, "repo", "docs", "evaluations");
            Directory.CreateDirectory(evaluation);
            File.WriteAllText(Path.Combine(evaluation, "credit-risk-bias-2025q3.md"), "# Bias evaluation\n");
            var context = new EvidenceContext(Path.Combine(root, "repo"), [Path.Combine(root, "repo")]);
            EvidencePack.Write(Documents.Realistic(), context, Path.Combine(root, "a"));
            EvidencePack.Write(Documents.Realistic(), context, Path.Combine(root, "b"));

            var names = Directory.GetFiles(Path.Combine(root, "a")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["aibom.cdx.json", "controls.md", "findings.sarif", "inventory.csv", "inventory.json", "manifest.json", "report.html"], names);
            Assert.Equal(names, Directory.GetFiles(Path.Combine(root, "b")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
            foreach (var name in names)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(root, "a", name!)), File.ReadAllBytes(Path.Combine(root, "b", name!)));
            }

            Assert.Contains("credit-risk-bias-2025q3.md", File.ReadAllText(Path.Combine(root, "a", ManifestWriter.ManifestFileName)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
