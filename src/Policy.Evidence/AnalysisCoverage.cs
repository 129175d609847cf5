namespace Policy.Evidence;

/// <summary>How far one project was analysed.</summary>
public static class ProjectStatus
{
    /// <summary>Restored, loaded and compiled without errors: the analysis is complete.</summary>
    public const string Complete = "loaded";

    /// <summary>Loaded, but the compilation has errors: names that did not bind are suspected, not confirmed.</summary>
    public const string CompileErrors = "compile errors";

    /// <summary>Loaded, but its package references did not resolve (never restored, restore failed): only the framework bound.</summary>
    public const string ReferencesNotResolved = "references not resolved";

    /// <summary>Not loaded at all (missing file, MSBuild could not evaluate it): nothing of it was analysed.</summary>
    public const string NotLoaded = "not loaded";
}

/// <summary>
/// What a run analysed (manifest.json <c>coverage</c>, report.html, the console's last lines): the restore, and per
/// project whether it loaded, restored and compiled, its target frameworks and the share of its source files analysed.
/// An inventory is only complete when every project is <see cref="ProjectStatus.Complete"/>.
/// </summary>
public sealed class AnalysisCoverage
{
    /// <summary>The restore before loading: <c>restored</c>, <c>failed</c> or <c>skipped</c> (--no-restore).</summary>
    public string Restore { get; set; } = "skipped";

    /// <summary>The first errors of a failed restore (as dotnet restore printed them).</summary>
    public List<string> RestoreErrors { get; set; } = [];

    /// <summary>Notes about the run as a whole (SDK roll-forward, ...).</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>One entry per project, sorted by path.</summary>
    public List<ProjectCoverage> Projects { get; set; } = [];

    /// <summary>True when every project was analysed completely.</summary>
    public bool IsComplete => Projects.Count > 0 && Projects.All(p => p.Status == ProjectStatus.Complete);

    /// <summary>The projects not analysed completely.</summary>
    public IEnumerable<ProjectCoverage> Partial => Projects.Where(p => p.Status != ProjectStatus.Complete);

    /// <summary>Source files analysed over all source files of all projects (those of projects not loaded count as not analysed).</summary>
    public (int Analysed, int Total) SourceFiles => (Projects.Sum(p => p.SourceFilesAnalysed), Projects.Sum(p => p.SourceFiles));
}

/// <summary>The coverage of one project.</summary>
public sealed class ProjectCoverage
{
    /// <summary>Same as <see cref="ProjectStatus.Complete"/>.</summary>
    public const string Loaded = ProjectStatus.Complete;

    /// <summary>Same as <see cref="ProjectStatus.NotLoaded"/>.</summary>
    public const string NotLoaded = ProjectStatus.NotLoaded;

    /// <summary>An empty entry (set the properties).</summary>
    public ProjectCoverage()
    {
    }

    /// <summary>An entry with a path, a status and why.</summary>
    public ProjectCoverage(string path, string status, string? reason = null)
    {
        Path = path;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
        Status = status;
        Reason = reason;
    }

    /// <summary>The project file, relative to the repository root.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The project (assembly) name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>One of <see cref="ProjectStatus"/>.</summary>
    public string Status { get; set; } = ProjectStatus.Complete;

    /// <summary>Why the project was not loaded or its references did not resolve (one line), when so.</summary>
    public string? Reason { get; set; }

    /// <summary>The target frameworks the project builds for.</summary>
    public List<string> TargetFrameworks { get; set; } = [];

    /// <summary>The target frameworks analysed: each one of a multi-targeted project (findings and inventory merged, see targetFrameworks in inventory.json).</summary>
    public List<string> AnalysedTargetFrameworks { get; set; } = [];

    /// <summary>Number of compiler errors.</summary>
    public int CompileErrors { get; set; }

    /// <summary>The first compiler errors, as <c>path(line): CSxxxx: message</c>.</summary>
    public List<string> FirstErrors { get; set; } = [];

    /// <summary>C# files of the project (hand-written and generated).</summary>
    public int SourceFiles { get; set; }

    /// <summary>Of which generated (source generators such as Razor, obj/ files).</summary>
    public int GeneratedFiles { get; set; }

    /// <summary>C# files analysed (all of a loaded project; none of a project not loaded).</summary>
    public int SourceFilesAnalysed { get; set; }

    /// <summary>The sentence the console prints for the project.</summary>
    public string Describe()
    {
        var frameworks = TargetFrameworks.Count == 0 ? string.Empty
            : TargetFrameworks.Count == 1 ? $" [{TargetFrameworks[0]}]"
            : AnalysedTargetFrameworks.SequenceEqual(TargetFrameworks) ? $" [{string.Join(", ", TargetFrameworks)}; each analysed]"
            : $" [{string.Join(", ", TargetFrameworks)}; analysed {string.Join(", ", AnalysedTargetFrameworks)}]";
        var files = $"{SourceFilesAnalysed}/{SourceFiles} source file(s) analysed, {GeneratedFiles} generated";
        return Status switch
        {
            ProjectStatus.Complete => $"{Path}: loaded fully{frameworks}; {files}",
            ProjectStatus.CompileErrors => $"{Path}: loaded with {CompileErrors} compile error(s){frameworks}; {files}; first: {string.Join(" | ", FirstErrors.Take(1))}",
            ProjectStatus.ReferencesNotResolved => $"{Path}: references not resolved ({Reason}){frameworks}; {CompileErrors} compile error(s); {files}",
            _ => $"{Path}: not loaded ({Reason}); {files}",
        };
    }
}
