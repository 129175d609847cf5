using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// One Policy.Annotations attribute application, read safely (the code may be half typed): values by name,
    /// and the location of each argument so findings land on what a developer must change.
    /// </summary>
    public sealed class AttributeView
    {
        /// <summary>Wraps an attribute.</summary>
        public AttributeView(DeclarationKind kind, AttributeData data, ISymbol target)
        {
            Kind = kind;
            Data = data;
            Target = target;
        }

        /// <summary>Which attribute.</summary>
        public DeclarationKind Kind { get; }

        /// <summary>Roslyn's attribute data.</summary>
        public AttributeData Data { get; }

        /// <summary>The symbol the attribute stands on (a type, method, member, parameter or the assembly).</summary>
        public ISymbol Target { get; }

        /// <summary>False when the compiler could not bind the attribute (wrong or missing constructor arguments):
        /// the compiler already reports that, so completeness checks stay silent.</summary>
        public bool IsBound => Data.AttributeConstructor != null;

        /// <summary>True when the attribute comes from source in the compilation being analysed.</summary>
        public bool IsInSource => Data.ApplicationSyntaxReference != null;

        /// <summary>A constructor argument's value.</summary>
        public object? Constructor(int index)
        {
            var args = Data.ConstructorArguments;
            return index < args.Length && args[index].Kind != TypedConstantKind.Error && args[index].Kind != TypedConstantKind.Array
                ? args[index].Value
                : null;
        }

        /// <summary>A named argument's value; null when not set.</summary>
        public object? Named(string name)
        {
            foreach (var pair in Data.NamedArguments)
            {
                if (pair.Key == name)
                {
                    return pair.Value.Kind == TypedConstantKind.Error || pair.Value.Kind == TypedConstantKind.Array ? null : pair.Value.Value;
                }
            }

            return null;
        }

        /// <summary>True when a named argument is written.</summary>
        public bool HasNamed(string name)
        {
            foreach (var pair in Data.NamedArguments)
            {
                if (pair.Key == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A string named argument.</summary>
        public string? NamedString(string name) => Named(name) as string;

        /// <summary>A string constructor argument.</summary>
        public string? ConstructorString(int index) => Constructor(index) as string;

        /// <summary>An enum or integer argument as int (constructor index, or named).</summary>
        public int NamedInt(string name) => Named(name) is int value ? value : 0;

        /// <summary>A bool named argument.</summary>
        public bool NamedBool(string name) => Named(name) is bool value && value;

        /// <summary>A string[] named argument; empty when not set.</summary>
        public ImmutableArray<string> NamedStrings(string name)
        {
            foreach (var pair in Data.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Array && !pair.Value.IsNull)
                {
                    var builder = ImmutableArray.CreateBuilder<string>();
                    foreach (var item in pair.Value.Values)
                    {
                        if (item.Value is string s)
                        {
                            builder.Add(s);
                        }
                    }

                    return builder.ToImmutable();
                }
            }

            return ImmutableArray<string>.Empty;
        }

        /// <summary>The attribute's syntax, when it is in source.</summary>
        public AttributeSyntax? Syntax(CancellationToken cancellationToken = default) =>
            Data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

        /// <summary>Where the whole attribute is (its name), or <see cref="Location.None"/> for metadata.</summary>
        public Location Location(CancellationToken cancellationToken = default) =>
            Syntax(cancellationToken)?.Name.GetLocation() ?? Microsoft.CodeAnalysis.Location.None;

        /// <summary>Where the named argument is written; falls back to the attribute name when it is not written.</summary>
        public Location NamedLocation(string name, CancellationToken cancellationToken = default)
        {
            var syntax = Syntax(cancellationToken);
            if (syntax?.ArgumentList != null)
            {
                foreach (var argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return argument.GetLocation();
                    }
                }
            }

            return syntax?.Name.GetLocation() ?? Microsoft.CodeAnalysis.Location.None;
        }

        /// <summary>Where the constructor argument is written; falls back to the attribute name.</summary>
        public Location ConstructorLocation(int index, CancellationToken cancellationToken = default)
        {
            var syntax = Syntax(cancellationToken);
            if (syntax?.ArgumentList != null)
            {
                var position = 0;
                foreach (var argument in syntax.ArgumentList.Arguments)
                {
                    if (argument.NameEquals != null)
                    {
                        continue;
                    }

                    if (position == index)
                    {
                        return argument.GetLocation();
                    }

                    position++;
                }
            }

            return syntax?.Name.GetLocation() ?? Microsoft.CodeAnalysis.Location.None;
        }
    }
}
