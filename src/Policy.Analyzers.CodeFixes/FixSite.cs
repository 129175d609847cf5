using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// Where a declaration-level diagnostic stands: on the identifier of a type declaration (the partial declaration
    /// the analyzer chose), or inside an <c>[assembly: ...]</c> attribute list. Anything else has no site.
    /// </summary>
    internal sealed class FixSite
    {
        private FixSite(BaseTypeDeclarationSyntax? type, AttributeListSyntax? assemblyList)
        {
            Type = type;
            AssemblyList = assemblyList;
        }

        /// <summary>The type declaration whose identifier carries the diagnostic; null for an assembly site.</summary>
        public BaseTypeDeclarationSyntax? Type { get; }

        /// <summary>The <c>[assembly: ...]</c> list that contains the diagnostic; null for a type site.</summary>
        public AttributeListSyntax? AssemblyList { get; }

        /// <summary>The node the fix replaces (the type declaration or the attribute list).</summary>
        public SyntaxNode Node => (SyntaxNode?)Type ?? AssemblyList!;

        /// <summary>Finds the site of a diagnostic span in a syntax root; null when it is neither.</summary>
        public static FixSite? Find(SyntaxNode root, TextSpan span)
        {
            var token = root.FindToken(span.Start);
            if (token.Parent is BaseTypeDeclarationSyntax type && type.Identifier == token)
            {
                return new FixSite(type, null);
            }

            var list = token.Parent?.FirstAncestorOrSelf<AttributeListSyntax>();
            if (list?.Target is { } target && target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) && list.Parent is CompilationUnitSyntax)
            {
                return new FixSite(null, list);
            }

            return null;
        }

        /// <summary>Whether an attribute that allows <paramref name="targets"/> may stand here (class/struct/interface/record, or assembly).</summary>
        public bool Allows(System.AttributeTargets targets)
        {
            if (AssemblyList != null)
            {
                return (targets & System.AttributeTargets.Assembly) != 0;
            }

            return Type switch
            {
                InterfaceDeclarationSyntax => (targets & System.AttributeTargets.Interface) != 0,
                StructDeclarationSyntax => (targets & System.AttributeTargets.Struct) != 0,
                RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => (targets & System.AttributeTargets.Struct) != 0,
                ClassDeclarationSyntax or RecordDeclarationSyntax => (targets & System.AttributeTargets.Class) != 0,
                _ => false,
            };
        }
    }
}
