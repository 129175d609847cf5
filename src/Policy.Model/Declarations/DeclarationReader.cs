using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>Reads the Policy.Annotations attributes that stand on a symbol.</summary>
    public static class DeclarationReader
    {
        /// <summary>The policy attributes on a symbol (empty array when none; no allocation in that case).</summary>
        public static ImmutableArray<AttributeView> Read(ISymbol symbol)
        {
            ImmutableArray<AttributeView>.Builder? builder = null;
            foreach (var attribute in symbol.GetAttributes())
            {
                var kind = PolicyAttributes.Classify(attribute.AttributeClass);
                if (kind is { } found) // not kind.Value: Nullable<T>.Value is framework code over our enum, JIT-compiled in every build
                {
                    builder ??= ImmutableArray.CreateBuilder<AttributeView>();
                    builder.Add(new AttributeView(found, attribute, symbol));
                }
            }

            return builder?.ToImmutable() ?? ImmutableArray<AttributeView>.Empty;
        }

        /// <summary>The policy attributes on a symbol and, for a method, on its parameters.</summary>
        public static ImmutableArray<AttributeView> ReadWithParameters(ISymbol symbol)
        {
            var declarations = Read(symbol);
            if (symbol is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    var onParameter = Read(parameter);
                    if (!onParameter.IsEmpty)
                    {
                        declarations = declarations.AddRange(onParameter);
                    }
                }
            }

            return declarations;
        }

        /// <summary>
        /// The system ids that cover a type for the inventory: [AiSystem] or [AiComponent] on the type itself, on a
        /// containing type, on a base type, or [AiSystem] on its assembly. Empty when the type is not covered.
        /// </summary>
        public static ImmutableArray<string> CoveringSystems(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.ContainingType)
            {
                var ids = DeclaredIds(current);
                if (!ids.IsEmpty)
                {
                    return ids;
                }

                for (var baseType = current.BaseType; baseType != null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
                {
                    ids = DeclaredIds(baseType.OriginalDefinition);
                    if (!ids.IsEmpty)
                    {
                        return ids;
                    }
                }
            }

            return type.ContainingAssembly is { } assembly ? DeclaredIds(assembly) : ImmutableArray<string>.Empty;
        }

        private static ImmutableArray<string> DeclaredIds(ISymbol symbol)
        {
            ImmutableArray<string>.Builder? builder = null;
            foreach (var attribute in symbol.GetAttributes())
            {
                var kind = PolicyAttributes.Classify(attribute.AttributeClass);
                if (kind == DeclarationKind.AiSystem || kind == DeclarationKind.AiComponent)
                {
                    builder ??= ImmutableArray.CreateBuilder<string>();
                    var args = attribute.ConstructorArguments;
                    builder.Add(args.Length > 0 && args[0].Value is string id ? id : string.Empty);
                }
            }

            return builder?.ToImmutable() ?? ImmutableArray<string>.Empty;
        }
    }
}
