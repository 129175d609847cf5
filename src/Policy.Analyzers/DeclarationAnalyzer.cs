using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// Evaluates every Policy.Annotations declaration: completeness (POL007), unknown system ids (POL009), prohibited
    /// systems (POL012), duplicate ids (POL008) and what each system requires under the policy in force (POL002,
    /// POL003, POL005, POL006, POL013), aggregated per system id over its type, components and assembly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.MissingHumanOversight,
            Descriptors.MissingBiasEvaluation,
            Descriptors.MissingExplainability,
            Descriptors.MissingImpactAssessment,
            Descriptors.IncompleteDeclaration,
            Descriptors.DuplicateSystemId,
            Descriptors.UnknownSystem,
            Descriptors.ProhibitedSystem,
            Descriptors.MissingDataProvenance,
            Descriptors.StaleBiasEvaluation,
            Descriptors.StaleImpactAssessment,
            Descriptors.ExpiredExemption,
            Descriptors.UnjustifiedExemption);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Declarations in generated code (for example Razor components carrying @attribute [AiSystem(...)]) are
            // evidence like any other and are checked the same way.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            var policy = PolicyContext.Get(start.Compilation, start.Options);
            if (!policy.HasAnnotations)
            {
                return; // Without Policy.Annotations there can be no declaration.
            }

            start.RegisterSymbolAction(context => AnalyzeSymbol(context, policy), SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field);
            start.RegisterSyntaxNodeAction(context => AnalyzeAssemblyAttributes(context, policy), SyntaxKind.AttributeList);
        }

        private static void AnalyzeSymbol(SymbolAnalysisContext context, PolicyContext policy)
        {
            var declarations = DeclarationReader.ReadWithParameters(context.Symbol);
            if (!declarations.IsEmpty)
            {
                Evaluate(declarations, policy, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        private static void AnalyzeAssemblyAttributes(SyntaxNodeAnalysisContext context, PolicyContext policy)
        {
            var list = (AttributeListSyntax)context.Node;
            if (list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword))
            {
                return;
            }

            var mine = ImmutableArray.CreateBuilder<AttributeView>();
            foreach (var declaration in policy.Index.AssemblyDeclarations)
            {
                var reference = declaration.Data.ApplicationSyntaxReference;
                if (reference != null && reference.SyntaxTree == list.SyntaxTree && list.Span.Contains(reference.Span))
                {
                    mine.Add(declaration);
                }
            }

            if (mine.Count > 0)
            {
                Evaluate(mine.ToImmutable(), policy, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        private static void Evaluate(ImmutableArray<AttributeView> declarations, PolicyContext policy, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            DeclarationEvaluator.Evaluate(declarations, policy, findings, cancellationToken);
            foreach (var finding in findings)
            {
                report(Descriptors.ToDiagnostic(finding, policy.Baseline));
            }
        }
    }
}
