using System.Security.Cryptography;
using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;

namespace Policy.Evidence.Handoff;

/// <summary>An evidence pack read back: its model (findings with their SARIF fingerprints) and what its manifest says.</summary>
public sealed class PackContents
{
    /// <summary>The pack folder (full path).</summary>
    public string Folder { get; init; } = string.Empty;

    /// <summary>inventory.json as the model, findings carrying <see cref="FindingRecord.Fingerprint"/> from findings.sarif.</summary>
    public InventoryDocument Document { get; init; } = new();

    /// <summary>SHA-256 of manifest.json (lower-case hex).</summary>
    public string ManifestSha256 { get; init; } = string.Empty;

    /// <summary>SHA-256 of inventory.json (lower-case hex).</summary>
    public string InventorySha256 { get; init; } = string.Empty;

    /// <summary>manifest.json <c>schemaVersion</c>.</summary>
    public string ManifestVersion { get; init; } = string.Empty;

    /// <summary>The referenced documents as the manifest records them (resolved, with their SHA-256, or not).</summary>
    public IReadOnlyList<DocumentReferences.DocumentReference> Documents { get; init; } = [];

    /// <summary>
    /// Analysis provenance the manifest carries when the writing tool records it (ruleset version, effective-policy
    /// hash): top-level string properties named like <c>ruleset*</c>, <c>policyHash*</c>, <c>policySha*</c>, and every
    /// string-valued property of a top-level <c>provenance</c> object; empty when there is none. Read defensively.
    /// </summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// Reads an evidence pack (a folder, or its manifest.json) back into the model: checks it is a pack written by policy
/// in a schema this tool reads (manifest 1.x, inventory 2.x), that every file the manifest lists has the SHA-256 the
/// manifest records (a pack changed after it was written is refused), and that findings.sarif holds the same findings
/// as inventory.json. Every problem is an <see cref="EvidenceException"/> with one line (exit 2).
/// </summary>
public static class PackReader
{
    /// <summary>The largest pack file read (inventory.json, findings.sarif).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Reads a pack; <paramref name="what"/> names it in messages (for example "old pack").</summary>
    public static PackContents Read(string path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new EvidenceException($"{what}: the path is empty: name an evidence pack folder or its manifest.json.");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new EvidenceException($"{what} '{SafeText.Escape(path)}' is not a valid path.");
        }

        var folder = full;
        if (File.Exists(full))
        {
            if (!string.Equals(Path.GetFileName(full), ManifestWriter.ManifestFileName, StringComparison.Ordinal))
            {
                throw new EvidenceException($"{what} '{SafeText.Escape(path)}' is a file but not a manifest.json: name an evidence pack folder or its manifest.json.");
            }

            folder = Path.GetDirectoryName(full)!;
        }
        else if (!Directory.Exists(full))
        {
            throw new EvidenceException($"{what} '{SafeText.Escape(path)}' does not exist.");
        }

        var manifestPath = Path.Combine(folder, ManifestWriter.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new EvidenceException($"{what} '{SafeText.Escape(path)}' is not an evidence pack: it has no manifest.json (write one with 'policy evidence <solution> --out <dir>').");
        }

        var manifestBytes = ReadBytes(manifestPath, what, EvidencePack.MaxManifestBytes);
        var manifestSha = Sha256(manifestBytes);
        using var manifest = Parse(manifestBytes, what, ManifestWriter.ManifestFileName);
        var root = manifest.RootElement;
        if (root.ValueKind != JsonValueKind.Object || String(root, "tool") != "policy")
        {
            throw new EvidenceException($"{what} '{SafeText.Escape(path)}' is not an evidence pack written by policy (manifest.json does not name the tool).");
        }

        var manifestVersion = String(root, "schemaVersion") ?? string.Empty;
        if (!manifestVersion.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new EvidenceException($"{what}: manifest.json schema version '{SafeText.Escape(manifestVersion)}' is not one this tool reads (1.x): use the policy version that wrote the pack, or write the pack again.");
        }

        // Every listed file must be there with the recorded hash: the pack is evidence, a changed byte is a changed pack.
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            throw new EvidenceException($"{what}: manifest.json lists no files: the pack is damaged.");
        }

        foreach (var file in files.EnumerateArray())
        {
            var name = file.ValueKind == JsonValueKind.Object ? String(file, "name") : null;
            var sha = file.ValueKind == JsonValueKind.Object ? String(file, "sha256") : null;
            if (name is null || sha is null || name != Path.GetFileName(name) || name is "." or "..")
            {
                throw new EvidenceException($"{what}: manifest.json has a malformed entry in 'files': the pack is damaged.");
            }

            listed[name] = sha;
        }

        foreach (var required in new[] { "inventory.json", "findings.sarif" })
        {
            if (!listed.ContainsKey(required))
            {
                throw new EvidenceException($"{what}: manifest.json does not list {required}: the pack is damaged or incomplete.");
            }
        }

        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, sha) in listed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var filePath = Path.Combine(folder, name);
            if (!File.Exists(filePath))
            {
                throw new EvidenceException($"{what}: {name} is listed in manifest.json but missing: the pack is incomplete.");
            }

            var bytes = ReadBytes(filePath, what, MaxFileBytes);
            if (!string.Equals(Sha256(bytes), sha, StringComparison.OrdinalIgnoreCase))
            {
                throw new EvidenceException($"{what}: {name} does not match the SHA-256 manifest.json records for it: the pack was changed after it was written; refusing to read it.");
            }

            if (name is "inventory.json" or "findings.sarif")
            {
                contents[name] = bytes;
            }
        }

        var document = ReadInventory(contents["inventory.json"], what);
        ReadFingerprints(contents["findings.sarif"], document, what);
        return new PackContents
        {
            Folder = folder,
            Document = document,
            ManifestSha256 = manifestSha,
            InventorySha256 = Sha256(contents["inventory.json"]),
            ManifestVersion = manifestVersion,
            Documents = ReadDocuments(root),
            Provenance = ReadProvenance(root),
        };
    }

    /// <summary>
    /// The key each finding is matched by across two packs: its SARIF fingerprint and its occurrence among findings
    /// of the same fingerprint ("hash:n", as findings.sarif writes it). Independent of line numbers.
    /// </summary>
    public static IReadOnlyList<string> FindingKeys(InventoryDocument document)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(document.Findings.Count);
        foreach (var finding in document.Findings)
        {
            var hash = finding.Fingerprint ?? SarifWriter.LineHash(finding);
            occurrences[hash] = occurrences.TryGetValue(hash, out var n) ? n + 1 : 1;
            keys.Add(hash + ":" + occurrences[hash].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return keys;
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static InventoryDocument ReadInventory(byte[] bytes, string what)
    {
        using (var probe = Parse(bytes, what, "inventory.json"))
        {
            var version = probe.RootElement.ValueKind == JsonValueKind.Object ? String(probe.RootElement, "schemaVersion") : null;
            if (version is null || !version.StartsWith("2.", StringComparison.Ordinal))
            {
                throw new EvidenceException($"{what}: inventory.json schema version '{SafeText.Escape(version ?? "none")}' is not one this tool reads (2.x): write the pack again with this version of policy.");
            }
        }

        InventoryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<InventoryDocument>(bytes, EvidenceJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EvidenceException($"{what}: inventory.json does not have the inventory's shape ({OneLine(e.Message)}).");
        }

        if (document is null)
        {
            throw new EvidenceException($"{what}: inventory.json is empty.");
        }

        // The serializer builds dictionaries with the default comparer: the model's are ordinal (deterministic output).
        document.Policy = new SortedDictionary<string, string>(document.Policy ?? new SortedDictionary<string, string>(), StringComparer.Ordinal);
        document.Systems ??= [];
        document.Findings ??= [];
        document.Exemptions ??= [];
        document.Undeclared ??= [];
        document.Projects ??= [];
        foreach (var system in document.Systems)
        {
            if (system is null)
            {
                throw new EvidenceException($"{what}: inventory.json has an empty entry in 'systems'.");
            }

            system.Declarations ??= [];
            system.Tools ??= [];
            system.Models ??= [];
            system.Components ??= [];
            system.DataClasses ??= [];
            system.Required ??= [];
            system.Missing ??= [];
            system.ObservedSdks ??= [];
            system.EventLogging ??= [];
            foreach (var declaration in system.Declarations)
            {
                declaration.Values = new SortedDictionary<string, string>(declaration.Values ?? new SortedDictionary<string, string>(), StringComparer.Ordinal);
                declaration.Lists = new SortedDictionary<string, List<string>>(declaration.Lists ?? new SortedDictionary<string, List<string>>(), StringComparer.Ordinal);
            }
        }

        if (document.Findings.Any(f => f is null) || document.Exemptions.Any(e => e is null) || document.Systems.Any(s => s.Declarations.Any(d => d is null)))
        {
            throw new EvidenceException($"{what}: inventory.json has an empty entry.");
        }

        return document;
    }

    /// <summary>Copies each result's fingerprint onto the finding it was written from (same order, same rule).</summary>
    private static void ReadFingerprints(byte[] bytes, InventoryDocument document, string what)
    {
        using var sarif = Parse(bytes, what, "findings.sarif");
        var root = sarif.RootElement;
        if (root.ValueKind != JsonValueKind.Object || String(root, "version") != "2.1.0" ||
            !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array || runs.GetArrayLength() != 1 ||
            !runs[0].TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            throw new EvidenceException($"{what}: findings.sarif is not a SARIF 2.1.0 log with one run: the pack is damaged.");
        }

        if (results.GetArrayLength() != document.Findings.Count)
        {
            throw new EvidenceException($"{what}: findings.sarif holds {results.GetArrayLength()} result(s) but inventory.json {document.Findings.Count} finding(s): the pack is inconsistent.");
        }

        var i = 0;
        foreach (var result in results.EnumerateArray())
        {
            var finding = document.Findings[i++];
            var fingerprint = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("partialFingerprints", out var partial) && partial.ValueKind == JsonValueKind.Object
                ? String(partial, "primaryLocationLineHash")
                : null;
            if (String(result, "ruleId") != finding.RuleId || fingerprint is null)
            {
                throw new EvidenceException($"{what}: findings.sarif result {i} does not match finding {i} of inventory.json (rule or fingerprint): the pack is inconsistent.");
            }

            var colon = fingerprint.LastIndexOf(':');
            finding.Fingerprint = colon > 0 ? fingerprint[..colon] : fingerprint;
        }
    }

    private static List<DocumentReferences.DocumentReference> ReadDocuments(JsonElement root)
    {
        var documents = new List<DocumentReferences.DocumentReference>();
        if (!root.TryGetProperty("documents", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return documents;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var declaredBy = String(item, "declaredBy") ?? string.Empty;
            var dot = declaredBy.IndexOf('.');
            documents.Add(new DocumentReferences.DocumentReference(
                String(item, "system") ?? string.Empty,
                dot > 0 ? declaredBy[..dot] : declaredBy,
                dot > 0 ? declaredBy[(dot + 1)..] : string.Empty,
                String(item, "reference") ?? string.Empty,
                String(item, "declaredAt") ?? string.Empty,
                String(item, "path"),
                String(item, "sha256"),
                String(item, "reason")));
        }

        return documents;
    }

    private static SortedDictionary<string, string> ReadProvenance(JsonElement root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            // Top-level provenance fields a later manifest may carry (ruleset version, hash of the effective policy).
            if (property.Value.ValueKind == JsonValueKind.String &&
                (property.Name.Contains("ruleset", StringComparison.OrdinalIgnoreCase) || property.Name.StartsWith("policyHash", StringComparison.OrdinalIgnoreCase) || property.Name.StartsWith("policySha", StringComparison.OrdinalIgnoreCase)))
            {
                result[property.Name] = property.Value.GetString()!;
            }
        }

        // manifest 1.2 provenance: the ruleset's and the effective policy's hashes and the working tree's state (tool,
        // version and commit are compared already).
        if (root.TryGetProperty("provenance", out var provenance) && provenance.ValueKind == JsonValueKind.Object)
        {
            if (provenance.TryGetProperty("ruleset", out var ruleset) && ruleset.ValueKind == JsonValueKind.Object && String(ruleset, "sha256") is { } rules)
            {
                result["rulesetSha256"] = rules;
            }

            if (provenance.TryGetProperty("effectivePolicy", out var policy) && policy.ValueKind == JsonValueKind.Object && String(policy, "sha256") is { } hash)
            {
                result["effectivePolicySha256"] = hash;
            }

            if (provenance.TryGetProperty("dirty", out var dirty) && dirty.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                result["dirty"] = dirty.GetBoolean() ? "true" : "false";
            }
        }

        return result;
    }

    private static JsonDocument Parse(byte[] bytes, string what, string file)
    {
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            throw new EvidenceException($"{what}: {file} is not valid JSON ({OneLine(e.Message)}).");
        }
    }

    private static byte[] ReadBytes(string path, string what, long limit)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > limit)
            {
                throw new EvidenceException($"{what}: {info.Name} is larger than {limit / (1024 * 1024)} MB: not a pack this tool reads.");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException($"{what}: {Path.GetFileName(path)} cannot be read ({OneLine(e.Message)}).");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string OneLine(string text) => SafeText.Escape(text.Split('\n')[0].Trim().TrimEnd('.'));
}
