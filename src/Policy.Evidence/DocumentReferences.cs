using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Policy.Inventory;
using Policy.Model.Evaluation;
using Policy.Model.Rules;

namespace Policy.Evidence;

/// <summary>
/// The documents declarations reference by path, resolved against the declaring project's folder and then the
/// repository root (never outside it). The manifest hashes them; an unresolved one is finding POL030, the catalogue's
/// CLI-only rule (file checks never run in the analyzers): its message and severity come from the catalogue entry.
/// </summary>
public static partial class DocumentReferences
{
    /// <summary>Declaration values that name a document.</summary>
    public static readonly (string Kind, string Property)[] DocumentProperties =
    [
        ("HumanOversight", "Procedure"),
        ("BiasEvaluation", "Report"),
        ("ImpactAssessment", "Reference"),
    ];

    /// <summary>A document a declaration references, resolved or not.</summary>
    public sealed record DocumentReference(string SystemId, string Kind, string Property, string Reference, string DeclaredAt, string? Path, string? Sha256);

    /// <summary>The documents the declarations of the document reference, sorted, de-duplicated.</summary>
    public static IReadOnlyList<DocumentReference> Find(InventoryDocument document, EvidenceContext context)
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

    /// <summary>Adds a POL030 finding for every reference that does not resolve.</summary>
    public static void AddFindings(InventoryDocument document, EvidenceContext context)
    {
        foreach (var reference in Find(document, context))
        {
            if (reference.Path != null)
            {
                continue;
            }

            var system = document.Systems.First(s => s.Id == reference.SystemId);
            var declaration = system.Declarations.FirstOrDefault(d => d.Kind == reference.Kind && (d.Source?.ToString() ?? string.Empty) == reference.DeclaredAt);
            var rule = RuleCatalogue.Get(RuleIds.UnresolvedDocument);
            document.Findings.Add(new FindingRecord
            {
                RuleId = rule.Id,
                Severity = rule.DefaultSeverity switch { RuleSeverity.Error => "error", RuleSeverity.Info => "note", _ => "warning" },
                Message = rule.FormatMessage($"[{reference.Kind}] on {declaration?.Target ?? reference.SystemId}", reference.Reference),
                Source = declaration?.Source,
                SystemId = reference.SystemId,
                State = "open",
                Project = system.Project,
                LineText = reference.Kind + "." + reference.Property + " = " + reference.Reference,
            });
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
