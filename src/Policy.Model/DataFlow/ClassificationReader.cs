using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;
using Policy.Model.Settings;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// Reads data classifications from symbols, for one compilation (answers are cached; thread-safe). Three sources:
    /// <list type="bullet">
    /// <item>Policy.Annotations <c>[Classification(DataClass.X)]</c>;</item>
    /// <item>any attribute deriving from <c>Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute</c>:
    /// classified; its class comes from <c>policy.data_classes</c>, matched on its taxonomy value (<c>Contoso:Private</c>,
    /// read from the attribute's source when it is declared in the project) or on the attribute's name
    /// (<c>PrivateData</c> or <c>Contoso.Compliance.PrivateDataAttribute</c>). <c>[UnknownDataClassification]</c> does not
    /// classify anything;</item>
    /// <item>ASP.NET Core Identity's <c>[PersonalData]</c> and <c>[ProtectedPersonalData]</c>: Personal.</item>
    /// </list>
    /// A member inherits its declaring type's classification unless it has its own; a member without either takes the
    /// classification of its value's type.
    /// </summary>
    public sealed class ClassificationReader
    {
        private const string ComplianceNamespace = "Microsoft.Extensions.Compliance.Classification";
        private const string IdentityNamespace = "Microsoft.AspNetCore.Identity";

        private static readonly DataLabel NoLabel = new DataLabel(null, string.Empty);
        private static readonly AttributeInfo NotClassification = new AttributeInfo(AttributeKind.None, null);
        private static readonly AttributeInfo PolicyClassification = new AttributeInfo(AttributeKind.Policy, null);

        private static readonly SymbolDisplayFormat TypeNameFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private readonly Compilation _compilation;
        private readonly AiTypeMatcher _matcher;
        private readonly Dictionary<string, DataClassMapping> _map;
        private readonly ConcurrentDictionary<INamedTypeSymbol, AttributeInfo> _attributes = ConcurrentCache.Small<INamedTypeSymbol, AttributeInfo>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, DataLabel> _own = ConcurrentCache.Large<ISymbol, DataLabel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, DataLabel> _ownMember = ConcurrentCache.Large<ISymbol, DataLabel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, DataLabel> _member = ConcurrentCache.Large<ISymbol, DataLabel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, DataLabel> _returns = ConcurrentCache.Large<IMethodSymbol, DataLabel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, DataLabel> _types = ConcurrentCache.Large<ITypeSymbol, DataLabel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, object> _wholeObjects = ConcurrentCache.Large<ITypeSymbol, object>(SymbolEqualityComparer.Default); // boxed ImmutableArray<DataSource>s (see Catalogue.Once)
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _ownAssemblies = ConcurrentCache.Small<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _declaredAiTypes = ConcurrentCache.Small<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _constantLike = ConcurrentCache.Large<ISymbol, bool>(SymbolEqualityComparer.Default);

        private ClassificationReader(Compilation compilation, AiTypeMatcher matcher, Dictionary<string, DataClassMapping> map, DataClassification? claimsClass)
        {
            _compilation = compilation;
            _matcher = matcher;
            _map = map;
            Claims = claimsClass is { } dataClass ? new DataLabel(dataClass, "claims") : null;
        }

        /// <summary>The label of values read from a ClaimsPrincipal or ClaimsIdentity (<c>policy.claims_class</c>, default Personal); null when claims are not data.</summary>
        public DataLabel? Claims { get; }

        private enum AttributeKind
        {
            None,
            Policy,
            Fixed,
        }

        /// <summary>Creates the reader of a compilation.</summary>
        /// <param name="compilation">The compilation.</param>
        /// <param name="matcher">The AI type matcher (AI SDK types are never data).</param>
        /// <param name="dataClasses">The <c>policy.data_classes</c> mapping; the first entry for a name wins.</param>
        /// <param name="claimsClass">The class of claims (<c>policy.claims_class</c>); null when claims are not data.</param>
        public static ClassificationReader Create(Compilation compilation, AiTypeMatcher matcher, IEnumerable<DataClassMapping> dataClasses, DataClassification? claimsClass = DataClassification.Personal)
        {
            var map = new Dictionary<string, DataClassMapping>(StringComparer.OrdinalIgnoreCase);
            foreach (var mapping in dataClasses)
            {
                if (!map.ContainsKey(mapping.Classification))
                {
                    map.Add(mapping.Classification, mapping);
                }
            }

            return new ClassificationReader(compilation, matcher, map, claimsClass);
        }

        /// <summary>The display name of a type in messages: name and containing types, without namespace.</summary>
        public static string DisplayName(ITypeSymbol type) => DisplayNames.GetValue(type, t => t.ToDisplayString(TypeNameFormat));

        // Every member read of a body names its container in the source it makes: formatted once per type (a display
        // string is built symbol part by symbol part), held as long as the type itself.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, string> DisplayNames = new System.Runtime.CompilerServices.ConditionalWeakTable<ITypeSymbol, string>();

        /// <summary>The classification attributes on the symbol itself (the strongest when several); null when none.</summary>
        public DataLabel? Own(ISymbol symbol) => Unbox(_own.GetOrAdd(symbol, s => ReadAttributes(s.GetAttributes()) ?? NoLabel));

        /// <summary>The classification of a method's return value (<c>[return: Classification(...)]</c>); null when none.</summary>
        public DataLabel? OfReturn(IMethodSymbol method) =>
            Unbox(_returns.GetOrAdd(method.OriginalDefinition, m => ReadAttributes(m.GetReturnTypeAttributes()) ?? NoLabel));

        /// <summary>The classification a type carries, declared on it or on a base type; null when none.</summary>
        public DataLabel? OfType(ITypeSymbol type) => Unbox(_types.GetOrAdd(type.OriginalDefinition, ComputeTypeLabel));

        /// <summary>
        /// The classification of a field or property: its own (on it, on the property it overrides or implements, or, for
        /// a positional record property, on the record's parameter), else its declaring type's, else its value type's.
        /// </summary>
        public DataLabel? OfMember(ISymbol member) => Unbox(_member.GetOrAdd(member.OriginalDefinition, ComputeMemberLabel));

        /// <summary>The classification declared on the member itself (see <see cref="OfMember"/>), without the type fallbacks.</summary>
        public DataLabel? OwnOfMember(ISymbol member) => Unbox(_ownMember.GetOrAdd(member.OriginalDefinition, ComputeOwnMemberLabel));

        /// <summary>The classification of a value's type: its own, or its element type's for arrays, nullables and one-argument generics.</summary>
        public DataLabel? OfValueType(ITypeSymbol? type)
        {
            var element = ElementType(type);
            return element is INamedTypeSymbol { SpecialType: SpecialType.None } named ? OfType(named) : null;
        }

        /// <summary>
        /// True for a type of the organisation's own code: declared in this compilation, or in a referenced assembly that
        /// uses Policy.Annotations. Framework and SDK types are not.
        /// </summary>
        public bool IsOwn(INamedTypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            var definition = type.OriginalDefinition;
            if (!definition.DeclaringSyntaxReferences.IsEmpty)
            {
                return true;
            }

            return definition.ContainingAssembly is { } assembly && _ownAssemblies.GetOrAdd(assembly, DeclarationIndex.ReferencesAnnotations);
        }

        /// <summary>
        /// True for a type whose objects are data: an own class, struct, record or interface that is not an AI SDK type
        /// (enums, delegates, tuples and anonymous types are not).
        /// </summary>
        public bool IsOwnDataType(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || named.IsAnonymousType || named.IsTupleType || named.SpecialType != SpecialType.None ||
                (named.TypeKind != TypeKind.Class && named.TypeKind != TypeKind.Struct && named.TypeKind != TypeKind.Interface))
            {
                return false;
            }

            return IsOwn(named) && _matcher.Match(named) is null;
        }

        /// <summary>
        /// True for a type that is part of an AI system rather than data given to it: a type carrying [AiSystem] or
        /// [AiComponent] itself or through a containing or base type (an assembly-level [AiSystem] does not count), or an
        /// AI SDK type (a configured gateway included).
        /// </summary>
        public bool IsDeclaredAiType(INamedTypeSymbol type) => _declaredAiTypes.GetOrAdd(type.OriginalDefinition, ComputeDeclaredAiType);

        /// <summary>
        /// True for a static member that only holds a constant: a static readonly field or a static get-only property
        /// initialised with literals (<c>static readonly string Prompt = "..."</c>). Such a member is not data.
        /// </summary>
        public bool IsConstantLike(ISymbol member) => _constantLike.GetOrAdd(member.OriginalDefinition, ComputeConstantLike);

        /// <summary>
        /// The data a whole object of an own type carries, as sources without location: the type when it is classified;
        /// else each public field and property (classified or not) when at least one is classified; else the type, unclassified.
        /// Empty for a type with no public data.
        /// </summary>
        public ImmutableArray<DataSource> WholeObject(ITypeSymbol type) => (ImmutableArray<DataSource>)_wholeObjects.GetOrAdd(type.OriginalDefinition, t => ComputeWholeObject(t));

        /// <summary>The element type of arrays, nullables and one-argument generic types (<c>List&lt;T&gt;</c>, <c>Task&lt;T&gt;</c>), else the type.</summary>
        public static ITypeSymbol? ElementType(ITypeSymbol? type)
        {
            for (var depth = 0; depth < 4 && type != null; depth++)
            {
                switch (type)
                {
                    case IArrayTypeSymbol array:
                        type = array.ElementType;
                        continue;
                    case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic when generic.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty:
                        type = generic.TypeArguments[0];
                        continue;
                }

                return type;
            }

            return type;
        }

        private static DataLabel? Unbox(DataLabel label) => ReferenceEquals(label, NoLabel) ? null : label;

        private DataLabel? ReadAttributes(ImmutableArray<AttributeData> attributes)
        {
            DataLabel? best = null;
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } attributeClass)
                {
                    continue;
                }

                var info = _attributes.GetOrAdd(attributeClass.OriginalDefinition, ComputeAttributeInfo);
                switch (info.Kind)
                {
                    case AttributeKind.Policy:
                        var args = attribute.ConstructorArguments;
                        if (attribute.AttributeConstructor != null && args.Length == 1 && args[0].Kind == TypedConstantKind.Enum &&
                            args[0].Value is int value && value >= (int)DataClassification.Public && value <= (int)DataClassification.SensitivePersonal)
                        {
                            var dataClass = (DataClassification)value;
                            best = DataLabel.Stronger(best, new DataLabel(dataClass, PolicyLabelTexts[value]));
                        }

                        break;
                    case AttributeKind.Fixed:
                        best = DataLabel.Stronger(best, info.Label);
                        break;
                }
            }

            return best;
        }

        // "[Classification(DataClass.Personal)]" for each class, by value (not formatted per classified member).
        private static readonly string[] PolicyLabelTexts =
        {
            "[Classification(DataClass.Public)]", "[Classification(DataClass.Internal)]", "[Classification(DataClass.Confidential)]",
            "[Classification(DataClass.Restricted)]", "[Classification(DataClass.Personal)]", "[Classification(DataClass.SensitivePersonal)]",
        };

        private AttributeInfo ComputeAttributeInfo(INamedTypeSymbol attributeClass)
        {
            if (PolicyAttributes.Classify(attributeClass) == DeclarationKind.Classification)
            {
                return PolicyClassification;
            }

            var shortName = ShortName(attributeClass);
            for (INamedTypeSymbol? current = attributeClass; current != null; current = current.BaseType)
            {
                if (IsNamed(current, IdentityNamespace, "PersonalDataAttribute"))
                {
                    return new AttributeInfo(AttributeKind.Fixed, new DataLabel(DataClassification.Personal, "[" + shortName + "]"));
                }

                if (IsNamed(current, ComplianceNamespace, "DataClassificationAttribute"))
                {
                    return ComplianceInfo(attributeClass, shortName);
                }
            }

            return NotClassification;
        }

        private AttributeInfo ComplianceInfo(INamedTypeSymbol attributeClass, string shortName)
        {
            var taxonomy = TaxonomyValue(attributeClass);
            var origin = "[" + shortName + "]" + (taxonomy is null ? string.Empty : " (" + taxonomy + ")");
            if ((taxonomy != null && _map.TryGetValue(taxonomy, out var mapped)) ||
                _map.TryGetValue(FullName(attributeClass), out mapped) ||
                _map.TryGetValue(shortName, out mapped) ||
                _map.TryGetValue(attributeClass.Name, out mapped))
            {
                return new AttributeInfo(AttributeKind.Fixed, new DataLabel(mapped.DataClass, origin));
            }

            // Microsoft.Extensions.Compliance's own "we do not know": not a classification.
            if (IsNamed(attributeClass, ComplianceNamespace, "UnknownDataClassificationAttribute"))
            {
                return NotClassification;
            }

            return new AttributeInfo(AttributeKind.Fixed, new DataLabel(null, origin));
        }

        /// <summary>
        /// The <c>Taxonomy:Value</c> of a DataClassificationAttribute subclass declared in source, read from the argument it
        /// passes to its base constructor: <c>new DataClassification("Contoso", "Private")</c>, or a static field or
        /// property initialised that way (string arguments may be constants or static members holding constants).
        /// Null when it cannot be read (compiled attributes, computed values).
        /// </summary>
        private string? TaxonomyValue(INamedTypeSymbol attributeClass)
        {
            if (attributeClass.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            foreach (var constructor in attributeClass.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    var argument = reference.GetSyntax() switch
                    {
                        ConstructorDeclarationSyntax { Initializer.ArgumentList.Arguments: { Count: > 0 } arguments } => arguments[0].Expression,
                        TypeDeclarationSyntax { BaseList: { } baseList } => PrimaryBaseArgument(baseList),
                        _ => null,
                    };
                    if (argument != null && Operation(argument) is { } operation && ResolveClassification(operation, 0) is { } value)
                    {
                        return value;
                    }
                }
            }

            return null;
        }

        private static ExpressionSyntax? PrimaryBaseArgument(BaseListSyntax baseList)
        {
            foreach (var type in baseList.Types)
            {
                if (type is PrimaryConstructorBaseTypeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
                {
                    return arguments[0].Expression;
                }
            }

            return null;
        }

        private IOperation? Operation(SyntaxNode node)
        {
            if (!_compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                return null;
            }

            // Used only to read the taxonomy of a project's own DataClassificationAttribute subclasses, once per attribute class.
            return _compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node);
        }

        private string? ResolveClassification(IOperation operation, int depth)
        {
            operation = Unwrap(operation);
            if (depth > 4)
            {
                return null;
            }

            switch (operation)
            {
                case IObjectCreationOperation { Arguments.Length: 2 } creation when creation.Type is INamedTypeSymbol type && IsNamed(type, ComplianceNamespace, "DataClassification"):
                    var taxonomy = ResolveString(creation.Arguments[0].Value, depth + 1);
                    var value = ResolveString(creation.Arguments[1].Value, depth + 1);
                    return taxonomy != null && value != null ? taxonomy + ":" + value : null;
                case IMemberReferenceOperation { Instance: null } reference when InitialValue(reference.Member) is { } initial:
                    return ResolveClassification(initial, depth + 1);
                default:
                    return null;
            }
        }

        private string? ResolveString(IOperation operation, int depth)
        {
            operation = Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value as string;
            }

            return depth <= 4 && operation is IMemberReferenceOperation { Instance: null } reference && InitialValue(reference.Member) is { } initial
                ? ResolveString(initial, depth + 1)
                : null;
        }

        /// <summary>The expression that gives a static field or property its value: initializer or expression body.</summary>
        private IOperation? InitialValue(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                ExpressionSyntax? expression = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.ExpressionBody?.Expression ?? property.Initializer?.Value ?? GetterExpression(property),
                    _ => null,
                };
                if (expression != null)
                {
                    return Operation(expression);
                }
            }

            return null;
        }

        private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
        {
            if (property.AccessorList is null)
            {
                return null;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.Keyword.ValueText == "get")
                {
                    if (accessor.ExpressionBody != null)
                    {
                        return accessor.ExpressionBody.Expression;
                    }

                    if (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned })
                    {
                        return returned;
                    }
                }
            }

            return null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private DataLabel ComputeTypeLabel(ITypeSymbol type)
        {
            for (var current = type as INamedTypeSymbol; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (Own(current.OriginalDefinition) is { } label)
                {
                    return label;
                }
            }

            return NoLabel;
        }

        private DataLabel ComputeOwnMemberLabel(ISymbol member)
        {
            var label = Own(member);
            if (label is null && member is IPropertySymbol property)
            {
                for (var overridden = property.OverriddenProperty; overridden != null && label is null; overridden = overridden.OverriddenProperty)
                {
                    label = Own(overridden);
                }

                label ??= RecordParameterLabel(property) ?? InterfaceLabel(property);
            }

            return label ?? NoLabel;
        }

        private DataLabel ComputeMemberLabel(ISymbol member)
        {
            var label = OwnOfMember(member);
            if (label is null && member.ContainingType is { } container)
            {
                label = OfType(container);
            }

            return label ?? OfValueType(MemberType(member)) ?? NoLabel;
        }

        /// <summary>
        /// A positional record property takes the classification written on the record's parameter
        /// (<c>record Question([Classification(DataClass.Personal)] string Text)</c>), where C# puts an attribute without
        /// the <c>property:</c> target.
        /// </summary>
        private DataLabel? RecordParameterLabel(IPropertySymbol property)
        {
            if (property.ContainingType is not { IsRecord: true } record || property.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var declaration = property.DeclaringSyntaxReferences[0];
            foreach (var constructor in record.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name != property.Name)
                    {
                        continue;
                    }

                    foreach (var reference in parameter.DeclaringSyntaxReferences)
                    {
                        if (reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span)
                        {
                            return Own(parameter);
                        }
                    }
                }
            }

            return null;
        }

        private DataLabel? InterfaceLabel(IPropertySymbol property)
        {
            var container = property.ContainingType;
            if (container is null || container.TypeKind == TypeKind.Interface)
            {
                return null;
            }

            foreach (var implementation in property.ExplicitInterfaceImplementations)
            {
                if (Own(implementation) is { } label)
                {
                    return label;
                }
            }

            foreach (var @interface in container.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(property.Name))
                {
                    if (candidate is IPropertySymbol && Own(candidate) is { } label &&
                        SymbolEqualityComparer.Default.Equals(container.FindImplementationForInterfaceMember(candidate), property))
                    {
                        return label;
                    }
                }
            }

            return null;
        }

        private bool ComputeDeclaredAiType(INamedTypeSymbol type)
        {
            if (_matcher.Match(type) != null)
            {
                return true;
            }

            for (INamedTypeSymbol? current = type; current != null; current = current.ContainingType)
            {
                for (var candidate = current; candidate != null && candidate.SpecialType != SpecialType.System_Object; candidate = candidate.BaseType)
                {
                    foreach (var attribute in candidate.GetAttributes())
                    {
                        var kind = PolicyAttributes.Classify(attribute.AttributeClass);
                        if (kind == DeclarationKind.AiSystem || kind == DeclarationKind.AiComponent)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool ComputeConstantLike(ISymbol member)
        {
            var isCandidate = member switch
            {
                IFieldSymbol field => field.IsStatic && field.IsReadOnly,
                IPropertySymbol property => property.IsStatic && property.SetMethod is null,
                _ => false,
            };
            if (!isCandidate || member.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                ExpressionSyntax? value = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.ExpressionBody?.Expression ?? property.Initializer?.Value,
                    _ => null,
                };
                if (value is null || !IsLiteralOnly(value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when an expression is built from literals only (strings, numbers, arrays and collections of them, nameof).</summary>
        private static bool IsLiteralOnly(ExpressionSyntax expression)
        {
            foreach (var node in expression.DescendantNodesAndSelf(n => !IsNameOf(n)))
            {
                if (IsNameOf(node))
                {
                    continue;
                }

                if (node is IdentifierNameSyntax || node is InvocationExpressionSyntax || node is InterpolationSyntax || node is GenericNameSyntax ||
                    node is QualifiedNameSyntax || node is ObjectCreationExpressionSyntax || node is ImplicitObjectCreationExpressionSyntax)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsNameOf(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } };

        private ImmutableArray<DataSource> ComputeWholeObject(ITypeSymbol type)
        {
            var typeName = DisplayName(type);
            if (OfType(type) is { } typeLabel)
            {
                return ImmutableArray.Create(new DataSource(DataSourceKind.Type, type, typeName, typeLabel, null));
            }

            var members = new List<(ISymbol Member, DataLabel? Label)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var anyClassified = false;
            for (var current = type as INamedTypeSymbol; current != null && IsOwn(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (IsPublicData(member) && seen.Add(member.Name))
                    {
                        var label = OwnOfMember(member) ?? OfValueType(MemberType(member));
                        anyClassified |= label != null;
                        members.Add((member, label));
                    }
                }
            }

            if (members.Count == 0)
            {
                return ImmutableArray<DataSource>.Empty;
            }

            if (!anyClassified)
            {
                return ImmutableArray.Create(new DataSource(DataSourceKind.Type, type, typeName, null, null));
            }

            var builder = ImmutableArray.CreateBuilder<DataSource>(members.Count);
            foreach (var (member, label) in members)
            {
                builder.Add(new DataSource(DataSourceKind.Member, member, typeName + "." + member.Name, label, null));
            }

            return builder.MoveToImmutable();
        }

        private static bool IsPublicData(ISymbol member) => member switch
        {
            IPropertySymbol property => property.DeclaredAccessibility == Accessibility.Public && !property.IsStatic && !property.IsIndexer &&
                                        !property.IsImplicitlyDeclared && property.GetMethod != null && property.Name != "EqualityContract",
            IFieldSymbol field => field.DeclaredAccessibility == Accessibility.Public && !field.IsStatic && !field.IsConst && !field.IsImplicitlyDeclared,
            _ => false,
        };

        /// <summary>The type of a field or property; null for other members.</summary>
        public static ITypeSymbol? MemberType(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        private static string ShortName(INamedTypeSymbol attributeClass)
        {
            var name = attributeClass.Name;
            return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
                ? name.Substring(0, name.Length - "Attribute".Length)
                : name;
        }

        private static string FullName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var container = type.ContainingType; container != null; container = container.ContainingType)
            {
                name = container.MetadataName + "+" + name;
                type = container;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        private static bool IsNamed(INamedTypeSymbol type, string dottedNamespace, string name)
        {
            if (type.Name != name || type.ContainingType != null)
            {
                return false;
            }

            var ns = type.ContainingNamespace;
            var end = dottedNamespace.Length;
            while (ns != null && !ns.IsGlobalNamespace)
            {
                var start = dottedNamespace.LastIndexOf('.', end - 1) + 1;
                if (end - start != ns.Name.Length || string.CompareOrdinal(dottedNamespace, start, ns.Name, 0, ns.Name.Length) != 0)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                end = start - 1;
                if (end < 0)
                {
                    return ns is null || ns.IsGlobalNamespace;
                }
            }

            return false;
        }

        private sealed class AttributeInfo
        {
            public AttributeInfo(AttributeKind kind, DataLabel? label)
            {
                Kind = kind;
                Label = label;
            }

            public AttributeKind Kind { get; }

            public DataLabel? Label { get; }
        }
    }
}
