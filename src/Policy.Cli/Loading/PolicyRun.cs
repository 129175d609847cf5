using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Cli.Output;
using Policy.Model;
using Policy.Inventory;

namespace Policy.Cli.Loading;

/// <summary>
/// Runs the very same analyzers as the build (the Policy.Analyzers assembly: every analyzer and the exemption
/// suppressor) over each project with the project's own analyzer options (.editorconfig, .globalconfig, presets,
/// policy.baseline.txt, PolicyEvaluationDate), and extracts the evidence model with Policy.Model.
/// </summary>
public sealed class PolicyRun
{
    private PolicyRun(string input, string repositoryRoot, InventoryDocument document, IReadOnlyList<ProjectResult> projects, Policy.Evidence.EvidenceContext context)
    {
        Context = context;
        Input = input;
        RepositoryRoot = repositoryRoot;
        Document = document;
        Projects = projects;
    }

    /// <summary>The resolved input file.</summary>
    public string Input { get; }

    /// <summary>The repository root (git top level, else the input's folder): paths in the pack are relative to it.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Where the repository and the projects are.</summary>
    public Policy.Evidence.EvidenceContext Context { get; }

    /// <summary>The evidence model.</summary>
    public InventoryDocument Document { get; }

    /// <summary>Per project results.</summary>
    public IReadOnlyList<ProjectResult> Projects { get; }

    /// <summary>
    /// Says on stderr, as the run's last lines, which projects of the input were not analysed: the result is partial.
    /// </summary>
    public void ReportCoverage()
    {
        var missing = Context.Projects?.Where(p => p.Status != Policy.Evidence.ProjectCoverage.Loaded).ToList() ?? [];
        foreach (var project in missing)
        {
            Console.Error.WriteLine($"policy: warning: project '{Policy.Evidence.SafeText.Escape(project.Path)}' was not analysed ({project.Status}: {project.Reason}).");
        }

        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"policy: warning: the analysis is partial: {missing.Count} of {Context.Projects!.Count} project(s) not analysed.");
        }
    }

    /// <summary>The analyzers of the product, instantiated once.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Policy.Analyzers.AiInventoryAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Loads and analyses.</summary>
    public static async Task<PolicyRun> ExecuteAsync(CommonOptions options, DateTime? evaluationDate, Progress progress, CancellationToken cancellationToken)
    {
        var file = SolutionLoader.Resolve(options.Path);
        var root = Git.TopLevel(System.IO.Path.GetDirectoryName(file)!) ?? System.IO.Path.GetDirectoryName(file)!;
        var notLoaded = new List<(string Path, string Reason)>();
        var (workspace, projects) = await SolutionLoader.LoadAsync(file, options.Properties, progress, cancellationToken, notLoaded).ConfigureAwait(false);
        using var _ = workspace;

        var document = new InventoryDocument
        {
            ToolVersion = ToolVersion,
            Input = Relative(root, file),
            Commit = Git.Commit(root),
        };
        var results = new List<ProjectResult>();
        var seenAssemblies = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            progress.Report($"Analysing {project.Name} ({i + 1}/{projects.Count})");
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"project '{project.Name}' has no compilation.");

            // A multi-targeted project loads once per target framework: analyse the first, the findings are the same code.
            if (!seenAssemblies.Add(compilation.AssemblyName + "|" + project.FilePath))
            {
                continue;
            }

            var analyzerOptions = project.AnalyzerOptions;

            // policy.baseline.txt beside the project counts even when the project does not list it (the package's
            // targets add it for `dotnet build`; a project wired to the analyzers another way gets the same result).
            var baselineFile = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project.FilePath!)!, Policy.Model.Baseline.PolicyBaseline.FileName);
            if (File.Exists(baselineFile) && !analyzerOptions.AdditionalFiles.Any(f => string.Equals(System.IO.Path.GetFileName(f.Path), Policy.Model.Baseline.PolicyBaseline.FileName, StringComparison.OrdinalIgnoreCase)))
            {
                analyzerOptions = new AnalyzerOptions(analyzerOptions.AdditionalFiles.Add(new FileText(baselineFile)), analyzerOptions.AnalyzerConfigOptionsProvider);
            }

            if (evaluationDate is { } date)
            {
                analyzerOptions = new AnalyzerOptions(analyzerOptions.AdditionalFiles, new EvaluationDateOptionsProvider(analyzerOptions.AnalyzerConfigOptionsProvider, date));
            }

            var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
            var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var diagnostics = all
                .Where(d => d.Id.StartsWith("POL", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)
                .ToImmutableArray();
            foreach (var crash in all.Where(d => d.Id == "AD0001"))
            {
                Console.Error.WriteLine("policy: internal analyzer error (please report): " + Policy.Evidence.SafeText.Escape(crash.GetMessage(CultureInfo.InvariantCulture).ReplaceLineEndings(" ")));
            }

            var policy = PolicyContext.Get(compilation, analyzerOptions);
            document.EvaluationDate ??= policy.GlobalSettings.EvaluationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (document.Policy.Count == 0)
            {
                foreach (var pair in policy.GlobalSettings.Describe())
                {
                    document.Policy[pair.Key] = pair.Value;
                }
            }

            InventoryBuilder.Add(document, compilation, policy, diagnostics, location => Map(root, location), cancellationToken);
            results.Add(new ProjectResult(project, compilation, diagnostics));
        }

        // POL030: referenced documents that do not exist (file access: the CLI's job, never the analyzers').
        var coverage = results.Select(r => new Policy.Evidence.ProjectCoverage(Relative(root, r.Project.FilePath!), Policy.Evidence.ProjectCoverage.Loaded))
            .Concat(notLoaded.Select(n => new Policy.Evidence.ProjectCoverage(Relative(root, n.Path), Policy.Evidence.ProjectCoverage.NotLoaded, n.Reason)))
            .DistinctBy(c => c.Path)
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        var context = new Policy.Evidence.EvidenceContext(root, results.Select(r => System.IO.Path.GetDirectoryName(r.Project.FilePath!)!).Distinct().ToList(), coverage);
        Policy.Evidence.DocumentReferences.AddFindings(document, context);
        InventoryBuilder.Normalize(document);
        return new PolicyRun(file, root, document, results, context);
    }

    /// <summary>The tool version (from Nerdbank.GitVersioning).</summary>
    public static string ToolVersion { get; } =
        typeof(PolicyRun).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>A location as a repository-relative reference (the mapped .razor line for Razor output).</summary>
    public static SourceRef? Map(string root, Location location)
    {
        if (location.Kind is not (LocationKind.SourceFile or LocationKind.ExternalFile))
        {
            return null;
        }

        var span = location.GetMappedLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            span = location.GetLineSpan();
        }

        if (string.IsNullOrEmpty(span.Path))
        {
            return null;
        }

        return new SourceRef
        {
            Path = Relative(root, span.Path),
            Line = span.StartLinePosition.Line + 1,
            Column = span.StartLinePosition.Character + 1,
        };
    }

    /// <summary>A path relative to the repository root, with forward slashes.</summary>
    public static string Relative(string root, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(root, full);
        return relative.Replace('\\', '/');
    }
}

/// <summary>What one project gave.</summary>
public sealed record ProjectResult(Project Project, Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Overrides build_property.PolicyEvaluationDate (the --as-of option) on top of the project's options.</summary>
internal sealed class EvaluationDateOptionsProvider(AnalyzerConfigOptionsProvider inner, DateTime date) : AnalyzerConfigOptionsProvider
{
    private readonly string _date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override AnalyzerConfigOptions GlobalOptions => new Options(inner.GlobalOptions, _date);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(inner.GetOptions(tree), _date);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(inner.GetOptions(textFile), _date);

    private sealed class Options(AnalyzerConfigOptions inner, string date) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (key == Policy.Model.Settings.PolicySettings.EvaluationDateKey)
            {
                value = date;
                return true;
            }

            return inner.TryGetValue(key, out value!);
        }

        public override IEnumerable<string> Keys => inner.Keys.Append(Policy.Model.Settings.PolicySettings.EvaluationDateKey).Distinct();
    }
}

/// <summary>An additional file read from disk.</summary>
internal sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
        Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(Path), System.Text.Encoding.UTF8);
}

/// <summary>Git facts, read with the git command when it is there.</summary>
public static class Git
{
    /// <summary>The repository's top-level folder, or null.</summary>
    public static string? TopLevel(string folder) => Run(folder, "rev-parse --show-toplevel");

    /// <summary>The commit of HEAD, or null.</summary>
    public static string? Commit(string folder) => Run(folder, "rev-parse HEAD");

    /// <summary>The committer date of HEAD (UTC), or null.</summary>
    public static DateTime? CommitDate(string folder) =>
        long.TryParse(Run(folder, "log -1 --format=%ct"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.Date
            : null;

    private static string? Run(string folder, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 && text.Length > 0 ? text : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
