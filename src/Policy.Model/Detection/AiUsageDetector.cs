using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;

namespace Policy.Model.Detection
{
    /// <summary>
    /// Decides whether a type "uses AI": a member of it creates, holds, receives or calls an AI SDK type (DESIGN.md).
    /// Signatures (base types, interfaces, fields, properties, events, parameters, return types) are read from the
    /// symbol; bodies through the operation kinds in <see cref="OperationKinds"/>.
    /// </summary>
    public static class AiUsageDetector
    {
        /// <summary>The operation kinds the detector needs to see.</summary>
        public static ImmutableArray<OperationKind> OperationKinds { get; } = ImmutableArray.Create(
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.VariableDeclarator,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.EventReference,
            OperationKind.MethodReference,
            OperationKind.AnonymousFunction,
            OperationKind.LocalFunction,
            OperationKind.TypeOf,
            OperationKind.Invalid); // only in code that does not compile: `new X()` of an unresolved X (suspected use)

        /// <summary>Records the AI types in the type's own signature: base types, interfaces and member signatures.</summary>
        public static void AnalyzeSignature(INamedTypeSymbol type, AiTypeMatcher matcher, TypeAiUsage usage)
        {
            if (matcher.IsEmptyIncludingUnresolved)
            {
                return;
            }

            var tree = type.Locations.IsEmpty ? null : type.Locations[0].SourceTree;

            var declaration = type.Locations.IsEmpty ? Location.None : type.Locations[0];
            for (var baseType = type.BaseType; baseType != null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
            {
                if (MatchOrSuspect(baseType, matcher, tree) is { } entry)
                {
                    usage.Add(entry, declaration, entry.IsWiring);
                    break;
                }
            }

            foreach (var implemented in type.Interfaces)
            {
                if (MatchOrSuspect(implemented, matcher, tree) is { } entry)
                {
                    usage.Add(entry, declaration, entry.IsWiring);
                }
            }

            var isRecord = type.IsRecord;
            foreach (var member in type.GetMembers())
            {
                // Dispatched on Kind (a field read), not on interface type tests: this runs for every member of every type.
                var kind = member.Kind;
                if (member.IsImplicitlyDeclared && (kind == SymbolKind.Field || (isRecord && !(kind == SymbolKind.Method && ((IMethodSymbol)member).MethodKind == MethodKind.Constructor))))
                {
                    // What the compiler declares adds no type the written members do not already carry: the backing field
                    // of an auto-property or field-like event (the property or event is read), a record's Equals,
                    // GetHashCode, PrintMembers, Deconstruct, operators and EqualityContract (the record itself, its
                    // positional properties, object, bool, string, Type, StringBuilder). Their public symbols and parameter
                    // arrays would be built for nothing. Constructors stay (a primary constructor's parameters count).
                    continue;
                }

                switch (kind)
                {
                    case SymbolKind.Field:
                        var field = (IFieldSymbol)member;
                        Check(field.Type, field, matcher, usage);
                        break;
                    case SymbolKind.Property:
                        var property = (IPropertySymbol)member;
                        Check(property.Type, property, matcher, usage);
                        if (property.IsIndexer)
                        {
                            // Only an indexer has parameters in C#; reading them builds a new array for every property.
                            foreach (var parameter in property.Parameters)
                            {
                                Check(parameter.Type, parameter, matcher, usage);
                            }
                        }

                        break;
                    case SymbolKind.Event:
                        var @event = (IEventSymbol)member;
                        Check(@event.Type, @event, matcher, usage);
                        break;
                    case SymbolKind.Method:
                        var method = (IMethodSymbol)member;
                        var methodKind = method.MethodKind;
                        if (methodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise)
                        {
                            break; // Read through their property or event.
                        }

                        if (!method.ReturnsVoid)
                        {
                            Check(method.ReturnType, method, matcher, usage);
                        }

                        foreach (var parameter in method.Parameters)
                        {
                            Check(parameter.Type, parameter, matcher, usage);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Walks every body of a type (methods, accessors, constructors, initializers; top-level statements for the
        /// simple-program type) and records AI uses, as the analyzers' operation actions do. For tools outside the
        /// compiler (the CLI's inventory); nested types are left to their own walk.
        /// </summary>
        public static void AnalyzeBodies(INamedTypeSymbol type, Compilation compilation, AiTypeMatcher matcher, TypeAiUsage usage, System.Threading.CancellationToken cancellationToken)
        {
            if (matcher.IsEmptyIncludingUnresolved)
            {
                return;
            }

            foreach (var body in Bodies(type, compilation, cancellationToken))
            {
                foreach (var operation in body.DescendantsAndSelf())
                {
                    AnalyzeOperation(operation, matcher, usage);
                }
            }
        }

        /// <summary>
        /// The operation trees of a type's own bodies (methods, accessors, constructors, initializers; top-level statements
        /// for the simple-program type), in source order; nested types are left out. For tools outside the compiler.
        /// </summary>
        public static IEnumerable<IOperation> Bodies(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var root = reference.GetSyntax(cancellationToken);
                var model = compilation.GetSemanticModel(reference.SyntaxTree);
                foreach (var node in root.DescendantNodesAndSelf(n => n == root || !(n is BaseTypeDeclarationSyntax || n is BaseNamespaceDeclarationSyntax || n is DelegateDeclarationSyntax)))
                {
                    SyntaxNode? body = node switch
                    {
                        BaseMethodDeclarationSyntax method => method,
                        AccessorDeclarationSyntax accessor => accessor,
                        ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } arrow => arrow,
                        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } initializer => initializer.Value,
                        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } initializer => initializer.Value,
                        GlobalStatementSyntax global when root is CompilationUnitSyntax => global.Statement,
                        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax } } argument => argument.Expression,
                        _ => null,
                    };
                    if (body != null && model.GetOperation(body, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        /// <summary>Records the AI type an operation creates, holds, receives or calls, if any.</summary>
        /// <param name="operation">The operation.</param>
        /// <param name="matcher">The AI type matcher.</param>
        /// <param name="usage">Where uses are recorded.</param>
        /// <param name="includeWiring">False to skip the checks that can only find DI wiring (generic type arguments,
        /// typeof): what POL001 does when <c>policy.count_di_wiring</c> is off, since wiring alone cannot make a finding.</param>
        public static void AnalyzeOperation(IOperation operation, AiTypeMatcher matcher, TypeAiUsage usage, bool includeWiring = true)
        {
            if (Match(operation, matcher, includeWiring, out var wiring) is { } entry)
            {
                usage.Add(entry, operation.Syntax.GetLocation(), wiring);
            }
        }

        /// <summary>
        /// The AI type an operation creates, holds, receives or calls, if any (<paramref name="wiring"/>: the use is DI
        /// wiring). Allocates nothing when there is none: this runs for every operation of the ten kinds in every body.
        /// </summary>
        public static AiSdkEntry? Match(IOperation operation, AiTypeMatcher matcher, bool includeWiring, out bool wiring)
        {
            AiSdkEntry? entry = null;
            wiring = false;
            // Dispatch on Kind (a field read) rather than on interface type tests: this runs for every operation of
            // the ten kinds in every body, and an interface test walks the operation class's interface map.
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    var method = invocation.TargetMethod;

                    // invocation.Type is the (substituted) return type the operation already holds; method.ReturnType would
                    // allocate a new public symbol for every call in nullable-enabled code (GC pauses are charged to analyzers).
                    entry = matcher.Match(method.ContainingType) ?? (method.ReturnsVoid ? null : matcher.Match(invocation.Type ?? method.ReturnType));
                    if (entry is null && method.IsExtensionMethod)
                    {
                        // The receiver: the argument of the `this` parameter (the operation's arguments already exist;
                        // method.Parameters would build a new array of parameter symbols on every call).
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter is { Ordinal: 0 } receiver)
                            {
                                entry = matcher.Match(receiver.Type);
                                break;
                            }
                        }
                    }

                    if (entry is null && includeWiring && method.IsGenericMethod)
                    {
                        foreach (var argument in method.TypeArguments)
                        {
                            // An argument that did not resolve is suspected wiring (AddSingleton<IChatClient, Gateway>()
                            // in a project whose AI packages did not restore): never a use on its own.
                            entry = MatchOrSuspect(argument, matcher, operation);
                            if (entry != null)
                            {
                                wiring = true;
                                break;
                            }
                        }
                    }

                    break;
                case OperationKind.ObjectCreation:
                    entry = MatchOrSuspect(operation.Type, matcher, operation);
                    break;
                case OperationKind.Invalid:
                    // `new X(...)` of a type that did not resolve binds to an invalid operation of the error type.
                    entry = operation.Syntax is BaseObjectCreationExpressionSyntax ? matcher.Unresolved.Match(operation.Type, operation.Syntax.SyntaxTree) : null;
                    break;
                case OperationKind.VariableDeclarator:
                    entry = MatchOrSuspect(((IVariableDeclaratorOperation)operation).Symbol.Type, matcher, operation);
                    break;
                case OperationKind.PropertyReference:
                case OperationKind.FieldReference:
                case OperationKind.EventReference:
                case OperationKind.MethodReference:
                    var reference = (IMemberReferenceOperation)operation;
                    var member = reference.Member;

                    // For property, field and event references the operation's Type is the member's type, already created.
                    entry = matcher.Match(member.ContainingType) ??
                            matcher.Match(reference.Kind == OperationKind.MethodReference ? MemberType(member) : reference.Type ?? MemberType(member));
                    break;
                case OperationKind.AnonymousFunction:
                    entry = MatchSignature(((IAnonymousFunctionOperation)operation).Symbol, matcher);
                    break;
                case OperationKind.LocalFunction:
                    entry = MatchSignature(((ILocalFunctionOperation)operation).Symbol, matcher);
                    break;
                case OperationKind.TypeOf when includeWiring:
                    entry = MatchOrSuspect(((ITypeOfOperation)operation).TypeOperand, matcher, operation);
                    wiring = true;
                    break;
            }

            if (entry is null || IsInAttribute(operation))
            {
                return null;
            }

            wiring |= entry.IsWiring;
            return entry;
        }

        private static ITypeSymbol? MemberType(ISymbol member) => member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IEventSymbol @event => @event.Type,
            IMethodSymbol method => method.ReturnsVoid ? null : method.ReturnType,
            _ => null,
        };

        private static AiSdkEntry? MatchSignature(IMethodSymbol method, AiTypeMatcher matcher)
        {
            if (!method.ReturnsVoid && matcher.Match(method.ReturnType) is { } entry)
            {
                return entry;
            }

            foreach (var parameter in method.Parameters)
            {
                if (matcher.Match(parameter.Type) is { } parameterEntry)
                {
                    return parameterEntry;
                }
            }

            return null;
        }

        private static bool IsInAttribute(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current.Kind == OperationKind.Attribute)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The catalogue entry of a resolved type, else (only for an error type, or one built from error types) the
        /// suspected entry of the unresolved name: the path code that compiles never takes.
        /// </summary>
        private static AiSdkEntry? MatchOrSuspect(ITypeSymbol? type, AiTypeMatcher matcher, SyntaxTree? tree) =>
            matcher.Match(type, out var holdsError) ?? (holdsError ? matcher.Unresolved.Match(type, tree) : null);

        /// <summary>As above for a type an operation holds; the operation's file is looked up only on the error path.</summary>
        private static AiSdkEntry? MatchOrSuspect(ITypeSymbol? type, AiTypeMatcher matcher, IOperation operation) =>
            matcher.Match(type, out var holdsError) ?? (holdsError ? matcher.Unresolved.Match(type, operation.Syntax.SyntaxTree) : null);

        private static void Check(ITypeSymbol type, ISymbol member, AiTypeMatcher matcher, TypeAiUsage usage)
        {
            // The member's file is looked up only on the error path (a resolved type never needs it).
            var entry = matcher.Match(type, out var holdsError) ?? (holdsError ? matcher.Unresolved.Match(type, member.Locations.IsEmpty ? null : member.Locations[0].SourceTree) : null);
            if (entry != null)
            {
                usage.Add(entry, TypeSyntaxLocation(member), entry.IsWiring);
            }
        }

        /// <summary>The location of the type as written in a member's declaration (what Razor maps back to the .razor line), else the member's identifier.</summary>
        private static Location TypeSyntaxLocation(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                TypeSyntax? typeSyntax = syntax switch
                {
                    PropertyDeclarationSyntax property => property.Type,
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
                    ParameterSyntax parameter => parameter.Type,
                    MethodDeclarationSyntax method => method.ReturnType,
                    EventDeclarationSyntax @event => @event.Type,
                    _ => null,
                };
                if (typeSyntax != null)
                {
                    return typeSyntax.GetLocation();
                }
            }

            return member.Locations.IsEmpty ? Location.None : member.Locations[0];
        }
    }
}
