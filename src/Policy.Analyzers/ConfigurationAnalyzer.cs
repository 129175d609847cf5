using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Rules;
using Policy.Model.Baseline;
using Policy.Model.Settings;

namespace Policy.Analyzers
{
    /// <summary>
    /// POL090: an invalid policy configuration value (in .globalconfig, any .editorconfig section that applies to a
    /// file of the compilation, or the PolicyEvaluationDate property), reported once per compilation per key and value.
    /// A compilation-end diagnostic: configuration belongs to no symbol.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ReportedBy(RuleReporter.ConfigurationAnalyzer)
            .AddRange(Descriptors.ReportedBy(RuleReporter.Cli)); // CLI-only rules (POL030: file checks) are listed here so they are known, configurable rules.

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(end =>
                {
                    // Settings matter only where a rule can run: a project that can neither use AI nor declare nor
                    // baseline anything has nothing to misconfigure.
                    if (!PolicyGate.MayUseAi(end.Compilation, end.Options) && !PolicyGate.MayDeclare(end.Compilation) && !PolicyGate.HasBaselineFile(end.Options))
                    {
                        return;
                    }

                    var policy = PolicyContext.Get(end.Compilation, end.Options);
                    var seen = new SortedDictionary<string, ConfigurationError>(System.StringComparer.Ordinal);
                    Add(policy.GlobalSettings, seen);
                    foreach (var tree in end.Compilation.SyntaxTrees)
                    {
                        Add(policy.SettingsFor(tree), seen);
                    }

                    foreach (var error in seen.Values)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, error.Key, error.Value, error.Expected));
                    }

                    foreach (var (location, text) in policy.Baseline.Errors)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, location, PolicyBaseline.FileName, text, "'POLxxx <documentation id>', for example 'POL001 T:Contoso.SupportBot'"));
                    }
                });
        }

        private static void Add(PolicySettings settings, SortedDictionary<string, ConfigurationError> seen)
        {
            foreach (var error in settings.Errors)
            {
                var key = error.Key + "\u0000" + error.Value;
                if (!seen.ContainsKey(key))
                {
                    seen.Add(key, error);
                }
            }
        }
    }
}
