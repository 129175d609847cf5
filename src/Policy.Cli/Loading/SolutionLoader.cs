using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Policy.Cli.Output;

namespace Policy.Cli.Loading;

/// <summary>Opens a .sln/.slnx/.slnf, a .csproj or a folder with MSBuildWorkspace, honouring each project's configuration.</summary>
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
        if (extension is not (".sln" or ".slnx" or ".slnf" or ".csproj"))
        {
            throw new UsageException($"'{path}' is not a solution or a C# project (.sln, .slnx, a .slnf solution filter, .csproj).");
        }

        return full;
    }

    /// <summary>
    /// Loads the C# projects. Never fails because of one project: warnings MSBuild reports while evaluating (NU1603,
    /// NU1608, NU1701, NETSDK warnings, also under TreatWarningsAsErrors) are ignored, errors are recorded per project,
    /// and a project that did not load at all is named in <see cref="LoadResult.NotLoaded"/> (the run then says its
    /// analysis is partial). Fails (exit 2) only when the input cannot be opened or no C# project loads. The workspace
    /// (and its BuildHost child process) is disposed when loading fails, is cancelled, or the process exits.
    /// </summary>
    public static async Task<LoadResult> LoadAsync(string file, IReadOnlyDictionary<string, string> properties, Progress progress, CancellationToken cancellationToken)
    {
        var globalProperties = new Dictionary<string, string>(properties, StringComparer.OrdinalIgnoreCase);
        var workspace = MSBuildWorkspace.Create(globalProperties);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => workspace.Dispose();
        try
        {
            return await LoadAsync(workspace, file, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    private static async Task<LoadResult> LoadAsync(MSBuildWorkspace workspace, string file, Progress progress, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
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
            // A malformed .sln/.slnx (SolutionException, XmlException...), an unreadable file, and what the BuildHost
            // reports (RemoteInvocationException), for example a global.json that pins an SDK that is not installed:
            // MSBuildWorkspace's build host resolves the SDK from the project's folder, so that cannot be rolled forward;
            // `dotnet build` fails there the same way. Bad input, one line.
            var sdk = SdkPin(e.Message);
            var policy = sdk is null ? null : GlobalJson.Find(System.IO.Path.GetDirectoryName(file)!);
            throw new UsageException(sdk != null
                ? $"'{System.IO.Path.GetFileName(file)}' could not be loaded: {sdk}{(policy is null ? string.Empty : $"; its {policy.PolicyWords} accepts {policy.Allows()}, and no such SDK is installed")}; install that SDK or update global.json ('dotnet build' fails the same way)."
                : $"'{file}' could not be loaded: {FirstLine(e.Message)}.");
        }

        var notFound = new List<string>();
        foreach (var failure in failures)
        {
            var match = System.Text.RegularExpressions.Regex.Match(failure, "^Project file not found: '(?<path>[^']+)'");
            if (match.Success)
            {
                notFound.Add(System.IO.Path.GetFullPath(match.Groups["path"].Value));
            }
        }

        if (Environment.GetEnvironmentVariable("POLICY_DEBUG_LOAD") == "1")
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine("load: " + failure);
            }
        }

        var problems = failures.Select(LoadProblem.Parse).ToList();
        var projects = loaded.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        // MSBuildWorkspace returns an empty shell for a project file MSBuild could not read (malformed XML, missing SDK):
        // no documents, no references. That project did not load.
        var notLoaded = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var shell in projects.Where(p => !p.Documents.Any() && (!p.MetadataReferences.Any() || problems.Any(f => f.IsError && f.File == System.IO.Path.GetFullPath(p.FilePath!)))).ToList())
        {
            var path = System.IO.Path.GetFullPath(shell.FilePath!);
            notLoaded[path] = (problems.FirstOrDefault(p => p.File == path && p.IsError) ?? problems.FirstOrDefault(p => p.File == path))?.Text ?? "MSBuild could not evaluate it";
            projects.Remove(shell);
        }

        var loadedFiles = projects.Select(p => System.IO.Path.GetFullPath(p.FilePath!)).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in SolutionFile.Projects(file).Concat(notFound).Distinct(StringComparer.Ordinal))
        {
            if (!loadedFiles.Contains(expected) && !notLoaded.ContainsKey(expected))
            {
                var reason = (problems.FirstOrDefault(p => p.File == expected && p.IsError) ?? problems.FirstOrDefault(p => p.File == expected))?.Text
                    ?? (File.Exists(expected) ? "MSBuild could not load it" : "project file not found");
                notLoaded[expected] = reason;
            }
        }

        if (projects.Count == 0)
        {
            var reason = notLoaded.Values.FirstOrDefault() ?? (problems.FirstOrDefault(p => p.IsError) ?? problems.FirstOrDefault())?.Text;
            throw new UsageException($"'{file}' contains no C# project that could be loaded{(reason is null ? "." : ": " + reason + ".")}");
        }

        return new LoadResult(workspace, projects, problems, notLoaded);
    }

    private static string? SdkPin(string message)
    {
        var requested = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Requested SDK version", StringComparison.Ordinal));
        var globalJson = message.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("global.json file", StringComparison.Ordinal));
        return requested is null ? null : $"{globalJson ?? "global.json"} pins an SDK that is not installed ({requested})";
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return Policy.Evidence.SafeText.Escape(line.TrimEnd('.'));
    }
}

/// <summary>The loaded workspace and what did not load.</summary>
/// <param name="Workspace">The workspace (dispose it).</param>
/// <param name="Projects">The C# projects loaded (a multi-targeted project once per target framework).</param>
/// <param name="Problems">MSBuild errors reported while loading, by project file.</param>
/// <param name="NotLoaded">Projects the solution names that did not load, with the reason.</param>
public sealed record LoadResult(MSBuildWorkspace Workspace, IReadOnlyList<Project> Projects, IReadOnlyList<LoadProblem> Problems, IReadOnlyDictionary<string, string> NotLoaded);

/// <summary>One MSBuildWorkspace failure, parsed: which file, the text, and whether it is an error (warnings arrive as failures too).</summary>
public sealed partial record LoadProblem(string? File, string Text, bool IsError)
{
    /// <summary>
    /// Parses "Msbuild failed when processing the file '...' with message: ...". The diagnostic kind is Failure for
    /// restore and evaluation warnings too (NU1603, NETSDK1138, ...): only a message that names an error code, or one
    /// without any code that is not a warning, is an error.
    /// </summary>
    public static LoadProblem Parse(string message)
    {
        string? file = null;
        var text = message;
        var match = MsbuildFailed().Match(message);
        if (match.Success)
        {
            file = System.IO.Path.GetFullPath(match.Groups["file"].Value);
            text = match.Groups["text"].Value;
        }

        text = SolutionLoader.FirstLine(text);
        var isError = ErrorCode().IsMatch(text) || (!WarningCode().IsMatch(text) && !text.Contains("warning", StringComparison.OrdinalIgnoreCase));
        return new LoadProblem(file, text, isError);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Msbuild failed when processing the file '(?<file>[^']+)'(?: with message: (?<text>[\s\S]*))?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MsbuildFailed();

    [System.Text.RegularExpressions.GeneratedRegex(@"\berror\s+[A-Z]+\d+\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ErrorCode();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bwarning\s+[A-Z]+\d+\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WarningCode();
}
