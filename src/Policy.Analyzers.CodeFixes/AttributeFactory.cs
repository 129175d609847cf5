using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>Builds the attribute lists the fixes insert: <c>[Name(args)]</c> or <c>[assembly: Name(args)]</c>, without trivia.</summary>
    internal static class AttributeFactory
    {
        /// <summary>
        /// An attribute list with one attribute; <paramref name="arguments"/> includes the parentheses. Parsed from text,
        /// so it carries no elastic trivia: the code-action formatter leaves the layout the inserter chose alone.
        /// </summary>
        public static AttributeListSyntax List(string name, string arguments, bool assembly = false)
        {
            var text = "[" + (assembly ? "assembly: " : string.Empty) + name + arguments + "]";
            var list = assembly
                ? SyntaxFactory.ParseCompilationUnit(text).AttributeLists[0]
                : SyntaxFactory.ParseCompilationUnit(text + " class C { }").Members[0].AttributeLists[0];
            return list.WithoutTrivia();
        }

        /// <summary>A C# string literal for <paramref name="value"/>, escaped.</summary>
        public static string Literal(string value) => SyntaxFactory.Literal(value).Text;

        /// <summary>The [AiSystem] the fixes write: the id, and the required values visibly unfilled, so POL007 keeps flagging them.</summary>
        public static AttributeListSyntax UnfilledSystem(string id, bool assembly = false) => List(
            "AiSystem",
            "(" + Literal(id) + ", Purpose = \"TODO\", Owner = \"TODO\", RiskLevel = AiRiskLevel.Unspecified)",
            assembly);
    }
}
