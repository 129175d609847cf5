using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Rules;
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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ReportedBy(RuleReporter.BaselineAnalyzer);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is analysed (not reported in) so that data-flow findings in Razor components count as current.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.RegisterCompilationStartAction(start =>
            {
                if (!PolicyGate.HasBaselineFile(start.Options))
                {
                    return;
                }

                var policy = PolicyContext.Get(start.Compilation, start.Options);
                if (policy.Baseline.IsEmpty)
                {
                    return;
                }

                // POL010/POL011 are judged per AI call inside method bodies: re-run the same evaluation, only when the
                // baseline lists such entries, and remember which (rule, type) pairs are still found.
                var current = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
                if (HasDataFlowEntries(policy.Baseline) && !policy.Matcher.IsEmpty)
                {
                    var dataFlow = policy.DataFlow;
                    start.RegisterOperationBlockStartAction(block =>
                    {
                        if (block.OwningSymbol?.ContainingType is not { } owner)
                        {
                            return;
                        }

                        var method = new DataFlowAnalyzer.MethodFlowHolder(dataFlow, owner, block.OperationBlocks);
                        block.RegisterOperationAction(
                            operation =>
                            {
                                var findings = method.Evaluate(operation.Operation, operation.CancellationToken);
                                if (findings is null)
                                {
                                    return;
                                }

                                foreach (var finding in findings)
                                {
                                    if (PolicyBaseline.SymbolId(finding.Subject) is { } id)
                                    {
                                        current[PolicyBaseline.Key(finding.RuleId, id)] = true;
                                    }
                                }
                            },
                            OperationKind.Invocation);
                    });
                }

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var entry in policy.Baseline.Entries)
                    {
                        var reason = WhyStale(entry, policy, current, end.CancellationToken);
                        if (reason != null)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.StaleBaselineEntry, entry.Location, entry.Text, reason));
                        }
                    }
                });
            });
        }

        private static bool HasDataFlowEntries(PolicyBaseline baseline)
        {
            foreach (var entry in baseline.Entries)
            {
                if (IsDataFlowRule(entry.RuleId))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDataFlowRule(string ruleId) => ruleId == RuleIds.UnclassifiedData || ruleId == RuleIds.UndeclaredPersonalData;

        private static string? WhyStale(BaselineEntry entry, PolicyContext policy, ConcurrentDictionary<string, bool> dataFlowFindings, System.Threading.CancellationToken cancellationToken)
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
                if (policy.Matcher.IsEmptyIncludingUnresolved)
                {
                    return "the project no longer references any AI SDK";
                }

                return symbol is INamedTypeSymbol type && !DeclarationReader.CoveringSystems(type).IsEmpty
                    ? "the type is now declared in the AI inventory"
                    : null;
            }

            if (IsDataFlowRule(entry.RuleId))
            {
                return dataFlowFindings.ContainsKey(entry.Key) ? null : "the finding has been fixed";
            }

            if (entry.RuleId == RuleIds.SensitiveTelemetry || entry.RuleId == RuleIds.UnapprovedModel)
            {
                var found = new List<Finding>();
                if (symbol is INamedTypeSymbol owner)
                {
                    AiCodeEvaluator.EvaluateType(owner, policy, found, cancellationToken);
                }

                return found.Exists(f => f.RuleId == entry.RuleId) ? null : "the finding has been fixed";
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
