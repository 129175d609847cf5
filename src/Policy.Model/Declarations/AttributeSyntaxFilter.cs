using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// A syntax-only pre-check before reading a source symbol's attributes. A source symbol can only carry an attribute
    /// that is written in one of its declarations; asking the syntax first spares <see cref="ISymbol.GetAttributes"/>
    /// (which binds every attribute of the symbol) for the great majority of symbols, which have none. Conservative: any
    /// declaration shape not recognised here answers true, and so does every symbol without source declarations.
    /// </summary>
    public static class AttributeSyntaxFilter
    {
        /// <summary>
        /// False only when no declaration of <paramref name="symbol"/> (and, with <paramref name="includeParameters"/>,
        /// of its parameters) has an attribute list.
        /// </summary>
        public static bool MayHaveAttributes(ISymbol symbol, bool includeParameters = false)
        {
            var references = symbol.DeclaringSyntaxReferences;
            if (references.IsEmpty)
            {
                return true; // Metadata or implicitly declared: only GetAttributes can tell.
            }

            foreach (var reference in references)
            {
                if (NodeMayHaveAttributes(reference.GetSyntax(), includeParameters))
                {
                    return true;
                }
            }

            // The other half of a partial method declares its own attributes.
            if (symbol is IMethodSymbol method && (method.PartialImplementationPart ?? method.PartialDefinitionPart) is { } otherPart &&
                !ReferenceEquals(otherPart, symbol))
            {
                foreach (var reference in otherPart.DeclaringSyntaxReferences)
                {
                    if (NodeMayHaveAttributes(reference.GetSyntax(), includeParameters))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool NodeMayHaveAttributes(SyntaxNode node, bool includeParameters)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.AttributeLists.Count > 0 || (includeParameters && AnyParameterAttributes(method.ParameterList));
                case TypeDeclarationSyntax type:
                    // A type with a primary constructor: [method:]-less attributes on its parameters belong to the parameters.
                    return type.AttributeLists.Count > 0 || (includeParameters && AnyParameterAttributes(type.ParameterList));
                case BasePropertyDeclarationSyntax property:
                    // Partial properties and indexers (C# 13) merge the attributes of both halves.
                    return property.AttributeLists.Count > 0 || property.Modifiers.Any(SyntaxKind.PartialKeyword);
                case MemberDeclarationSyntax member:
                    return member.AttributeLists.Count > 0;
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax field } }:
                    return field.AttributeLists.Count > 0;
                case ParameterSyntax parameter:
                    // A record's positional property ([property: ...] is written on the parameter).
                    return parameter.AttributeLists.Count > 0;
                case AccessorDeclarationSyntax accessor:
                    return accessor.AttributeLists.Count > 0;
                default:
                    return true;
            }
        }

        private static bool AnyParameterAttributes(ParameterListSyntax? parameters)
        {
            if (parameters is null)
            {
                return false;
            }

            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.AttributeLists.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
