using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Declarations;

namespace Policy.Model.Detection
{
    /// <summary>How a function is exposed to a model.</summary>
    public enum ToolMechanism
    {
        /// <summary><c>AIFunctionFactory.Create(method)</c> (Microsoft.Extensions.AI), for example in <c>ChatOptions.Tools</c>.</summary>
        AIFunctionFactory,

        /// <summary>An own subclass of <c>AIFunction</c>, instantiated.</summary>
        AIFunctionSubclass,

        /// <summary>A <c>[KernelFunction]</c> method of a type registered as a Semantic Kernel plugin.</summary>
        SemanticKernelPlugin,

        /// <summary>A function given to a Microsoft Agent Framework agent (<c>tools:</c> of <c>ChatClientAgent</c>, <c>AsAIAgent</c>, <c>CreateAIAgent</c>).</summary>
        AgentFramework,

        /// <summary>A <c>[McpServerTool]</c> method of a <c>[McpServerToolType]</c> type (ModelContextProtocol).</summary>
        McpServer,
    }

    /// <summary>One function a model can call, as code exposes it.</summary>
    public sealed class ToolRegistration
    {
        internal ToolRegistration(ToolMechanism mechanism, string name, IMethodSymbol method, IOperation? lambda, INamedTypeSymbol registrar, bool approvalWrapped, Location location)
        {
            Mechanism = mechanism;
            Name = name;
            Method = method;
            Lambda = lambda;
            Registrar = registrar;
            ApprovalWrapped = approvalWrapped;
            RegistrationLocation = location;
        }

        /// <summary>How it is exposed.</summary>
        public ToolMechanism Mechanism { get; }

        /// <summary>The name the model sees (an explicit name, else the method's name; Semantic Kernel drops an "Async" suffix).</summary>
        public string Name { get; }

        /// <summary>The method the model invokes (for a lambda, the lambda's symbol).</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The lambda's operation when the tool is a lambda; null for a method.</summary>
        public IOperation? Lambda { get; }

        /// <summary>The type whose code registers the tool (for an MCP tool: its declaring type).</summary>
        public INamedTypeSymbol Registrar { get; }

        /// <summary>True when the function is wrapped in <c>ApprovalRequiredAIFunction</c>.</summary>
        public bool ApprovalWrapped { get; }

        /// <summary>Where it is registered (the registering call's name; for MCP the method's name).</summary>
        public Location RegistrationLocation { get; }

        /// <summary>Where a finding about the tool goes: the tool method's name when it is in source, else the registration.</summary>
        public Location Location
        {
            get
            {
                if (Lambda is null)
                {
                    foreach (var location in Method.Locations)
                    {
                        if (location.IsInSource)
                        {
                            return location;
                        }
                    }
                }

                return RegistrationLocation;
            }
        }

        /// <summary>How messages name the method: <c>Type.Method</c>, or <c>lambda in Type</c>.</summary>
        public string MethodDisplay => Lambda != null || Method.ContainingType is null
            ? "lambda in " + Registrar.Name
            : Method.ContainingType.Name + "." + Method.Name;

        /// <summary>True when the tool method carries [HumanOversight].</summary>
        public bool HasHumanOversight
        {
            get
            {
                foreach (var declaration in DeclarationReader.Read(Method))
                {
                    if (declaration.Kind == DeclarationKind.HumanOversight)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Approval-gated: wrapped in ApprovalRequiredAIFunction, or [HumanOversight] on the method.</summary>
        public bool IsApprovalGated => ApprovalWrapped || HasHumanOversight;

        /// <summary>
        /// The AI systems (ids) the tool belongs to: those of its declaring type when that is a declared system or
        /// component, else those of the type that registers it.
        /// </summary>
        public ImmutableArray<string> Systems()
        {
            if (Lambda is null && Method.ContainingType is { } declaring)
            {
                var own = DeclarationReader.CoveringSystems(declaring);
                if (!own.IsEmpty)
                {
                    return own;
                }
            }

            return DeclarationReader.CoveringSystems(Registrar);
        }
    }

    /// <summary>
    /// Finds the functions exposed to a model: the one detector the analyzers (POL040, tool data flow) and the
    /// inventory share. Registration calls are rejected by method name before any type is compared.
    /// </summary>
    public static class ToolDetector
    {
        private const string MeAi = "Microsoft.Extensions.AI";
        private const string Sk = "Microsoft.SemanticKernel";

        /// <summary>The names of registration methods (invocations) the detector looks at.</summary>
        private static readonly HashSet<string> RegistrationNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Create", "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject", "CreateFromType", "CreateFromObject",
            "CreatePluginFromType", "CreatePluginFromObject",
        };

        /// <summary>True when an invocation with this method name may register a tool (the cheap first test).</summary>
        public static bool MayRegister(string methodName) => RegistrationNames.Contains(methodName);

        /// <summary>True when a created type is an own subclass of AIFunction (a tool of its own): the test before <see cref="Recognise"/>.</summary>
        public static bool IsToolCreation(INamedTypeSymbol type) => type.BaseType is { SpecialType: SpecialType.None } && IsOwnAIFunction(type);

        /// <summary>The tools an invocation or object creation registers (none for almost every operation).</summary>
        public static void Recognise(IOperation operation, INamedTypeSymbol registrar, List<ToolRegistration> tools)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when invocation.TargetMethod is { } method && RegistrationNames.Contains(method.Name):
                    if (method.Name == "Create")
                    {
                        FunctionFactory(invocation, method, registrar, tools);
                    }
                    else
                    {
                        Plugin(invocation, method, registrar, tools);
                    }

                    break;
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && IsOwnAIFunction(type):
                    Subclass(creation, type, registrar, tools);
                    break;
            }
        }

        /// <summary>The metadata name of ModelContextProtocol's <c>[McpServerTool]</c>.</summary>
        public const string McpServerToolAttributeMetadataName = "ModelContextProtocol.Server.McpServerToolAttribute";

        /// <summary>The MCP tools a type declares: its <c>[McpServerTool]</c> methods when it is a <c>[McpServerToolType]</c>.</summary>
        public static void McpTools(INamedTypeSymbol type, List<ToolRegistration> tools)
        {
            if (!HasAttribute(type, "McpServerToolTypeAttribute", "ModelContextProtocol.Server"))
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && McpTool(method) is { } tool)
                {
                    tools.Add(tool);
                }
            }
        }

        /// <summary>The MCP tool a method is: a <c>[McpServerTool]</c> method of a <c>[McpServerToolType]</c> type; else null.</summary>
        public static ToolRegistration? McpTool(IMethodSymbol method)
        {
            AttributeData? tool = null;
            foreach (var attribute in method.GetAttributes())
            {
                if (Is(attribute.AttributeClass, "McpServerToolAttribute", "ModelContextProtocol.Server"))
                {
                    tool = attribute;
                }
            }

            if (tool is null || method.ContainingType is not { } type || !HasAttribute(type, "McpServerToolTypeAttribute", "ModelContextProtocol.Server"))
            {
                return null;
            }

            var name = NamedString(tool, "Name") ?? method.Name;
            var location = method.Locations.Length > 0 ? method.Locations[0] : Location.None;
            return new ToolRegistration(ToolMechanism.McpServer, name, method, null, type, false, location);
        }

        /// <summary>
        /// Every tool of a compilation's source types, in source order (for the inventory): the same recognition as the
        /// analyzers, over the bodies <see cref="AiUsageDetector.Bodies"/> yields, plus MCP tool types.
        /// </summary>
        public static List<ToolRegistration> All(Compilation compilation, IEnumerable<INamedTypeSymbol> types, CancellationToken cancellationToken)
        {
            var tools = new List<ToolRegistration>();
            foreach (var type in types)
            {
                cancellationToken.ThrowIfCancellationRequested();
                McpTools(type, tools);
                foreach (var body in AiUsageDetector.Bodies(type, compilation, cancellationToken))
                {
                    foreach (var operation in body.DescendantsAndSelf())
                    {
                        if (operation.Kind == OperationKind.Invocation || operation.Kind == OperationKind.ObjectCreation)
                        {
                            Recognise(operation, type, tools);
                        }
                    }
                }
            }

            return tools;
        }

        /// <summary>
        /// The operation block of a method declared in source (for a tool or a helper it calls), or null. Uses
        /// <paramref name="model"/> when the method is in its tree, else the compilation's model of that tree.
        /// </summary>
        public static IOperation? BodyOf(IMethodSymbol method, Compilation compilation, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern)
            {
                return null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue;
                }

                var syntax = reference.GetSyntax(cancellationToken);
                var treeModel = model != null && model.SyntaxTree == reference.SyntaxTree ? model : compilation.GetSemanticModel(reference.SyntaxTree);
                if (treeModel.GetOperation(syntax, cancellationToken) is { } operation)
                {
                    return operation;
                }
            }

            return null;
        }

        // ---------------------------------------------------------------- AIFunctionFactory.Create

        private static void FunctionFactory(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol registrar, List<ToolRegistration> tools)
        {
            if (method.ContainingType is not { Name: "AIFunctionFactory" } factory || factory.ContainingNamespace?.ToDisplayString() != MeAi)
            {
                return;
            }

            IMethodSymbol? target = null;
            IOperation? lambda = null;
            string? name = null;
            foreach (var argument in invocation.Arguments)
            {
                var value = Unwrap(argument.Value);
                switch (argument.Parameter?.Name)
                {
                    case "method":
                        if (value is IDelegateCreationOperation creation)
                        {
                            switch (Unwrap(creation.Target))
                            {
                                case IMethodReferenceOperation reference:
                                    target = reference.Method;
                                    break;
                                case IAnonymousFunctionOperation anonymous:
                                    target = anonymous.Symbol;
                                    lambda = anonymous;
                                    break;
                            }
                        }

                        break;
                    case "name":
                        name = value.ConstantValue.HasValue ? value.ConstantValue.Value as string : null;
                        break;
                    case "options":
                        name = OptionsName(value);
                        break;
                }
            }

            if (target is null)
            {
                return; // A MethodInfo or a delegate variable: not resolvable here.
            }

            var mechanism = GivenToAgent(invocation) ? ToolMechanism.AgentFramework : ToolMechanism.AIFunctionFactory;
            var displayName = name ?? (lambda is null ? target.Name : "lambda");
            tools.Add(new ToolRegistration(mechanism, displayName, target.OriginalDefinition, lambda, registrar, ApprovalWrapped(invocation), NameLocation(invocation)));
        }

        private static string? OptionsName(IOperation value)
        {
            if (value is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var item in initializer.Initializers)
                {
                    if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" } } assignment &&
                        assignment.Value.ConstantValue.HasValue)
                    {
                        return assignment.Value.ConstantValue.Value as string;
                    }
                }
            }

            return null;
        }

        /// <summary>Whether the function is an element of the <c>tools</c> argument of an Agent Framework agent.</summary>
        private static bool GivenToAgent(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IArgumentOperation { Parameter: { Name: "tools" } parameter })
                {
                    var container = parameter.ContainingSymbol?.ContainingType;
                    var ns = container?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                    return ns.StartsWith("Microsoft.Agents.AI", StringComparison.Ordinal) ||
                           (container?.Name == "ChatClientExtensions" && (parameter.ContainingSymbol?.Name == "AsAIAgent" || parameter.ContainingSymbol?.Name == "CreateAIAgent"));
                }

                if (current is IBlockOperation || current is IAnonymousFunctionOperation || current is IExpressionStatementOperation)
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the function is wrapped in <c>new ApprovalRequiredAIFunction(...)</c>: directly, or through a local it
        /// is stored in (<c>var f = AIFunctionFactory.Create(M); ... new ApprovalRequiredAIFunction(f)</c>).
        /// </summary>
        private static bool ApprovalWrapped(IOperation function)
        {
            IOperation current = function;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            if (current.Parent is IArgumentOperation { Parent: IObjectCreationOperation creation } && IsApprovalWrapper(creation.Type))
            {
                return true;
            }

            ILocalSymbol? local = current.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
                _ => null,
            };
            if (local is null)
            {
                return false;
            }

            var root = current;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is IObjectCreationOperation wrapper && IsApprovalWrapper(wrapper.Type) && wrapper.Arguments.Length > 0 &&
                    Unwrap(wrapper.Arguments[0].Value) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsApprovalWrapper(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "ApprovalRequiredAIFunction" && current.ContainingNamespace?.ToDisplayString() == MeAi)
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- AIFunction subclasses

        private static bool IsOwnAIFunction(INamedTypeSymbol type)
        {
            if (type.Locations.Length == 0 || !type.Locations[0].IsInSource)
            {
                return false;
            }

            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.Name == "AIFunction" && current.ContainingNamespace?.ToDisplayString() == MeAi)
                {
                    return true;
                }

                if (current.Name == "DelegatingAIFunction" || current.Name == "ApprovalRequiredAIFunction")
                {
                    return false; // A wrapper of another function, not a tool of its own.
                }
            }

            return false;
        }

        private static void Subclass(IObjectCreationOperation creation, INamedTypeSymbol type, INamedTypeSymbol registrar, List<ToolRegistration> tools)
        {
            IMethodSymbol? invoke = null;
            for (var current = type; current != null && invoke is null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("InvokeCoreAsync"))
                {
                    if (member is IMethodSymbol { IsOverride: true } method && method.Locations.Length > 0 && method.Locations[0].IsInSource)
                    {
                        invoke = method;
                        break;
                    }
                }
            }

            if (invoke is null)
            {
                return;
            }

            string? name = null;
            foreach (var member in type.GetMembers("Name"))
            {
                if (member is IPropertySymbol { IsOverride: true } property && property.DeclaringSyntaxReferences.Length > 0 &&
                    property.DeclaringSyntaxReferences[0].GetSyntax() is PropertyDeclarationSyntax { ExpressionBody.Expression: LiteralExpressionSyntax literal })
                {
                    name = literal.Token.ValueText;
                }
            }

            var location = creation.Syntax is BaseObjectCreationExpressionSyntax { } syntax && syntax is ObjectCreationExpressionSyntax named ? named.Type.GetLocation() : creation.Syntax.GetLocation();
            tools.Add(new ToolRegistration(ToolMechanism.AIFunctionSubclass, name ?? type.Name, invoke, null, registrar, ApprovalWrapped(creation), location));
        }

        // ---------------------------------------------------------------- Semantic Kernel plugins

        private static void Plugin(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol registrar, List<ToolRegistration> tools)
        {
            var ns = method.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (!ns.StartsWith(Sk, StringComparison.Ordinal))
            {
                return;
            }

            ITypeSymbol? pluginType = null;
            if (method.Name.EndsWith("FromType", StringComparison.Ordinal))
            {
                pluginType = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
            }
            else
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "target" && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        pluginType = Unwrap(argument.Value).Type;
                    }
                }
            }

            if (pluginType is not INamedTypeSymbol plugin)
            {
                return;
            }

            var location = NameLocation(invocation);
            foreach (var member in plugin.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } function)
                {
                    continue;
                }

                foreach (var attribute in function.GetAttributes())
                {
                    if (Is(attribute.AttributeClass, "KernelFunctionAttribute", Sk))
                    {
                        var name = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                        if (string.IsNullOrEmpty(name))
                        {
                            name = function.Name.EndsWith("Async", StringComparison.Ordinal) && function.Name.Length > 5
                                ? function.Name.Substring(0, function.Name.Length - 5)
                                : function.Name;
                        }

                        tools.Add(new ToolRegistration(ToolMechanism.SemanticKernelPlugin, name!, function, null, registrar, false, location));
                        break;
                    }
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        private static bool HasAttribute(INamedTypeSymbol type, string name, string ns)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (Is(attribute.AttributeClass, name, ns))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? type, string name, string ns) =>
            type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;

        private static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string value && value.Length > 0)
                {
                    return value;
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

        private static Location NameLocation(IInvocationOperation invocation)
        {
            if (invocation.Syntax is InvocationExpressionSyntax syntax)
            {
                SimpleNameSyntax? name = syntax.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                };
                if (name != null)
                {
                    return name.Identifier.GetLocation();
                }
            }

            return invocation.Syntax.GetLocation();
        }
    }
}
