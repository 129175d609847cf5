using Microsoft.CodeAnalysis;

namespace Policy.Analyzers
{
    /// <summary>Which type a piece of code belongs to, for actions registered in a type's symbol-start scope.</summary>
    internal static class SymbolScope
    {
        /// <summary>
        /// The innermost type that contains <paramref name="symbol"/> (the symbol itself when it is one): a type's scope
        /// also receives the operations of its nested types, which each analyzer judges in their own scope.
        /// </summary>
        public static INamedTypeSymbol? OwningType(ISymbol? symbol)
        {
            for (var current = symbol; current != null; current = current.ContainingSymbol)
            {
                if (current is INamedTypeSymbol named)
                {
                    return named;
                }
            }

            return null;
        }
    }
}
