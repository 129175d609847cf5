using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model;
using Policy.Model.Rules;
using Policy.Model.DataFlow;
using Policy.Model.Detection;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// POL010 (unclassified data reaches an AI call, or is returned to the model by a tool), POL011 (personal data does,
    /// and the AI system does not declare ProcessesPersonalData), POL040 (a tool of a system that needs approval is not
    /// approval-gated) POL041 (untrusted input reaches system-role content); also how AI clients are configured: POL016 (telemetry records
    /// message content of a system that processes personal data) and POL050 (a constant model id not on the approved list). Per method body: an operation action
    /// recognises AI calls, tool registrations and system prompts; the first one found makes the
    /// model index that method's operation tree once (<see cref="MethodDataFlow"/>), and each call is judged on the
    /// sources that reach its data arguments. Types whose code cannot reach an AI type (<see cref="Policy.Model.Detection.AiReach"/>)
    /// register nothing; in the others, methods without an AI call cost one name look-up per invocation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DataFlowAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ReportedBy(RuleReporter.DataFlowAnalyzer);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Razor components are generated C#: their calls to AI clients with bound model data are analysed and
            // reported like any other code.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        // Invocations (AI calls, tool registrations, system messages added by a call), object creations (AIFunction
        // subclasses, system ChatMessages, agents) and assignments (Instructions, EnableSensitiveData, ModelId).
        private static readonly ImmutableArray<OperationKind> OperationKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            // The benchmark times each analysis of this analyzer alone (PolicyAnalyses); production runs them all.
            var enabled = PolicyAnalysisSwitch.Enabled(start.Options) &
                          (PolicyAnalyses.DataFlow | PolicyAnalyses.Tools | PolicyAnalyses.Prompts | PolicyAnalyses.Telemetry | PolicyAnalyses.Models);
            if (enabled == PolicyAnalyses.None || !PolicyGate.MayUseAi(start.Compilation, start.Options))
            {
                return;
            }

            // One invocation action for the whole compilation (no per-body start action): most invocations are dismissed
            // by name; the first AI call of a body makes the model index that body once, shared by its other AI calls.
            // The catalogue and the classification reader are built on first use (not here: that would bind every
            // reference at compilation start).
            var policy = PolicyContext.Get(start.Compilation, start.Options);
            var bodies = new ConditionalWeakTable<IOperation, MethodFlowHolder>();
            var judgedTools = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            var aiCode = enabled.Has(PolicyAnalyses.Telemetry | PolicyAnalyses.Models);
            var tools = enabled.Has(PolicyAnalyses.Tools);
            var prompts = enabled.Has(PolicyAnalyses.Prompts);
            // One operation action per type that can reach AI (AiReach: the same sound filter as POL001's; the types whose
            // code names nothing that can reach an AI type, nor a name the telemetry and model checks start from, register
            // nothing): invocations (AI calls, tool registrations, system messages added by a call), object creations
            // (AIFunction subclasses, system ChatMessages, agents) and assignments (Instructions). Almost every operation
            // is dismissed by a method, type or property name.
            Action<OperationAnalysisContext> onOperation =
                (operation) =>
                {
                    // POL016 and POL050 outside invocations: `EnableSensitiveData = true`, `ModelId = "..."` (assignments,
                    // object initializers, UseOpenTelemetry's configure lambda) and `new OllamaApiClient(uri, "model")`,
                    // dismissed on the syntax's name before anything else is bound.
                    if (operation.Operation.Kind != OperationKind.Invocation && aiCode && IsAiCodeSyntax(operation.Operation.Syntax))
                    {
                        ReportAiCode(operation.Operation, operation.ContainingSymbol, policy, enabled, operation.ReportDiagnostic, operation.CancellationToken);
                    }

                    switch (operation.Operation)
                    {
                        case IInvocationOperation invocation:
                            OnInvocation(operation, invocation, policy, enabled, bodies, judgedTools);
                            break;
                        case IObjectCreationOperation { Type: INamedTypeSymbol type }:
                            if (tools && ToolDetector.IsToolCreation(type))
                            {
                                JudgeTools(operation, policy, judgedTools);
                            }

                            if (prompts)
                            {
                                JudgePrompt(operation, policy, bodies);
                            }

                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Instructions" } } when prompts:
                            JudgePrompt(operation, policy, bodies);
                            break;
                    }
                };
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
                    {
                        return; // No body.
                    }

                    // While another callback builds the matcher or the filter, the type is analysed in full rather than waited for.
                    if (policy.MatcherIfBuilt() is { } matcher && (matcher.IsEmpty || (policy.ReachIfBuilt() is { } reach && !reach.MayUseAi(type))))
                    {
                        return; // No AI SDK type referenced nor configured, or no code that can reach an AI type.
                    }

                    symbolStart.RegisterOperationAction(
                        operation =>
                        {
                            // A type's scope sees its nested types' operations too; they are judged in their own scope.
                            if (SymbolScope.OwningType(operation.ContainingSymbol) is { } owning && !ReferenceEquals(owning, type) && !SymbolEqualityComparer.Default.Equals(owning, type))
                            {
                                return;
                            }

                            onOperation(operation);
                        },
                        OperationKinds);
                },
                SymbolKind.NamedType);

            if (!tools)
            {
                return;
            }

            // MCP server tools are declared, not registered in code: a method whose attributes name McpServerTool. One
            // semantic-model action per file walks the file's type members on their syntax (never a body), instead of a
            // syntax-node action on every method declaration.
            start.RegisterSemanticModelAction(context =>
            {
                // Without ModelContextProtocol's attribute in sight (no reference, no source declaring it) no method is an MCP
                // tool: the file's members are not walked (answered once per compilation, on the first file).
                if (policy.MayDeclareMcpTools && context.SemanticModel.SyntaxTree.GetRoot(context.CancellationToken) is CompilationUnitSyntax root)
                {
                    FindMcpTools(root.Members, context, policy, judgedTools);
                }
            });
        }

        private static void FindMcpTools(SyntaxList<MemberDeclarationSyntax> members, SemanticModelAnalysisContext context, PolicyContext policy, ConcurrentDictionary<ISymbol, bool> judgedTools)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        FindMcpTools(ns.Members, context, policy, judgedTools);
                        break;
                    case TypeDeclarationSyntax type:
                        FindMcpTools(type.Members, context, policy, judgedTools);
                        break;
                    case MethodDeclarationSyntax declaration:
                        if (declaration.AttributeLists.Count == 0 || !NamesMcpTool(declaration.AttributeLists) || policy.Matcher.IsEmpty ||
                            context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method ||
                            ToolDetector.McpTool(method) is not { } tool)
                        {
                            break;
                        }

                        JudgeTool(tool, policy, judgedTools, context.SemanticModel, context.ReportDiagnostic, context.CancellationToken);
                        break;
                }
            }
        }

        private static void OnInvocation(OperationAnalysisContext operation, IInvocationOperation invocation, PolicyContext policy, PolicyAnalyses enabled, ConditionalWeakTable<IOperation, MethodFlowHolder> bodies, ConcurrentDictionary<ISymbol, bool> judgedTools)
        {
            var name = invocation.TargetMethod.Name;
            if (IsAiCodeCandidate(name) && enabled.Has(PolicyAnalyses.Telemetry | PolicyAnalyses.Models))
            {
                ReportAiCode(invocation, operation.ContainingSymbol, policy, enabled, operation.ReportDiagnostic, operation.CancellationToken);
            }

            if (ToolDetector.MayRegister(name) && enabled.Has(PolicyAnalyses.Tools))
            {
                JudgeTools(operation, policy, judgedTools);
            }

            if (PromptSinks.MayBeSink(name) && enabled.Has(PolicyAnalyses.Prompts))
            {
                JudgePrompt(operation, policy, bodies);
            }

            if (!enabled.Has(PolicyAnalyses.DataFlow))
            {
                return;
            }

            var dataFlow = policy.DataFlow;
            var sink = dataFlow.Sink(invocation);
            if (sink is null || operation.ContainingSymbol?.ContainingType is not { } owner)
            {
                return;
            }

            var method = Holder(bodies, dataFlow, owner, invocation);
            Report(operation, policy, method.Evaluate(sink, operation.CancellationToken));
        }

        private static bool NamesMcpTool(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText :
                        attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText : string.Empty;
                    if (name == "McpServerTool" || name == "McpServerToolAttribute")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static MethodFlowHolder Holder(ConditionalWeakTable<IOperation, MethodFlowHolder> bodies, DataFlowContext dataFlow, INamedTypeSymbol owner, IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return bodies.GetValue(root, r => new MethodFlowHolder(dataFlow, owner, ImmutableArray.Create(r)));
        }

        private static void Report(OperationAnalysisContext operation, PolicyContext policy, List<Finding>? findings)
        {
            if (findings is null)
            {
                return;
            }

            foreach (var finding in findings)
            {
                operation.ReportDiagnostic(Descriptors.ToDiagnostic(finding, policy.Baseline));
            }
        }

        /// <summary>POL041: the system-role content an operation writes, judged on the untrusted input that reaches it.</summary>
        private static void JudgePrompt(OperationAnalysisContext operation, PolicyContext policy, ConditionalWeakTable<IOperation, MethodFlowHolder> bodies)
        {
            if (PromptSinks.Recognise(operation.Operation) is not { } sink || sink.Values.IsEmpty ||
                operation.ContainingSymbol?.ContainingType is not { } owner)
            {
                return;
            }

            var method = Holder(bodies, policy.DataFlow, owner, operation.Operation);
            Report(operation, policy, method.EvaluatePrompt(sink, operation.CancellationToken));
        }

        /// <summary>The tools an invocation or creation registers: POL040, and POL010/POL011 on what they return.</summary>
        private static void JudgeTools(OperationAnalysisContext operation, PolicyContext policy, ConcurrentDictionary<ISymbol, bool> judged)
        {
            if (operation.ContainingSymbol?.ContainingType is not { } registrar)
            {
                return;
            }

            var tools = new List<ToolRegistration>();
            ToolDetector.Recognise(operation.Operation, registrar, tools);
            foreach (var tool in tools)
            {
                JudgeTool(tool, policy, judged, operation.Operation.SemanticModel, operation.ReportDiagnostic, operation.CancellationToken);
            }
        }

        private static void JudgeTool(ToolRegistration tool, PolicyContext policy, ConcurrentDictionary<ISymbol, bool> judged, SemanticModel? model, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            // A method registered twice (two agents, two plugins) is judged once; its findings do not depend on where.
            if (!judged.TryAdd(tool.Method, true))
            {
                return;
            }

            var findings = new List<Finding>();
            ToolEvaluator.Evaluate(tool, policy, findings);
            var compilation = policy.Compilation;
            var body = tool.Lambda ?? ToolDetector.BodyOf(tool.Method, compilation, model, cancellationToken);
            if (body != null)
            {
                var dataFlow = policy.DataFlow;
                var owner = tool.Lambda is null ? tool.Method.ContainingType : tool.Registrar;
                var sources = dataFlow.ToolSources(owner, body, helper => ToolDetector.BodyOf(helper, compilation, model, cancellationToken), cancellationToken);
                DataFlowEvaluator.EvaluateTool(dataFlow, tool, sources, findings);
            }

            foreach (var finding in findings)
            {
                report(Descriptors.ToDiagnostic(finding, policy.Baseline));
            }
        }

        private static bool IsAiCodeCandidate(string methodName) => methodName == "SetSwitch" || ModelReferences.IsCandidateMethod(methodName);

        private static bool IsAiCodeSyntax(SyntaxNode node) => node switch
        {
            AssignmentExpressionSyntax assignment => SyntaxNames.Rightmost(assignment.Left) is Telemetry.SensitiveDataProperty or ModelReferences.ModelIdProperty,
            ObjectCreationExpressionSyntax creation => SyntaxNames.Rightmost(creation.Type) is { } name && ModelReferences.IsCandidateType(name),
            _ => false,
        };

        private static void ReportAiCode(IOperation operation, ISymbol? containingSymbol, PolicyContext policy, PolicyAnalyses enabled, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var owner = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
            var findings = new List<Finding>();
            AiCodeEvaluator.Evaluate(operation, owner, policy, findings, cancellationToken, enabled.Has(PolicyAnalyses.Telemetry), enabled.Has(PolicyAnalyses.Models));
            foreach (var finding in findings)
            {
                report(Descriptors.ToDiagnostic(finding, policy.Baseline));
            }
        }

        /// <summary>
        /// The flow analysis of one method body, created when its first AI call is seen. Shared with the baseline
        /// check so that both judge calls the same way.
        /// </summary>
        internal sealed class MethodFlowHolder
        {
            private readonly DataFlowContext _dataFlow;
            private readonly INamedTypeSymbol _owner;
            private readonly ImmutableArray<IOperation> _blocks;
            private readonly object _gate = new object();
            private MethodDataFlow? _flow;

            public MethodFlowHolder(DataFlowContext dataFlow, INamedTypeSymbol owner, ImmutableArray<IOperation> blocks)
            {
                _dataFlow = dataFlow;
                _owner = owner;
                _blocks = blocks;
            }

            /// <summary>The findings of an invocation; null when it is not an AI call or nothing is found.</summary>
            public List<Finding>? Evaluate(IOperation operation, CancellationToken cancellationToken)
            {
                var sink = _dataFlow.Sink(operation);
                return sink is null ? null : Evaluate(sink, cancellationToken);
            }

            /// <summary>POL041's findings for a system prompt written in this body; null when nothing is found.</summary>
            public List<Finding>? EvaluatePrompt(PromptSink sink, CancellationToken cancellationToken)
            {
                var findings = new List<Finding>();
                lock (_gate)
                {
                    _flow ??= _dataFlow.Analyze(_owner, _blocks, cancellationToken);
                    DataFlowEvaluator.EvaluatePrompt(_dataFlow, sink, _flow, _owner, findings);
                }

                return findings.Count == 0 ? null : findings;
            }

            /// <summary>The findings of a recognised AI call of this body; null when nothing is found.</summary>
            public List<Finding>? Evaluate(AiSinkCall sink, CancellationToken cancellationToken)
            {
                var findings = new List<Finding>();
                lock (_gate)
                {
                    _flow ??= _dataFlow.Analyze(_owner, _blocks, cancellationToken);
                    DataFlowEvaluator.Evaluate(_dataFlow, sink, _flow, _owner, findings, cancellationToken);
                }

                return findings.Count == 0 ? null : findings;
            }
        }
    }
}
