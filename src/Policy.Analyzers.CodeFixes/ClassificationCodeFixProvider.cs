using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Policy.Model.Detection;
using Policy.Model.Evaluation;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// POL010: classifies the unclassified sources an AI call receives, with <c>[Classification(DataClass.X)]</c> on each
    /// member's declaration (a property, a field declaration, a record's positional parameter, a parameter), on the type
    /// for a whole object, or as <c>[return: ...]</c> on a method. Which class is a decision only a person can make, so
    /// one action is offered per class; the sources come from the diagnostic (property PolicyDataSources).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassificationCodeFixProvider)), Shared]
    public sealed class ClassificationCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key prefix: <c>POL010.Classify:Personal</c> and so on.</summary>
        public const string ClassifyKeyPrefix = "POL010.Classify:";

        private const string Namespace = "Policy.Annotations";

        /// <summary>The classes offered, most protective first (the order of the actions in the light bulb).</summary>
        private static readonly string[] Classes = { "Personal", "SensitivePersonal", "Restricted", "Confidential", "Internal", "Public" };

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnclassifiedData);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => new ProjectFixAllProvider(FixAllInProjectAsync);

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var sources = Sources(diagnostic, compilation);
                if (sources.IsEmpty)
                {
                    continue;
                }

                var names = string.Join(", ", sources.Select(Display));
                var solution = context.Document.Project.Solution;
                foreach (var dataClass in Classes)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Classify {names} as {dataClass}", ct => ApplyAsync(solution, sources, dataClass, ct), ClassifyKeyPrefix + dataClass),
                        diagnostic);
                }
            }
        }

        /// <summary>The source symbols of a POL010 diagnostic that have a declaration in this compilation's source.</summary>
        private static ImmutableArray<ISymbol> Sources(Diagnostic diagnostic, Compilation compilation)
        {
            if (!diagnostic.Properties.TryGetValue(Descriptors.DataSourcesProperty, out var ids) || string.IsNullOrEmpty(ids))
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<ISymbol>();
            foreach (var id in ids!.Split('\n'))
            {
                var symbol = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
                if (symbol != null && Editable(symbol) && !result.Contains(symbol, SymbolEqualityComparer.Default))
                {
                    result.Add(symbol);
                }
            }

            return result.ToImmutable();
        }

        private static bool Editable(ISymbol symbol) =>
            symbol.Kind is SymbolKind.Property or SymbolKind.Field or SymbolKind.NamedType or SymbolKind.Parameter or SymbolKind.Method &&
            symbol.DeclaringSyntaxReferences.Any(r => !GeneratedCode.IsGenerated(r.SyntaxTree));

        private static string Display(ISymbol symbol) => symbol switch
        {
            IParameterSymbol parameter => parameter.Name,
            IMethodSymbol method => method.ContainingType.Name + "." + method.Name + "()",
            INamedTypeSymbol type => type.Name,
            _ => symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name,
        };

        private static async Task<Solution> FixAllInProjectAsync(Solution solution, ProjectId projectId, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project is null || key is null || !key.StartsWith(ClassifyKeyPrefix, StringComparison.Ordinal) ||
                await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return solution;
            }

            var sources = new List<ISymbol>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == RuleIds.UnclassifiedData))
            {
                foreach (var source in Sources(diagnostic, compilation))
                {
                    if (!sources.Contains(source, SymbolEqualityComparer.Default))
                    {
                        sources.Add(source);
                    }
                }
            }

            return await ApplyAsync(solution, sources, key.Substring(ClassifyKeyPrefix.Length), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds the attribute to every source's declaration, one edit per document, and the using once per document.</summary>
        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<ISymbol> sources, string dataClass, CancellationToken cancellationToken)
        {
            var targets = new List<(SyntaxTree Tree, TextSpan Span, bool Return)>();
            foreach (var source in sources)
            {
                var reference = source.DeclaringSyntaxReferences.Where(r => !GeneratedCode.IsGenerated(r.SyntaxTree)).OrderBy(r => r.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(r => r.Span.Start).FirstOrDefault();
                if (reference is null)
                {
                    continue;
                }

                var node = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                var declaration = node switch
                {
                    VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field,
                    _ => node,
                };
                if (declaration is MemberDeclarationSyntax or ParameterSyntax)
                {
                    if (!targets.Any(t => t.Tree == reference.SyntaxTree && t.Span == declaration.Span))
                    {
                        targets.Add((reference.SyntaxTree, declaration.Span, source is IMethodSymbol));
                    }
                }
            }

            foreach (var group in targets.GroupBy(t => t.Tree))
            {
                var document = solution.GetDocument(group.Key);
                if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
                {
                    continue;
                }

                var nodes = group
                    .Select(t => (Node: root.FindNode(t.Span, getInnermostNodeForTie: true), t.Return))
                    .Select(t => (Node: t.Node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax or ParameterSyntax), t.Return))
                    .Where(t => t.Node != null)
                    .ToList();
                var newRoot = root.ReplaceNodes(
                    nodes.Select(t => t.Node!),
                    (original, rewritten) => AddClassification(rewritten, dataClass, nodes.First(t => t.Node == original).Return));
                newRoot = await UsingAdder.EnsureAsync(document, newRoot, Namespace, cancellationToken).ConfigureAwait(false);
                solution = document.WithSyntaxRoot(newRoot).Project.Solution;
            }

            return solution;
        }

        private static SyntaxNode AddClassification(SyntaxNode declaration, string dataClass, bool returnValue)
        {
            var list = AttributeFactory.List("Classification", "(DataClass." + dataClass + ")");
            if (returnValue)
            {
                list = list.WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.ReturnKeyword)).WithTrailingTrivia(SyntaxFactory.Space));
            }

            return declaration switch
            {
                BaseTypeDeclarationSyntax type => AttributeInserter.Add(type, list),
                MemberDeclarationSyntax member => AttributeInserter.AddToMember(member, list),
                ParameterSyntax parameter => AttributeInserter.AddToParameter(parameter, list),
                _ => declaration,
            };
        }
    }
}
