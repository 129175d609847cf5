using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// Applies [PolicyExemption]: a diagnostic of the named rule located inside the exempted type or method (or
    /// anywhere, for an assembly-level exemption) is reported as suppressed while the exemption is active (justified,
    /// approved, not expired on PolicyEvaluationDate). Suppressed diagnostics stay visible to tools: SARIF lists them
    /// under <c>suppressions</c>, and the evidence pack records each exemption as a risk acceptance.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolicyExemptionSuppressor : DiagnosticSuppressor
    {
        private static readonly ImmutableDictionary<string, SuppressionDescriptor> ByRule = Build();

        /// <inheritdoc />
        public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.ToImmutableArray();

        /// <inheritdoc />
        public override void ReportSuppressions(SuppressionAnalysisContext context)
        {
            foreach (var diagnostic in context.ReportedDiagnostics)
            {
                if (!ByRule.TryGetValue(diagnostic.Id, out var descriptor))
                {
                    continue;
                }

                var tree = diagnostic.Location.SourceTree;
                var settings = PolicyContext.Get(context.Compilation, context.Options).SettingsFor(tree);
                ISymbol? symbol = null;
                if (tree != null && context.Compilation.ContainsSyntaxTree(tree))
                {
                    var model = context.GetSemanticModel(tree);
                    var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                    for (var current = node; current != null && symbol is null; current = current.Parent)
                    {
                        if (current is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not FieldDeclarationSyntax and not EventFieldDeclarationSyntax)
                        {
                            symbol = model.GetDeclaredSymbol(current, context.CancellationToken);
                        }
                    }
                }

                if (ExemptionEvaluator.ActiveExemption(symbol, context.Compilation.Assembly, diagnostic.Id, settings) != null)
                {
                    context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
                }
            }
        }

        private static ImmutableDictionary<string, SuppressionDescriptor> Build()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, SuppressionDescriptor>();
            foreach (var id in Descriptors.AllIds)
            {
                if (!ExemptionEvaluator.NotExemptible.Contains(id))
                {
                    builder.Add(id, new SuppressionDescriptor("POLX" + id.Substring(3), id, "Exempted by an active [PolicyExemption] (a recorded, approved, time-limited risk acceptance)."));
                }
            }

            return builder.ToImmutable();
        }
    }
}
