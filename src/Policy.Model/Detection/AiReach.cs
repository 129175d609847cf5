using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;

namespace Policy.Model.Detection
{
    /// <summary>
    /// Which types' code can reach an AI type at all: a sound pre-filter that lets POL001 and the data-flow analyzer leave
    /// the other types alone (no operation callbacks, no signature walk). Built once per compilation from names, before any
    /// body is analysed.
    /// </summary>
    /// <remarks>
    /// <para>The argument. Every operation the detector matches involves a type the matcher knows. Such a type is declared in
    /// an AI SDK assembly, in an assembly that references one (directly or through others: the only assemblies whose
    /// declarations can mention one), or in source. A body can only come to hold a value of such a type, or name a member of
    /// one, through something written in it: a type name (of any type of those assemblies, or a source type that derives
    /// from, is constrained by or wraps one), a member of source whose declared signature names one, an extension method of
    /// those assemblies (callable on a receiver of any type), or an alias of such a type. Everything else it reaches is
    /// rooted in one of those (a receiver, an argument, an inferred type argument), except what the compiler calls without
    /// a name: enumerators, awaiters, deconstruction, collection initializers, query operators, indexers, operators and
    /// conversions. Those are handled by their declaring type: a source type that declares one of them with such a
    /// signature counts as an AI-related type itself, so every value of it is named where it is held.</para>
    /// <para>So the filter collects those names: the type names of the AI-related assemblies, the names of their extension
    /// members, and, by a closure over the source, the names of the source types and members whose declarations (base lists,
    /// constraints, signatures, aliases, delegates) name one. A type may use AI when one of these names occurs in its
    /// declaration text (any partial part), when it is nested in a type that is AI-related, or when it is the simple
    /// program (top-level statements). Text is scanned for identifiers only; comments and strings can only add hits. The
    /// names the telemetry and model-id checks (POL016, POL050) recognise on any type (<c>AppContext.SetSwitch</c>,
    /// <c>ModelId</c>, model-loading calls) count as member names too: the data-flow analyzer's checks start from an AI type,
    /// an AI SDK namespace's type, or one of those names.</para>
    /// <para>Where the argument does not hold, the filter is off (every type analysed): <c>policy.ai_namespaces</c> is
    /// configured (a namespace, not a name, decides), an AI type lives in a platform assembly, the project's packages are
    /// known (the CLI: it judges unrestored code), an imported namespace does not resolve (unrestored packages: unknown
    /// names are suspected by namespace), a <c>using static</c> names an AI-related type, or a source extension member
    /// the compiler calls without its name has such a signature. One limit stays and is documented: in code that does not
    /// compile although every import resolves, a type whose only trace of AI is a name that does not resolve and is not
    /// the catalogue's (a typo, an API the restored version lacks) is not suspected.</para>
    /// </remarks>
    public sealed class AiReach
    {
        /// <summary>Every type may use AI: the filter is off.</summary>
        public static AiReach Everything(string reason) => new AiReach(null, null, reason, 0, 0, 0);

        /// <summary>Names the compiler calls without writing them (foreach, await, deconstruction, initializers, query syntax, indexers, patterns, handlers).</summary>
        private static readonly HashSet<string> ImplicitNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "GetEnumerator", "GetAsyncEnumerator", "Current", "MoveNext", "MoveNextAsync",
            "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted", "UnsafeOnCompleted",
            "Deconstruct", "Add", "Dispose", "DisposeAsync", "GetPinnableReference",
            "Select", "SelectMany", "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast",
            "Slice", "Length", "Count", "Item", "Invoke", "AppendLiteral", "AppendFormatted",
        };

        private const string SimpleProgramTypeName = "Program";

        private readonly Dictionary<SyntaxTree, int[]?>? _hits; // sorted hit positions per file; null array: every position (the file could not be read as plain identifiers)
        private readonly HashSet<string>? _types;

        private AiReach(Dictionary<SyntaxTree, int[]?>? hits, HashSet<string>? types, string? reason, int names, int hitCount, int rounds)
        {
            _hits = hits;
            _types = types;
            OffReason = reason;
            NameCount = names;
            HitCount = hitCount;
            Rounds = rounds;
        }

        /// <summary>True when the filter decides (false: every type may use AI, see <see cref="OffReason"/>).</summary>
        public bool IsFiltering => _hits != null;

        /// <summary>Why the filter is off, or null.</summary>
        public string? OffReason { get; }

        /// <summary>How many names were searched for (benchmark and tests).</summary>
        public int NameCount { get; }

        /// <summary>How many identifiers of the source matched one of them.</summary>
        public int HitCount { get; }

        /// <summary>How many passes over the source text the closure took.</summary>
        public int Rounds { get; }

        /// <summary>False only when no code of <paramref name="type"/> can create, hold, receive or call an AI type.</summary>
        public bool MayUseAi(INamedTypeSymbol type)
        {
            var hits = _hits;
            if (hits is null || type.Name == SimpleProgramTypeName)
            {
                return true; // Off, or the simple program (top-level statements are its members, in whole files).
            }

            for (var container = type.ContainingType; container != null; container = container.ContainingType)
            {
                if (_types!.Contains(container.Name))
                {
                    return true; // The container's base types, constraints or implicit members reach its nested types unnamed.
                }
            }

            var references = type.DeclaringSyntaxReferences;
            if (references.IsEmpty)
            {
                return true;
            }

            foreach (var reference in references)
            {
                if (!hits.TryGetValue(reference.SyntaxTree, out var positions) || positions is null)
                {
                    return true; // A file that was not scanned, or one read as all hits.
                }

                if (positions.Length == 0)
                {
                    continue; // Most files hold no hit: the declaration's span (its syntax node's) is not needed.
                }

                var span = reference.Span;
                var index = FirstAtOrAfter(positions, span.Start);
                if (index < positions.Length && positions[index] < span.End)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Builds the filter of a compilation (off when <paramref name="enabled"/> is false).</summary>
        public static AiReach Build(Compilation compilation, AiTypeMatcher matcher, IEnumerable<string> configuredTypes, bool enabled, CancellationToken cancellationToken)
        {
            if (!enabled)
            {
                return Everything("switched off (build_property.PolicyReachFilter)");
            }

            if (matcher.HasNamespaceEntries)
            {
                return Everything("policy.ai_namespaces is configured");
            }

            if (matcher.Unresolved.HasPackageRoots)
            {
                return Everything("the project's package references are supplied (unrestored code is judged by namespace)");
            }

            var builder = new Builder(compilation, cancellationToken);

            // The AI types themselves: the catalogue's simple names (resolved or not: the restored version may lack one) and
            // the configured ones; their assemblies are the roots of the AI-related assemblies.
            var roots = new HashSet<IAssemblySymbol>(ReferenceComparer<IAssemblySymbol>.Instance);
            foreach (var type in matcher.ResolvedTypes.Keys)
            {
                var assembly = type.ContainingAssembly;
                if (assembly is null || ReferencedTypes.IsPlatformAssembly(assembly.Identity.Name))
                {
                    return Everything("an AI type is declared in a platform assembly");
                }

                if (!ReferenceEquals(assembly, compilation.Assembly))
                {
                    roots.Add(assembly);
                }

                builder.AddType(type.Name);
            }

            foreach (var name in AiSdkCatalogue.BuiltInNames)
            {
                builder.AddType(SimpleName(name));
            }

            foreach (var name in configuredTypes)
            {
                builder.AddType(SimpleName(name));
            }

            // What POL016 and POL050 recognise by name on any type (AppContext.SetSwitch, a ModelId property, a model-loading
            // call): a type that writes one is kept for the data-flow analyzer's checks.
            foreach (var name in ModelReferences.TriggerNames)
            {
                builder.AddMember(name);
            }

            foreach (var name in Telemetry.TriggerNames)
            {
                builder.AddMember(name);
            }

            var related = new Dictionary<IAssemblySymbol, bool>(ReferenceComparer<IAssemblySymbol>.Instance);
            HashSet<string>? namespacesInScope = null;
            var imports = new HashSet<string>(StringComparer.Ordinal);
            var declared = new HashSet<string>(StringComparer.Ordinal);
            var relatedAssemblies = new List<IAssemblySymbol>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!IsRelated(assembly, roots, related))
                {
                    continue;
                }

                relatedAssemblies.Add(assembly);

                // Extension methods are found only in the namespaces the code imports or is declared in (and the global
                // one): only the static classes of those are read.
                namespacesInScope ??= NamespacesInScope(compilation, imports, declared, cancellationToken);
                if (!MetadataNames.Add(compilation, assembly, namespacesInScope, builder))
                {
                    // Not read from a file (a project reference in the IDE): the same names through symbols.
                    foreach (var name in assembly.TypeNames)
                    {
                        builder.AddType(SimpleName(name));
                    }

                    var internals = assembly.GivesAccessTo(compilation.Assembly);
                    foreach (var name in namespacesInScope)
                    {
                        if (ReferencedTypes.Namespace(assembly.GlobalNamespace, name.Length == 0 ? Array.Empty<string>() : name.Split('.')) is { } ns)
                        {
                            AddExtensionNames(ns, internals, builder);
                        }
                    }
                }

                if (builder.OffReason != null)
                {
                    return Everything(builder.OffReason);
                }
            }

            // Unrestored packages: a file that imports an AI SDK namespace no AI-related assembly (and no source) declares
            // has its unknown names suspected by that namespace, which no name can stand for.
            namespacesInScope ??= NamespacesInScope(compilation, imports, declared, cancellationToken);
            foreach (var imported in imports)
            {
                if (matcher.Unresolved.IsAiNamespace(imported) && !declared.Contains(imported) && !Declares(imported, relatedAssemblies))
                {
                    return Everything("the imported AI namespace " + imported + " does not resolve");
                }
            }

            return builder.Close();
        }

        /// <summary>
        /// The namespaces whose extension methods the source can call: every namespace a plain using imports (global ones
        /// included), every namespace the source declares and those enclosing it, and the global namespace (dotted names;
        /// <paramref name="imports"/> and <paramref name="declared"/> receive the two kinds on their own).
        /// </summary>
        private static HashSet<string> NamespacesInScope(Compilation compilation, HashSet<string> imports, HashSet<string> declared, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
            // Two lists as one stack (a compilation unit or namespace, and its dotted name): a stack of tuples is framework
            // code over a value type that the runtime JIT-compiles in every build.
            var nodes = new List<SyntaxNode>();
            var prefixes = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
                {
                    nodes.Add(unit);
                    prefixes.Add(string.Empty);
                }

                while (nodes.Count > 0)
                {
                    var node = nodes[nodes.Count - 1];
                    var prefix = prefixes[prefixes.Count - 1];
                    nodes.RemoveAt(nodes.Count - 1);
                    prefixes.RemoveAt(prefixes.Count - 1);
                    SyntaxList<UsingDirectiveSyntax> usings;
                    SyntaxList<MemberDeclarationSyntax> members;
                    if (node is BaseNamespaceDeclarationSyntax container)
                    {
                        usings = container.Usings;
                        members = container.Members;
                    }
                    else
                    {
                        usings = ((CompilationUnitSyntax)node).Usings;
                        members = ((CompilationUnitSyntax)node).Members;
                    }
                    foreach (var directive in usings)
                    {
                        if (directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name is { } imported)
                        {
                            var dotted = Dotted(imported);
                            names.Add(dotted);
                            imports.Add(dotted);
                        }
                    }

                    foreach (var member in members)
                    {
                        if (member is BaseNamespaceDeclarationSyntax ns)
                        {
                            var full = prefix.Length == 0 ? Dotted(ns.Name) : prefix + "." + Dotted(ns.Name);
                            for (var dot = full.IndexOf('.'); dot >= 0; dot = full.IndexOf('.', dot + 1))
                            {
                                names.Add(full.Substring(0, dot));
                                declared.Add(full.Substring(0, dot));
                            }

                            names.Add(full);
                            declared.Add(full);
                            nodes.Add(ns);
                            prefixes.Add(full);
                        }
                    }
                }
            }

            return names;
        }

        /// <summary>True when one of the AI-related assemblies declares the namespace.</summary>
        private static bool Declares(string ns, List<IAssemblySymbol> assemblies)
        {
            var path = ns.Split('.');
            foreach (var assembly in assemblies)
            {
                if (ReferencedTypes.Namespace(assembly.GlobalNamespace, path) != null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A name as written, without aliases' qualifiers and spaces (<c>global::System.Linq</c> is System.Linq).</summary>
        private static string Dotted(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => Dotted(qualified.Left) + "." + qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };

        /// <summary>True for an AI SDK assembly and for one that references one, directly or through others.</summary>
        private static bool IsRelated(IAssemblySymbol assembly, HashSet<IAssemblySymbol> roots, Dictionary<IAssemblySymbol, bool> known)
        {
            if (known.TryGetValue(assembly, out var answer))
            {
                return answer;
            }

            if (roots.Contains(assembly))
            {
                known[assembly] = true;
                return true;
            }

            if (ReferencedTypes.IsPlatformAssembly(assembly.Identity.Name))
            {
                known[assembly] = false; // The shared framework references no SDK.
                return false;
            }

            known[assembly] = false; // A cycle answers from what is known so far.
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblySymbols)
                {
                    if (IsRelated(referenced, roots, known))
                    {
                        known[assembly] = true;
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The member names of a namespace's classes that may declare extension methods (and of their C# 14 extension blocks).</summary>
        private static void AddExtensionNames(INamespaceSymbol ns, bool internals, Builder builder)
        {
            foreach (var type in ns.GetTypeMembers())
            {
                if (!type.MightContainExtensionMethods || !(internals || type.DeclaredAccessibility == Accessibility.Public))
                {
                    continue;
                }

                AddMemberNames(type, type, builder);
                foreach (var nested in type.GetTypeMembers())
                {
                    if (nested.Name.StartsWith("<G>$", StringComparison.Ordinal))
                    {
                        AddMemberNames(nested, type, builder); // An extension block's grouping type (C# 14) names its members.
                    }
                }
            }
        }

        internal static bool IsImplicit(string name) => ImplicitNames.Contains(name);

        private static void AddMemberNames(INamedTypeSymbol type, INamedTypeSymbol extensions, Builder builder)
        {
            foreach (var name in type.MemberNames)
            {
                if (ImplicitNames.Contains(name) && CallableUnnamed(type, extensions, name))
                {
                    // An extension the compiler may call unnamed (an Add of a collection initializer, a GetAwaiter) on a
                    // receiver of any type.
                    builder.OffReason ??= "an AI-related assembly declares an extension named " + name;
                    return;
                }

                builder.AddMember(name);
            }
        }

        /// <summary>True when a member of that name is an extension the source can call (not a private helper of the class).</summary>
        private static bool CallableUnnamed(INamedTypeSymbol type, INamedTypeSymbol extensions, string name)
        {
            if (!ReferenceEquals(type, extensions))
            {
                return true; // A member of an extension block.
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol { IsExtensionMethod: true } method && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
                {
                    return true;
                }
            }

            return false;
        }

        internal static string SimpleName(string metadataName)
        {
            var start = metadataName.LastIndexOf('.') + 1;
            var nested = metadataName.LastIndexOf('+') + 1;
            start = Math.Max(start, nested);
            var tick = metadataName.IndexOf('`', start);
            return tick < 0 ? metadataName.Substring(start) : metadataName.Substring(start, tick - start);
        }

        /// <summary>The closure over the source: rounds of text scans for the names found in the previous round.</summary>
        internal sealed class Builder
        {
            private readonly Compilation _compilation;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<string> _types = new HashSet<string>(StringComparer.Ordinal);
            private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal); // every name searched or pending
            private readonly HashSet<string> _classified = new HashSet<string>(StringComparer.Ordinal); // names whose hits are classified
            private List<string> _pendingTypes = new List<string>();
            private List<string> _pendingMembers = new List<string>();

            public Builder(Compilation compilation, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _cancellationToken = cancellationToken;
            }

            public string? OffReason { get; set; }

            /// <summary>A name of an AI-related type: its hits are found and classified (they may name more).</summary>
            public void AddType(string name)
            {
                if (name.Length == 0)
                {
                    return;
                }

                _types.Add(name);
                _names.Add(name);
                if (_classified.Add(name))
                {
                    _pendingTypes.Add(name);
                }
            }

            /// <summary>A name of a member that holds or returns an AI-related type: its hits are found.</summary>
            public void AddMember(string name)
            {
                if (name.Length != 0 && _names.Add(name))
                {
                    _pendingMembers.Add(name);
                }
            }

            public AiReach Close()
            {
                var trees = new List<SyntaxTree>(_compilation.SyntaxTrees);
                var hits = new List<int>?[trees.Count];
                var whole = new bool[trees.Count];
                var buffer = Array.Empty<char>();
                var rounds = 0;
                var hitCount = 0;
                var found = new Found();
                while (_pendingTypes.Count > 0 || _pendingMembers.Count > 0)
                {
                    // The first round tokenizes every file against all names; the later ones look for a few names only
                    // (what the source's own declarations added), with the runtime's substring search.
                    var tokenize = rounds == 0 || _pendingTypes.Count + _pendingMembers.Count > FewNames;
                    rounds++;
                    var table = new NameTable(_pendingTypes.Count + _pendingMembers.Count);
                    foreach (var name in _pendingTypes)
                    {
                        table.Add(name, classify: true);
                    }

                    foreach (var name in _pendingMembers)
                    {
                        table.Add(name, classify: false); // a name pending as a type too stays classified
                    }

                    _pendingTypes = new List<string>();
                    _pendingMembers = new List<string>();
                    for (var i = 0; i < trees.Count; i++)
                    {
                        if (whole[i])
                        {
                            continue;
                        }

                        _cancellationToken.ThrowIfCancellationRequested();
                        var text = trees[i].GetText(_cancellationToken);
                        ReadOnlySpan<char> chars;
                        if (PolicySyntax.WholeString(text) is { } fileString)
                        {
                            chars = fileString.AsSpan(); // a file's own string: nothing copied
                        }
                        else
                        {
                            if (buffer.Length < text.Length)
                            {
                                buffer = new char[Math.Max(text.Length, buffer.Length * 2)];
                            }

                            text.CopyTo(0, buffer, 0, text.Length);
                            chars = new ReadOnlySpan<char>(buffer, 0, text.Length);
                        }

                        found.Clear();
                        if (tokenize ? !ScanTokens(chars, table, found) : !ScanNames(chars, table, found))
                        {
                            whole[i] = true;
                            continue;
                        }

                        if (found.Count == 0)
                        {
                            continue;
                        }

                        var list = hits[i] ??= new List<int>();
                        SyntaxNode? root = null;
                        for (var f = 0; f < found.Count; f++)
                        {
                            var position = found.Position(f);
                            var entry = found.Entry(f);
                            list.Add(position);
                            hitCount++;
                            if (entry.Classify)
                            {
                                root ??= trees[i].GetRoot(_cancellationToken);
                                Classify(root, position, entry.Name);
                                if (OffReason != null)
                                {
                                    return Everything(OffReason);
                                }
                            }
                        }
                    }
                }

                var result = new Dictionary<SyntaxTree, int[]?>(trees.Count, ReferenceComparer<SyntaxTree>.Instance);
                for (var i = 0; i < trees.Count; i++)
                {
                    int[]? positions;
                    if (whole[i])
                    {
                        positions = null;
                    }
                    else if (hits[i] is { } list)
                    {
                        positions = list.ToArray();
                        Array.Sort(positions);
                    }
                    else
                    {
                        positions = Array.Empty<int>();
                    }

                    result[trees[i]] = positions;
                }

                return new AiReach(result, _types, null, _names.Count, hitCount, rounds);
            }

            /// <summary>
            /// What an AI-related type name at <paramref name="position"/> makes AI-related in turn: the type whose base list or
            /// constraints name it, the member whose signature names it, the alias that names it.
            /// </summary>
            private void Classify(SyntaxNode root, int position, string name)
            {
                var token = root.FindToken(position);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || token.ValueText != name)
                {
                    return; // A comment, a string, disabled text: nothing binds to it.
                }

                for (var node = token.Parent; node != null; node = node.Parent)
                {
                    switch (node)
                    {
                        case UsingDirectiveSyntax directive:
                            if (directive.Alias != null)
                            {
                                AddType(directive.Alias.Name.Identifier.ValueText);
                            }
                            else if (!directive.StaticKeyword.IsKind(SyntaxKind.None))
                            {
                                OffReason ??= "a using static directive names the AI-related type " + name;
                            }

                            return;
                        case BaseListSyntax or TypeParameterConstraintClauseSyntax when node.Parent is BaseTypeDeclarationSyntax declared:
                            AddType(declared.Identifier.ValueText);
                            return;
                        case ParameterListSyntax when node.Parent is TypeDeclarationSyntax declared:
                            // A primary constructor: a record's parameters are properties (and its Deconstruct returns them);
                            // a class's or struct's are captured inside the type, whose own text holds them.
                            if (declared is RecordDeclarationSyntax)
                            {
                                AddType(declared.Identifier.ValueText);
                                var parameter = token.Parent?.FirstAncestorOrSelf<ParameterSyntax>();
                                if (parameter != null)
                                {
                                    AddMember(parameter.Identifier.ValueText);
                                }
                            }

                            return;
                        case DelegateDeclarationSyntax @delegate:
                            AddType(@delegate.Identifier.ValueText);
                            return;
                        case BaseTypeDeclarationSyntax:
                        case EnumMemberDeclarationSyntax:
                        case IncompleteMemberSyntax:
                        case BaseNamespaceDeclarationSyntax:
                        case GlobalStatementSyntax:
                        case AttributeListSyntax:
                            return; // The type's own name, attributes, a namespace's name, top-level statements.
                        case MemberDeclarationSyntax member:
                            ClassifyMember(member, position);
                            return;
                    }
                }
            }

            private void ClassifyMember(MemberDeclarationSyntax member, int position)
            {
                if (InBody(member, position))
                {
                    return; // A use inside a body: the type's own text holds it.
                }

                var container = member.Parent as TypeDeclarationSyntax;
                var inType = container != null && container.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.StructDeclaration or
                    SyntaxKind.InterfaceDeclaration or SyntaxKind.RecordDeclaration or SyntaxKind.RecordStructDeclaration;
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            AddMember(variable.Identifier.ValueText);
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        AddNamed(property.Identifier.ValueText, container, inType, isExtension: false);
                        break;
                    case EventDeclarationSyntax @event:
                        AddMember(@event.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        var isExtension = method.ParameterList.Parameters.Count > 0 && method.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword);
                        AddNamed(method.Identifier.ValueText, container, inType, isExtension);
                        break;
                    case IndexerDeclarationSyntax:
                    case OperatorDeclarationSyntax:
                    case ConversionOperatorDeclarationSyntax:
                        // Called without a name (x[i], a + b, conversions): the declaring type stands for it.
                        if (inType)
                        {
                            AddType(container!.Identifier.ValueText);
                        }
                        else
                        {
                            OffReason ??= "an indexer or operator outside a class, struct, interface or record has an AI-related signature";
                        }

                        break;
                    case ConstructorDeclarationSyntax:
                    case DestructorDeclarationSyntax:
                        break; // Called through the type's name; its parameters are arguments, rooted where they are written.
                    default:
                        if (!inType)
                        {
                            OffReason ??= "an AI-related declaration of a kind the filter does not know (" + member.Kind() + ")";
                        }

                        break;
                }
            }

            /// <summary>A named member: its name, and for one the compiler calls unnamed, its declaring type (or, for an extension, off).</summary>
            private void AddNamed(string name, TypeDeclarationSyntax? container, bool inType, bool isExtension)
            {
                AddMember(name);
                if (!ImplicitNames.Contains(name))
                {
                    return;
                }

                if (inType && !isExtension)
                {
                    AddType(container!.Identifier.ValueText);
                }
                else
                {
                    OffReason ??= "an extension named " + name + " has an AI-related signature";
                }
            }

            private static bool InBody(MemberDeclarationSyntax member, int position)
            {
                switch (member)
                {
                    case BaseMethodDeclarationSyntax method:
                        return Contains(method.Body, position) || Contains(method.ExpressionBody, position) ||
                               (method is ConstructorDeclarationSyntax constructor && Contains(constructor.Initializer, position));
                    case BasePropertyDeclarationSyntax property:
                        return Contains(property.AccessorList, position) ||
                               (property is PropertyDeclarationSyntax p && (Contains(p.ExpressionBody, position) || Contains(p.Initializer, position))) ||
                               (property is IndexerDeclarationSyntax indexer && Contains(indexer.ExpressionBody, position));
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (Contains(variable.Initializer, position) || Contains(variable.ArgumentList, position))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            private static bool Contains(SyntaxNode? node, int position) => node != null && node.Span.Contains(position);
        }

        /// <summary>Up to this many names, a round searches for each name instead of tokenizing the text.</summary>
        private const int FewNames = 8;

        /// <summary>Character classes of ASCII: 1 starts an identifier, 2 continues one, 0 neither.</summary>
        private static readonly byte[] Ascii = BuildAscii();

        private static byte[] BuildAscii()
        {
            var table = new byte[128];
            for (var c = 'a'; c <= 'z'; c++)
            {
                table[c] = 3;
                table[char.ToUpperInvariant(c)] = 3;
            }

            for (var c = '0'; c <= '9'; c++)
            {
                table[c] = 2;
            }

            table['_'] = 3;
            return table;
        }

        /// <summary>
        /// Finds the identifiers of <paramref name="table"/> in C# text by reading every identifier. False when the text holds
        /// something that is not read as plain identifiers (a Unicode escape, a formatting character inside a name): the
        /// caller then takes every position of the file.
        /// </summary>
        private static bool ScanTokens(ReadOnlySpan<char> text, NameTable table, Found found)
        {
            var length = text.Length;
            var ascii = Ascii; // a local: no static-field access per character
            var i = 0;
            while (i < length)
            {
                var c = text[i];
                if (c < 0x80 ? (ascii[c] & 1) == 0 : !IsStart(c))
                {
                    if (c == '\\' && i + 1 < length && (text[i + 1] == 'u' || text[i + 1] == 'U'))
                    {
                        return false; // \u0041: an identifier can be spelled with escapes; its value is not its text.
                    }

                    i++;
                    continue;
                }

                var start = i;
                var hash = NameTable.Seed;
                while (true)
                {
                    if (c >= 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    {
                        return false; // Formatting characters are not part of an identifier's value.
                    }

                    hash = NameTable.Step(hash, c);
                    if (++i == length)
                    {
                        break;
                    }

                    c = text[i];
                    if (c < 0x80 ? ascii[c] == 0 : !IsPart(c))
                    {
                        break;
                    }
                }

                if (table.Find(text, start, i - start, hash) is { } entry)
                {
                    found.Add(start, entry);
                }
            }

            return true;
        }

        /// <summary>
        /// As <see cref="ScanTokens"/> for a few names, each found with the runtime's substring search and kept where it is a
        /// whole identifier. Only for files the first round read as plain identifiers.
        /// </summary>
        private static bool ScanNames(ReadOnlySpan<char> text, NameTable table, Found found)
        {
            var length = text.Length;
            foreach (var entry in table.Entries)
            {
                var from = 0;
                while (from < length)
                {
                    var index = text.Slice(from).IndexOf(entry.Name.AsSpan(), StringComparison.Ordinal);
                    if (index < 0)
                    {
                        break;
                    }

                    var start = from + index;
                    var end = start + entry.Name.Length;
                    if ((start == 0 || !IsPart(text[start - 1])) && (end == length || !IsPart(text[end])))
                    {
                        found.Add(start, entry);
                    }

                    from = start + 1;
                }
            }

            return true;
        }

        private static bool IsStart(char c) =>
            c < 0x80 ? (Ascii[c] & 1) != 0 : IsLetter(CharUnicodeInfo.GetUnicodeCategory(c));

        private static bool IsPart(char c)
        {
            if (c < 0x80)
            {
                return Ascii[c] != 0;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
        }

        private static bool IsLetter(UnicodeCategory category) =>
            category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
                UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

        /// <summary>An open-addressing set of names, looked up by a span of characters and its hash (no string per identifier).</summary>
        /// <summary>The index of the first of the sorted <paramref name="positions"/> at or after <paramref name="start"/> (their length when none is).</summary>
        internal static int FirstAtOrAfter(int[] positions, int start)
        {
            // By hand: Array.BinarySearch<int> is framework code over a value type that no ReadyToRun image holds.
            int low = 0, high = positions.Length;
            while (low < high)
            {
                var middle = low + ((high - low) >> 1);
                if (positions[middle] < start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }

        /// <summary>
        /// The hits of one file's scan in text order, as two arrays: a <c>List</c> of (position, entry) tuples is framework
        /// code over a value type, JIT-compiled inside the first callback of every build (docs/performance.md, "Session 12").
        /// </summary>
        private sealed class Found
        {
            private int[] _positions = new int[32];
            private NameTable.Entry[] _entries = new NameTable.Entry[32];

            public int Count { get; private set; }

            public int Position(int index) => _positions[index];

            public NameTable.Entry Entry(int index) => _entries[index];

            public void Clear() => Count = 0;

            public void Add(int position, NameTable.Entry entry)
            {
                if (Count == _positions.Length)
                {
                    var positions = new int[Count * 2];
                    var entries = new NameTable.Entry[Count * 2];
                    Array.Copy(_positions, positions, Count);
                    Array.Copy(_entries, entries, Count);
                    _positions = positions;
                    _entries = entries;
                }

                _positions[Count] = position;
                _entries[Count] = entry;
                Count++;
            }
        }

        private sealed class NameTable
        {
            public const uint Seed = 2166136261;

            private readonly Entry?[] _slots;
            private readonly uint[] _hashes;
            private readonly int _mask;

            public NameTable(int count)
            {
                var size = 16;
                while (size < count * 2)
                {
                    size <<= 1;
                }

                _slots = new Entry?[size];
                _hashes = new uint[size];
                _mask = size - 1;
            }

            public static uint Step(uint hash, char c) => (hash ^ c) * 16777619;

            public IEnumerable<Entry> Entries
            {
                get
                {
                    foreach (var slot in _slots)
                    {
                        if (slot != null)
                        {
                            yield return slot;
                        }
                    }
                }
            }

            public void Add(string name, bool classify)
            {
                var hash = Seed;
                foreach (var c in name)
                {
                    hash = Step(hash, c);
                }

                var slot = (int)(hash & (uint)_mask);
                while (_slots[slot] is { } existing)
                {
                    if (existing.Name == name)
                    {
                        return;
                    }

                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = new Entry(name, classify);
                _hashes[slot] = hash;
            }

            public Entry? Find(ReadOnlySpan<char> text, int start, int length, uint hash)
            {
                // Most identifiers are no name: the slots' hashes (one array, no entry to dereference) reject them.
                var slot = (int)(hash & (uint)_mask);
                while (_slots[slot] is { } entry)
                {
                    if (_hashes[slot] == hash && entry.Name.Length == length && text.Slice(start, length).SequenceEqual(entry.Name.AsSpan()))
                    {
                        return entry;
                    }

                    slot = (slot + 1) & _mask;
                }

                return null;
            }

            public sealed class Entry
            {
                public Entry(string name, bool classify)
                {
                    Name = name;
                    Classify = classify;
                }

                public string Name { get; }

                public bool Classify { get; }
            }
        }
    }
}
