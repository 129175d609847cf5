using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Policy.Benchmarks.NoopAnalyzer
{
    /// <summary>
    /// Registers every action Policy.Analyzers registers when a compilation uses AI and declares it (symbol start/end on
    /// types with the detector's operation kinds, operation blocks, symbol actions on types, methods, properties and
    /// fields, attribute-list syntax, two compilation actions) and does nothing in them: the cost Roslyn's driver
    /// imposes on any analyzer of that shape.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoopAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "NOOP001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

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
                start.RegisterSymbolStartAction(
                    symbolStart =>
                    {
                        symbolStart.RegisterOperationAction(_ => { }, Kinds);
                        symbolStart.RegisterSymbolEndAction(_ => { });
                    },
                    SymbolKind.NamedType);
                start.RegisterOperationBlockStartAction(block =>
                {
                    block.RegisterOperationAction(_ => { }, Kinds);
                    block.RegisterOperationBlockEndAction(_ => { });
                });
                start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field);
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.AttributeList);
            });
            context.RegisterCompilationAction(_ => { });
            context.RegisterCompilationAction(_ => { });
        }
    }
}
