using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// Where the values of one method body come from: an intra-procedural, flow-insensitive analysis over the body's
    /// operation tree (lambdas and local functions included). Built once per method that contains an AI call.
    /// </summary>
    /// <remarks>
    /// <para>Sources are reads of fields and properties of the project's own types (<c>customer.Email</c>), whole objects of
    /// those types (<c>$"{customer}"</c>, <c>engine.Predict(input)</c>), classified parameters and classified return values.
    /// Constants, literals, plain parameters of framework types (<c>string text</c>) and the AI component's own unclassified
    /// members are not sources.</para>
    /// <para>Values flow through locals (every assignment counts, wherever it is in the method), string concatenation and
    /// interpolation, conditional and coalescing expressions, framework and SDK calls (<c>string.Format</c>,
    /// <c>string.Join</c>, LINQ, <c>StringBuilder</c>, <c>JsonSerializer</c>: the result carries the receiver and the
    /// arguments), object, array and collection creation and initializers (a <c>ChatMessage</c> built from a string, an array
    /// of messages), collections and builders filled with <c>Add</c>/<c>Append</c>, fields of the component written in the
    /// same method, and local functions. Calls to the project's own methods are the boundary (their result counts only
    /// through a classified return value or its own type); results of AI calls are model output, not input.</para>
    /// </remarks>
    public sealed class MethodDataFlow
    {
        private const int MaxDepth = 200;

        private static readonly ImmutableArray<DataSource> NoSources = ImmutableArray<DataSource>.Empty;

        private readonly ClassificationReader _reader;
        private readonly AiTypeMatcher _matcher;
        private readonly HashSet<ITypeSymbol> _componentTypes = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<IOperation>> _writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, IOperation> _localFunctions = new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, Flow> _symbolFlows = new Dictionary<ISymbol, Flow>(SymbolEqualityComparer.Default);
        private readonly CancellationToken _cancellationToken;
        private readonly Func<IMethodSymbol, IOperation?>? _helperBodies;
        private Dictionary<IParameterSymbol, string?>? _requestParameters;

        /// <summary>Indexes a method body: which values are written to which locals, parameters and component fields.</summary>
        /// <param name="reader">The compilation's classification reader.</param>
        /// <param name="matcher">The compilation's AI type matcher.</param>
        /// <param name="owner">The type that contains the method (the AI component).</param>
        /// <param name="blocks">The operation blocks of the method (body, constructor initializer, ...).</param>
        /// <param name="cancellationToken">Cancellation.</param>
        /// <param name="helperBodies">
        /// When given, calls to the project's own methods are followed one level: the body this returns for a method
        /// (null when not in source) is analysed and the sources of its returned values count as the call's result.
        /// </param>
        public MethodDataFlow(ClassificationReader reader, AiTypeMatcher matcher, INamedTypeSymbol? owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken, Func<IMethodSymbol, IOperation?>? helperBodies = null)
        {
            _helperBodies = helperBodies;
            _reader = reader;
            _matcher = matcher;
            _cancellationToken = cancellationToken;
            for (var type = owner; type != null; type = type.ContainingType)
            {
                for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    _componentTypes.Add(current.OriginalDefinition);
                }
            }

            foreach (var block in blocks)
            {
                if (block != null)
                {
                    Index(block);
                }
            }
        }

        /// <summary>Every source the value may carry, in no particular order (duplicates possible).</summary>
        public ImmutableArray<DataSource> SourcesOf(IOperation value)
        {
            var flow = new FlowBuilder();
            Collect(value, flow, 0);
            if (flow.Symbols is null)
            {
                return flow.Sources is null ? NoSources : flow.Sources.ToImmutableArray();
            }

            var result = ImmutableArray.CreateBuilder<DataSource>();
            if (flow.Sources != null)
            {
                result.AddRange(flow.Sources);
            }

            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ISymbol>(flow.Symbols);
            while (pending.Count > 0)
            {
                var symbol = pending.Pop();
                if (!visited.Add(symbol))
                {
                    continue;
                }

                var symbolFlow = SymbolFlow(symbol);
                result.AddRange(symbolFlow.Sources);
                foreach (var next in symbolFlow.Symbols)
                {
                    pending.Push(next);
                }
            }

            return result.ToImmutable();
        }

        /// <summary>True for the AI component itself: the method's type, its containing types, their base types, and types declared part of an AI system.</summary>
        private bool IsComponent(INamedTypeSymbol type) => _componentTypes.Contains(type.OriginalDefinition) || _reader.IsDeclaredAiType(type);

        /// <summary>What flows into a local, parameter or component field: the union of every value written to it (not following other symbols).</summary>
        private Flow SymbolFlow(ISymbol symbol)
        {
            if (_symbolFlows.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            var flow = new FlowBuilder();
            if (_writes.TryGetValue(symbol, out var writes))
            {
                foreach (var value in writes)
                {
                    Collect(value, flow, 0);
                }
            }

            var result = flow.Build();
            _symbolFlows[symbol] = result;
            return result;
        }

        private void Collect(IOperation? operation, FlowBuilder flow, int depth)
        {
            if (operation is null || operation.ConstantValue.HasValue || depth > MaxDepth)
            {
                return;
            }

            depth++;
            switch (operation)
            {
                case IConversionOperation conversion:
                    Collect(conversion.Operand, flow, depth);
                    return;
                case IParenthesizedOperation parenthesized:
                    Collect(parenthesized.Operand, flow, depth);
                    return;
                case IAwaitOperation await:
                    Collect(await.Operation, flow, depth);
                    return;
                case ILocalReferenceOperation local:
                    flow.AddSymbol(local.Local);
                    return;
                case IParameterReferenceOperation parameter:
                    Parameter(parameter, flow);
                    return;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    Member((IMemberReferenceOperation)operation, flow, depth);
                    return;
                case IArrayElementReferenceOperation element:
                    Collect(element.ArrayReference, flow, depth);
                    return;
                case IImplicitIndexerReferenceOperation indexer:
                    Collect(indexer.Instance, flow, depth);
                    return;
                case IConditionalAccessOperation conditionalAccess:
                    Collect(conditionalAccess.WhenNotNull, flow, depth);
                    return;
                case IConditionalAccessInstanceOperation instance:
                    Collect(ConditionalAccessReceiver(instance), flow, depth);
                    return;
                case ICoalesceOperation coalesce:
                    Collect(coalesce.Value, flow, depth);
                    Collect(coalesce.WhenNull, flow, depth);
                    return;
                case IConditionalOperation conditional:
                    Collect(conditional.WhenTrue, flow, depth);
                    Collect(conditional.WhenFalse, flow, depth);
                    return;
                case ISwitchExpressionOperation switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Collect(arm.Value, flow, depth);
                    }

                    return;
                case IBinaryOperation binary:
                    Binary(binary, flow, depth);
                    return;
                case IUnaryOperation unary:
                    if (!IsBoolean(unary.Type))
                    {
                        Collect(unary.Operand, flow, depth);
                    }

                    return;
                case IInterpolationOperation interpolation:
                    Collect(interpolation.Expression, flow, depth);
                    return;
                case IInvocationOperation invocation:
                    Invocation(invocation, flow, depth);
                    return;
                case IObjectCreationOperation creation:
                    ObjectCreation(creation, flow, depth);
                    return;
                case IObjectOrCollectionInitializerOperation initializer:
                    Initializer(initializer, flow, depth);
                    return;
                case IMemberInitializerOperation memberInitializer:
                    Collect(memberInitializer.Initializer, flow, depth);
                    return;
                case IArrayCreationOperation arrayCreation:
                    Collect(arrayCreation.Initializer, flow, depth);
                    return;
                case IAnonymousFunctionOperation lambda:
                    Returns(lambda.Body, flow, depth);
                    return;
                case IDelegateCreationOperation delegateCreation:
                    Collect(delegateCreation.Target, flow, depth);
                    return;
                case IAssignmentOperation assignment:
                    Collect(assignment.Value, flow, depth);
                    return;
                case IArgumentOperation argument:
                    Collect(argument.Value, flow, depth);
                    return;
                case IWithOperation with:
                    Collect(with.Operand, flow, depth);
                    Collect(with.Initializer, flow, depth);
                    return;
                case IInstanceReferenceOperation:
                case IMethodReferenceOperation:
                case IEventReferenceOperation:
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case IIsTypeOperation:
                case IIsPatternOperation:
                case IDeclarationExpressionOperation:
                case IThrowOperation:
                case IInterpolatedStringTextOperation:
                    return;
                default:
                    // Collection expressions, tuples, spreads, string handlers, ...: the value is made of its parts.
                    foreach (var child in operation.ChildOperations)
                    {
                        Collect(child, flow, depth);
                    }

                    return;
            }
        }

        private void Binary(IBinaryOperation binary, FlowBuilder flow, int depth)
        {
            if (IsBoolean(binary.Type))
            {
                return; // Comparisons and logical operators: a yes/no, not the data.
            }

            // Long concatenations are left-deep trees: walk the left spine iteratively.
            var current = binary;
            while (Unwrap(current.LeftOperand) is IBinaryOperation left && !IsBoolean(left.Type) && !left.ConstantValue.HasValue)
            {
                Collect(current.RightOperand, flow, depth);
                current = left;
            }

            Collect(current.LeftOperand, flow, depth);
            Collect(current.RightOperand, flow, depth);
        }

        private void Parameter(IParameterReferenceOperation reference, FlowBuilder flow)
        {
            var parameter = reference.Parameter;
            flow.AddSymbol(parameter);
            if (RequestParameter(parameter) is { } untrusted)
            {
                flow.AddSource(new DataSource(DataSourceKind.Untrusted, parameter, untrusted, null, reference.Syntax.GetLocation()));
            }

            if (_reader.Own(parameter) is { } label)
            {
                flow.AddSource(new DataSource(DataSourceKind.Parameter, parameter, "parameter '" + parameter.Name + "'", label, reference.Syntax.GetLocation()));
                return;
            }

            WholeObject(parameter.Type, reference, flow);
        }

        private void Member(IMemberReferenceOperation reference, FlowBuilder flow, int depth)
        {
            var member = reference.Member;
            if (member is IFieldSymbol { IsConst: true })
            {
                return;
            }

            var container = member.ContainingType;
            var location = reference.Syntax.GetLocation();
            if (container != null && FrameworkSource(container, ClassificationReader.MemberType(member), member, location) is { } framework)
            {
                flow.AddSource(framework);
                return;
            }

            if (container != null && _reader.IsOwn(container) && _matcher.Match(container) is null)
            {
                var label = _reader.OfMember(member);
                if (IsComponent(container) || _reader.IsConstantLike(member))
                {
                    // The component's own state (prompts, settings it holds): data only when classified; values the
                    // method itself writes to it are followed.
                    if (label != null)
                    {
                        flow.AddSource(new DataSource(DataSourceKind.Member, member, MemberName(container, member), label, location));
                    }

                    flow.AddSymbol(member.OriginalDefinition);
                    return;
                }

                // A member of a bound request body (a minimal-API or controller parameter of an own type, req.Topic) is
                // request data as much as the parameter itself.
                if (reference.Instance != null && Unwrap(reference.Instance) is IParameterReferenceOperation owner && RequestParameter(owner.Parameter) != null)
                {
                    flow.AddSource(new DataSource(DataSourceKind.Untrusted, owner.Parameter, "request parameter '" + owner.Parameter.Name + "." + member.Name + "'", null, location));
                }

                flow.AddSource(new DataSource(DataSourceKind.Member, member, MemberName(container, member), label, location));
                return;
            }

            // A framework or SDK member: classified where it stands (Identity's [PersonalData] on IdentityUser.Email) ...
            if (_reader.OwnOfMember(member) is { } ownLabel)
            {
                flow.AddSource(new DataSource(DataSourceKind.Member, member, MemberName(reference.Instance?.Type as INamedTypeSymbol ?? container, member), ownLabel, location));
                return;
            }

            // ... inherited by an own type (ApplicationUser : IdentityUser): a member of that type ...
            if (reference.Instance?.Type is INamedTypeSymbol instanceType && _reader.IsOwnDataType(instanceType) && !IsComponent(instanceType) && !member.IsStatic)
            {
                var label = _reader.OfType(instanceType) ?? _reader.OfValueType(ClassificationReader.MemberType(member));
                flow.AddSource(new DataSource(DataSourceKind.Member, member, MemberName(instanceType, member), label, location));
                return;
            }

            // ... else it carries its instance's data (text.Length, response.Text, tuple.Item1, list[0]).
            Collect(reference.Instance, flow, depth);
        }

        private void Invocation(IInvocationOperation invocation, FlowBuilder flow, int depth)
        {
            var method = invocation.TargetMethod;
            if (method is null)
            {
                return;
            }

            if (!method.ReturnsVoid && _reader.OfReturn(method) is { } label)
            {
                flow.AddSource(new DataSource(DataSourceKind.ReturnValue, method, "return value of " + MethodName(method), label, invocation.Syntax.GetLocation()));
                return;
            }

            if (method.ReturnsVoid || IsBoolean(method.ReturnType) || IsAiCall(invocation, method))
            {
                return; // Nothing, a yes/no, or model output and SDK objects.
            }

            if (InvocationSource(invocation, method) is { } framework)
            {
                flow.AddSource(framework);
                return;
            }

            if (method.MethodKind == MethodKind.LocalFunction && _localFunctions.TryGetValue(method.OriginalDefinition, out var body))
            {
                Returns(body, flow, depth);
                return;
            }

            if (method.Name == "ToString" && invocation.Instance != null)
            {
                Collect(invocation.Instance, flow, depth); // A text rendering of the object: its data.
                return;
            }

            if (method.ContainingType != null && _reader.IsOwn(method.ContainingType))
            {
                // The boundary of the intra-procedural analysis: what an own method returns is known only from its
                // classified return value (above) or its own type; tool analysis follows one level into its body.
                if (_helperBodies != null && _helperBodies(method.OriginalDefinition) is { } helper)
                {
                    var nested = new MethodDataFlow(_reader, _matcher, method.ContainingType, ImmutableArray.Create(helper), _cancellationToken);
                    foreach (var returned in ReturnedValues(helper))
                    {
                        foreach (var source in nested.SourcesOf(returned))
                        {
                            flow.AddSource(source);
                        }
                    }
                }

                WholeObject(method.ReturnType, invocation, flow);
                return;
            }

            if (method.Name == "GetValueOrDefault" || method.Name == "GetValue" || method.Name == "GetRequiredService" || method.Name == "GetService")
            {
                Collect(invocation.Instance, flow, depth); // A lookup by key: the value comes from the receiver, not the key.
                return;
            }

            if (IsLinq(method) && Linq(invocation, method, flow, depth))
            {
                return;
            }

            // Framework and SDK calls: the result is made from the receiver and the arguments.
            Collect(invocation.Instance, flow, depth);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.RefKind != RefKind.Out)
                {
                    Collect(argument.Value, flow, depth);
                }
            }

            WholeObject(method.ReturnType, invocation, flow);
        }

        /// <summary>
        /// LINQ: counting carries no data; a projection (<c>Select(c =&gt; c.Name)</c>, <c>Sum</c>, <c>ToDictionary</c>, ...)
        /// carries what its selectors return, not the whole elements. False when the general rule applies.
        /// </summary>
        private bool Linq(IInvocationOperation invocation, IMethodSymbol method, FlowBuilder flow, int depth)
        {
            switch (method.Name)
            {
                case "Count":
                case "LongCount":
                    return true;
                case "Select":
                case "SelectMany":
                case "Sum":
                case "Average":
                case "Min":
                case "Max":
                case "ToDictionary":
                case "ToLookup":
                case "Aggregate":
                    var found = false;
                    foreach (var argument in invocation.Arguments)
                    {
                        var value = Unwrap(argument.Value);
                        if (value is IDelegateCreationOperation || value is IAnonymousFunctionOperation)
                        {
                            Collect(value, flow, depth);
                            found = true;
                        }
                    }

                    return found;
                default:
                    return false;
            }
        }

        private static bool IsLinq(IMethodSymbol method) =>
            method.ContainingType is { Name: "Enumerable" or "Queryable" or "ParallelEnumerable" } type &&
            type.ContainingNamespace is { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

        private void ObjectCreation(IObjectCreationOperation creation, FlowBuilder flow, int depth)
        {
            var type = creation.Type;
            if (type is null || _matcher.Match(type) != null)
            {
                return; // AI clients are created from configuration (endpoints, keys, model names), not from data.
            }

            foreach (var argument in creation.Arguments)
            {
                Collect(argument.Value, flow, depth);
            }

            Collect(creation.Initializer, flow, depth);

            // A new object of an own data type also carries what its type declares about its data (not an
            // "unclassified type" finding: the values put into it are reported themselves).
            if (_reader.IsOwnDataType(type) && type is INamedTypeSymbol named && !IsComponent(named))
            {
                foreach (var source in _reader.WholeObject(type))
                {
                    if (source.Kind == DataSourceKind.Member || source.Label != null)
                    {
                        flow.AddSource(source.At(creation.Syntax.GetLocation()));
                    }
                }
            }
        }

        private void Initializer(IObjectOrCollectionInitializerOperation initializer, FlowBuilder flow, int depth)
        {
            foreach (var item in initializer.Initializers)
            {
                switch (item)
                {
                    case IAssignmentOperation assignment:
                        Collect(assignment.Value, flow, depth); // Not the target: `Name = x` writes Name, it does not read it.
                        break;
                    case IMemberInitializerOperation member:
                        Collect(member.Initializer, flow, depth);
                        break;
                    case IInvocationOperation add:
                        foreach (var argument in add.Arguments)
                        {
                            Collect(argument.Value, flow, depth);
                        }

                        break;
                    default:
                        Collect(item, flow, depth);
                        break;
                }
            }
        }

        /// <summary>The values a lambda or local function returns (nested functions excluded).</summary>
        private void Returns(IOperation? body, FlowBuilder flow, int depth)
        {
            if (body is null)
            {
                return;
            }

            var pending = new Stack<IOperation>();
            pending.Push(body);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IReturnOperation { ReturnedValue: { } returned })
                {
                    Collect(returned, flow, depth);
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation && child is not ILocalFunctionOperation)
                    {
                        pending.Push(child);
                    }
                }
            }
        }

        /// <summary>A whole object of an own data type (a parameter, a result): the data its type declares.</summary>
        private void WholeObject(ITypeSymbol? type, IOperation at, FlowBuilder flow)
        {
            var element = ClassificationReader.ElementType(type);
            if (element is INamedTypeSymbol named && _reader.IsOwnDataType(named) && !IsComponent(named))
            {
                var location = at.Syntax.GetLocation();
                foreach (var source in _reader.WholeObject(named))
                {
                    flow.AddSource(source.At(location));
                }
            }
        }

        private bool IsAiCall(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (_matcher.Match(method.ContainingType) != null)
            {
                return true;
            }

            if (invocation.Instance?.Type is { } receiver && _matcher.Match(receiver) != null)
            {
                return true;
            }

            return method.IsExtensionMethod && method.Parameters.Length > 0 && _matcher.Match(method.Parameters[0].Type) != null;
        }

        private static IOperation? ConditionalAccessReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation previous = instance;
            for (var current = instance.Parent; current != null; previous = current, current = current.Parent)
            {
                if (current is IConditionalAccessOperation access && access.WhenNotNull == previous)
                {
                    return access.Operation;
                }
            }

            return null;
        }

        // ---------------------------------------------------------------- claims and untrusted input

        /// <summary>
        /// The values a method or lambda body returns (nested functions excluded), in source order: what a tool hands
        /// to the model, what a followed helper gives its caller.
        /// </summary>
        public static ImmutableArray<IOperation> ReturnedValues(IOperation body)
        {
            var result = ImmutableArray.CreateBuilder<IOperation>();
            var pending = new Stack<IOperation>();
            pending.Push(body is IAnonymousFunctionOperation lambda ? lambda.Body : body);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is IReturnOperation { ReturnedValue: { } returned } && current.Kind == OperationKind.Return)
                {
                    result.Add(returned);
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is not IAnonymousFunctionOperation && child is not ILocalFunctionOperation)
                    {
                        pending.Push(child);
                    }
                }
            }

            result.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            return result.ToImmutable();
        }

        /// <summary>
        /// A member read that is a source by what it is, not by a classification: a claim (a member of
        /// ClaimsPrincipal, ClaimsIdentity, IIdentity or Claim, or a ClaimsPrincipal such as <c>HttpContext.User</c>),
        /// labelled with <c>policy.claims_class</c>; or request data (any member of HttpRequest, or the request itself).
        /// </summary>
        private DataSource? FrameworkSource(INamedTypeSymbol container, ITypeSymbol? memberType, ISymbol member, Location location)
        {
            if (_reader.Claims is { } claims && (IsClaimsType(container) || IsClaimsType(memberType)))
            {
                return new DataSource(DataSourceKind.Member, member, container.Name + "." + member.Name, claims, location);
            }

            if (IsType(container, "HttpRequest", "Microsoft.AspNetCore.Http") || IsType(memberType, "HttpRequest", "Microsoft.AspNetCore.Http"))
            {
                return new DataSource(DataSourceKind.Untrusted, member, container.Name + "." + member.Name, null, location);
            }

            return null;
        }

        /// <summary>A call that is a source: a claim lookup (<c>FindFirst</c>, <c>FindFirstValue</c>, <c>FindAll</c>) or <c>Console.ReadLine</c>.</summary>
        private DataSource? InvocationSource(IInvocationOperation invocation, IMethodSymbol method)
        {
            var name = method.Name;
            if (name == "ReadLine" && IsType(method.ContainingType, "Console", "System"))
            {
                return new DataSource(DataSourceKind.Untrusted, method, "Console.ReadLine()", null, invocation.Syntax.GetLocation());
            }

            if (_reader.Claims is not { } claims || (name != "FindFirst" && name != "FindFirstValue" && name != "FindAll"))
            {
                return null;
            }

            var receiver = invocation.Instance?.Type ?? (method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : null);
            if (!IsClaimsType(receiver))
            {
                return null;
            }

            string? claim = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    var value = Unwrap(argument.Value);
                    claim = value is IFieldReferenceOperation { Field: { IsConst: true } field } ? field.ContainingType.Name + "." + field.Name
                        : value.ConstantValue.Value as string;
                }
            }

            var display = claim is null ? "claims (" + name + ")" : "claim '" + claim + "'";
            return new DataSource(DataSourceKind.ReturnValue, method, display, claims, invocation.Syntax.GetLocation());
        }

        /// <summary>
        /// The description of a parameter bound from the request, or null: a parameter of a public controller action, of
        /// a public SignalR hub method, or of a minimal-API handler lambda (<c>app.MapPost("/x", (string q) =&gt; ...)</c>);
        /// not [FromServices], not a service interface, a cancellation token, HttpContext or an AI type.
        /// </summary>
        private string? RequestParameter(IParameterSymbol parameter)
        {
            _requestParameters ??= new Dictionary<IParameterSymbol, string?>(SymbolEqualityComparer.Default);
            if (!_requestParameters.TryGetValue(parameter, out var result))
            {
                result = ComputeRequestParameter(parameter);
                _requestParameters[parameter] = result;
            }

            return result;
        }

        private string? ComputeRequestParameter(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || !IsBindable(parameter))
            {
                return null;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                return IsMinimalApiHandler(parameter) ? "request parameter '" + parameter.Name + "'" : null;
            }

            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { } type)
            {
                return null;
            }

            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (IsType(current, "ControllerBase", "Microsoft.AspNetCore.Mvc"))
                {
                    return "request parameter '" + parameter.Name + "'";
                }

                if (current.Name == "Hub" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.SignalR")
                {
                    return "hub method parameter '" + parameter.Name + "'";
                }
            }

            return null;
        }

        private bool IsBindable(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Delegate || _matcher.Match(type) != null || IsCancellationToken(type) ||
                (type.TypeKind == TypeKind.Interface && !type.Name.StartsWith("IForm", StringComparison.Ordinal)) ||
                IsType(type, "HttpContext", "Microsoft.AspNetCore.Http") || IsClaimsType(type))
            {
                return false;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == "FromServicesAttribute" || name == "FromKeyedServicesAttribute")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the lambda that declares the parameter is the handler of a minimal-API <c>Map*</c> call.</summary>
        private static bool IsMinimalApiHandler(IParameterSymbol parameter)
        {
            foreach (var reference in parameter.ContainingSymbol.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax().Parent;
                while (node != null && !(node is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax))
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax)
                    {
                        return false;
                    }

                    node = node.Parent;
                }

                if (node?.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation)
                {
                    var name = invocation.Expression switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                        Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    return name.StartsWith("Map", StringComparison.Ordinal);
                }
            }

            return false;
        }

        private static bool IsClaimsType(ITypeSymbol? type)
        {
            if (ClassificationReader.ElementType(type) is { } element && !SymbolEqualityComparer.Default.Equals(element, type))
            {
                type = element;
            }

            if (type is null)
            {
                return false;
            }

            switch (type.Name)
            {
                case "ClaimsPrincipal":
                case "ClaimsIdentity":
                case "Claim":
                    return type.ContainingNamespace?.ToDisplayString() == "System.Security.Claims";
                case "IIdentity":
                case "IPrincipal":
                    return type.ContainingNamespace?.ToDisplayString() == "System.Security.Principal";
                default:
                    return false;
            }
        }

        private static bool IsType(ITypeSymbol? type, string name, string ns) =>
            type != null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == ns;

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type.Name == "CancellationToken" && type.ContainingNamespace is { Name: "Threading", ContainingNamespace.Name: "System" };

        // ---------------------------------------------------------------- indexing the writes of the method

        private void Index(IOperation root)
        {
            var pending = new Stack<IOperation>();
            pending.Push(root);
            var visited = 0;
            while (pending.Count > 0)
            {
                if ((++visited & 0xFF) == 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                var operation = pending.Pop();
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
                        if (initializer != null)
                        {
                            AddWrite(declarator.Symbol, initializer);
                        }

                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in Locals(deconstruction.Target))
                        {
                            AddWrite(target, deconstruction.Value);
                        }

                        break;
                    case IAssignmentOperation assignment:
                        if (TrackedRoot(assignment.Target) is { } assigned)
                        {
                            AddWrite(assigned, assignment.Value);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var local in loop.Locals)
                        {
                            AddWrite(local, loop.Collection);
                        }

                        break;
                    case IInvocationOperation invocation:
                        IndexInvocation(invocation);
                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: { } declared } declarationPattern:
                        if (PatternInput(declarationPattern) is { } input)
                        {
                            AddWrite(declared, input);
                        }

                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: { } declaredRecursive } recursivePattern:
                        if (PatternInput(recursivePattern) is { } recursiveInput)
                        {
                            AddWrite(declaredRecursive, recursiveInput);
                        }

                        break;
                    case ILocalFunctionOperation localFunction:
                        if ((localFunction.Body ?? localFunction.IgnoredBody) is { } body)
                        {
                            _localFunctions[localFunction.Symbol.OriginalDefinition] = body;
                        }

                        break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        private void IndexInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method is { MethodKind: MethodKind.LocalFunction })
            {
                // A local function's parameters receive its arguments (its returns are followed in Invocation).
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        AddWrite(parameter.OriginalDefinition, argument.Value);
                    }
                }

                return;
            }

            if (method is null || (method.ContainingType != null && _reader.IsOwn(method.ContainingType)))
            {
                return; // Own methods: the boundary.
            }

            // out/ref results of framework calls carry the receiver's (or the inputs') data: dict.TryGetValue(k, out var v).
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } && TrackedRoot(argument.Value) is { } output)
                {
                    if (invocation.Instance != null)
                    {
                        AddWrite(output, invocation.Instance);
                        continue;
                    }

                    foreach (var input in invocation.Arguments)
                    {
                        if (input != argument && input.Parameter?.RefKind != RefKind.Out)
                        {
                            AddWrite(output, input.Value);
                        }
                    }
                }
            }

            // Collections and builders filled in place: list.Add(x), builder.Append(x), history.AddUserMessage(x).
            var receiver = invocation.Instance;
            var first = 0;
            if (receiver is null && method.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                receiver = invocation.Arguments[0].Value;
                first = 1;
            }

            if (receiver?.Type is not { } receiverType || _matcher.Match(receiverType) != null || !IsMutator(method, receiverType) ||
                TrackedRoot(receiver) is not { } root)
            {
                return;
            }

            for (var i = first; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter?.RefKind != RefKind.Out)
                {
                    AddWrite(root, argument.Value);
                }
            }
        }

        private static bool IsMutator(IMethodSymbol method, ITypeSymbol receiverType)
        {
            if (method.ReturnsVoid || SymbolEqualityComparer.Default.Equals(method.ReturnType, receiverType))
            {
                return true;
            }

            var name = method.Name;
            return name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal) ||
                   name.StartsWith("Insert", StringComparison.Ordinal) || name.StartsWith("Push", StringComparison.Ordinal) ||
                   name.StartsWith("Enqueue", StringComparison.Ordinal) || name.StartsWith("TryAdd", StringComparison.Ordinal) ||
                   name.StartsWith("Set", StringComparison.Ordinal);
        }

        /// <summary>
        /// The symbol a write goes to: a local or parameter; a field or property of the component itself; or, for a
        /// member or element of a local object (<c>message.Text = x</c>, <c>arguments["input"] = x</c>), that local.
        /// </summary>
        private ISymbol? TrackedRoot(IOperation? target)
        {
            for (var depth = 0; target != null && depth < 16; depth++)
            {
                switch (target)
                {
                    case IConversionOperation conversion:
                        target = conversion.Operand;
                        continue;
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IDeclarationExpressionOperation declaration:
                        target = declaration.Expression;
                        continue;
                    case IMemberReferenceOperation member when member.Member is IFieldSymbol || member.Member is IPropertySymbol:
                        if ((member.Instance is null || member.Instance is IInstanceReferenceOperation) && member.Member.ContainingType is { } container &&
                            _componentTypes.Contains(container.OriginalDefinition))
                        {
                            return member.Member.OriginalDefinition;
                        }

                        target = member.Instance;
                        continue;
                    case IArrayElementReferenceOperation element:
                        target = element.ArrayReference;
                        continue;
                    case IImplicitIndexerReferenceOperation indexer:
                        target = indexer.Instance;
                        continue;
                    case IInvocationOperation { Instance: { Type: { } instanceType } instance } fluent
                        when !fluent.TargetMethod.ReturnsVoid && SymbolEqualityComparer.Default.Equals(fluent.TargetMethod.ReturnType, instanceType):
                        target = instance; // builder.Append(a).Append(b): the same builder.
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static IEnumerable<ILocalSymbol> Locals(IOperation target)
        {
            var pending = new Stack<IOperation>();
            pending.Push(target);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is ILocalReferenceOperation local)
                {
                    yield return local.Local;
                }

                foreach (var child in current.ChildOperations)
                {
                    pending.Push(child);
                }
            }
        }

        /// <summary>The value a pattern is matched against (<c>x is Customer c</c>: x; a property subpattern: that property).</summary>
        private static IOperation? PatternInput(IOperation pattern)
        {
            for (var current = pattern.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IIsPatternOperation isPattern:
                        return isPattern.Value;
                    case IPropertySubpatternOperation subpattern:
                        return subpattern.Member;
                    case ISwitchExpressionOperation switchExpression:
                        return switchExpression.Value;
                    case ISwitchOperation switchStatement:
                        return switchStatement.Value;
                }
            }

            return null;
        }

        private void AddWrite(ISymbol symbol, IOperation value)
        {
            if (!_writes.TryGetValue(symbol, out var list))
            {
                _writes[symbol] = list = new List<IOperation>(1);
            }

            list.Add(value);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

        private static string MemberName(INamedTypeSymbol? container, ISymbol member) =>
            container is null ? member.Name : ClassificationReader.DisplayName(container) + "." + member.Name;

        private static string MethodName(IMethodSymbol method) =>
            method.ContainingType is null ? method.Name + "()" : ClassificationReader.DisplayName(method.ContainingType) + "." + method.Name + "()";

        /// <summary>Sources and symbols found without following symbols.</summary>
        private sealed class Flow
        {
            public Flow(ImmutableArray<DataSource> sources, ImmutableArray<ISymbol> symbols)
            {
                Sources = sources;
                Symbols = symbols;
            }

            public ImmutableArray<DataSource> Sources { get; }

            public ImmutableArray<ISymbol> Symbols { get; }
        }

        private sealed class FlowBuilder
        {
            public List<DataSource>? Sources { get; private set; }

            public List<ISymbol>? Symbols { get; private set; }

            public void AddSource(DataSource source) => (Sources ??= new List<DataSource>()).Add(source);

            public void AddSymbol(ISymbol symbol) => (Symbols ??= new List<ISymbol>()).Add(symbol);

            public Flow Build() => new Flow(
                Sources is null ? ImmutableArray<DataSource>.Empty : Sources.ToImmutableArray(),
                Symbols is null ? ImmutableArray<ISymbol>.Empty : Symbols.ToImmutableArray());
        }
    }
}
