using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>Adds <c>using Policy.Annotations;</c> once, unless the file or a global using already imports it.</summary>
    internal static class UsingAdder
    {
        public static async Task<CompilationUnitSyntax> EnsureAsync(Document document, CompilationUnitSyntax root, string ns, CancellationToken cancellationToken)
        {
            if (Imports(root, ns))
            {
                return root;
            }

            foreach (var other in document.Project.Documents)
            {
                if (other.Id == document.Id)
                {
                    continue;
                }

                if (await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax otherRoot &&
                    otherRoot.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Alias is null && u.Name?.ToString() == ns))
                {
                    return root;
                }
            }

            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (newLine == default)
            {
                newLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
            }

            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(newLine);

            if (root.Usings.Count == 0)
            {
                // Keep a file header (comments) above the new using and separate it from the code with a blank line.
                var first = root.GetLeadingTrivia();
                var rest = root.WithoutLeadingTrivia();
                return rest.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(first).WithTrailingTrivia(newLine, newLine)));
            }

            // Insert in ordinal order among the non-global, non-static, non-alias usings.
            var usings = root.Usings;
            var index = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                var u = usings[i];
                if (u.GlobalKeyword.IsKind(SyntaxKind.None) && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null &&
                    string.CompareOrdinal(u.Name?.ToString(), ns) > 0 && !(u.Name?.ToString().StartsWith("System", System.StringComparison.Ordinal) ?? false))
                {
                    index = i;
                    break;
                }
            }

            if (index == 0)
            {
                var leading = usings[0].GetLeadingTrivia();
                usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
                return root.WithUsings(usings.Insert(0, directive.WithLeadingTrivia(leading)));
            }

            return root.WithUsings(usings.Insert(index, directive));
        }

        private static bool Imports(CompilationUnitSyntax root, string ns)
        {
            if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns))
            {
                return true;
            }

            return root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax)
                .OfType<BaseNamespaceDeclarationSyntax>()
                .Any(n => n.Usings.Any(u => u.Alias is null && u.Name?.ToString() == ns));
        }
    }
}
