using System;
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
    /// POL009: replaces the string literal of an [AiComponent] id that names no system with a known system id: one action
    /// per id known to the compilation (declared in source or in a referenced assembly), closest by edit distance
    /// first, then in ordinal order. Only a string literal is replaced (a constant is left to the developer). Fix All
    /// replaces the same unknown id with the same known id everywhere in the scope.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownSystemCodeFixProvider)), Shared]
    public sealed class UnknownSystemCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key prefix; the key is <see cref="Key"/>(unknown id, known id).</summary>
        public const string KeyPrefix = "POL009.UseKnownSystem:";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnknownSystem);

        /// <summary>The equivalence key of the action that replaces <paramref name="unknownId"/> with <paramref name="knownId"/>.</summary>
        public static string Key(string unknownId, string knownId) => KeyPrefix + unknownId + "->" + knownId;

        /// <summary>Known ids ranked for an unknown one: edit distance ascending, then ordinal.</summary>
        public static ImmutableArray<string> Rank(string unknownId, ImmutableArray<string> knownIds) => knownIds
            .Where(id => id.Length > 0 && id != unknownId)
            .OrderBy(id => EditDistance.Between(unknownId, id))
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToImmutableArray();

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            ImmutableArray<string>? known = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (FindLiteral(root, diagnostic) is not { } literal)
                {
                    continue;
                }

                if (known is null)
                {
                    var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
                    known = compilation is null ? ImmutableArray<string>.Empty : DeclarationIndex.Build(compilation, context.CancellationToken).KnownSystemIds();
                }

                var unknown = literal.Token.ValueText;
                foreach (var id in Rank(unknown, known.Value))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Change to AI system '{id}'",
                            ct => ReplaceAsync(context.Document, literal.SpanStart, id, ct),
                            Key(unknown, id)),
                        diagnostic);
                }
            }
        }

        private static LiteralExpressionSyntax? FindLiteral(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var expression = node switch
            {
                AttributeArgumentSyntax argument => argument.Expression,
                LiteralExpressionSyntax literal => literal,
                _ => node.FirstAncestorOrSelf<AttributeArgumentSyntax>()?.Expression,
            };

            return expression is LiteralExpressionSyntax result && result.IsKind(SyntaxKind.StringLiteralExpression) ? result : null;
        }

        private static LiteralExpressionSyntax WithValue(LiteralExpressionSyntax literal, string id) =>
            literal.WithToken(SyntaxFactory.Literal(id).WithTriviaFrom(literal.Token));

        private static async Task<Document> ReplaceAsync(Document document, int literalStart, string id, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindToken(literalStart).Parent is not LiteralExpressionSyntax literal)
            {
                return document;
            }

            return document.WithSyntaxRoot(root.ReplaceNode(literal, WithValue(literal, id)));
        }

        /// <summary>Fix All: every literal of the same unknown id in the document gets the same known id, in one edit.</summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var key = context.CodeActionEquivalenceKey;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || key is null || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                return document;
            }

            var replacements = new System.Collections.Generic.Dictionary<LiteralExpressionSyntax, string>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == RuleIds.UnknownSystem))
            {
                if (FindLiteral(root, diagnostic) is { } literal)
                {
                    var prefix = KeyPrefix + literal.Token.ValueText + "->";
                    if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
                    {
                        replacements[literal] = key.Substring(prefix.Length);
                    }
                }
            }

            return replacements.Count == 0
                ? document
                : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => WithValue(original, replacements[original])));
        }
    }
}
