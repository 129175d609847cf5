using System.Security.Cryptography;
using System.Text.Json;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>
/// manifest.json: SHA-256 of every file of the pack and of every document the declarations reference (resolved
/// against the declaring project's folder, then the repository root), the tool version, the commit and the policy
/// in force. Written last.
/// </summary>
public sealed class ManifestWriter(string packFolder, IReadOnlyList<string> files)
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The manifest's schema version (docs/schemas/manifest.schema.json); 1.2 added <c>provenance</c>.</summary>
    public const string SchemaVersion = "1.2";

    /// <summary>Writes the manifest.</summary>
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        using var json = new Utf8JsonWriter(output, EvidenceJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteString("tool", "policy");
        json.WriteString("toolVersion", document.ToolVersion);
        if (document.Commit != null)
        {
            json.WriteString("commit", document.Commit);
        }

        json.WriteString("input", document.Input);
        if (document.EvaluationDate != null)
        {
            json.WriteString("evaluationDate", document.EvaluationDate);
        }

        WriteProvenance(json, document, context.Provenance);
        json.WriteStartArray("files");
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(Path.Combine(packFolder, file));
            json.WriteStartObject();
            json.WriteString("name", file);
            json.WriteNumber("bytes", bytes.Length);
            json.WriteString("sha256", Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("documents");
        foreach (var reference in DocumentReferences.Find(document, context))
        {
            json.WriteStartObject();
            json.WriteString("reference", reference.Reference);
            json.WriteString("declaredBy", reference.Kind + "." + reference.Property);
            json.WriteString("declaredAt", reference.DeclaredAt);
            json.WriteString("system", reference.SystemId);
            json.WriteBoolean("resolved", reference.Path != null);
            if (reference.Path != null)
            {
                json.WriteString("path", reference.Path);
                json.WriteString("sha256", reference.Sha256);
            }
            else if (reference.Reason != null)
            {
                json.WriteString("reason", reference.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (document.Sources is { } sources)
        {
            WriteMerge(json, sources, document.Conflicts ?? []);
        }

        if (context.Coverage is { } coverage)
        {
            WriteCoverage(json, coverage);
        }

        json.WriteStartObject("policy");
        foreach (var pair in document.Policy)
        {
            json.WriteString(pair.Key, pair.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// What analysed the code and by which rules and configuration: tool, ruleset version and hash, the effective
    /// policy's hash with the lines it is computed over, commit and working-tree state (docs/evidence-format.md).
    /// </summary>
    private static void WriteProvenance(Utf8JsonWriter json, InventoryDocument document, AnalysisProvenance? provenance)
    {
        json.WriteStartObject("provenance");
        json.WriteString("tool", document.Tool);
        json.WriteString("toolVersion", document.ToolVersion);
        if (document.Commit != null)
        {
            json.WriteString("commit", document.Commit);
        }

        if (provenance?.Dirty is { } dirty)
        {
            json.WriteBoolean("dirty", dirty);
            json.WriteNumber("changeCount", provenance.Changes.Count);
            WriteStrings(json, "changes", provenance.Changes.Take(Provenance.MaxChanges).Select(SafeText.Escape));
        }

        var ruleset = Provenance.RulesetLines();
        json.WriteStartObject("ruleset");
        json.WriteString("version", Provenance.RulesetVersion(document.ToolVersion));
        json.WriteNumber("rules", ruleset.Count);
        json.WriteString("sha256", Provenance.Sha256(ruleset));
        WriteStrings(json, "lines", ruleset);
        json.WriteEndObject();

        var policy = Provenance.EffectivePolicyLines(document, provenance);
        json.WriteStartObject("effectivePolicy");
        json.WriteString("sha256", Provenance.Sha256(policy));
        WriteStrings(json, "lines", policy);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>What the run analysed: restore, per project status, frameworks, files, first compile errors.</summary>
    private static void WriteCoverage(Utf8JsonWriter json, AnalysisCoverage coverage)
    {
        json.WriteStartObject("coverage");
        json.WriteBoolean("complete", coverage.IsComplete);
        json.WriteString("restore", coverage.Restore);
        WriteStrings(json, "restoreErrors", coverage.RestoreErrors);
        WriteStrings(json, "notes", coverage.Notes);
        var (analysed, total) = coverage.SourceFiles;
        json.WriteNumber("sourceFiles", total);
        json.WriteNumber("sourceFilesAnalysed", analysed);
        json.WriteStartArray("projects");
        foreach (var project in coverage.Projects)
        {
            json.WriteStartObject();
            json.WriteString("path", project.Path);
            json.WriteString("name", project.Name);
            json.WriteString("status", project.Status);
            if (project.Reason != null)
            {
                json.WriteString("reason", project.Reason);
            }

            WriteStrings(json, "targetFrameworks", project.TargetFrameworks);
            WriteStrings(json, "analysedTargetFrameworks", project.AnalysedTargetFrameworks);

            json.WriteNumber("sourceFiles", project.SourceFiles);
            json.WriteNumber("generatedFiles", project.GeneratedFiles);
            json.WriteNumber("sourceFilesAnalysed", project.SourceFilesAnalysed);
            json.WriteNumber("compileErrors", project.CompileErrors);
            WriteStrings(json, "firstErrors", project.FirstErrors);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A merged pack (<c>policy merge</c>): the packs it was made from, with their hashes, and the id conflicts.</summary>
    private static void WriteMerge(Utf8JsonWriter json, IEnumerable<SourcePack> sources, IEnumerable<SystemConflict> conflicts)
    {
        json.WriteStartObject("merge");
        json.WriteStartArray("sources");
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString("id", source.Id);
            json.WriteString("manifestSha256", source.ManifestSha256);
            json.WriteString("inventorySha256", source.InventorySha256);
            json.WriteString("input", source.Input);
            if (source.Commit != null)
            {
                json.WriteString("commit", source.Commit);
            }

            json.WriteString("toolVersion", source.ToolVersion);
            if (source.EvaluationDate != null)
            {
                json.WriteString("evaluationDate", source.EvaluationDate);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("conflicts");
        foreach (var conflict in conflicts)
        {
            json.WriteStartObject();
            json.WriteString("systemId", conflict.SystemId);
            WriteStrings(json, "packs", conflict.Packs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

}
