using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Policy.Analyzers.CodeFixes;
using Policy.Analyzers.Tests.Infrastructure;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Runs the code fixes the way an IDE does: the files in an AdhocWorkspace, the analyzers over the workspace's
    /// compilation, then every fixer's RegisterCodeFixesAsync for each diagnostic it fixes, every offered action's
    /// operations applied, the fixed solution compiled again, and Fix All in the document.
    /// </summary>
    public static class CodeFixRunner
    {
        /// <summary>Every code fix provider of the package.</summary>
        public static ImmutableArray<CodeFixProvider> AllFixers { get; } = typeof(InventoryCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, System.StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Applies the fixes; returns how many actions were applied. Exceptions propagate to the caller.</summary>
        public static async Task<int> RunAsync(IEnumerable<(string Path, string Text)> files, OutputKind outputKind, PolicyConfiguration configuration, int maxDiagnostics, CancellationToken cancellationToken)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(projectId, "Robustness", "Robustness", LanguageNames.CSharp)
                .WithProjectParseOptions(projectId, PolicyAnalysis.ParseOptions)
                .WithProjectCompilationOptions(projectId, new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable))
                .AddMetadataReferences(projectId, TestReferences.Everything);
            foreach (var (path, text) in files)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
            }

            var project = solution.GetProject(projectId)!;
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var analysis = await PolicyAnalysis.RunAsync(compilation, configuration, cancellationToken: cancellationToken).ConfigureAwait(false);
            var failures = analysis.Failures.ToList();
            if (failures.Count > 0)
            {
                throw new AnalyzerFailureException(string.Join("\n", failures));
            }

            var applied = 0;
            foreach (var fixer in AllFixers)
            {
                var fixable = analysis.Diagnostics
                    .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource && !d.IsSuppressed)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start)
                    .Take(maxDiagnostics)
                    .ToList();
                foreach (var diagnostic in fixable)
                {
                    var document = project.GetDocument(diagnostic.Location.SourceTree);
                    if (document is null)
                    {
                        continue;
                    }

                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
                    foreach (var action in actions.Take(3))
                    {
                        applied += await ApplyAsync(action, cancellationToken).ConfigureAwait(false);
                    }

                    if (actions.Count > 0 && fixer.GetFixAllProvider() is { } fixAll)
                    {
                        var context = new FixAllContext(
                            document, fixer, FixAllScope.Document, actions[0].EquivalenceKey, fixer.FixableDiagnosticIds,
                            new FixedDiagnostics(analysis.Diagnostics), cancellationToken);
                        if (await fixAll.GetFixAsync(context).ConfigureAwait(false) is { } fixAllAction)
                        {
                            applied += await ApplyAsync(fixAllAction, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            return applied;
        }

        private static async Task<int> ApplyAsync(CodeAction action, CancellationToken cancellationToken)
        {
            var applied = 0;
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation change)
                {
                    // The fixed code must still be something the compiler (and our analyzers) can take.
                    foreach (var changed in change.ChangedSolution.Projects)
                    {
                        var fixedCompilation = await changed.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                        _ = fixedCompilation!.GetDiagnostics(cancellationToken);
                    }

                    applied++;
                }
            }

            return applied;
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource));
        }
    }

    /// <summary>An analyzer threw (AD0001) while the code fixes were being exercised.</summary>
    public sealed class AnalyzerFailureException : System.Exception
    {
        /// <summary>Creates the exception.</summary>
        public AnalyzerFailureException(string message)
            : base(message)
        {
        }
    }
}
