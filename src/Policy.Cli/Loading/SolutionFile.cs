using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Policy.Cli.Loading;

/// <summary>
/// The C# projects a solution (.sln, .slnx), a solution filter (.slnf) or a project names, as full paths: what the run
/// is expected to analyse, so that a project that did not load is reported instead of silently missing.
/// </summary>
public static partial class SolutionFile
{
    /// <summary>The .csproj files <paramref name="file"/> names (itself for a project); empty when it cannot be read.</summary>
    public static IReadOnlyList<string> Projects(string file)
    {
        try
        {
            var folder = Path.GetDirectoryName(file)!;
            var extension = Path.GetExtension(file).ToLowerInvariant();
            IEnumerable<string> paths = extension switch
            {
                ".csproj" => [file],
                ".sln" => SlnProject().Matches(File.ReadAllText(file)).Select(m => m.Groups["path"].Value),
                ".slnx" => XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path")).OfType<string>(),
                ".slnf" => Filter(file, out folder),
                _ => [],
            };
            return paths
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(p.Replace('\\', Path.DirectorySeparatorChar), folder))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            return [];
        }
    }

    private static IEnumerable<string> Filter(string file, out string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        var solution = json.RootElement.GetProperty("solution");
        var path = solution.GetProperty("path").GetString() ?? string.Empty;
        folder = Path.GetDirectoryName(Path.GetFullPath(path.Replace('\\', Path.DirectorySeparatorChar), Path.GetDirectoryName(file)!))!;
        return solution.GetProperty("projects").EnumerateArray().Select(p => p.GetString()).OfType<string>().ToList();
    }

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
