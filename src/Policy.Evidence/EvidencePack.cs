using System.Text;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence;

/// <summary>What the writers may know besides the model: where the repository and the projects are (to hash referenced documents).</summary>
public sealed record EvidenceContext(string RepositoryRoot, IReadOnlyList<string> ProjectFolders);

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
/// Writes the evidence pack: every file into a temporary folder beside the target, then one rename, so a failed run
/// leaves no partial pack and an existing pack is replaced whole. Deterministic: same model, same bytes.
/// </summary>
public static class EvidencePack
{
    /// <summary>UTF-8 without byte order mark.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

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

    /// <summary>Fails early (before any analysis) when the target cannot be written.</summary>
    public static void CheckWritable(string target)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(target));
        if (File.Exists(target))
        {
            throw new EvidenceException($"--out '{target}' is a file: name a folder for the evidence pack.");
        }

        try
        {
            Directory.CreateDirectory(parent!);
            var probe = Path.Combine(parent!, ".policy-write-test-" + Environment.ProcessId);
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException($"--out '{target}' cannot be written ({e.Message}): choose a writable folder.");
        }
    }

    /// <summary>Writes the pack into <paramref name="target"/> (replaced whole).</summary>
    public static void Write(InventoryDocument document, EvidenceContext context, string target)
    {
        target = Path.GetFullPath(target.TrimEnd('/', '\\'));
        var parent = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(parent, "." + Path.GetFileName(target) + ".tmp-" + Environment.ProcessId);
        try
        {
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

            var backup = target + ".old-" + Environment.ProcessId;
            if (Directory.Exists(target))
            {
                Directory.Move(target, backup);
            }

            Directory.Move(temporary, target);
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new EvidenceException($"the evidence pack could not be written to '{target}' ({e.Message}); nothing was written.");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

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
            // Best effort: the temporary folder is hidden and named after the process.
        }
    }
}
