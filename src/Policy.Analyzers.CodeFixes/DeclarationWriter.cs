using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Declarations;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>One attribute to add: to a type declaration, after an <c>[assembly: ...]</c> list, or to a file (its compilation unit).</summary>
    internal readonly struct AttributeEdit
    {
        public AttributeEdit(DocumentId document, SyntaxNode target, AttributeListSyntax attribute)
        {
            Document = document;
            Target = target;
            Attribute = attribute;
        }

        public DocumentId Document { get; }

        /// <summary>A <see cref="BaseTypeDeclarationSyntax"/>, an assembly <see cref="AttributeListSyntax"/> or the <see cref="CompilationUnitSyntax"/>.</summary>
        public SyntaxNode Target { get; }

        public AttributeListSyntax Attribute { get; }
    }

    /// <summary>Applies attribute edits, one syntax edit per document, and adds <c>using Policy.Annotations;</c> once where needed.</summary>
    internal static class DeclarationWriter
    {
        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<AttributeEdit> edits, CancellationToken cancellationToken)
        {
            foreach (var group in edits.GroupBy(e => e.Document))
            {
                var document = solution.GetDocument(group.Key);
                if (document is null)
                {
                    continue;
                }

                document = await ApplyAsync(document, group.ToList(), cancellationToken).ConfigureAwait(false);
                solution = document.Project.Solution;
            }

            return solution;
        }

        public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<AttributeEdit> edits, CancellationToken cancellationToken)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax original)
            {
                return document;
            }

            // The targets may come from an earlier parse of the same text: find them again by span and kind.
            var targets = edits.Select(e => Resolve(original, e.Target)).ToList();
            var root = original.TrackNodes(targets.Where(t => t is not null and not CompilationUnitSyntax)!);

            // Later edits first, so that two lists added after the same assembly attribute keep their order.
            for (var i = edits.Count - 1; i >= 0; i--)
            {
                var edit = edits[i];
                switch (targets[i])
                {
                    case BaseTypeDeclarationSyntax type when root.GetCurrentNode(type) is { } current:
                        root = root.ReplaceNode(current, AttributeInserter.Add(current, edit.Attribute));
                        break;
                    case AttributeListSyntax list when root.GetCurrentNode(list) is { } current:
                        root = AttributeInserter.AddToFile(root, edit.Attribute, current);
                        break;
                    case CompilationUnitSyntax:
                        root = AttributeInserter.AddToFile(root, edit.Attribute);
                        break;
                }
            }

            root = await UsingAdder.EnsureAsync(document, root, PolicyAttributes.Namespace, cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(root);
        }

        private static SyntaxNode? Resolve(CompilationUnitSyntax root, SyntaxNode target)
        {
            if (target is CompilationUnitSyntax)
            {
                return root;
            }

            if (root.Contains(target))
            {
                return target;
            }

            if (!root.FullSpan.Contains(target.Span))
            {
                return null;
            }

            return root.FindNode(target.Span, getInnermostNodeForTie: false)
                .AncestorsAndSelf()
                .FirstOrDefault(n => n.Span == target.Span && n.RawKind == target.RawKind);
        }
    }
}
