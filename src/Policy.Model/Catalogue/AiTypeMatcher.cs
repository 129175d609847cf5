using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// Answers "is this type an AI SDK type?" for one compilation. Built once per compilation from the catalogue
    /// (types resolved by metadata name) and the organisation's configured types and namespaces; answers are cached.
    /// </summary>
    public sealed class AiTypeMatcher
    {
        private static readonly object NoMatch = new object();

        private readonly Dictionary<INamedTypeSymbol, AiSdkEntry> _types;
        private readonly PrefixedEntry[] _namespaces;
        // Every type a compilation's signatures and bodies mention is added once, from every analysis thread at once.
        private readonly ConcurrentDictionary<INamedTypeSymbol, object> _definitions = ConcurrentCache.Large<INamedTypeSymbol, object>(ReferenceComparer<INamedTypeSymbol>.Instance);
        private readonly ConcurrentDictionary<INamespaceSymbol, string> _namespaceNames = ConcurrentCache.Small<INamespaceSymbol, string>(SymbolEqualityComparer.Default);

        private AiTypeMatcher(Dictionary<INamedTypeSymbol, AiSdkEntry> types, PrefixedEntry[] namespaces, UnresolvedAiNames unresolved)
        {
            _types = types;
            _namespaces = namespaces;
            Unresolved = unresolved;
        }

        /// <summary>Suspected AI use in names that did not resolve (only error types reach it).</summary>
        public UnresolvedAiNames Unresolved { get; }

        /// <summary>True when nothing can be found: no catalogued type resolves and no file imports an AI SDK namespace.</summary>
        public bool IsEmptyIncludingUnresolved => IsEmpty && !Unresolved.MayMatch;

        /// <summary>True when the compilation references no catalogued type and no namespace is configured: nothing can match.</summary>
        public bool IsEmpty => _types.Count == 0 && _namespaces.Length == 0;

        /// <summary>True when the organisation configured AI types or namespaces (<c>policy.ai_types</c>, <c>policy.ai_namespaces</c>) that this compilation can see.</summary>
        public bool HasConfiguredEntries
        {
            get
            {
                if (_namespaces.Length != 0)
                {
                    return true;
                }

                foreach (var entry in _types.Values)
                {
                    if (entry.Kind == AiKind.Custom)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>True when namespaces are configured (<c>policy.ai_namespaces</c>): every type under them matches, by namespace.</summary>
        public bool HasNamespaceEntries => _namespaces.Length != 0;

        /// <summary>The catalogued types this compilation references, with their entries.</summary>
        public IReadOnlyDictionary<INamedTypeSymbol, AiSdkEntry> ResolvedTypes => _types;

        /// <summary>Resolves the catalogue and the configured additions against a compilation.</summary>
        /// <param name="compilation">The compilation.</param>
        /// <param name="additionalTypes">Metadata names configured with <c>policy.ai_types</c>; may be source types.</param>
        /// <param name="additionalNamespaces">Namespaces configured with <c>policy.ai_namespaces</c> (a namespace and everything below it).</param>
        /// <param name="packageReferences">The project's package ids (<c>build_property.PolicyPackageReferences</c>, which the CLI supplies): context for names that did not resolve only.</param>
        public static AiTypeMatcher Create(Compilation compilation, IEnumerable<string> additionalTypes, IEnumerable<string> additionalNamespaces, IEnumerable<string>? packageReferences = null)
        {
            var types = new Dictionary<INamedTypeSymbol, AiSdkEntry>(SymbolEqualityComparer.Default);
            var unresolved = new UnresolvedAiNames(compilation, additionalNamespaces, packageReferences);
            if (!ReferencedTypes.ReferencesAnyNonPlatformAssembly(compilation) && !additionalTypes.Any() && !additionalNamespaces.Any())
            {
                // Only the shared framework is referenced: no SDK can be there. Decided on assembly names, without even
                // building the catalogue (a cold compiler would pay its construction and JIT in every such project).
                return new AiTypeMatcher(types, Array.Empty<PrefixedEntry>(), unresolved);
            }

            // Built-in entries are SDK types from metadata: a source type that merely shares the full name is not the SDK,
            // so only referenced assemblies are searched.
            ReferencedTypes.Find(compilation, AiSdkCatalogue.BuiltInNames, (name, type) =>
            {
                if (!types.ContainsKey(type))
                {
                    types.Add(type, AiSdkCatalogue.ByName[name]);
                }
            });

            foreach (var name in additionalTypes)
            {
                var entry = new AiSdkEntry(name, "Configured (policy.ai_types)", "Organisation-defined", AiKind.Custom);
                foreach (var type in compilation.GetTypesByMetadataName(name))
                {
                    if (!types.ContainsKey(type))
                    {
                        types.Add(type, entry);
                    }
                }
            }

            var namespaces = new List<PrefixedEntry>();
            foreach (var ns in additionalNamespaces)
            {
                namespaces.Add(new PrefixedEntry(ns, new AiSdkEntry(ns + ".*", "Configured (policy.ai_namespaces)", "Organisation-defined", AiKind.Custom)));
            }

            return new AiTypeMatcher(types, namespaces.ToArray(), unresolved);
        }

        /// <summary>
        /// The catalogue entry that makes <paramref name="type"/> an AI type: the type itself, a type it derives from
        /// or implements, the element of an array, or a type argument (<c>Task&lt;ChatClient&gt;</c>, <c>Lazy&lt;IChatClient&gt;</c>).
        /// Null when it is not one.
        /// </summary>
        public AiSdkEntry? Match(ITypeSymbol? type)
        {
            var holdsError = false;
            return Match(type, 0, ref holdsError);
        }

        /// <summary>
        /// As <see cref="Match(ITypeSymbol?)"/>, and whether the type is or holds (as an array element or a type argument, up
        /// to five levels down) a type that did not resolve: what the suspected-use path needs when there is no match,
        /// answered by the same walk instead of a second one over the same type arguments.
        /// </summary>
        public AiSdkEntry? Match(ITypeSymbol? type, out bool holdsError)
        {
            holdsError = false;
            if (type != null && IsEmpty)
            {
                holdsError = HoldsError(type, 0); // Nothing can match; the walk below would stop at once.
                return null;
            }

            return Match(type, 0, ref holdsError);
        }

        private AiSdkEntry? Match(ITypeSymbol? type, int depth, ref bool holdsError)
        {
            // Hot path (every invocation, member reference and local of every body): answer the common cases first. No
            // catalogued type is a special type (string, int, object; Task is not special but void is).
            if (type is null || depth > 8 || type.SpecialType != SpecialType.None || IsEmpty)
            {
                return null;
            }

            if (type.TypeKind == TypeKind.Error)
            {
                holdsError |= depth <= MaxErrorDepth;
                return null;
            }

            switch (type)
            {
                case INamedTypeSymbol named:
                    var definition = named.OriginalDefinition;
                    var hit = MatchDefinition(definition);
                    if (hit != null || !named.IsGenericType)
                    {
                        return hit;
                    }

                    // A constructed type: Task<ChatClient>, Lazy<IChatClient>, List<ChatMessage> (no hit), ...
                    foreach (var argument in named.TypeArguments)
                    {
                        hit = Match(argument, depth + 1, ref holdsError);
                        if (hit != null)
                        {
                            return hit;
                        }
                    }

                    return null;
                case IArrayTypeSymbol array:
                    return Match(array.ElementType, depth + 1, ref holdsError);
                case ITypeParameterSymbol typeParameter:
                    // A constraint that did not resolve does not make the type parameter a suspected use.
                    var ignored = false;
                    foreach (var constraint in typeParameter.ConstraintTypes)
                    {
                        var constrained = Match(constraint, depth + 1, ref ignored);
                        if (constrained != null)
                        {
                            return constrained;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>How deep an unresolved type argument or element still counts (the suspected-use path looks no deeper).</summary>
        private const int MaxErrorDepth = 5;

        /// <summary>True when the type is or holds an unresolved type (array elements, type arguments), up to <see cref="MaxErrorDepth"/> levels down.</summary>
        private static bool HoldsError(ITypeSymbol type, int depth)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return depth <= MaxErrorDepth;
            }

            if (depth >= MaxErrorDepth)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                return HoldsError(array.ElementType, depth + 1);
            }

            if (type is INamedTypeSymbol { IsGenericType: true } named)
            {
                foreach (var argument in named.TypeArguments)
                {
                    if (HoldsError(argument, depth + 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The match of a type definition (itself, its base types, its interfaces), cached by reference: the compiler
        /// hands out one symbol object per definition, so the cache costs a pointer hash per look-up instead of hashing
        /// and comparing constructed types. A second object for the same definition only costs a second entry.
        /// </summary>
        private AiSdkEntry? MatchDefinition(INamedTypeSymbol definition)
        {
            if (_definitions.TryGetValue(definition, out var cached))
            {
                return cached as AiSdkEntry;
            }

            var result = ComputeDefinition(definition);
            _definitions.TryAdd(definition, (object?)result ?? NoMatch);
            return result;
        }

        private AiSdkEntry? ComputeDefinition(INamedTypeSymbol definition)
        {
            var direct = Direct(definition);
            if (direct != null)
            {
                return direct;
            }

            for (var baseType = definition.BaseType; baseType != null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            {
                var hit = Direct(baseType.OriginalDefinition);
                if (hit != null)
                {
                    return hit;
                }
            }

            foreach (var implemented in definition.AllInterfaces)
            {
                var hit = Direct(implemented.OriginalDefinition);
                if (hit != null)
                {
                    return hit;
                }
            }

            return null;
        }

        private AiSdkEntry? Direct(INamedTypeSymbol definition)
        {
            if (_types.TryGetValue(definition, out var entry))
            {
                return entry;
            }

            if (_namespaces.Length != 0 && definition.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                var name = _namespaceNames.GetOrAdd(ns, n => n.ToDisplayString());
                foreach (var configured in _namespaces)
                {
                    var prefix = configured.Prefix;
                    var nsEntry = configured.Entry;
                    if (name.Length >= prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) &&
                        (name.Length == prefix.Length || name[prefix.Length] == '.'))
                    {
                        return nsEntry;
                    }
                }
            }

            return null;
        }
    }
}
