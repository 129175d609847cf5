using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Policy.Model.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>
/// manifest.json: SHA-256 of every file of the pack and of every document the declarations reference (resolved
/// against the declaring project's folder, then the repository root), the tool version, the commit and the policy
/// in force. Written last.
/// </summary>
public sealed partial class ManifestWriter(string packFolder, IReadOnlyList<string> files)
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>Declaration values that name a document.</summary>
    public static readonly (string Kind, string Property)[] DocumentProperties =
    [
        ("HumanOversight", "Procedure"),
        ("BiasEvaluation", "Report"),
        ("ImpactAssessment", "Reference"),
    ];

    /// <summary>Writes the manifest.</summary>
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        using var json = new Utf8JsonWriter(output, EvidenceJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("schemaVersion", "1.0");
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
        foreach (var reference in Documents(document, context))
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

            json.WriteEndObject();
        }

        json.WriteEndArray();
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

    /// <summary>A document a declaration references, resolved or not.</summary>
    public sealed record DocumentReference(string SystemId, string Kind, string Property, string Reference, string DeclaredAt, string? Path, string? Sha256);

    /// <summary>The documents the declarations of the document reference, sorted, de-duplicated.</summary>
    public static IReadOnlyList<DocumentReference> Documents(InventoryDocument document, EvidenceContext context)
    {
        var result = new SortedDictionary<string, DocumentReference>(StringComparer.Ordinal);
        foreach (var system in document.Systems)
        {
            foreach (var declaration in system.Declarations)
            {
                foreach (var (kind, property) in DocumentProperties)
                {
                    if (declaration.Kind != kind || !declaration.Values.TryGetValue(property, out var value) || !LooksLikePath(value))
                    {
                        continue;
                    }

                    var declaredAt = declaration.Source?.ToString() ?? string.Empty;
                    var resolved = Resolve(value, declaration.Source, context);
                    var key = system.Id + "\n" + kind + "\n" + value + "\n" + declaredAt;
                    result[key] = new DocumentReference(system.Id, kind, property, value, declaredAt,
                        resolved is null ? null : Relative(context.RepositoryRoot, resolved),
                        resolved is null ? null : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(resolved))).ToLowerInvariant());
                }
            }
        }

        return result.Values.ToList();
    }

    /// <summary>True when a value is a path (has a folder separator or a file extension) rather than a document id.</summary>
    public static bool LooksLikePath(string value) =>
        !string.IsNullOrWhiteSpace(value) && !value.Contains("://", StringComparison.Ordinal) && PathPattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^[^\s<>|""?*]+(/|\\)[^\s<>|""?*]*$|^[^\s<>|""?*/\\]+\.[A-Za-z0-9]{2,5}$")]
    private static partial Regex PathPattern();

    private static string? Resolve(string value, SourceRef? declaredAt, EvidenceContext context)
    {
        var candidates = new List<string>();
        if (declaredAt != null)
        {
            // The folder of the project that declares it: the closest project folder above the declaring file.
            var declaringFile = Path.GetFullPath(Path.Combine(context.RepositoryRoot, declaredAt.Path));
            foreach (var folder in context.ProjectFolders.OrderByDescending(f => f.Length))
            {
                if (declaringFile.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    candidates.Add(Path.Combine(folder, value));
                    break;
                }
            }
        }

        candidates.Add(Path.Combine(context.RepositoryRoot, value));
        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(candidate);
            var root = Path.GetFullPath(context.RepositoryRoot) + Path.DirectorySeparatorChar;
            if (full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full))
            {
                return full;
            }
        }

        return null;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
