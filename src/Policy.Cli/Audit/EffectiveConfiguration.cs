using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model.Rules;
using Policy.Model.Settings;

namespace Policy.Cli.Audit;

/// <summary>
/// The configuration the analyzers saw in one project, as lines for the manifest's effective policy (docs/evidence-format.md):
/// the severity of every POL rule that the configuration sets (.editorconfig, .globalconfig, presets, NoWarn/WarningsAsErrors),
/// every <c>policy.*</c> and <c>dotnet_analyzer_diagnostic.*</c> option, the effective policy settings, the preset file
/// and the baseline file's SHA-256. Values, not files: a comment or an unrelated key changes nothing.
/// </summary>
public static class EffectiveConfiguration
{
    /// <summary>The lines of one project, sorted.</summary>
    public static IReadOnlyList<string> Describe(string root, Project project, Compilation compilation, AnalyzerOptions options, PolicySettings settings, CancellationToken cancellationToken)
    {
        var name = "project " + (compilation.AssemblyName ?? project.Name);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var trees = compilation.SyntaxTrees.ToList();

        // Severities: the compiler's options (NoWarn, WarningsAsErrors, rule sets), global configs, then .editorconfig per file.
        var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
        foreach (var rule in RuleCatalogue.All)
        {
            var values = new SortedSet<string>(StringComparer.Ordinal);
            if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(rule.Id, out var specific))
            {
                values.Add("compiler:" + Word(specific));
            }

            if (treeOptions != null)
            {
                if (treeOptions.TryGetGlobalDiagnosticValue(rule.Id, cancellationToken, out var global))
                {
                    values.Add("global:" + Word(global));
                }

                foreach (var tree in trees)
                {
                    if (treeOptions.TryGetDiagnosticValue(tree, rule.Id, cancellationToken, out var value))
                    {
                        values.Add("file:" + Word(value));
                    }
                }
            }

            if (values.Count > 0)
            {
                lines.Add(name + " severity " + rule.Id + "=" + string.Join(" | ", values));
            }
        }

        if (compilation.Options.GeneralDiagnosticOption != ReportDiagnostic.Default)
        {
            lines.Add(name + " compiler warnings=" + Word(compilation.Options.GeneralDiagnosticOption));
        }

        // Options as written (per file they may differ: every distinct value is listed).
        var raw = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Collect(AnalyzerConfigOptions configOptions)
        {
            foreach (var key in configOptions.Keys)
            {
                if ((key.StartsWith(PolicySettings.Prefix, StringComparison.Ordinal) || key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.Ordinal)) &&
                    configOptions.TryGetValue(key, out var value))
                {
                    if (!raw.TryGetValue(key, out var set))
                    {
                        raw[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(value.Trim());
                }
            }
        }

        Collect(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        foreach (var tree in trees)
        {
            Collect(options.AnalyzerConfigOptionsProvider.GetOptions(tree));
        }

        foreach (var (key, values) in raw)
        {
            lines.Add(name + " option " + key + "=" + string.Join(" | ", values));
        }

        // The settings as the model read them, defaults included.
        foreach (var (key, value) in settings.Describe())
        {
            lines.Add(name + " setting " + key + "=" + value);
        }

        lines.Add(name + " preset=" + Preset(project));

        foreach (var file in options.AdditionalFiles.Where(f => string.Equals(Path.GetFileName(f.Path), Policy.Model.Baseline.PolicyBaseline.FileName, StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add(name + " baseline " + Loading.PolicyRun.Relative(root, file.Path) + " sha256=" + Hash(file.Path));
        }

        return lines.ToList();
    }

    /// <summary>The files of a project the analysis read: the project file, its non-generated sources, its analyzer config and additional files.</summary>
    public static IEnumerable<string> FilesRead(Project project, Compilation compilation, AnalyzerOptions options) =>
        new[] { project.FilePath }
            .Concat(compilation.SyntaxTrees.Where(t => !Policy.Model.Detection.GeneratedCode.IsGenerated(t)).Select(t => t.FilePath))
            .Concat(project.AnalyzerConfigDocuments.Select(d => d.FilePath))
            .Concat(options.AdditionalFiles.Select(f => f.Path))
            .OfType<string>()
            .Where(p => p.Length > 0);

    /// <summary>The Policy.Analyzers preset the project's analyzer config files include (presets/&lt;name&gt;.globalconfig of the package), or "none".</summary>
    private static string Preset(Project project)
    {
        var presets = project.AnalyzerConfigDocuments
            .Select(d => d.FilePath)
            .OfType<string>()
            .Select(p => p.Replace('\\', '/'))
            .Where(p => p.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase) &&
                Path.GetFileName(Path.GetDirectoryName(p)) is "presets" &&
                p.Contains("/policy.analyzers/", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return presets.Count == 0 ? "none" : string.Join(", ", presets);
    }

    private static string Hash(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    private static string Word(ReportDiagnostic value) => value switch
    {
        ReportDiagnostic.Error => "error",
        ReportDiagnostic.Warn => "warning",
        ReportDiagnostic.Info => "suggestion",
        ReportDiagnostic.Hidden => "silent",
        ReportDiagnostic.Suppress => "none",
        _ => "default",
    };
}
