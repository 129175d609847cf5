using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Detection;
using Policy.Model;
using Policy.Model.Rules;
using Policy.Model.DataFlow;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// POL010 (unclassified data reaches an AI call) and POL011 (personal data reaches an AI system that does not declare
    /// ProcessesPersonalData); also how AI clients are configured: POL016 (telemetry records message content of a system
    /// that processes personal data) and POL050 (a constant model id not on the approved list). Per method body: an invocation action recognises AI calls; the first one found makes the
    /// model index that method's operation tree once (<see cref="MethodDataFlow"/>), and each call is judged on the
    /// sources that reach its data arguments. Methods without an AI call cost one name look-up per invocation.
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

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            if (!PolicyGate.MayUseAi(start.Compilation, start.Options))
            {
                return;
            }

            // One invocation action for the whole compilation (no per-body start action): most invocations are dismissed
            // by name; the first AI call of a body makes the model index that body once, shared by its other AI calls.
            // The catalogue and the classification reader are built on first use (not here: that would bind every
            // reference at compilation start).
            var policy = PolicyContext.Get(start.Compilation, start.Options);
            var bodies = new ConditionalWeakTable<IOperation, MethodFlowHolder>();
            start.RegisterOperationAction(
                operation =>
                {
                    if (policy.Matcher.IsEmpty)
                    {
                        return; // No AI SDK type referenced and none configured: no AI call can exist.
                    }

                    if (IsAiCodeCandidate(((IInvocationOperation)operation.Operation).TargetMethod.Name))
                    {
                        ReportAiCode(operation.Operation, operation.ContainingSymbol, policy, operation.ReportDiagnostic, operation.CancellationToken);
                    }

                    var dataFlow = policy.DataFlow;
                    var sink = dataFlow.Sink(operation.Operation);
                    if (sink is null || operation.ContainingSymbol?.ContainingType is not { } owner)
                    {
                        return;
                    }

                    var root = operation.Operation;
                    while (root.Parent != null)
                    {
                        root = root.Parent;
                    }

                    var method = bodies.GetValue(root, r => new MethodFlowHolder(dataFlow, owner, ImmutableArray.Create(r)));
                    var findings = method.Evaluate(sink, operation.CancellationToken);
                    if (findings is null)
                    {
                        return;
                    }

                    foreach (var finding in findings)
                    {
                        operation.ReportDiagnostic(Descriptors.ToDiagnostic(finding, policy.Baseline));
                    }
                },
                OperationKind.Invocation);

            // POL016 and POL050 outside invocations: `EnableSensitiveData = true`, `ModelId = "..."` (assignments, object
            // initializers, UseOpenTelemetry's configure lambda) and `new OllamaApiClient(uri, "model")`. Syntax-node actions
            // so that everything else is dismissed on its name, before anything is bound.
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (!IsAiCodeSyntax(node.Node) || policy.Matcher.IsEmpty ||
                        node.SemanticModel.GetOperation(node.Node, node.CancellationToken) is not { } operation)
                    {
                        return;
                    }

                    ReportAiCode(operation, node.ContainingSymbol, policy, node.ReportDiagnostic, node.CancellationToken);
                },
                SyntaxKind.SimpleAssignmentExpression, SyntaxKind.ObjectCreationExpression);
        }

        private static bool IsAiCodeCandidate(string methodName) => methodName == "SetSwitch" || ModelReferences.IsCandidateMethod(methodName);

        private static bool IsAiCodeSyntax(SyntaxNode node) => node switch
        {
            AssignmentExpressionSyntax assignment => SyntaxNames.Rightmost(assignment.Left) is Telemetry.SensitiveDataProperty or ModelReferences.ModelIdProperty,
            ObjectCreationExpressionSyntax creation => SyntaxNames.Rightmost(creation.Type) is { } name && ModelReferences.IsCandidateType(name),
            _ => false,
        };

        private static void ReportAiCode(IOperation operation, ISymbol? containingSymbol, PolicyContext policy, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var owner = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType;
            var findings = new List<Finding>();
            AiCodeEvaluator.Evaluate(operation, owner, policy, findings, cancellationToken);
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
