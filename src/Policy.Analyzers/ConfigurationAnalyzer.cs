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
                    var seen = new Dictionary<string, ConfigurationError>(System.StringComparer.Ordinal); // sorted below: a SortedDictionary is framework code over KeyValuePair, JIT-compiled in every build
                    Add(policy.GlobalSettings, seen);
                    foreach (var tree in end.Compilation.SyntaxTrees)
                    {
                        Add(policy.SettingsFor(tree), seen);
                    }

                    var keys = new List<string>(seen.Keys);
                    keys.Sort(System.StringComparer.Ordinal);
                    foreach (var key in keys)
                    {
                        var error = seen[key];
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, Location.None, error.Key, error.Value, error.Expected));
                    }

                    foreach (var error in policy.Baseline.Errors)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidConfiguration, error.Location, PolicyBaseline.FileName, error.Text, "'POLxxx <documentation id>', for example 'POL001 T:Contoso.SupportBot'"));
                    }
                });
        }

        private static void Add(PolicySettings settings, Dictionary<string, ConfigurationError> seen)
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
