using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// Every Policy.Annotations declaration of one compilation, and the AI systems declared in referenced assemblies:
    /// what the model aggregates per system id. Built once per compilation, on first need.
    /// </summary>
    public sealed class DeclarationIndex
    {
        private readonly Dictionary<string, List<SystemDeclaration>> _systemsById;
        private readonly Dictionary<string, List<INamedTypeSymbol>> _componentsById;
        private readonly Dictionary<string, string> _referencedSystems;
        private readonly Dictionary<string, SystemDeclaration> _referencedDeclarations;

        private DeclarationIndex(
            ImmutableArray<SystemDeclaration> systems,
            Dictionary<string, List<SystemDeclaration>> systemsById,
            Dictionary<string, List<INamedTypeSymbol>> componentsById,
            Dictionary<string, string> referencedSystems,
            Dictionary<string, SystemDeclaration> referencedDeclarations,
            ImmutableArray<AttributeView> assemblyDeclarations,
            ImmutableArray<INamedTypeSymbol> declaredTypes)
        {
            Systems = systems;
            _systemsById = systemsById;
            _componentsById = componentsById;
            _referencedSystems = referencedSystems;
            _referencedDeclarations = referencedDeclarations;
            AssemblyDeclarations = assemblyDeclarations;
            DeclaredTypes = declaredTypes;
        }

        /// <summary>The systems declared in this compilation's source, in source order.</summary>
        public ImmutableArray<SystemDeclaration> Systems { get; }

        /// <summary>The policy attributes on this compilation's assembly.</summary>
        public ImmutableArray<AttributeView> AssemblyDeclarations { get; }

        /// <summary>Source types that carry at least one policy attribute, in source order.</summary>
        public ImmutableArray<INamedTypeSymbol> DeclaredTypes { get; }

        /// <summary>True when a system with this id is declared in source or in a referenced assembly.</summary>
        public bool IsKnownSystem(string id) => _systemsById.ContainsKey(id) || _referencedSystems.ContainsKey(id);

        /// <summary>All system ids known to the compilation (source and referenced), sorted ordinally.</summary>
        public ImmutableArray<string> KnownSystemIds()
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var id in _systemsById.Keys)
            {
                set.Add(id);
            }

            foreach (var id in _referencedSystems.Keys)
            {
                set.Add(id);
            }

            set.Remove(string.Empty);
            return set.ToImmutableArray();
        }

        /// <summary>Source declarations with this id.</summary>
        public IReadOnlyList<SystemDeclaration> SystemsWithId(string id) =>
            _systemsById.TryGetValue(id, out var list) ? list : (IReadOnlyList<SystemDeclaration>)Array.Empty<SystemDeclaration>();

        /// <summary>The referenced assembly that declares a system id, or null.</summary>
        public string? ReferencedAssemblyDeclaring(string id) => _referencedSystems.TryGetValue(id, out var name) ? name : null;

        /// <summary>The declaration of a system id in a referenced assembly (the first one found), or null.</summary>
        public SystemDeclaration? ReferencedSystem(string id) => _referencedDeclarations.TryGetValue(id, out var system) ? system : null;

        /// <summary>Source types marked [AiComponent(id)].</summary>
        public IReadOnlyList<INamedTypeSymbol> ComponentsOf(string id) =>
            _componentsById.TryGetValue(id, out var list) ? list : (IReadOnlyList<INamedTypeSymbol>)Array.Empty<INamedTypeSymbol>();

        /// <summary>
        /// The governance declarations of a kind that count for a system: on the declaring type (and its methods), on
        /// its [AiComponent] types (and their methods), and on the assembly that declares it.
        /// </summary>
        public ImmutableArray<AttributeView> Governance(SystemDeclaration system, DeclarationKind kind)
        {
            var builder = ImmutableArray.CreateBuilder<AttributeView>();
            if (system.DeclaringSymbol is INamedTypeSymbol declaringType)
            {
                AddFromTypeAndMethods(declaringType, kind, builder);
            }

            foreach (var component in ComponentsOf(system.Id))
            {
                if (!SymbolEqualityComparer.Default.Equals(component, system.DeclaringSymbol))
                {
                    AddFromTypeAndMethods(component, kind, builder);
                }
            }

            foreach (var declaration in AssemblyDeclarations)
            {
                if (declaration.Kind == kind)
                {
                    builder.Add(declaration);
                }
            }

            return builder.ToImmutable();
        }

        private static void AddFromTypeAndMethods(INamedTypeSymbol type, DeclarationKind kind, ImmutableArray<AttributeView>.Builder builder)
        {
            foreach (var declaration in DeclarationReader.Read(type))
            {
                if (declaration.Kind == kind)
                {
                    builder.Add(declaration);
                }
            }

            if (kind == DeclarationKind.HumanOversight || kind == DeclarationKind.ExplainabilityRecord)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol)
                    {
                        foreach (var declaration in DeclarationReader.Read(member))
                        {
                            if (declaration.Kind == kind)
                            {
                                builder.Add(declaration);
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Builds the index of a compilation.</summary>
        public static DeclarationIndex Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var systems = new List<SystemDeclaration>();
            var systemsById = new Dictionary<string, List<SystemDeclaration>>(StringComparer.Ordinal);
            var componentsById = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
            var declaredTypes = new List<INamedTypeSymbol>();

            var assemblyDeclarations = DeclarationReader.Read(compilation.Assembly);
            foreach (var declaration in assemblyDeclarations)
            {
                if (declaration.Kind == DeclarationKind.AiSystem)
                {
                    systems.Add(new SystemDeclaration(declaration));
                }
            }

            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.Assembly.GlobalNamespace);
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

                var declarations = DeclarationReader.Read(type);
                if (declarations.IsEmpty)
                {
                    continue;
                }

                declaredTypes.Add(type);
                foreach (var declaration in declarations)
                {
                    if (declaration.Kind == DeclarationKind.AiSystem)
                    {
                        systems.Add(new SystemDeclaration(declaration));
                    }
                    else if (declaration.Kind == DeclarationKind.AiComponent)
                    {
                        var id = declaration.ConstructorString(0) ?? string.Empty;
                        if (!componentsById.TryGetValue(id, out var list))
                        {
                            componentsById[id] = list = new List<INamedTypeSymbol>();
                        }

                        if (!list.Contains(type, SymbolEqualityComparer.Default))
                        {
                            list.Add(type);
                        }
                    }
                }
            }

            systems.Sort((a, b) => SourceOrder.Compare(a.Attribute.Data.ApplicationSyntaxReference, b.Attribute.Data.ApplicationSyntaxReference));
            foreach (var system in systems)
            {
                if (!systemsById.TryGetValue(system.Id, out var list))
                {
                    systemsById[system.Id] = list = new List<SystemDeclaration>();
                }

                list.Add(system);
            }

            foreach (var list in componentsById.Values)
            {
                list.Sort(SourceOrder.CompareSymbols);
            }

            declaredTypes.Sort(SourceOrder.CompareSymbols);

            var referencedDeclarations = new Dictionary<string, SystemDeclaration>(StringComparer.Ordinal);
            return new DeclarationIndex(
                systems.ToImmutableArray(),
                systemsById,
                componentsById,
                ReadReferencedSystems(compilation, referencedDeclarations, cancellationToken),
                referencedDeclarations,
                assemblyDeclarations,
                declaredTypes.ToImmutableArray());
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

        /// <summary>True when an assembly (other than Policy.Annotations itself) references Policy.Annotations or compiles its own copy of the attributes.</summary>
        internal static bool ReferencesAnnotations(IAssemblySymbol assembly)
        {
            if (assembly.Identity.Name == PolicyAttributes.Namespace)
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
