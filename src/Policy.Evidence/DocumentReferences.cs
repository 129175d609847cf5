using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Policy.Inventory;
using Policy.Model.Evaluation;
using Policy.Model.Rules;

namespace Policy.Evidence;

/// <summary>
/// The documents declarations reference by path, resolved against the declaring project's folder and then the
/// repository root (never outside it). The manifest hashes them; an unresolved one is finding POL030 with the reason,
/// the catalogue's CLI-only rule (file checks never run in the analyzers): its severity and message come from the entry.
/// Safety (docs/cli.md): symbolic links are resolved first and the result must still be inside the repository; only
/// regular files are read, at most <see cref="MaxDocumentBytes"/>; a folder, a device, a broken link or a larger file
/// is "not resolved".
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

    /// <summary>The largest referenced document that is hashed (64 MiB); a larger one is not resolved.</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    private const string NotFound = "does not exist in the repository";

    /// <summary>A document a declaration references, resolved or not (then <paramref name="Reason"/> says why).</summary>
    public sealed record DocumentReference(string SystemId, string Kind, string Property, string Reference, string DeclaredAt, string? Path, string? Sha256, string? Reason = null);

    /// <summary>The documents the declarations of the document reference, sorted, de-duplicated.</summary>
    public static IReadOnlyList<DocumentReference> Find(InventoryDocument document, EvidenceContext context)
    {
        if (context.KnownDocuments is { } known)
        {
            return known;
        }

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
                    var (resolved, sha256, reason) = Resolve(value, declaration.Source, context);
                    var key = system.Id + "\n" + kind + "\n" + value + "\n" + declaredAt;
                    result[key] = new DocumentReference(system.Id, kind, property, value, declaredAt,
                        resolved is null ? null : Relative(RealPath(context.RepositoryRoot) ?? Path.GetFullPath(context.RepositoryRoot), resolved),
                        sha256, resolved is null ? reason : null);
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

    private static (string? Path, string? Sha256, string Reason) Resolve(string value, SourceRef? declaredAt, EvidenceContext context)
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
        var root = Path.GetFullPath(context.RepositoryRoot) + Path.DirectorySeparatorChar;
        var realRoot = (RealPath(context.RepositoryRoot) ?? Path.GetFullPath(context.RepositoryRoot)) + Path.DirectorySeparatorChar;
        var reason = NotFound;
        foreach (var candidate in candidates)
        {
            string full;
            try
            {
                full = Path.GetFullPath(candidate);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            if (!full.StartsWith(root, StringComparison.Ordinal))
            {
                reason = reason == NotFound ? "is outside the repository" : reason;
                continue;
            }

            var link = new FileInfo(full);
            if (!link.Exists && !Directory.Exists(full) && link.LinkTarget is null)
            {
                continue;
            }

            // Every symbolic link on the way is resolved: the file actually read must be inside the repository.
            var real = RealPath(full);
            if (real is null)
            {
                reason = "is a broken symbolic link";
                continue;
            }

            if (!real.StartsWith(realRoot, StringComparison.Ordinal))
            {
                reason = "resolves (through a symbolic link) outside the repository";
                continue;
            }

            if (Directory.Exists(real))
            {
                reason = "is a folder, not a file";
                continue;
            }

            var (sha256, problem) = Hash(real);
            if (sha256 is null)
            {
                reason = problem!;
                continue;
            }

            return (real, sha256, string.Empty);
        }

        return (null, null, reason);
    }

    /// <summary>SHA-256 of a regular file read at most up to the size limit; otherwise the reason it is not read.</summary>
    private static (string? Sha256, string? Problem) Hash(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || (info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0 || IsSpecialFolder(path))
            {
                return (null, "is not a regular file");
            }

            if (info.Length > MaxDocumentBytes)
            {
                return (null, $"is larger than {MaxDocumentBytes / (1024 * 1024)} MiB");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;

                // A device or a file that grows while it is read (its length said otherwise) is not a document.
                if (total > info.Length || total > MaxDocumentBytes)
                {
                    return (null, "is not a regular file");
                }

                sha.AppendData(buffer, 0, read);
            }

            return (Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot be read");
        }
    }

    private static bool IsSpecialFolder(string path) =>
        !OperatingSystem.IsWindows() && (path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal) || path.StartsWith("/sys/", StringComparison.Ordinal));

    /// <summary>The path with every symbolic link resolved (like realpath(3)); null when a link is broken or loops.</summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var root = Path.GetPathRoot(full)!;
            var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? restart = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                var info = new FileInfo(next);
                var target = info.LinkTarget;
                if (target != null)
                {
                    var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                    restart = Path.GetFullPath(Path.Combine([resolved, .. parts[(i + 1)..]]));
                    break;
                }

                if (!info.Exists && !Directory.Exists(next))
                {
                    return null;
                }

                current = next;
            }

            if (restart is null)
            {
                return current;
            }

            full = restart;
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
                Message = rule.FormatMessage($"[{reference.Kind}] on {declaration?.Target ?? reference.SystemId}", reference.Reference, reference.Reason ?? NotFound),
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
