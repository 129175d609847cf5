using Policy.Inventory;

namespace Policy.Evidence.Handoff;

/// <summary>The merged model and what the writers need besides it.</summary>
public sealed record MergeResult(InventoryDocument Document, EvidenceContext Context, IReadOnlyList<SystemConflict> Conflicts);

/// <summary>
/// Merges the packs of many repositories into one organisation-wide inventory (<c>policy merge</c>). Systems are keyed
/// by id; an id that more than one pack declares is a conflict: every such system is kept, marked
/// <c>conflict: true</c>, and listed in <c>conflicts</c> (inventory.json, manifest.json) rather than merged. Every
/// entry carries its origin (the source pack's id, commit and input). Order-independent: sources are sorted by the
/// SHA-256 of their manifest.json, entries by their keys and then by origin.
/// </summary>
public static class PackMerge
{
    /// <summary>Merges; <paramref name="toolVersion"/> is the version of the tool doing it.</summary>
    public static MergeResult Merge(IReadOnlyList<PackContents> packs, string toolVersion)
    {
        var ordered = packs.OrderBy(p => p.ManifestSha256, StringComparer.Ordinal).ToList();
        var document = new InventoryDocument
        {
            ToolVersion = toolVersion,
            Input = $"merge of {ordered.Count} packs",
            Sources = [],
            Conflicts = [],
        };

        var dates = ordered.Select(p => p.Document.EvaluationDate).Distinct().ToList();
        document.EvaluationDate = dates.Count == 1 ? dates[0] : null;

        // The policy common to all packs (a key whose value differs between packs is left out: each pack's own manifest has it).
        foreach (var pair in ordered[0].Document.Policy)
        {
            if (ordered.All(p => p.Document.Policy.TryGetValue(pair.Key, out var value) && value == pair.Value))
            {
                document.Policy[pair.Key] = pair.Value;
            }
        }

        var documents = new List<DocumentReferences.DocumentReference>();
        foreach (var pack in ordered)
        {
            var source = pack.Document;
            var origin = new RecordOrigin { Pack = Id(pack), Commit = source.Commit, Input = source.Input };
            document.Sources.Add(new SourcePack
            {
                Id = Id(pack),
                ManifestSha256 = pack.ManifestSha256,
                InventorySha256 = pack.InventorySha256,
                Input = source.Input,
                Commit = source.Commit,
                ToolVersion = source.ToolVersion,
                EvaluationDate = source.EvaluationDate,
                Systems = source.Systems.Count,
                Findings = source.Findings.Count,
            });

            foreach (var project in source.Projects)
            {
                if (!document.Projects.Contains(project, StringComparer.Ordinal))
                {
                    document.Projects.Add(project);
                }
            }

            foreach (var system in source.Systems)
            {
                system.Origin = Copy(origin);
                system.Conflict = null;
                document.Systems.Add(system);
            }

            foreach (var component in source.Undeclared)
            {
                component.Origin = Copy(origin);
                document.Undeclared.Add(component);
            }

            foreach (var finding in source.Findings)
            {
                finding.Origin = Copy(origin);
                document.Findings.Add(finding);
            }

            foreach (var exemption in source.Exemptions)
            {
                exemption.Origin = Copy(origin);
                document.Exemptions.Add(exemption);
            }

            documents.AddRange(pack.Documents);
        }

        // A system id in more than one pack: kept twice (or more), each marked, never merged into one.
        foreach (var group in document.Systems.GroupBy(s => s.Id, StringComparer.Ordinal))
        {
            var origins = group.Select(s => s.Origin!.Pack).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (origins.Count > 1)
            {
                document.Conflicts.Add(new SystemConflict { SystemId = group.Key, Packs = origins });
                foreach (var system in group)
                {
                    system.Conflict = true;
                }
            }
        }

        document.Conflicts.Sort((a, b) => string.CompareOrdinal(a.SystemId, b.SystemId));
        document.Projects.Sort(string.CompareOrdinal);

        // Stable sorts by the single-pack order, then by origin (InventoryBuilder.Normalize would fold equal findings of
        // two repositories into one).
        document.Systems = document.Systems.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Project, StringComparer.Ordinal).ThenBy(s => s.Origin!.Pack, StringComparer.Ordinal).ToList();
        document.Undeclared = document.Undeclared.OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Project, StringComparer.Ordinal).ThenBy(c => c.Origin!.Pack, StringComparer.Ordinal).ToList();
        document.Exemptions = document.Exemptions.OrderBy(e => e.Source?.Path, StringComparer.Ordinal).ThenBy(e => e.Source?.Line).ThenBy(e => e.Source?.Column)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Origin!.Pack, StringComparer.Ordinal).ToList();
        document.Findings = document.Findings.OrderBy(f => f.Source?.Path, StringComparer.Ordinal).ThenBy(f => f.Source?.Line).ThenBy(f => f.Source?.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal).ThenBy(f => f.Origin!.Pack, StringComparer.Ordinal).ToList();

        var known = documents
            .GroupBy(d => d.SystemId + "\n" + d.Kind + "\n" + d.Reference + "\n" + d.DeclaredAt + "\n" + d.Sha256, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.SystemId, StringComparer.Ordinal).ThenBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.Reference, StringComparer.Ordinal).ThenBy(d => d.DeclaredAt, StringComparer.Ordinal).ThenBy(d => d.Sha256, StringComparer.Ordinal)
            .ToList();
        var context = new EvidenceContext(string.Empty, []) { KnownDocuments = known };
        return new MergeResult(document, context, document.Conflicts);
    }

    /// <summary>The short id of a pack: 12 hex digits of its manifest's SHA-256.</summary>
    public static string Id(PackContents pack) => pack.ManifestSha256[..12];

    private static RecordOrigin Copy(RecordOrigin origin) => new() { Pack = origin.Pack, Commit = origin.Commit, Input = origin.Input };
}
