using System.Text.Json;
using System.Xml.Linq;

namespace Policy.Cli.Loading;

/// <summary>
/// The package ids a project references, for the detection of suspected AI use in code that does not bind (an
/// unresolved name under the namespace of a referenced AI SDK package). Read from NuGet's assets file, which records
/// the project's direct references even when the restore failed; without one (never restored), from the
/// <c>PackageReference</c> items written in the project file and the Directory.Build.props/.targets above it.
/// </summary>
internal static class PackageReferences
{
    /// <summary>The package ids, sorted; empty when none are known.</summary>
    /// <param name="projectFile">The project file.</param>
    /// <param name="assetsFile">Its assets file, or null.</param>
    public static IReadOnlyList<string> Of(string projectFile, string? assetsFile)
    {
        var ids = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        if (assetsFile != null && FromAssets(assetsFile, ids))
        {
            return ids.ToList();
        }

        FromProjectFile(projectFile, ids);
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(projectFile)!); folder != null; folder = folder.Parent)
        {
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                var file = Path.Combine(folder.FullName, name);
                if (File.Exists(file))
                {
                    FromProjectFile(file, ids);
                }
            }
        }

        return ids.ToList();
    }

    /// <summary>project.frameworks.*.dependencies of the assets file (the direct references of every framework).</summary>
    private static bool FromAssets(string assetsFile, SortedSet<string> ids)
    {
        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var json = JsonDocument.Parse(stream);
            if (!json.RootElement.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.Object ||
                !project.TryGetProperty("frameworks", out var frameworks) || frameworks.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var framework in frameworks.EnumerateObject())
            {
                if (framework.Value.ValueKind == JsonValueKind.Object && framework.Value.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Object)
                {
                    foreach (var dependency in dependencies.EnumerateObject())
                    {
                        ids.Add(dependency.Name);
                    }
                }
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The Include of every PackageReference (and GlobalPackageReference) item written in an MSBuild file.</summary>
    private static void FromProjectFile(string file, SortedSet<string> ids)
    {
        try
        {
            var document = XDocument.Load(file);
            foreach (var element in document.Descendants())
            {
                if (element.Name.LocalName is "PackageReference" or "GlobalPackageReference" &&
                    element.Attribute("Include")?.Value is { Length: > 0 } include && !include.Contains("$(", StringComparison.Ordinal))
                {
                    foreach (var id in include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        ids.Add(id);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            // A project file MSBuild could not read either: nothing to add.
        }
    }
}
