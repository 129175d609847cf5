using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Policy.Model
{
    /// <summary>
    /// The analyses of the rule set, named so that the benchmark can time each one alone (bench/Policy.Benchmarks,
    /// docs/performance.md). Production runs all of them; nothing but the benchmark sets <see cref="PolicyAnalysisSwitch.SwitchKey"/>.
    /// </summary>
    [Flags]
    public enum PolicyAnalyses
    {
        /// <summary>No analysis.</summary>
        None = 0,

        /// <summary>POL001: AI use per type (AiInventoryAnalyzer).</summary>
        Inventory = 1,

        /// <summary>The declaration rules (DeclarationAnalyzer), POL015's event-logging observation included.</summary>
        Declarations = 2,

        /// <summary>POL010/POL011 on AI calls (DataFlowAnalyzer's AI-call recognition and the flow analysis of their bodies).</summary>
        DataFlow = 4,

        /// <summary>POL040 and what tools return to the model (tool registrations, AIFunction subclasses, MCP server tools).</summary>
        Tools = 8,

        /// <summary>POL041: untrusted input in system prompts.</summary>
        Prompts = 16,

        /// <summary>POL016: telemetry that records message content (sensitive-data switches in code).</summary>
        Telemetry = 32,

        /// <summary>POL050: model ids stated in code.</summary>
        Models = 64,

        /// <summary>Every analysis (what runs outside the benchmark).</summary>
        All = Inventory | Declarations | DataFlow | Tools | Prompts | Telemetry | Models,
    }

    /// <summary>Reads the benchmark's analysis switch.</summary>
    public static class PolicyAnalysisSwitch
    {
        /// <summary>
        /// The global option (an MSBuild property made compiler-visible, or a .globalconfig key) that limits the analyses to
        /// a comma-separated list of <see cref="PolicyAnalyses"/> names. For the benchmark only; absent, everything runs.
        /// </summary>
        public const string SwitchKey = "build_property.PolicyBenchmarkAnalyses";

        /// <summary>The analyses to run: <see cref="PolicyAnalyses.All"/> unless the benchmark's switch names some.</summary>
        /// <remarks>One dictionary look-up per analyzer per compilation: the cost of the switch in production.</remarks>
        public static PolicyAnalyses Enabled(AnalyzerOptions options)
        {
            if (!options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(SwitchKey, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return PolicyAnalyses.All;
            }

            var enabled = PolicyAnalyses.None;
            foreach (var part in value.Split(','))
            {
                var name = part.Trim();
                for (var i = 0; i < Names.Length; i++)
                {
                    if (string.Equals(name, Names[i], StringComparison.OrdinalIgnoreCase))
                    {
                        enabled |= Values[i];
                    }
                }
            }

            return enabled;
        }

        // The names, written out: Enum.TryParse<PolicyAnalyses> is framework code over our enum, which the runtime
        // JIT-compiles in every build that sets the switch (DeclarationKindNamesTests checks every name against Enum.TryParse).
        private static readonly string[] Names = { "None", "Inventory", "Declarations", "DataFlow", "Tools", "Prompts", "Telemetry", "Models", "All" };

        private static readonly PolicyAnalyses[] Values =
        {
            PolicyAnalyses.None, PolicyAnalyses.Inventory, PolicyAnalyses.Declarations, PolicyAnalyses.DataFlow, PolicyAnalyses.Tools,
            PolicyAnalyses.Prompts, PolicyAnalyses.Telemetry, PolicyAnalyses.Models, PolicyAnalyses.All,
        };

        /// <summary>True when <paramref name="analysis"/> (any of its flags) is enabled.</summary>
        public static bool Has(this PolicyAnalyses enabled, PolicyAnalyses analysis) => (enabled & analysis) != 0;
    }
}
