using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// Fix All that sees a whole project at once: the fixer gets every diagnostic of the scope in that project, sorted
    /// by file path and position (the order in which one-by-one fixes are applied), so it can skip the diagnostics an
    /// earlier fix already resolves and edit each document once. The result then equals one-by-one fixes. Document
    /// scope passes only the document's diagnostics; project and solution scopes pass each project's.
    /// </summary>
    internal sealed class ProjectFixAllProvider : FixAllProvider
    {
        /// <summary>Fixes the sorted <paramref name="diagnostics"/> of one project in <paramref name="solution"/>.</summary>
        public delegate Task<Solution> ProjectFixer(Solution solution, ProjectId project, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken);

        private readonly ProjectFixer _fixer;

        public ProjectFixAllProvider(ProjectFixer fixer) => _fixer = fixer;

        /// <inheritdoc />
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        /// <inheritdoc />
        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var title = fixAllContext.CodeActionEquivalenceKey is { } key ? "Fix all: " + key : "Fix all";
            return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAsync(fixAllContext, ct), fixAllContext.CodeActionEquivalenceKey));
        }

        private async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            IEnumerable<Project> projects = context.Scope switch
            {
                FixAllScope.Solution => solution.Projects.OrderBy(p => p.FilePath ?? p.Name, StringComparer.Ordinal),
                _ => new[] { context.Project },
            };

            foreach (var project in projects)
            {
                ImmutableArray<Diagnostic> diagnostics;
                if (context.Scope == FixAllScope.Document)
                {
                    if (context.Document is null)
                    {
                        continue;
                    }

                    diagnostics = await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false);
                }
                else
                {
                    diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                }

                var sorted = diagnostics
                    .Where(d => d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start)
                    .ThenBy(d => d.Id, StringComparer.Ordinal)
                    .ToImmutableArray();
                if (!sorted.IsEmpty)
                {
                    solution = await _fixer(solution, project.Id, sorted, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
                }
            }

            return solution;
        }
    }
}
