using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// Adds an attribute list on its own line, keeping doc comments, indentation and existing attributes: to a type
    /// declaration (after its last attribute list), or as <c>[assembly: ...]</c> to a file (after a given or the last
    /// existing file-level attribute list, else between the usings and the first member).
    /// </summary>
    internal static class AttributeInserter
    {
        public static BaseTypeDeclarationSyntax Add(BaseTypeDeclarationSyntax declaration, AttributeListSyntax attribute) =>
            (BaseTypeDeclarationSyntax)AddToMember(declaration, attribute);

        /// <summary>Adds an attribute list to a member declaration (type, property, field, method, ...), as for types.</summary>
        public static MemberDeclarationSyntax AddToMember(MemberDeclarationSyntax declaration, AttributeListSyntax attribute)
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

            var last = declaration.AttributeLists[declaration.AttributeLists.Count - 1];
            if (!last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                // `[Serializable] public class X`: keep the attributes on the type's line.
                var sameLine = attribute.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(last.GetTrailingTrivia());
                var lists = declaration.AttributeLists.Replace(last, last.WithTrailingTrivia());
                return declaration.WithAttributeLists(lists.Add(sameLine));
            }

            var added = attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            return declaration.WithAttributeLists(declaration.AttributeLists.Add(added));
        }

        /// <summary>A parameter's attributes stay on its line: <c>[Classification(DataClass.Personal)] string email</c>.</summary>
        public static ParameterSyntax AddToParameter(ParameterSyntax parameter, AttributeListSyntax attribute)
        {
            if (parameter.AttributeLists.Count == 0)
            {
                var list = attribute.WithLeadingTrivia(parameter.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
                return parameter.WithoutLeadingTrivia().WithAttributeLists(SyntaxFactory.SingletonList(list));
            }

            return parameter.WithAttributeLists(parameter.AttributeLists.Add(attribute.WithTrailingTrivia(SyntaxFactory.Space)));
        }

        /// <summary>
        /// Adds a file-level attribute list (<c>[assembly: ...]</c>) after <paramref name="after"/> (a list of
        /// <paramref name="root"/>), or after the last file-level list, or, in a file without any, before the first
        /// member, separated from it by a blank line.
        /// </summary>
        public static CompilationUnitSyntax AddToFile(CompilationUnitSyntax root, AttributeListSyntax attribute, AttributeListSyntax? after = null)
        {
            var newLine = NewLine(root);
            after ??= root.AttributeLists.LastOrDefault();
            if (after != null)
            {
                var index = root.AttributeLists.IndexOf(after);
                var added = attribute.WithLeadingTrivia(Indentation(after.GetLeadingTrivia())).WithTrailingTrivia(newLine);
                var lists = root.AttributeLists;
                if (!after.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                {
                    // `[assembly: A] [assembly: B]` on one line: end the line after `after`.
                    lists = lists.Replace(after, after.WithTrailingTrivia(after.GetTrailingTrivia().Add(newLine)));
                }

                return root.WithAttributeLists(lists.Insert(index + 1, added));
            }

            if (root.Members.Count == 0)
            {
                var endLeading = root.EndOfFileToken.LeadingTrivia;
                return root.WithAttributeLists(SyntaxFactory.SingletonList(attribute.WithLeadingTrivia(endLeading).WithTrailingTrivia(newLine)))
                    .WithEndOfFileToken(root.EndOfFileToken.WithLeadingTrivia());
            }

            // Blank lines before the first member stay above the attribute; comments stay with the member.
            var first = root.Members[0];
            var leading = first.GetLeadingTrivia();
            var blank = 0;
            while (blank < leading.Count && (leading[blank].IsKind(SyntaxKind.EndOfLineTrivia) || leading[blank].IsKind(SyntaxKind.WhitespaceTrivia)))
            {
                blank++;
            }

            var list = attribute.WithLeadingTrivia(leading.Take(blank)).WithTrailingTrivia(newLine, newLine);
            var newFirst = first.WithLeadingTrivia(leading.Skip(blank));
            return root.ReplaceNode(first, newFirst).WithAttributeLists(SyntaxFactory.SingletonList(list));
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
