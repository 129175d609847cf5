using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Cli.Output;
using Policy.Model;
using Policy.Inventory;
using Policy.Evidence;

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

    /// <summary>What was analysed.</summary>
    public AnalysisCoverage Coverage => Context.Coverage!;

    /// <summary>The evidence model.</summary>
    public InventoryDocument Document { get; }

    /// <summary>Per project results.</summary>
    public IReadOnlyList<ProjectResult> Projects { get; }

    /// <summary>
    /// Says on stderr what the run analysed and, as the last lines, which projects of the input were not analysed
    /// completely: the result is partial (per-project lines only without --quiet; the warnings always).
    /// </summary>
    public void ReportCoverage(bool quiet = false) => Output.CoverageReport.Write(Coverage, quiet);

    /// <summary>The analyzers of the product, instantiated once.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Policy.Analyzers.AiInventoryAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Restores (unless --no-restore), loads and analyses. A project that does not restore, load or compile is analysed
    /// as far as it binds (suspected findings for AI names that did not resolve) and recorded in <see cref="Coverage"/>;
    /// with --require-build such a run is refused (exit 2) before anything is written.
    /// </summary>
    public static async Task<PolicyRun> ExecuteAsync(CommonOptions options, DateTime? evaluationDate, Progress progress, CancellationToken cancellationToken)
    {
        var file = SolutionLoader.Resolve(options.Path);
        var root = Git.TopLevel(System.IO.Path.GetDirectoryName(file)!) ?? System.IO.Path.GetDirectoryName(file)!;
        RestoreResult restore;
        if (options.NoRestore)
        {
            restore = RestoreResult.Skipped;
        }
        else
        {
            progress.Report("Restoring " + System.IO.Path.GetFileName(file) + " (dotnet restore; --no-restore skips it)");
            restore = await Restorer.RestoreAsync(file, options.Properties, cancellationToken).ConfigureAwait(false);
        }

        var load = await SolutionLoader.LoadAsync(file, options.Properties, progress, cancellationToken).ConfigureAwait(false);
        using var _ = load.Workspace;

        var coverage = new AnalysisCoverage { Restore = restore.State };
        coverage.RestoreErrors.AddRange(restore.Errors.Take(10));
        if (Program.SdkNote != null)
        {
            coverage.Notes.Add(Program.SdkNote);
        }

        coverage.Notes.AddRange(restore.Notes);

        // A global.json that asks for an SDK the host rolled forward from: say which SDK loaded the projects.
        if (GlobalJson.RollForwardNote(System.IO.Path.GetDirectoryName(file)!, path => Relative(root, path)) is { } rolled)
        {
            coverage.Notes.Add(rolled);
        }

        var document = new InventoryDocument
        {
            ToolVersion = ToolVersion,
            Input = Relative(root, file),
            Commit = Git.Commit(root),
        };
        var results = new List<ProjectResult>();
        var configuration = new List<string>();
        var filesRead = new List<string>();

        // A multi-targeted project loads once per target framework: each framework is analysed (code under #if, and
        // packages referenced for one framework, differ) and the results merged, so a finding or an AI type that every
        // framework has appears once, and one that only some have says which (targetFrameworks).
        var groups = load.Projects.GroupBy(p => System.IO.Path.GetFullPath(p.FilePath!), StringComparer.Ordinal).ToList();
        for (var i = 0; i < groups.Count; i++)
        {
            var variants = groups[i].OrderBy(p => TargetFramework(p), FrameworkOrder.Instance).ToList();
            var parts = new List<KeyValuePair<string?, InventoryDocument>>();
            var analysed = new List<(Project Project, Compilation Compilation, List<Diagnostic> CompileErrors)>();
            ProjectResult? first = null;
            foreach (var project in variants)
            {
                progress.Report($"Analysing {project.Name} ({i + 1}/{groups.Count})");
                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new UsageException($"project '{project.Name}' has no compilation.");

                var analyzerOptions = project.AnalyzerOptions;

                // policy.baseline.txt beside the project counts even when the project does not list it (the package's
                // targets add it for `dotnet build`; a project wired to the analyzers another way gets the same result).
                var baselineFile = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(project.FilePath!)!, Policy.Model.Baseline.PolicyBaseline.FileName);
                if (File.Exists(baselineFile) && !analyzerOptions.AdditionalFiles.Any(f => string.Equals(System.IO.Path.GetFileName(f.Path), Policy.Model.Baseline.PolicyBaseline.FileName, StringComparison.OrdinalIgnoreCase)))
                {
                    analyzerOptions = new AnalyzerOptions(analyzerOptions.AdditionalFiles.Add(new FileText(baselineFile)), analyzerOptions.AnalyzerConfigOptionsProvider);
                }

                // --as-of, and the project's package references: context for AI names that do not resolve (the build
                // never runs the analyzers on code that does not compile, so only the CLI needs them).
                var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
                // The CLI judges unrestored code, where unknown names are suspected by namespace: every type is analysed.
                overrides[Policy.Model.Settings.PolicySettings.ReachFilterKey] = "false";
                if (evaluationDate is { } date)
                {
                    overrides[Policy.Model.Settings.PolicySettings.EvaluationDateKey] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                if (PackageReferences.Of(project.FilePath!, AssetsFile(project)) is { Count: > 0 } packages)
                {
                    overrides[Policy.Model.Settings.PolicySettings.PackageReferencesKey] = string.Join(";", packages);
                }

                if (overrides.Count > 0)
                {
                    analyzerOptions = new AnalyzerOptions(analyzerOptions.AdditionalFiles, new OverridingOptionsProvider(analyzerOptions.AnalyzerConfigOptionsProvider, overrides));
                }

                // Compiler and analyzer diagnostics in one pass: the compile errors are coverage, the POL ones findings.
                // (CompilationWithAnalyzers runs the analyzers on a compilation with errors; the compiler in a build does not.)
                var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
                var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                var diagnostics = all
                    .Where(d => d.Id.StartsWith("POL", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)
                    .ToImmutableArray();
                foreach (var crash in all.Where(d => d.Id == "AD0001"))
                {
                    Console.Error.WriteLine("policy: internal analyzer error (please report): " + Policy.Evidence.SafeText.Escape(crash.GetMessage(CultureInfo.InvariantCulture).ReplaceLineEndings(" ")));
                }

                var compileErrors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed && !d.Id.StartsWith("POL", StringComparison.Ordinal) && d.Id != "AD0001")
                    .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                    .ToList();
                analysed.Add((project, compilation, compileErrors));

                var policy = PolicyContext.Get(compilation, analyzerOptions);
                document.EvaluationDate ??= policy.GlobalSettings.EvaluationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (document.Policy.Count == 0)
                {
                    foreach (var pair in policy.GlobalSettings.Describe())
                    {
                        document.Policy[pair.Key] = pair.Value;
                    }
                }

                configuration.AddRange(Audit.EffectiveConfiguration.Describe(root, project, compilation, analyzerOptions, policy.GlobalSettings, cancellationToken));
                filesRead.AddRange(Audit.EffectiveConfiguration.FilesRead(project, compilation, analyzerOptions));
                var part = new InventoryDocument();
                InventoryBuilder.Add(part, compilation, policy, diagnostics, location => Map(root, location), cancellationToken);
                parts.Add(new KeyValuePair<string?, InventoryDocument>(variants.Count > 1 ? TargetFramework(project) : null, part));
                first ??= new ProjectResult(project, compilation, diagnostics);
            }

            TargetFrameworkMerge.Add(document, parts);
            coverage.Projects.Add(Describe(root, analysed, restore));
            results.Add(first!);
        }

        foreach (var (path, reason) in load.NotLoaded)
        {
            var sources = Directory.Exists(System.IO.Path.GetDirectoryName(path))
                ? Directory.EnumerateFiles(System.IO.Path.GetDirectoryName(path)!, "*.cs", SearchOption.AllDirectories)
                    .Count(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}") && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}"))
                : 0;
            coverage.Projects.Add(new ProjectCoverage
            {
                Path = Relative(root, path),
                Name = System.IO.Path.GetFileNameWithoutExtension(path),
                Status = ProjectStatus.NotLoaded,
                Reason = reason,
                SourceFiles = sources,
            });
        }

        coverage.Projects.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        if (options.RequireBuild && (!coverage.IsComplete || restore.State == "failed"))
        {
            var partial = coverage.Partial.Select(p => p.Path + " (" + StatusWords(p) + ")").ToList();
            if (restore.State == "failed")
            {
                partial.Insert(0, "restore failed: " + (restore.Errors.FirstOrDefault() ?? "see dotnet restore"));
            }

            throw new UsageException("--require-build: the analysis would be partial, nothing was written: " + string.Join("; ", partial) + ".");
        }

        // POL030: referenced documents that do not exist (file access: the CLI's job, never the analyzers').
        var context = new Policy.Evidence.EvidenceContext(root, results.Select(r => System.IO.Path.GetDirectoryName(r.Project.FilePath!)!).Distinct().ToList()) { Coverage = coverage };
        Policy.Evidence.DocumentReferences.AddFindings(document, context);
        InventoryBuilder.Normalize(document);

        // Provenance: the configuration seen, and whether the files read (referenced documents included) are the commit's.
        filesRead.AddRange(Policy.Evidence.DocumentReferences.Find(document, context).Where(d => d.Path != null).Select(d => System.IO.Path.Combine(root, d.Path!)));
        var changes = document.Commit is null ? null : Audit.WorkingTree.Changes(root, filesRead);
        context = context with { Provenance = new Policy.Evidence.AnalysisProvenance { Dirty = changes is null ? null : changes.Count > 0, Changes = changes ?? [], Configuration = configuration } };
        return new PolicyRun(file, root, document, results, context);
    }

    /// <summary>The coverage of one loaded project: every target framework analysed (source files and compile errors of all of them, each once).</summary>
    private static ProjectCoverage Describe(string root, IReadOnlyList<(Project Project, Compilation Compilation, List<Diagnostic> CompileErrors)> variants, RestoreResult restore)
    {
        var (project, compilation, _) = variants[0];
        var path = System.IO.Path.GetFullPath(project.FilePath!);
        var documents = variants.SelectMany(v => v.Project.Documents).Select(d => d.FilePath).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var tree in variants.SelectMany(v => v.Compilation.SyntaxTrees))
        {
            trees.TryAdd(tree.FilePath, tree);
        }

        var generated = trees.Values.Count(t => !documents.Contains(t.FilePath) || Policy.Model.Detection.GeneratedCode.IsGenerated(t));

        // The same error in several frameworks counts once (the build reports it once per framework).
        var compileErrors = variants.SelectMany(v => v.CompileErrors)
            .GroupBy(d => (d.Id, d.Location.SourceTree?.FilePath, d.Location.SourceSpan.Start, Message: d.GetMessage(CultureInfo.InvariantCulture)))
            .Select(g => g.First())
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        var coverage = new ProjectCoverage
        {
            Path = Relative(root, path),
            Name = compilation.AssemblyName ?? project.Name,
            SourceFiles = trees.Count,
            SourceFilesAnalysed = trees.Count,
            GeneratedFiles = generated,
            CompileErrors = compileErrors.Count,
        };
        coverage.TargetFrameworks.AddRange(variants.Select(v => TargetFramework(v.Project)).OfType<string>().Distinct().OrderBy(f => f, FrameworkOrder.Instance));
        coverage.AnalysedTargetFrameworks.AddRange(coverage.TargetFrameworks);
        coverage.FirstErrors.AddRange(compileErrors.Take(5).Select(d => FormatError(root, d)));

        // What MSBuild reported while loading a project that did load is not judged here: restore and evaluation warnings
        // (NU1603, NU1608, NU1701, NETSDK...) arrive as failures too and the text alone does not tell them from errors.
        // What matters is what the compilation got: the assets file, the references, the compile errors.
        restore.ErrorsByProject.TryGetValue(path, out var restoreErrors);
        string? unresolved = null;
        if (restoreErrors is { Count: > 0 })
        {
            unresolved = "restore failed: " + restoreErrors[0];
        }
        else if (AssetsFile(project) is not { } assets)
        {
            unresolved = restore.State == "skipped" ? "never restored: no obj/project.assets.json (--no-restore)" : "no obj/project.assets.json after restore";
        }
        else if (AssetsError(assets) is { } assetsError)
        {
            unresolved = "the last restore failed: " + assetsError;
        }
        else if (variants.Any(v => !v.Project.MetadataReferences.Any()))
        {
            unresolved = "no metadata reference resolved";
        }

        if (unresolved != null)
        {
            coverage.Status = ProjectStatus.ReferencesNotResolved;
            coverage.Reason = unresolved;
        }
        else if (compileErrors.Count > 0)
        {
            coverage.Status = ProjectStatus.CompileErrors;
        }

        return coverage;
    }

    /// <summary>NuGet's assets file of the project (obj/, or the artifacts layout's obj folder), or null when there is none.</summary>
    private static string? AssetsFile(Project project)
    {
        var folder = System.IO.Path.GetDirectoryName(project.FilePath!)!;
        var beside = System.IO.Path.Combine(folder, "obj", "project.assets.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        // Custom intermediate folders (UseArtifactsOutput, BaseIntermediateOutputPath): look beside the output's obj.
        var output = project.OutputFilePath;
        if (output != null)
        {
            for (var directory = new DirectoryInfo(System.IO.Path.GetDirectoryName(output)!); directory != null; directory = directory.Parent)
            {
                if (directory.Name == "bin" && directory.Parent != null)
                {
                    var obj = System.IO.Path.Combine(directory.Parent.FullName, "obj");
                    foreach (var candidate in new[] { System.IO.Path.Combine(obj, "project.assets.json"), System.IO.Path.Combine(obj, System.IO.Path.GetFileNameWithoutExtension(project.FilePath!), "project.assets.json") })
                    {
                        if (File.Exists(candidate))
                        {
                            return candidate;
                        }
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The first error NuGet logged in the assets file (a restore that failed earlier, seen with --no-restore), or null.</summary>
    private static string? AssetsError(string assetsFile)
    {
        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var json = System.Text.Json.JsonDocument.Parse(stream);
            if (json.RootElement.TryGetProperty("logs", out var logs) && logs.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var log in logs.EnumerateArray())
                {
                    if (log.ValueKind == System.Text.Json.JsonValueKind.Object &&
                        log.TryGetProperty("level", out var level) && level.ValueKind == System.Text.Json.JsonValueKind.String && level.GetString() == "Error")
                    {
                        var code = log.TryGetProperty("code", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
                        var message = log.TryGetProperty("message", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.String ? m.GetString() : null;
                        return (code is null ? string.Empty : code + ": ") + SolutionLoader.FirstLine(message ?? "restore error");
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return "the assets file cannot be read: " + SolutionLoader.FirstLine(e.Message);
        }

        return null;
    }

    private static string FormatError(string root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = string.IsNullOrEmpty(span.Path) ? string.Empty : $"{Relative(root, span.Path)}({span.StartLinePosition.Line + 1}): ";
        return where + diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>A project's status in words (console, --require-build).</summary>
    public static string StatusWords(ProjectCoverage project) => project.Status switch
    {
        ProjectStatus.CompileErrors => $"{project.CompileErrors} compile error(s)",
        ProjectStatus.ReferencesNotResolved => "references not resolved: " + project.Reason,
        ProjectStatus.NotLoaded => "not loaded: " + project.Reason,
        _ => "complete",
    };

    /// <summary>The target framework a project instance was loaded for: the "(tfm)" MSBuildWorkspace appends for multi-targeted projects, else read from the preprocessor symbols.</summary>
    public static string? TargetFramework(Project project)
    {
        var name = project.Name;
        if (name.EndsWith(')') && name.LastIndexOf('(') is var open and > 0)
        {
            return name[(open + 1)..^1];
        }

        var symbols = project.ParseOptions?.PreprocessorSymbolNames ?? [];
        string? best = null;
        var bestVersion = new Version(0, 0);
        foreach (var symbol in symbols)
        {
            var match = System.Text.RegularExpressions.Regex.Match(symbol, @"^(NET|NETSTANDARD|NETCOREAPP)(\d+)_(\d+)$");
            if (match.Success)
            {
                var version = new Version(int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
                var moniker = match.Groups[1].Value.ToLowerInvariant() + version.Major + "." + version.Minor;
                if (version > bestVersion)
                {
                    bestVersion = version;
                    best = moniker;
                }
            }
        }

        return best;
    }

    /// <summary>Orders target frameworks: .NET (newest first), then .NET Core, then .NET Standard, then the rest.</summary>
    private sealed class FrameworkOrder : IComparer<string?>
    {
        public static FrameworkOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            var c = Rank(x).CompareTo(Rank(y));
            if (c != 0)
            {
                return c;
            }

            c = VersionOf(y).CompareTo(VersionOf(x)); // newest first
            return c != 0 ? c : string.CompareOrdinal(x, y);
        }

        private static Version VersionOf(string? framework) =>
            Version.TryParse(new string((framework ?? string.Empty).SkipWhile(char.IsLetter).TakeWhile(ch => char.IsDigit(ch) || ch == '.').ToArray()), out var v) ? v : new Version(0, 0);

        private static int Rank(string? framework) => framework switch
        {
            null => 9,
            _ when framework.StartsWith("netstandard", StringComparison.Ordinal) => 2,
            _ when framework.StartsWith("netcoreapp", StringComparison.Ordinal) => 1,
            _ when framework.StartsWith("net", StringComparison.Ordinal) && framework.Contains('.') => 0,
            _ => 3,
        };
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

/// <summary>Options set by the CLI on top of the project's (build_property.PolicyEvaluationDate from --as-of, build_property.PolicyPackageReferences).</summary>
internal sealed class OverridingOptionsProvider(AnalyzerConfigOptionsProvider inner, IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    // One wrapper per options object of the project (files with the same sections share one): the analyzers cache settings by it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<AnalyzerConfigOptions, Options> _wrapped = new();

    public override AnalyzerConfigOptions GlobalOptions => Wrap(inner.GlobalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Wrap(inner.GetOptions(tree));

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Wrap(inner.GetOptions(textFile));

    private Options Wrap(AnalyzerConfigOptions options) => _wrapped.GetValue(options, o => new Options(o, values));

    private sealed class Options(AnalyzerConfigOptions inner, IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var own))
            {
                value = own;
                return true;
            }

            return inner.TryGetValue(key, out value!);
        }

        public override IEnumerable<string> Keys => inner.Keys.Concat(values.Keys).Distinct();
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
