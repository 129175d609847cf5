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
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("the path is empty: point at a solution, a C# project, or a folder holding one.");
        }

        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"'{path}' is not a valid path: point at a solution, a C# project, or a folder holding one.");
        }
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

    /// <summary>
    /// Loads the C# projects; a project that fails to load or restore is a usage error (nothing is analysed half).
    /// A project the solution names but that does not exist is added to <paramref name="notLoaded"/> (path, reason):
    /// the run then says its analysis is partial. The workspace (and its BuildHost child process) is disposed when
    /// loading fails, is cancelled, or the process exits.
    /// </summary>
    public static async Task<(MSBuildWorkspace Workspace, IReadOnlyList<Project> Projects)> LoadAsync(string file, IReadOnlyDictionary<string, string> properties, Progress progress, CancellationToken cancellationToken, List<(string Path, string Reason)>? notLoaded = null)
    {
        var globalProperties = new Dictionary<string, string>(properties, StringComparer.OrdinalIgnoreCase);
        var workspace = MSBuildWorkspace.Create(globalProperties);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => workspace.Dispose();
        try
        {
            return await LoadAsync(workspace, file, progress, cancellationToken, notLoaded).ConfigureAwait(false);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static async Task<(MSBuildWorkspace Workspace, IReadOnlyList<Project> Projects)> LoadAsync(MSBuildWorkspace workspace, string file, Progress progress, CancellationToken cancellationToken, List<(string Path, string Reason)>? notLoaded)
    {
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A malformed .sln/.slnx (SolutionException, XmlException...), an unreadable file: bad input, one line.
            throw new UsageException($"'{file}' could not be loaded: {FirstLine(e.Message)}.");
        }

        foreach (var failure in failures)
        {
            var match = System.Text.RegularExpressions.Regex.Match(failure, "^Project file not found: '(?<path>[^']+)'");
            if (match.Success)
            {
                notLoaded?.Add((match.Groups["path"].Value, "project file not found"));
            }
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
        return Policy.Evidence.SafeText.Escape(line.TrimEnd('.'));
    }
}
