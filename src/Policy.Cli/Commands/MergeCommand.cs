using Policy.Cli.Loading;
using Policy.Evidence;
using Policy.Evidence.Handoff;

namespace Policy.Cli.Commands;

/// <summary>
/// <c>policy merge</c>: one organisation-wide evidence pack from many repositories' packs. Exit 0: written, no
/// conflict; 1: written, with system ids declared by more than one pack (listed on stderr and in the pack);
/// 2: bad input, nothing written.
/// </summary>
public sealed class MergeCommand(IReadOnlyList<string> packs, string output, bool quiet)
{
    /// <summary>Runs.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (packs.Count < 2)
        {
            throw new UsageException("name at least two evidence packs to merge: policy merge <pack> <pack>... --out <dir>.");
        }

        var target = EvidencePack.CheckTarget(output);
        var read = new List<PackContents>();
        for (var i = 0; i < packs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pack = PackReader.Read(packs[i], $"pack {i + 1} ('{packs[i]}')");
            if (string.Equals(Path.GetFullPath(pack.Folder), target, StringComparison.Ordinal))
            {
                throw new UsageException($"--out '{output}' is one of the packs to merge: name another folder.");
            }

            var twin = read.FindIndex(p => p.ManifestSha256 == pack.ManifestSha256);
            if (twin >= 0)
            {
                throw new UsageException($"pack {i + 1} ('{packs[i]}') is the same pack as pack {twin + 1} ('{packs[twin]}'): name each pack once.");
            }

            read.Add(pack);
        }

        var merged = PackMerge.Merge(read, PolicyRun.ToolVersion);
        cancellationToken.ThrowIfCancellationRequested();
        EvidencePack.Write(merged.Document, merged.Context, target);

        foreach (var conflict in merged.Conflicts)
        {
            var where = conflict.Packs.Select(id => read.First(p => PackMerge.Id(p) == id)).Select(p => $"{PackMerge.Id(p)} ({p.Document.Input}{(p.Document.Commit is null ? string.Empty : " @ " + p.Document.Commit[..Math.Min(12, p.Document.Commit.Length)])})");
            Console.Error.WriteLine(SafeText.Escape($"policy: conflict: system id '{conflict.SystemId}' is declared by {conflict.Packs.Count} packs: {string.Join(", ", where)}; each is kept, marked conflict: true."));
        }

        if (!quiet)
        {
            var d = merged.Document;
            Console.Error.WriteLine($"policy: merged pack written to {SafeText.Escape(output)}: {read.Count} pack(s), {d.Systems.Count} AI system(s), {d.Findings.Count(f => f.State == "open")} open finding(s), {merged.Conflicts.Count} id conflict(s).");
        }

        return Task.FromResult(merged.Conflicts.Count > 0 ? ExitCodes.Findings : ExitCodes.Success);
    }
}
