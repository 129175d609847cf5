using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Policy.Cli.Output;

namespace Policy.Cli.Loading;

/// <summary>Opens a .sln/.slnx, a .csproj or a folder with MSBuildWorkspace, honouring each project's configuration.</summary>
public static class SolutionLoader
{
    /// <summary>Resolves what the user pointed at: the file to open.</summary>
    public static string Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (solutions.Count == 1)
            {
                return solutions[0];
            }

            if (solutions.Count > 1)
            {
                throw new UsageException($"'{path}' holds several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}): name one.");
            }

            var projects = Directory.GetFiles(full, "*.csproj").OrderBy(p => p, StringComparer.Ordinal).ToList();
            if (projects.Count == 1)
            {
                return projects[0];
            }

            throw new UsageException(projects.Count == 0
                ? $"'{path}' holds no .sln, .slnx or .csproj: point at a solution, a C# project, or a folder holding one."
                : $"'{path}' holds several projects ({string.Join(", ", projects.Select(System.IO.Path.GetFileName))}): name one.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"'{path}' does not exist: point at a solution, a C# project, or a folder holding one.");
        }

        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".sln" or ".slnx" or ".csproj"))
        {
            throw new UsageException($"'{path}' is not a solution or a C# project (.sln, .slnx, .csproj).");
        }

        return full;
    }

    /// <summary>Loads the C# projects; a project that fails to load or restore is a usage error (nothing is analysed half).</summary>
    public static async Task<(MSBuildWorkspace Workspace, IReadOnlyList<Project> Projects)> LoadAsync(string file, IReadOnlyDictionary<string, string> properties, Progress progress, CancellationToken cancellationToken)
    {
        var globalProperties = new Dictionary<string, string>(properties, StringComparer.OrdinalIgnoreCase);
        var workspace = MSBuildWorkspace.Create(globalProperties);
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            // NU1603 and similar restore warnings surface as "Failure" although the load succeeded: keep them for the
            // message but judge the load by its result below.
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            }
        });

        progress.Report("Loading " + System.IO.Path.GetFileName(file));
        IEnumerable<Project> loaded;
        try
        {
            if (file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                var project = await workspace.OpenProjectAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
                loaded = project.Solution.Projects;
            }
            else
            {
                var solution = await workspace.OpenSolutionAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
                loaded = solution.Projects;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException)
        {
            throw new UsageException($"'{file}' could not be loaded: {FirstLine(e.Message)}");
        }

        if (Environment.GetEnvironmentVariable("POLICY_DEBUG_LOAD") == "1")
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine("load: " + failure);
            }
        }

        // A project MSBuild could not evaluate or build (malformed file, missing SDK, not restored) is fatal: analysing
        // it half would give a wrong inventory. Restore warnings (NU1603...) also arrive as failures and are not.
        var fatal = failures.FirstOrDefault(f => f.StartsWith("Msbuild failed", StringComparison.OrdinalIgnoreCase));
        if (fatal != null)
        {
            var hint = fatal.Contains("assets", StringComparison.OrdinalIgnoreCase) || fatal.Contains("restore", StringComparison.OrdinalIgnoreCase)
                ? $" Run 'dotnet restore \"{file}\"' and try again."
                : " Fix the project so that 'dotnet build' can load it, then try again.";
            throw new UsageException($"'{System.IO.Path.GetFileName(file)}' could not be loaded: {FirstLine(fatal)}.{hint}");
        }

        var projects = loaded.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            throw new UsageException($"'{file}' contains no C# project that could be loaded{Reason(failures)}");
        }

        foreach (var project in projects)
        {
            if (!project.MetadataReferences.Any())
            {
                throw new UsageException($"project '{project.Name}' could not be loaded or restored{Reason(failures)} Run 'dotnet restore \"{project.FilePath}\"' and try again.");
            }
        }

        return (workspace, projects);
    }

    private static string Reason(List<string> failures) => failures.Count == 0 ? "." : ": " + FirstLine(failures[0]) + ".";

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.TrimEnd('.');
    }
}
