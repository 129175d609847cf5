using System.Text;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence;

/// <summary>
/// What the writers may know besides the model: where the repository and the projects are (to hash referenced
/// documents) and, when known, what the run analysed (manifest <c>coverage</c>, report.html).
/// </summary>
public sealed record EvidenceContext(string RepositoryRoot, IReadOnlyList<string> ProjectFolders, IReadOnlyList<ProjectCoverage>? Projects = null)
{
    private readonly AnalysisCoverage? _coverage;

    /// <summary>
    /// What the run analysed (manifest.json <c>coverage</c>, report.html): set by the CLI; else built from
    /// <see cref="Projects"/> when given; null when not known (tests of single writers).
    /// </summary>
    public AnalysisCoverage? Coverage
    {
        get => _coverage ?? (Projects is null ? null : new AnalysisCoverage { Projects = Projects.OrderBy(p => p.Path, StringComparer.Ordinal).ToList() });
        init => _coverage = value;
    }

    /// <summary>The working tree's state and the effective configuration (manifest.json <c>provenance</c>): set by the CLI; null otherwise.</summary>
    public AnalysisProvenance? Provenance { get; init; }

    /// <summary>
    /// The referenced documents as already resolved and hashed by the packs a merged pack is made from
    /// (<c>policy merge</c>): used instead of resolving against <see cref="RepositoryRoot"/>, which a merge does not have.
    /// </summary>
    public IReadOnlyList<DocumentReferences.DocumentReference>? KnownDocuments { get; init; }
}

/// <summary>One file of the pack.</summary>
public interface IEvidenceWriter
{
    /// <summary>The file name (fixed by DESIGN.md).</summary>
    string FileName { get; }

    /// <summary>Writes the file's bytes.</summary>
    void Write(InventoryDocument document, EvidenceContext context, Stream output);
}

/// <summary>A problem writing the pack: reported as one line, exit code 2, nothing left behind.</summary>
public sealed class EvidenceException(string message) : Exception(message);

/// <summary>
/// Writes the evidence pack: every file into a temporary folder beside the target, then renames, so a failed run
/// leaves no partial pack and an existing pack is replaced whole. Deterministic: same model, same bytes.
/// Safety (docs/cli.md): the target must be missing, empty, or an earlier evidence pack (its manifest.json names the
/// tool and lists the files it wrote) holding nothing else; anything else is refused before any work.
/// </summary>
public static class EvidencePack
{
    /// <summary>UTF-8 without byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The longest folder name (bytes, UTF-8) a file system takes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The largest manifest.json read to recognise an earlier pack.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>The writers, manifest last (it hashes the others).</summary>
    public static IReadOnlyList<IEvidenceWriter> Writers { get; } =
    [
        new InventoryJsonWriter(),
        new InventoryCsvWriter(),
        new ControlsMarkdownWriter(),
        new SarifWriter(),
        new CycloneDxWriter(),
        new HtmlReportWriter(),
    ];

    /// <summary>
    /// Validates <c>--out</c> before any analysis and returns its full path. Creates nothing: the target must be
    /// missing, empty or an earlier pack; its nearest existing ancestor must be a writable folder; the name fits.
    /// </summary>
    public static string CheckTarget(string output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new EvidenceException("--out is empty: name a folder for the evidence pack, for example --out artifacts/evidence.");
        }

        string target;
        try
        {
            target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new EvidenceException($"--out '{output}' is not a valid path: name a folder for the evidence pack.");
        }

        var name = Path.GetFileName(target);
        if (name.Length == 0)
        {
            throw new EvidenceException($"--out '{output}' is the root of a file system: name a folder for the evidence pack.");
        }

        if (Utf8.GetByteCount(name) > MaxNameBytes || Utf8.GetByteCount(target) > 4000)
        {
            throw new EvidenceException($"--out '{output}' is too long (a folder name takes at most {MaxNameBytes} bytes): choose a shorter name.");
        }

        var info = new FileInfo(target);
        if (info.LinkTarget != null)
        {
            throw new EvidenceException($"--out '{output}' is a symbolic link: name the folder itself; nothing was written.");
        }

        if (info.Exists)
        {
            throw new EvidenceException($"--out '{output}' is a file: name a folder for the evidence pack.");
        }

        if (Directory.Exists(target))
        {
            CheckReplaceable(target, output);
        }

        // The nearest folder that exists must take new entries (nothing is created now: only after the analysis).
        var ancestor = Path.GetDirectoryName(target);
        while (ancestor != null && !Directory.Exists(ancestor))
        {
            if (File.Exists(ancestor))
            {
                throw new EvidenceException($"--out '{output}' cannot be written ('{ancestor}' is a file): choose a writable folder.");
            }

            ancestor = Path.GetDirectoryName(ancestor);
        }

        if (ancestor is null)
        {
            throw new EvidenceException($"--out '{output}' cannot be written: choose a writable folder.");
        }

        var probe = Path.Combine(ancestor, ".policy-probe-" + Environment.ProcessId);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException($"--out '{output}' cannot be written ({OneLine(e.Message)}): choose a writable folder.");
        }

        return target;
    }

    /// <summary>
    /// The files of the earlier evidence pack in <paramref name="folder"/> (manifest.json and the files it lists),
    /// or null when the folder holds no manifest.json written by policy.
    /// </summary>
    public static IReadOnlySet<string>? PackFiles(string folder)
    {
        var manifest = new FileInfo(Path.Combine(folder, ManifestWriter.ManifestFileName));
        if (!manifest.Exists || manifest.LinkTarget != null || manifest.Length > MaxManifestBytes)
        {
            return null;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifest.FullName));
            var root = json.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object ||
                !root.TryGetProperty("tool", out var tool) || tool.ValueKind != System.Text.Json.JsonValueKind.String || tool.GetString() != "policy" ||
                !root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != System.Text.Json.JsonValueKind.String ||
                !root.TryGetProperty("files", out var files) || files.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { ManifestWriter.ManifestFileName };
            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind != System.Text.Json.JsonValueKind.Object || !file.TryGetProperty("name", out var n) || n.ValueKind != System.Text.Json.JsonValueKind.String ||
                    n.GetString() is not { Length: > 0 } fileName || fileName != Path.GetFileName(fileName) || fileName is "." or "..")
                {
                    return null;
                }

                names.Add(fileName);
            }

            return names;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void CheckReplaceable(string target, string output)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException($"--out '{output}' cannot be read ({OneLine(e.Message)}): choose another folder; nothing was written.");
        }

        if (entries.Length == 0)
        {
            return;
        }

        var pack = PackFiles(target);
        if (pack is null)
        {
            throw new EvidenceException($"--out '{output}' is a folder that is neither empty nor an evidence pack written by policy (it holds '{Path.GetFileName(entries.Order(StringComparer.Ordinal).First())}'{(entries.Length > 1 ? $" and {entries.Length - 1} more" : string.Empty)}): name a new or empty folder; nothing was written.");
        }

        // Replacing a pack never removes what the pack did not write: a file added by hand is kept, so the run stops.
        var foreign = entries.Order(StringComparer.Ordinal).FirstOrDefault(e => Directory.Exists(e) || new FileInfo(e).LinkTarget != null || !pack.Contains(Path.GetFileName(e)));
        if (foreign != null)
        {
            throw new EvidenceException($"--out '{output}' holds an earlier evidence pack and '{Path.GetFileName(foreign)}', which the pack did not write: move it away or name another folder; nothing was written.");
        }
    }

    /// <summary>Writes the pack into <paramref name="target"/> (replaced whole), after <see cref="CheckTarget"/>.</summary>
    public static void Write(InventoryDocument document, EvidenceContext context, string target)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        var temporary = Path.Combine(parent, TemporaryName(name, "tmp", Environment.ProcessId));
        var backup = Path.Combine(parent, TemporaryName(name, "old", Environment.ProcessId));
        try
        {
            Directory.CreateDirectory(parent);
            CleanLeftovers(parent, name, target);

            // The target may have changed during the analysis: check it again just before replacing it.
            if (Directory.Exists(target))
            {
                CheckReplaceable(target, target);
            }

            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            Directory.CreateDirectory(temporary);
            foreach (var writer in Writers)
            {
                using var stream = File.Create(Path.Combine(temporary, writer.FileName));
                writer.Write(document, context, stream);
            }

            using (var stream = File.Create(Path.Combine(temporary, ManifestWriter.ManifestFileName)))
            {
                new ManifestWriter(temporary, Writers.Select(w => w.FileName).ToList()).Write(document, context, stream);
            }

            if (Directory.Exists(target))
            {
                Directory.Move(target, backup);
            }

            try
            {
                Directory.Move(temporary, target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The new pack could not take the old one's place: put the old one back.
                if (Directory.Exists(backup) && !Directory.Exists(target))
                {
                    Directory.Move(backup, target);
                }

                throw;
            }

            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new EvidenceException($"the evidence pack could not be written to '{target}' ({OneLine(e.Message)}); the earlier pack, if any, is unchanged.");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The hidden sibling folder a run writes into (<c>tmp</c>) or moves the old pack to (<c>old</c>):
    /// <c>.policy-&lt;10 hex digits of SHA-256(name)&gt;.&lt;kind&gt;-&lt;process id&gt;</c>, short whatever the name's length.
    /// </summary>
    public static string TemporaryName(string name, string kind, int processId) =>
        ".policy-" + Tag(name) + "." + kind + "-" + processId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Tag(string name) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Utf8.GetBytes(name)), 0, 5).ToLowerInvariant();

    /// <summary>
    /// Cleans what a killed earlier run into the same target left behind: only folders named by our scheme, of a
    /// process that no longer runs, holding nothing but pack files. A moved-away old pack comes back when no pack is
    /// at the target; otherwise it is removed.
    /// </summary>
    private static void CleanLeftovers(string parent, string name, string target)
    {
        var prefix = ".policy-" + Tag(name) + ".";
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal).ToList())
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash < 0 || rest[..dash] is not ("tmp" or "old") ||
                !int.TryParse(rest[(dash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ||
                pid == Environment.ProcessId || IsRunning(pid) || new FileInfo(folder).LinkTarget != null || !OnlyPackFiles(folder))
            {
                continue;
            }

            if (rest[..dash] == "old" && !Directory.Exists(target) && PackFiles(folder) != null)
            {
                Directory.Move(folder, target);
            }
            else
            {
                TryDelete(folder);
            }
        }
    }

    private static bool OnlyPackFiles(string folder)
    {
        var known = Writers.Select(w => w.FileName).Append(ManifestWriter.ManifestFileName).ToHashSet(StringComparer.Ordinal);
        var listed = PackFiles(folder);
        return Directory.EnumerateFileSystemEntries(folder).All(e =>
            File.Exists(e) && new FileInfo(e).LinkTarget is null && (known.Contains(Path.GetFileName(e)) || (listed?.Contains(Path.GetFileName(e)) ?? false)));
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string OneLine(string text) => SafeText.Escape(text.Split('\n')[0].Trim().TrimEnd('.'));

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary folder is hidden, named by our scheme and cleaned by the next run.
        }
    }
}
