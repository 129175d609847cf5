using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Baseline;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// POL022: an entry of policy.baseline.txt that matches no current finding (the symbol was renamed or removed, or
    /// the finding was fixed), reported at the entry's line so the baseline only shrinks. The entry is re-checked
    /// with the same model evaluation the analyzers use.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BaselineAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.StaleBaselineEntry);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(compilationContext =>
            {
                var policy = PolicyContext.Get(compilationContext.Compilation, compilationContext.Options);
                foreach (var entry in policy.Baseline.Entries)
                {
                    var reason = WhyStale(entry, policy, compilationContext.CancellationToken);
                    if (reason != null)
                    {
                        compilationContext.ReportDiagnostic(Diagnostic.Create(Descriptors.StaleBaselineEntry, entry.Location, entry.Text, reason));
                    }
                }
            });
        }

        private static string? WhyStale(BaselineEntry entry, PolicyContext policy, System.Threading.CancellationToken cancellationToken)
        {
            var known = new HashSet<string>(Descriptors.AllIds);
            if (!known.Contains(entry.RuleId) || ExemptionEvaluator.NotExemptible.Contains(entry.RuleId))
            {
                return entry.RuleId + " is not a rule that can be baselined";
            }

            var compilation = policy.Compilation;
            ISymbol? symbol = entry.SymbolId.StartsWith("A:", System.StringComparison.Ordinal)
                ? (entry.SymbolId.Substring(2) == compilation.AssemblyName ? compilation.Assembly : null)
                : DocumentationCommentId.GetFirstSymbolForDeclarationId(entry.SymbolId, compilation);
            if (symbol is null || (symbol is not IAssemblySymbol && !symbol.ContainingAssembly.Equals(compilation.Assembly, SymbolEqualityComparer.Default)))
            {
                return "'" + entry.SymbolId + "' is not declared in this project (renamed or removed)";
            }

            if (entry.RuleId == RuleIds.UndeclaredAiComponent)
            {
                if (policy.Matcher.IsEmpty)
                {
                    return "the project no longer references any AI SDK";
                }

                return symbol is INamedTypeSymbol type && !DeclarationReader.CoveringSystems(type).IsEmpty
                    ? "the type is now declared in the AI inventory"
                    : null;
            }

            return StillReported(entry.RuleId, symbol, policy, cancellationToken) ? null : "the finding has been fixed";
        }

        private static bool StillReported(string ruleId, ISymbol symbol, PolicyContext policy, System.Threading.CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            DeclarationEvaluator.Evaluate(DeclarationReader.ReadWithParameters(symbol), policy, findings, cancellationToken);
            foreach (var finding in findings)
            {
                if (finding.RuleId == ruleId && SymbolEqualityComparer.Default.Equals(finding.Subject, symbol))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
