using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Catalogue;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// Every Policy.Annotations [AiSystem] and [AiComponent] of one compilation, the policy attributes of its assembly,
    /// and the AI systems declared in referenced assemblies: what the model aggregates per system id.
    /// </summary>
    /// <remarks>
    /// Built for speed inside the compiler: <see cref="Build(Compilation, CancellationToken)"/> reads syntax only (the attribute lists of type
    /// declarations, keyed by the literal system id they name) and binds nothing. A question about one id binds only the
    /// attributes of the types that name that id in syntax (plus the rare declarations whose id is not a string literal
    /// or whose attribute is written through a using alias), and confirms them semantically: the answers are exactly
    /// those of reading every type's attributes, without binding the attributes of thousands of unrelated types (which the
    /// compiler's analyzer telemetry would charge to whichever analyzer asked first).
    /// </remarks>
    public sealed class DeclarationIndex
    {
        private static readonly string[] IndexedNames = { "AiSystem", "AiComponent" };

        private readonly Compilation _compilation;
        private HashSet<SyntaxTree>? _filesNamingAttributes;
        private readonly Dictionary<string, List<Candidate>> _candidatesById;
        private readonly List<Candidate> _unresolved;
        private readonly List<Candidate> _all;
        private readonly Once<object> _assemblyDeclarations; // boxed ImmutableArrays (see Catalogue.Once)
        private readonly Once<ReferencedSystems> _referenced;
        private readonly Once<object> _systems;
        private readonly ConcurrentDictionary<string, IReadOnlyList<SystemDeclaration>> _systemsById = new ConcurrentDictionary<string, IReadOnlyList<SystemDeclaration>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, IReadOnlyList<INamedTypeSymbol>> _componentsById = new ConcurrentDictionary<string, IReadOnlyList<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<AttributeData, object> _governance = new ConcurrentDictionary<AttributeData, object>(Catalogue.ReferenceComparer<AttributeData>.Instance); // boxed ImmutableArray<AttributeView>s

        private DeclarationIndex(Compilation compilation, Dictionary<string, List<Candidate>> candidatesById, List<Candidate> unresolved, List<Candidate> all, bool assemblyMayDeclare, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _candidatesById = candidatesById;
            _unresolved = unresolved;
            _all = all;
            _assemblyDeclarations = new Once<object>(
                () => assemblyMayDeclare ? DeclarationReader.Read(compilation.Assembly) : ImmutableArray<AttributeView>.Empty,
                OnceMode.Exclusive);
            _referenced = new Once<ReferencedSystems>(
                () =>
                {
                    var declarations = new Dictionary<string, SystemDeclaration>(StringComparer.Ordinal);
                    var names = ReadReferencedSystems(compilation, declarations, cancellationToken);
                    return new ReferencedSystems(names, declarations);
                },
                OnceMode.Exclusive);
            _systems = new Once<object>(() => ReadAllSystems(), OnceMode.Exclusive);
        }

        /// <summary>The systems that referenced assemblies declare: their assembly's name and their declaration, by id.</summary>
        private sealed class ReferencedSystems
        {
            public ReferencedSystems(Dictionary<string, string> names, Dictionary<string, SystemDeclaration> declarations)
            {
                Names = names;
                Declarations = declarations;
            }

            public Dictionary<string, string> Names { get; }

            public Dictionary<string, SystemDeclaration> Declarations { get; }
        }

        /// <summary>The systems declared in this compilation's source (types and assembly), in source order.</summary>
        public ImmutableArray<SystemDeclaration> Systems => (ImmutableArray<SystemDeclaration>)_systems.Value;

        /// <summary>The policy attributes on this compilation's assembly.</summary>
        public ImmutableArray<AttributeView> AssemblyDeclarations => (ImmutableArray<AttributeView>)_assemblyDeclarations.Value;

        /// <summary>True when a system with this id is declared in source or in a referenced assembly.</summary>
        public bool IsKnownSystem(string id) => SystemsWithId(id).Count > 0 || _referenced.Value.Names.ContainsKey(id);

        /// <summary>All system ids known to the compilation (source and referenced), sorted ordinally.</summary>
        public ImmutableArray<string> KnownSystemIds()
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var system in Systems)
            {
                set.Add(system.Id);
            }

            foreach (var id in _referenced.Value.Names.Keys)
            {
                set.Add(id);
            }

            set.Remove(string.Empty);
            return set.ToImmutableArray();
        }

        /// <summary>Source declarations with this id, in source order.</summary>
        public IReadOnlyList<SystemDeclaration> SystemsWithId(string id) => _systemsById.GetOrAdd(id, ReadSystemsWithId);

        /// <summary>The referenced assembly that declares a system id, or null.</summary>
        public string? ReferencedAssemblyDeclaring(string id) => _referenced.Value.Names.TryGetValue(id, out var name) ? name : null;

        /// <summary>The declaration of a system id in a referenced assembly (the first one found), or null.</summary>
        public SystemDeclaration? ReferencedSystem(string id) => _referenced.Value.Declarations.TryGetValue(id, out var system) ? system : null;

        /// <summary>Source types marked [AiComponent(id)], in source order.</summary>
        public IReadOnlyList<INamedTypeSymbol> ComponentsOf(string id) => _componentsById.GetOrAdd(id, ReadComponentsOf);

        /// <summary>
        /// The declarations of a kind that count for a system: the one definition behind the requirement rules and the
        /// evidence pack. They stand on the declaring type or one of its [AiComponent] types (on the type itself, on its
        /// members, on the parameters of its methods and constructors, or on a nested type that declares no system of its
        /// own), or on the assembly that declares the system. Each declaration once.
        /// </summary>
        public ImmutableArray<AttributeView> Governance(SystemDeclaration system, DeclarationKind kind)
        {
            // The declarations of every kind are gathered once per system (a system is asked for each kind it requires).
            var all = (ImmutableArray<AttributeView>)_governance.GetOrAdd(system.Attribute.Data, _ => ReadGovernance(system));
            var builder = ImmutableArray.CreateBuilder<AttributeView>();
            foreach (var declaration in all)
            {
                if (declaration.Kind == kind)
                {
                    builder.Add(declaration);
                }
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<AttributeView> ReadGovernance(SystemDeclaration system)
        {
            var builder = ImmutableArray.CreateBuilder<AttributeView>();
            if (system.DeclaringSymbol is INamedTypeSymbol declaringType)
            {
                AddFromType(declaringType, builder);
            }

            foreach (var component in ComponentsOf(system.Id))
            {
                if (!SymbolEqualityComparer.Default.Equals(component, system.DeclaringSymbol))
                {
                    AddFromType(component, builder);
                }
            }

            builder.AddRange(AssemblyDeclarations);
            if (builder.Count > 1)
            {
                Deduplicate(builder); // the same declaration twice is twice of one kind: filtering by kind afterwards gives what filtering first did
            }

            return builder.ToImmutable();
        }

        private static void AddFromType(INamedTypeSymbol type, ImmutableArray<AttributeView>.Builder builder)
        {
            builder.AddRange(DeclarationReader.Read(type));
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    var own = DeclarationReader.Read(nested);
                    if (!DeclaresSystem(own))
                    {
                        builder.AddRange(own);
                    }

                    continue;
                }

                builder.AddRange(DeclarationReader.Read(member));
                if (member is IMethodSymbol method)
                {
                    foreach (var parameter in method.Parameters)
                    {
                        builder.AddRange(DeclarationReader.Read(parameter));
                    }
                }
            }
        }

        private static bool DeclaresSystem(ImmutableArray<AttributeView> declarations)
        {
            foreach (var declaration in declarations)
            {
                if (declaration.Kind == DeclarationKind.AiSystem || declaration.Kind == DeclarationKind.AiComponent)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Keeps the first of declarations written at the same place (a type reached twice, a shared assembly attribute).</summary>
        private static void Deduplicate(ImmutableArray<AttributeView>.Builder builder)
        {
            for (var i = builder.Count - 1; i > 0; i--)
            {
                var reference = builder[i].Data.ApplicationSyntaxReference;
                for (var j = 0; j < i; j++)
                {
                    var other = builder[j].Data.ApplicationSyntaxReference;
                    if (reference is null ? ReferenceEquals(builder[i].Data, builder[j].Data) : other != null && other.SyntaxTree == reference.SyntaxTree && other.Span == reference.Span)
                    {
                        builder.RemoveAt(i);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// Builds the index of a compilation from syntax: every attribute list of a type declaration that names
        /// [AiSystem] or [AiComponent] (or a using alias), keyed by the string literal it gives as the id. Binds nothing.
        /// </summary>
        public static DeclarationIndex Build(Compilation compilation, CancellationToken cancellationToken) =>
            Build(compilation, PolicySyntax.AliasNames(compilation, cancellationToken), cancellationToken);

        /// <summary>Builds the index of a compilation whose using-alias names are already known.</summary>
        public static DeclarationIndex Build(Compilation compilation, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken)
        {
            // Only files whose text names an indexed attribute (or an alias) can declare a system or a component; only
            // files that name one of our attributes at all (or an alias) can carry a declaration that a rule reads.
            var needles = new List<string>(IndexedNames);
            needles.AddRange(aliases);
            var anyAttribute = new List<string>(PolicyAttributes.RuleBearingNames);
            anyAttribute.AddRange(aliases);
            var namingFiles = new HashSet<SyntaxTree>();

            var candidatesById = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
            var unresolved = new List<Candidate>();
            var all = new List<Candidate>();
            var assemblyMayDeclare = false;
            var stack = new Stack<SyntaxNode>();
            char[]? buffer = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var root = tree.GetRoot(cancellationToken);
                if (root is CompilationUnitSyntax unit)
                {
                    foreach (var list in unit.AttributeLists)
                    {
                        foreach (var attribute in list.Attributes)
                        {
                            assemblyMayDeclare |= PolicyAttributes.MayBePolicyAttribute(PolicySyntax.SimpleName(attribute.Name), aliases);
                        }
                    }
                }

                var text = tree.GetText(cancellationToken);
                if (!PolicySyntax.ContainsAny(text, anyAttribute, ref buffer))
                {
                    continue;
                }

                namingFiles.Add(tree);
                if (!PolicySyntax.ContainsAny(text, needles, ref buffer))
                {
                    continue;
                }

                stack.Push(root);
                while (stack.Count > 0)
                {
                    // Members only (not ChildNodes(): an allocated iterator over every child, attribute and base lists
                    // included); an enum's members are constants, never types.
                    var node = stack.Pop();
                    var members = node switch
                    {
                        CompilationUnitSyntax compilationUnit => compilationUnit.Members,
                        BaseNamespaceDeclarationSyntax ns => ns.Members,
                        TypeDeclarationSyntax declaringType => declaringType.Members,
                        _ => default,
                    };
                    foreach (var child in members)
                    {
                        switch (child)
                        {
                            case BaseNamespaceDeclarationSyntax:
                                stack.Push(child);
                                break;
                            case BaseTypeDeclarationSyntax type:
                                AddCandidate(type, type.AttributeLists, tree, aliases, candidatesById, unresolved, all);
                                stack.Push(child);
                                break;
                            case DelegateDeclarationSyntax @delegate:
                                AddCandidate(@delegate, @delegate.AttributeLists, tree, aliases, candidatesById, unresolved, all);
                                break;
                        }
                    }
                }
            }

            return new DeclarationIndex(compilation, candidatesById, unresolved, all, assemblyMayDeclare, cancellationToken) { _filesNamingAttributes = namingFiles };
        }

        /// <summary>
        /// False when the file's text names none of the attributes a declaration rule reads (every Policy.Annotations
        /// attribute but [Classification]) and no using alias: no declaration in it can be one of ours, so its syntax
        /// need not be walked. True for a file this index was not built from.
        /// </summary>
        public bool MayNameRuleAttribute(SyntaxTree tree) => _filesNamingAttributes is null || _filesNamingAttributes.Contains(tree) || !_compilation.ContainsSyntaxTree(tree);

        private static void AddCandidate(MemberDeclarationSyntax declaration, SyntaxList<AttributeListSyntax> lists, SyntaxTree tree, IReadOnlyCollection<string> aliases,
            Dictionary<string, List<Candidate>> candidatesById, List<Candidate> unresolved, List<Candidate> all)
        {
            Candidate? candidate = null;
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = PolicySyntax.SimpleName(attribute.Name);
                    var indexed = IsIndexedName(name);
                    if (!indexed && !Contains(aliases, name))
                    {
                        continue;
                    }

                    if (candidate is null)
                    {
                        candidate = new Candidate(tree, declaration);
                        all.Add(candidate);
                    }

                    if (indexed && LiteralId(attribute) is { } id)
                    {
                        if (!candidatesById.TryGetValue(id, out var forId))
                        {
                            candidatesById.Add(id, forId = new List<Candidate>());
                        }

                        if (!forId.Contains(candidate))
                        {
                            forId.Add(candidate);
                        }
                    }
                    else if (!unresolved.Contains(candidate))
                    {
                        unresolved.Add(candidate); // An id that is not a literal (a constant, nameof), or an alias: bind to know.
                    }
                }
            }
        }

        private static bool Contains(IReadOnlyCollection<string> names, string name)
        {
            foreach (var candidate in names)
            {
                if (candidate == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIndexedName(string name)
        {
            foreach (var indexed in IndexedNames)
            {
                if (name == indexed || name == indexed + "Attribute")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The id an attribute gives as a string literal (its first positional argument), or null.</summary>
        private static string? LiteralId(AttributeSyntax attribute)
        {
            if (attribute.ArgumentList is not { } arguments)
            {
                return null;
            }

            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals != null)
                {
                    continue;
                }

                if (argument.NameColon != null && argument.NameColon.Name.Identifier.ValueText != "id")
                {
                    continue;
                }

                return argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
            }

            return null;
        }

        private IReadOnlyList<SystemDeclaration> ReadSystemsWithId(string id)
        {
            var result = new List<SystemDeclaration>();
            var seen = new HashSet<AttributeData>();
            foreach (var candidate in CandidatesFor(id))
            {
                foreach (var declaration in candidate.Declarations(_compilation))
                {
                    if (declaration.Kind == DeclarationKind.AiSystem && (declaration.ConstructorString(0) ?? string.Empty) == id && seen.Add(declaration.Data))
                    {
                        result.Add(new SystemDeclaration(declaration));
                    }
                }
            }

            foreach (var declaration in AssemblyDeclarations)
            {
                if (declaration.Kind == DeclarationKind.AiSystem && (declaration.ConstructorString(0) ?? string.Empty) == id)
                {
                    result.Add(new SystemDeclaration(declaration));
                }
            }

            result.Sort((a, b) => SourceOrder.Compare(a.Attribute.Data.ApplicationSyntaxReference, b.Attribute.Data.ApplicationSyntaxReference));
            return result;
        }

        private IReadOnlyList<INamedTypeSymbol> ReadComponentsOf(string id)
        {
            var result = new List<INamedTypeSymbol>();
            foreach (var candidate in CandidatesFor(id))
            {
                foreach (var declaration in candidate.Declarations(_compilation))
                {
                    if (declaration.Kind == DeclarationKind.AiComponent && (declaration.ConstructorString(0) ?? string.Empty) == id &&
                        declaration.Target is INamedTypeSymbol type && !result.Contains(type, SymbolEqualityComparer.Default))
                    {
                        result.Add(type);
                    }
                }
            }

            result.Sort(SourceOrder.CompareSymbols);
            return result;
        }

        private IEnumerable<Candidate> CandidatesFor(string id)
        {
            if (_candidatesById.TryGetValue(id, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    yield return candidate;
                }
            }

            foreach (var candidate in _unresolved)
            {
                yield return candidate;
            }
        }

        private ImmutableArray<SystemDeclaration> ReadAllSystems()
        {
            var result = new List<SystemDeclaration>();
            var seen = new HashSet<AttributeData>();
            foreach (var declaration in AssemblyDeclarations)
            {
                if (declaration.Kind == DeclarationKind.AiSystem)
                {
                    result.Add(new SystemDeclaration(declaration));
                }
            }

            foreach (var candidate in _all)
            {
                foreach (var declaration in candidate.Declarations(_compilation))
                {
                    if (declaration.Kind == DeclarationKind.AiSystem && seen.Add(declaration.Data))
                    {
                        result.Add(new SystemDeclaration(declaration));
                    }
                }
            }

            result.Sort((a, b) => SourceOrder.Compare(a.Attribute.Data.ApplicationSyntaxReference, b.Attribute.Data.ApplicationSyntaxReference));
            return result.ToImmutableArray();
        }

        private static Dictionary<string, string> ReadReferencedSystems(Compilation compilation, Dictionary<string, SystemDeclaration> declarations, CancellationToken cancellationToken)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly || !ReferencesAnnotations(assembly))
                {
                    continue;
                }

                foreach (var declaration in DeclarationReader.Read(assembly))
                {
                    AddReferenced(declaration, assembly, result, declarations);
                }

                var stack = new Stack<INamespaceOrTypeSymbol>();
                stack.Push(assembly.GlobalNamespace);
                while (stack.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var current = stack.Pop();
                    if (current is INamespaceSymbol ns)
                    {
                        foreach (var member in ns.GetMembers())
                        {
                            stack.Push(member);
                        }

                        continue;
                    }

                    var type = (INamedTypeSymbol)current;
                    foreach (var nested in type.GetTypeMembers())
                    {
                        stack.Push(nested);
                    }

                    foreach (var declaration in DeclarationReader.Read(type))
                    {
                        AddReferenced(declaration, assembly, result, declarations);
                    }
                }
            }

            return result;
        }

        private static void AddReferenced(AttributeView declaration, IAssemblySymbol assembly, Dictionary<string, string> result, Dictionary<string, SystemDeclaration> declarations)
        {
            if (declaration.Kind == DeclarationKind.AiSystem && declaration.ConstructorString(0) is { Length: > 0 } id && !result.ContainsKey(id))
            {
                result.Add(id, assembly.Identity.Name);
                declarations.Add(id, new SystemDeclaration(declaration));
            }
        }

        /// <summary>A type declaration whose attribute lists may hold [AiSystem] or [AiComponent]; bound on first question.</summary>
        private sealed class Candidate
        {
            private readonly SyntaxTree _tree;
            private readonly MemberDeclarationSyntax _declaration;
            private ImmutableArray<AttributeView> _declarations;

            public Candidate(SyntaxTree tree, MemberDeclarationSyntax declaration)
            {
                _tree = tree;
                _declaration = declaration;
            }

            /// <summary>The policy attributes of the declared type (all its partial parts), read once.</summary>
            public ImmutableArray<AttributeView> Declarations(Compilation compilation)
            {
                if (_declarations.IsDefault)
                {
                    // The declared symbol comes from the declaration table: no binding beyond the type's own attributes.
                    var type = compilation.GetSemanticModel(_tree).GetDeclaredSymbol(_declaration) as INamedTypeSymbol;
                    var read = type is null ? ImmutableArray<AttributeView>.Empty : DeclarationReader.Read(type);
                    ImmutableInterlocked.InterlockedInitialize(ref _declarations, read);
                }

                return _declarations;
            }
        }

        /// <summary>True when an assembly (other than Policy.Annotations itself) references Policy.Annotations or compiles its own copy of the attributes.</summary>
        internal static bool ReferencesAnnotations(IAssemblySymbol assembly)
        {
            if (assembly.Identity.Name == PolicyAttributes.Namespace || Catalogue.ReferencedTypes.IsPlatformAssembly(assembly.Identity.Name))
            {
                return false;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblies)
                {
                    if (referenced.Name == PolicyAttributes.Namespace)
                    {
                        return true;
                    }
                }
            }

            // Attributes compiled into the assembly itself (source copies) also count.
            return assembly.NamespaceNames.Contains("Policy") && assembly.NamespaceNames.Contains("Annotations") && assembly.GetTypeByMetadataName(PolicyAttributes.AiSystemMetadataName) != null;
        }
    }
}
