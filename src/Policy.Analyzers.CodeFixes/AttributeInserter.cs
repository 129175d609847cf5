using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>Adds an attribute list to a declaration on its own line, keeping its doc comments, indentation and existing attributes.</summary>
    internal static class AttributeInserter
    {
        public static BaseTypeDeclarationSyntax Add(BaseTypeDeclarationSyntax declaration, AttributeListSyntax attribute)
        {
            var indentation = Indentation(declaration.GetLeadingTrivia());
            var newLine = NewLine(declaration);
            if (declaration.AttributeLists.Count == 0)
            {
                var leading = declaration.GetLeadingTrivia();
                var list = attribute.WithLeadingTrivia(leading).WithTrailingTrivia(newLine);
                var stripped = declaration.WithoutLeadingTrivia().WithLeadingTrivia(indentation);
                return stripped.WithAttributeLists(SyntaxFactory.SingletonList(list));
            }

            var added = attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            return declaration.WithAttributeLists(declaration.AttributeLists.Add(added));
        }

        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            for (var i = leading.Count - 1; i >= 0; i--)
            {
                if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    return SyntaxFactory.TriviaList(leading[i]);
                }

                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
                {
                    break;
                }
            }

            return SyntaxFactory.TriviaList();
        }

        private static SyntaxTrivia NewLine(SyntaxNode node)
        {
            foreach (var trivia in node.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia;
                }
            }

            return SyntaxFactory.ElasticCarriageReturnLineFeed;
        }
    }
}
