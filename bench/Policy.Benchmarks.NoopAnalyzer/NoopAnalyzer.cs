using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Policy.Benchmarks.NoopAnalyzer
{
    /// <summary>
    /// Registers every action Policy.Analyzers registers when a compilation uses AI and declares it (symbol start/end on
    /// types with the detector's operation kinds, an invocation/creation/assignment action, semantic-model actions per file
    /// (declarations, MCP tools), a compilation action) and does nothing in them: the cost Roslyn's driver imposes on any analyzer of that
    /// shape. Keep it in step with the analyzers' registrations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoopAnalyzer : DiagnosticAnalyzer
    {
        // A warning, like Policy.Analyzers' rules: the command-line compiler skips an analyzer whose every diagnostic is
        // hidden (it would never report), so a Hidden descriptor made the no-op floor of the build mode measure nothing.
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "NOOP001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        private static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
            OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.VariableDeclarator, OperationKind.PropertyReference,
            OperationKind.FieldReference, OperationKind.EventReference, OperationKind.MethodReference, OperationKind.AnonymousFunction,
            OperationKind.LocalFunction, OperationKind.TypeOf);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                // AiInventoryAnalyzer: symbol start/end on types with the detector's operation kinds.
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        symbolStart.RegisterOperationAction(_ => { }, Kinds);
                        symbolStart.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);

                // DataFlowAnalyzer: one operation action (AI calls, tool registrations, system prompts) and one semantic-model
                // action per file (MCP server tools).
                start.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
                start.RegisterSemanticModelAction(_ => { });

                // DeclarationAnalyzer: one semantic-model action per file (its declarations' attribute lists).
                start.RegisterSemanticModelAction(_ => { });
            });
            context.RegisterCompilationAction(_ => { }); // ConfigurationAnalyzer
        }
    }
}
