using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// Suspected AI use in code that does not bind (packages not restored, an SDK version whose API changed): a type
    /// name the compiler could not resolve is taken as a catalogue type when the catalogue knows it under a namespace
    /// the file imports (its usings, enclosing namespaces' usings, global usings of the compilation), or by its fully
    /// qualified name. An unknown name is taken as the API of an AI SDK only when every imported namespace that may hold
    /// it is an AI SDK's: the imports that do not resolve or, when all resolve, the AI SDK namespaces (an older or newer
    /// version than the one restored). It then stands under its one candidate namespace, or with the namespaces it may
    /// come from ("ModelParams in Anthropic or LLama"); never when an unresolved non-AI namespace is imported beside them
    /// (IServiceCollection under Microsoft.Extensions.DependencyInjection), nor when the catalogue lists the name only as
    /// wiring. A namespace under an SDK's namespace is the SDK's (LLama.Common), except those of
    /// <see cref="NotAiNamespaces"/>. When the project references an AI SDK package (a package id that is, contains or
    /// lies under a catalogue SDK namespace: OpenAI, Azure.AI.OpenAI, Microsoft.SemanticKernel.Core), every namespace under
    /// that SDK's root counts as the SDK's too, imported or written in full, in every file. Nothing is guessed from the
    /// words of an identifier.
    /// </summary>
    /// <remarks>
    /// Only error types reach this class (<see cref="Match"/> returns at once for a resolved type), so it costs nothing on
    /// code that compiles. Usings are read from syntax: an import whose namespace does not resolve is exactly the case.
    /// </remarks>
    public sealed class UnresolvedAiNames
    {
        /// <summary>Every namespace that holds a catalogue type (wiring types included), for exact look-ups.</summary>
        private static readonly ImmutableHashSet<string> AllCatalogueNamespaces =
            AiSdkCatalogue.BuiltIn.Select(e => NamespaceOf(e.MetadataName)).Where(n => n.Length > 0).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>
        /// The namespaces of AI SDKs (a namespace with at least one catalogue type that is not only wiring), with the
        /// entry that stands for the SDK (its family and supplier). Registration namespaces such as
        /// Microsoft.Extensions.DependencyInjection are not AI namespaces.
        /// </summary>
        private static readonly ImmutableDictionary<string, AiSdkEntry> SdkNamespaces = BuildSdkNamespaces();

        /// <summary>
        /// Packages and namespaces that lie under an AI SDK's namespace but are not AI by the catalogue (a type that only
        /// uses them binds to no catalogue entry): their unresolved names are not suspected either, so the partial
        /// analysis says what the full one would.
        /// </summary>
        private static readonly ImmutableArray<string> NotAiNamespaces = ImmutableArray.Create("Microsoft.ML.Tokenizers");

        private readonly Compilation _compilation;
        private readonly ImmutableArray<string> _configuredNamespaces;
        private readonly Once<object> _globalImports; // a boxed ImmutableArray<string>: Once<ImmutableArray<T>> would be JIT-compiled
        private readonly ConcurrentDictionary<SyntaxTree, object> _fileImports = ConcurrentCache.Large<SyntaxTree, object>(ReferenceComparer<SyntaxTree>.Instance); // boxed ImmutableArray<string>s
        private readonly Once<bool> _mayMatch;
        private readonly PrefixedEntry[] _packageRoots;

        // Caches of the error path, created on its first use: code that binds never allocates them.
        private ConcurrentDictionary<string, bool>? _resolves;
        private ConcurrentDictionary<string, AiSdkEntry?>? _sdkNamespaces;
        private ConcurrentDictionary<SyntaxTree, CandidateNamespaces?>? _fileCandidates;

        /// <summary>Creates the detector of a compilation; <paramref name="configuredNamespaces"/> are <c>policy.ai_namespaces</c>.</summary>
        /// <param name="compilation">The compilation.</param>
        /// <param name="configuredNamespaces"><c>policy.ai_namespaces</c>.</param>
        /// <param name="packageReferences">The project's package ids, when known (the CLI supplies them).</param>
        public UnresolvedAiNames(Compilation compilation, IEnumerable<string> configuredNamespaces, IEnumerable<string>? packageReferences = null)
        {
            _compilation = compilation;
            _configuredNamespaces = configuredNamespaces.ToImmutableArray();
            _packageRoots = PackageRoots(packageReferences);
            _globalImports = new Once<object>(() => ReadGlobalImports(), OnceMode.Publication);
            _mayMatch = new Once<bool>(() => _packageRoots.Length != 0 || ImportsAiNamespace(compilation, _configuredNamespaces), OnceMode.Publication);
        }

        /// <summary>
        /// True when some file imports an AI SDK namespace (a using or global using), or the project references an AI SDK
        /// package: only then can an unresolved name be AI by its namespace.
        /// </summary>
        public bool MayMatch => _mayMatch.Value;

        /// <summary>
        /// The AI SDK namespace roots of the referenced packages: a package id and a catalogue SDK namespace of which one is
        /// the other or lies under it (package OpenAI and namespace OpenAI.Chat: root OpenAI; package
        /// Microsoft.SemanticKernel.Core and namespace Microsoft.SemanticKernel: root Microsoft.SemanticKernel).
        /// </summary>
        internal static PrefixedEntry[] PackageRoots(IEnumerable<string>? packageReferences)
        {
            if (packageReferences is null)
            {
                return Array.Empty<PrefixedEntry>();
            }

            // Dictionaries and sorted lists of strings only: a SortedDictionary, or LINQ over a dictionary's pairs, is framework
            // code over KeyValuePair that the runtime JIT-compiles in every build.
            var roots = new Dictionary<string, AiSdkEntry>(StringComparer.Ordinal);
            var sdkNamespaces = new List<string>(SdkNamespaces.Keys);
            sdkNamespaces.Sort(StringComparer.Ordinal);
            foreach (var package in packageReferences)
            {
                if (IsNotAi(package))
                {
                    continue;
                }

                foreach (var sdkNamespace in sdkNamespaces)
                {
                    var root = IsUnder(sdkNamespace, package) ? package : IsUnder(package, sdkNamespace) ? sdkNamespace : null;
                    if (root != null && !roots.ContainsKey(root))
                    {
                        roots.Add(root, SdkNamespaces[sdkNamespace]);
                    }
                }
            }

            var ordered = new List<string>(roots.Keys);
            ordered.Sort(StringComparer.Ordinal);
            var result = new PrefixedEntry[ordered.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = new PrefixedEntry(ordered[i], roots[ordered[i]]);
            }

            return result;
        }

        /// <summary>True when the project's package references were supplied (the CLI): every file may then name an SDK's unresolved API.</summary>
        public bool HasPackageRoots => _packageRoots.Length != 0;

        /// <summary>True when an unresolved name under <paramref name="ns"/> can be suspected by namespace (an AI SDK's, or under one).</summary>
        public bool IsAiNamespace(string ns) => SdkNamespace(ns) != null;

        /// <summary>
        /// True when a file of the compilation imports an AI SDK namespace of the catalogue (or a configured one). Reads
        /// the usings at the top of each file and of its namespaces only: syntax, no binding.
        /// </summary>
        public static bool ImportsAiNamespace(Compilation compilation, IReadOnlyCollection<string>? configuredNamespaces = null)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var name in Imports(tree.GetRoot()))
                {
                    if (SdkNamespaces.ContainsKey(name) || IsConfigured(name, configuredNamespaces))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The suspected catalogue entry behind <paramref name="type"/> when it is (or is made of) an unresolved name;
        /// null for a resolved type or a name that points at no AI SDK. The entry's <see cref="AiSdkEntry.IsUnresolved"/> is true.
        /// </summary>
        /// <param name="type">The type as the compiler bound it.</param>
        /// <param name="tree">The file in which the name is written (its usings count).</param>
        public AiSdkEntry? Match(ITypeSymbol? type, SyntaxTree? tree) => MatchType(type, tree, 0);

        private AiSdkEntry? MatchType(ITypeSymbol? type, SyntaxTree? tree, int depth)
        {
            if (type is null || depth > 4)
            {
                return null;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return MatchType(array.ElementType, tree, depth + 1);
                case INamedTypeSymbol named when named.TypeKind != TypeKind.Error:
                    if (!named.IsGenericType)
                    {
                        return null;
                    }

                    foreach (var argument in named.TypeArguments)
                    {
                        if (MatchType(argument, tree, depth + 1) is { } hit)
                        {
                            return hit;
                        }
                    }

                    return null;
                case INamedTypeSymbol error:
                    return MatchError(error, tree);
                default:
                    return null;
            }
        }

        private AiSdkEntry? MatchError(INamedTypeSymbol error, SyntaxTree? tree)
        {
            // "var" over an expression that did not bind is an error type of that name: the expression's own unbound
            // names are judged where they are written, the implicitly typed variable is never an SDK name.
            if (string.IsNullOrEmpty(error.Name) || error.Name == "var")
            {
                return null;
            }

            var name = error.Arity > 0 ? error.Name + "`" + error.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.Name;
            var qualifier = Qualifier(error);
            if (qualifier.Length > 0)
            {
                // Written with a namespace: Azure.AI.OpenAI.OpenAIClient.
                var full = qualifier + "." + name;
                if (AiSdkCatalogue.ByName.TryGetValue(full, out var exact))
                {
                    return Unresolved(exact, full);
                }

                return SdkNamespace(qualifier) is { } sdk ? Unresolved(sdk, full) : null;
            }

            var imports = tree is null ? ImmutableArray<string>.Empty : (ImmutableArray<string>)_fileImports.GetOrAdd(tree, t => Imports(t.GetRoot()).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray());
            var global = (ImmutableArray<string>)_globalImports.Value;

            // A catalogue type under an imported namespace.
            foreach (var ns in imports.Concat(global))
            {
                if (AllCatalogueNamespaces.Contains(ns) && AiSdkCatalogue.ByName.TryGetValue(ns + "." + name, out var exact))
                {
                    return Unresolved(exact, ns + "." + name);
                }
            }

            // A name the catalogue lists only as wiring (a builder, a registration class), under a namespace the file does
            // not import: it is that wiring type or none of the SDK's, never a type of whatever AI namespace is imported.
            if (WiringOnly.Names.Contains(name))
            {
                return null;
            }

            // An unknown name: the SDK's API as the code was written (an older or newer version than the one restored, or
            // one that did not restore at all), but only when every imported namespace that may hold it is an AI SDK's.
            return Unknown(name, tree, imports, global);
        }

        /// <summary>
        /// An unknown simple name, judged by the imported namespaces that may hold it: those that do not resolve (their
        /// package did not restore) or, when every import resolves, the AI SDK namespaces (whose restored version lacks the
        /// name). Null when there is none, or when one of them is not an AI SDK's: IServiceCollection under
        /// Microsoft.Extensions.DependencyInjection, ILogger under Microsoft.Extensions.Logging, a type of the team's own
        /// unrestored library. Otherwise the name stands under its one candidate namespace ("Azure.AI.OpenAI.OpenAIClient")
        /// or, with several, as the name and the namespaces it may come from ("ModelParams in Anthropic or LLama").
        /// </summary>
        private AiSdkEntry? Unknown(string name, SyntaxTree? tree, ImmutableArray<string> imports, ImmutableArray<string> global)
        {
            // The candidates depend on the file's imports only, not on the name: decided once per file.
            var candidates = tree is null
                ? Candidates(imports, global)
                : System.Threading.LazyInitializer.EnsureInitialized(ref _fileCandidates, () => ConcurrentCache.Large<SyntaxTree, CandidateNamespaces?>(ReferenceComparer<SyntaxTree>.Instance))!
                    .GetOrAdd(tree, _ => Candidates(imports, global));
            if (candidates is null)
            {
                return null;
            }

            if (candidates.Namespaces.Length == 1)
            {
                return Unresolved(candidates.Sdk, candidates.Namespaces[0] + "." + name);
            }

            return new AiSdkEntry(name + " in " + candidates.NamespaceList, candidates.Sdk.Family, candidates.Sdk.Supplier, candidates.Sdk.Kind, isWiring: false, isUnresolved: true);
        }

        private CandidateNamespaces? Candidates(ImmutableArray<string> imports, ImmutableArray<string> global)
        {
            List<(string Namespace, AiSdkEntry? Sdk)>? unresolved = null;
            List<(string Namespace, AiSdkEntry? Sdk)>? drifted = null;
            foreach (var ns in imports.Concat(global).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
            {
                var sdk = SdkNamespace(ns);
                if (!Resolves(ns))
                {
                    (unresolved ??= new List<(string, AiSdkEntry?)>()).Add((ns, sdk));
                }
                else if (sdk != null)
                {
                    (drifted ??= new List<(string, AiSdkEntry?)>()).Add((ns, sdk));
                }
            }

            // A namespace that resolves was searched by the compiler: an unresolved one is the more plausible home.
            var candidates = unresolved ?? drifted;
            if (candidates is null || candidates.Exists(c => c.Sdk is null))
            {
                return null;
            }

            if (candidates.Count == 1)
            {
                return new CandidateNamespaces(ImmutableArray.Create(candidates[0].Namespace), candidates[0].Namespace, candidates[0].Sdk!);
            }

            // Several: family and supplier list every candidate; the kind is one value, the first candidate's (namespaces in
            // ordinal order).
            var first = candidates[0].Sdk!;
            var sdkOfAll = new AiSdkEntry(
                first.MetadataName,
                Alternatives(candidates.Select(c => c.Sdk!.Family)),
                Alternatives(candidates.Select(c => c.Sdk!.Supplier)),
                first.Kind);
            return new CandidateNamespaces(candidates.Select(c => c.Namespace).ToImmutableArray(), Alternatives(candidates.Select(c => c.Namespace)), sdkOfAll);
        }

        /// <summary>"A", "A or B", "A, B or C" (distinct, in the given order).</summary>
        private static string Alternatives(IEnumerable<string> values)
        {
            var distinct = values.Distinct(StringComparer.Ordinal).ToList();
            return distinct.Count == 1 ? distinct[0] : string.Join(", ", distinct.Take(distinct.Count - 1)) + " or " + distinct[distinct.Count - 1];
        }

        /// <summary>True when the namespace exists in the compilation (declared in source or by a referenced assembly).</summary>
        private bool Resolves(string ns) => System.Threading.LazyInitializer.EnsureInitialized(ref _resolves, () => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))!
            .GetOrAdd(ns, n => ReferencedTypes.Namespace(_compilation.GlobalNamespace, n.Split('.')) != null);

        /// <summary>
        /// The SDK whose namespace <paramref name="ns"/> is: a catalogue SDK namespace or a namespace under one
        /// (LLama.Common under LLama; not Microsoft.ML.Tokenizers, see <see cref="NotAiNamespaces"/>), a namespace under
        /// the root of a referenced AI SDK package, or under a configured <c>policy.ai_namespaces</c>; null otherwise.
        /// </summary>
        private AiSdkEntry? SdkNamespace(string ns)
        {
            if (SdkNamespaces.TryGetValue(ns, out var sdk))
            {
                return sdk;
            }

            return System.Threading.LazyInitializer.EnsureInitialized(ref _sdkNamespaces, () => new ConcurrentDictionary<string, AiSdkEntry?>(StringComparer.Ordinal))!
                .GetOrAdd(ns, ComputeSdkNamespace);
        }

        private AiSdkEntry? ComputeSdkNamespace(string ns)
        {
            if (IsNotAi(ns))
            {
                return null;
            }

            // Under a catalogue SDK namespace: the longest such namespace (the nearest SDK).
            for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
            {
                if (SdkNamespaces.TryGetValue(ns.Substring(0, dot), out var parent))
                {
                    return parent;
                }
            }

            foreach (var root in _packageRoots)
            {
                if (IsUnder(ns, root.Prefix))
                {
                    return root.Entry;
                }
            }

            foreach (var configured in _configuredNamespaces)
            {
                if (IsUnder(ns, configured))
                {
                    return new AiSdkEntry(configured + ".*", "Configured (policy.ai_namespaces)", "Organisation-defined", AiKind.Custom);
                }
            }

            return null;
        }

        private static bool IsNotAi(string ns)
        {
            foreach (var notAi in NotAiNamespaces)
            {
                if (IsUnder(ns, notAi))
                {
                    return true;
                }
            }

            return false;
        }

        private static AiSdkEntry Unresolved(AiSdkEntry entry, string name) =>
            new AiSdkEntry(name, entry.Family, entry.Supplier, entry.Kind, entry.IsWiring, isUnresolved: true);

        /// <summary>The namespace (and containing types) an unresolved name was written with; empty for a simple name.</summary>
        private static string Qualifier(INamedTypeSymbol error)
        {
            var parts = new List<string>();
            for (ISymbol? current = error.ContainingSymbol; current != null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol { IsGlobalNamespace: true })
                {
                    break;
                }

                if (current is INamespaceOrTypeSymbol && !string.IsNullOrEmpty(current.Name))
                {
                    parts.Add(current.Name);
                }
                else
                {
                    break;
                }
            }

            parts.Reverse();
            return string.Join(".", parts);
        }

        private ImmutableArray<string> ReadGlobalImports()
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (tree.GetRoot() is CompilationUnitSyntax unit)
                {
                    foreach (var directive in unit.Usings)
                    {
                        if (!directive.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && Name(directive) is { } name)
                        {
                            names.Add(name);
                        }
                    }
                }
            }

            return names.ToImmutableArray();
        }

        /// <summary>The namespaces a file imports with plain usings (file level and inside its namespaces; aliases and static usings left out).</summary>
        private static IEnumerable<string> Imports(SyntaxNode root)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                yield break;
            }

            foreach (var directive in unit.Usings)
            {
                if (Name(directive) is { } name)
                {
                    yield return name;
                }
            }

            var stack = new Stack<BaseNamespaceDeclarationSyntax>();
            foreach (var member in unit.Members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    stack.Push(ns);
                }
            }

            while (stack.Count > 0)
            {
                var ns = stack.Pop();
                foreach (var directive in ns.Usings)
                {
                    if (Name(directive) is { } name)
                    {
                        yield return name;
                    }
                }

                foreach (var member in ns.Members)
                {
                    if (member is BaseNamespaceDeclarationSyntax nested)
                    {
                        stack.Push(nested);
                    }
                }
            }
        }

        private static string? Name(UsingDirectiveSyntax directive)
        {
            if (directive.Alias != null || !directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) || directive.Name is null)
            {
                return null;
            }

            var text = directive.Name.ToString();
            if (text.StartsWith("global::", StringComparison.Ordinal))
            {
                text = text.Substring("global::".Length);
            }

            return text.Replace(" ", string.Empty);
        }

        private static bool IsConfigured(string ns, IReadOnlyCollection<string>? configured)
        {
            if (configured is null)
            {
                return false;
            }

            foreach (var prefix in configured)
            {
                if (IsUnder(ns, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsUnder(string ns, string prefix) =>
            ns.Length >= prefix.Length && ns.StartsWith(prefix, StringComparison.Ordinal) && (ns.Length == prefix.Length || ns[prefix.Length] == '.');

        /// <summary>The AI SDK namespaces an unknown name of a file may come from, and the SDK (or SDKs) they stand for.</summary>
        private sealed class CandidateNamespaces
        {
            public CandidateNamespaces(ImmutableArray<string> namespaces, string namespaceList, AiSdkEntry sdk)
            {
                Namespaces = namespaces;
                NamespaceList = namespaceList;
                Sdk = sdk;
            }

            public ImmutableArray<string> Namespaces { get; }

            /// <summary>"Anthropic, LLama or OpenAI".</summary>
            public string NamespaceList { get; }

            public AiSdkEntry Sdk { get; }
        }

        /// <summary>
        /// Simple names (with arity: ChatClientBuilder, EmbeddingGeneratorBuilder`2) of the catalogue whose every entry is
        /// wiring: such a name, unresolved under no imported namespace of the catalogue, is never taken as an SDK type. A
        /// class of its own so that only the error path builds it (the syntax gate of every compilation reads this class's
        /// other statics).
        /// </summary>
        private static class WiringOnly
        {
            public static readonly ImmutableHashSet<string> Names = AiSdkCatalogue.BuiltIn
                .GroupBy(e => SimpleName(e.MetadataName), StringComparer.Ordinal)
                .Where(g => g.All(e => e.IsWiring))
                .Select(g => g.Key)
                .ToImmutableHashSet(StringComparer.Ordinal);
        }

        /// <summary>The simple name with arity of a catalogue metadata name (TorchSharp.torch+nn+Module: Module).</summary>
        private static string SimpleName(string metadataName)
        {
            var cut = Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+'));
            return metadataName.Substring(cut + 1);
        }

        private static string NamespaceOf(string metadataName)
        {
            var plus = metadataName.IndexOf('+');
            var typeName = plus < 0 ? metadataName : metadataName.Substring(0, plus);
            var dot = typeName.LastIndexOf('.');
            return dot < 0 ? string.Empty : typeName.Substring(0, dot);
        }

        private static ImmutableDictionary<string, AiSdkEntry> BuildSdkNamespaces()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, AiSdkEntry>(StringComparer.Ordinal);
            foreach (var entry in AiSdkCatalogue.BuiltIn)
            {
                var ns = NamespaceOf(entry.MetadataName);
                if (ns.Length > 0 && !entry.IsWiring && !builder.ContainsKey(ns))
                {
                    builder.Add(ns, entry); // BuiltIn is sorted: the same entry every time.
                }
            }

            return builder.ToImmutable();
        }
    }
}
