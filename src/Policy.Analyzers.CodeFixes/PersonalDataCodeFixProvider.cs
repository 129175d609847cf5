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
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// POL011: sets <c>ProcessesPersonalData = true</c> on the [AiSystem] declaration(s) of the system the personal data
    /// flows into: the [AiSystem] the diagnostic stands in, else the systems that cover the type the diagnostic is in
    /// (declared on it, a containing or base type, through its [AiComponent] ids, or on the assembly), wherever in the
    /// project they are declared. Declarations from referenced assemblies cannot be edited and are left alone.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataCodeFixProvider)), Shared]
    public sealed class PersonalDataCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key of the fix.</summary>
        public const string SetProcessesPersonalDataKey = "POL011.SetProcessesPersonalData";

        private const string Property = "ProcessesPersonalData";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredPersonalData);

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

            var index = DeclarationIndex.Build(compilation, context.CancellationToken);
            foreach (var diagnostic in context.Diagnostics)
            {
                var systems = await SystemsAsync(context.Document, diagnostic, index, context.CancellationToken).ConfigureAwait(false);
                if (systems.IsEmpty)
                {
                    continue;
                }

                var ids = string.Join(", ", systems.Select(s => "'" + s.Id + "'").Distinct());
                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare that AI system {ids} processes personal data",
                        ct => ApplyAsync(solution, systems, ct),
                        SetProcessesPersonalDataKey),
                    diagnostic);
            }
        }

        /// <summary>The source [AiSystem] declarations a POL011 diagnostic is about that do not yet declare personal data.</summary>
        private static async Task<ImmutableArray<SystemDeclaration>> SystemsAsync(Document document, Diagnostic diagnostic, DeclarationIndex index, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return ImmutableArray<SystemDeclaration>.Empty;
            }

            var span = diagnostic.Location.SourceSpan;
            var token = root.FindToken(span.Start);

            // On (or inside) an [AiSystem] attribute: that declaration.
            var attribute = token.Parent?.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute != null)
            {
                var own = index.Systems.Where(s => s.Attribute.Data.ApplicationSyntaxReference is { } r && r.SyntaxTree == root.SyntaxTree && r.Span == attribute.Span).ToImmutableArray();
                if (!own.IsEmpty)
                {
                    return Undeclared(own);
                }
            }

            // Otherwise the systems that cover the type the diagnostic is in.
            INamedTypeSymbol? type = null;
            if (FixSite.Find(root, span)?.Type is { } declaration)
            {
                type = model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol;
            }

            for (var symbol = type ?? model.GetEnclosingSymbol(span.Start, cancellationToken); symbol != null && type is null; symbol = symbol.ContainingSymbol)
            {
                type = symbol as INamedTypeSymbol;
            }

            if (type is null)
            {
                return ImmutableArray<SystemDeclaration>.Empty;
            }

            var systems = DeclarationReader.CoveringSystems(type)
                .Where(id => id.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .SelectMany(id => index.SystemsWithId(id))
                .ToImmutableArray();
            return Undeclared(systems);
        }

        private static ImmutableArray<SystemDeclaration> Undeclared(ImmutableArray<SystemDeclaration> systems) =>
            systems.Where(s => s.Attribute.IsBound && s.Attribute.IsInSource && !s.ProcessesPersonalData).ToImmutableArray();

        private static async Task<Solution> FixAllInProjectAsync(Solution solution, ProjectId projectId, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project is null || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return solution;
            }

            var index = DeclarationIndex.Build(compilation, cancellationToken);
            var systems = new List<SystemDeclaration>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == RuleIds.UndeclaredPersonalData))
            {
                if (project.GetDocument(diagnostic.Location.SourceTree) is { } document)
                {
                    systems.AddRange(await SystemsAsync(document, diagnostic, index, cancellationToken).ConfigureAwait(false));
                }
            }

            return await ApplyAsync(solution, systems, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Sets the property on every declaration, one edit per document (each declaration once).</summary>
        private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<SystemDeclaration> systems, CancellationToken cancellationToken)
        {
            var references = systems
                .Select(s => s.Attribute.Data.ApplicationSyntaxReference!)
                .GroupBy(r => r.SyntaxTree);
            foreach (var group in references)
            {
                var document = solution.GetDocument(group.Key);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null)
                {
                    continue;
                }

                var attributes = group
                    .Select(r => root.FindNode(r.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>())
                    .OfType<AttributeSyntax>()
                    .Where(a => a.ArgumentList != null)
                    .Distinct()
                    .ToList();
                var newRoot = root.ReplaceNodes(attributes, (original, _) => SetTrue(original));
                solution = document.WithSyntaxRoot(newRoot).Project.Solution;
            }

            return solution;
        }

        /// <summary><c>ProcessesPersonalData = false</c> becomes <c>= true</c>; without it, <c>, ProcessesPersonalData = true</c> is appended.</summary>
        private static AttributeSyntax SetTrue(AttributeSyntax attribute)
        {
            var list = attribute.ArgumentList!;
            // Parsed, not built: no elastic trivia, so the code-action formatter leaves the surrounding layout alone.
            var added = SyntaxFactory.ParseAttributeArgumentList("(" + Property + " = true)")!.Arguments[0];
            var trueLiteral = added.Expression;
            var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == Property);
            if (existing != null)
            {
                return attribute.ReplaceNode(existing.Expression, trueLiteral.WithTriviaFrom(existing.Expression));
            }

            var arguments = list.Arguments;
            if (arguments.Count == 0)
            {
                return attribute.WithArgumentList(list.WithArguments(arguments.Add(added)));
            }

            // Keep the line structure: the last argument's trailing trivia (a line break before ")") moves to the new one.
            var last = arguments[arguments.Count - 1];
            var nodes = arguments.Take(arguments.Count - 1).Concat(new[] { last.WithoutTrailingTrivia(), added.WithTrailingTrivia(last.GetTrailingTrivia()) });
            var separators = arguments.GetSeparators().Concat(new[] { SyntaxFactory.ParseToken(", ") });
            return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList(nodes, separators)));
        }
    }
}
