using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.Tests.Robustness;
using Policy.Model;
using Policy.Model.Declarations;
using Policy.Model.Settings;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>
    /// PolicyAttributes writes the names of the declaration kinds out (no reflection over the enum at start-up): they must
    /// stay the enum's names, in its order, so that a new kind cannot be forgotten there.
    /// </summary>
    public sealed class DeclarationKindNamesTests
    {
        [Fact]
        public void WrittenNames_AreTheEnumsNames_InOrder()
        {
            Assert.Equal(Enum.GetNames(typeof(DeclarationKind)), PolicyAttributes.AllNames);
            foreach (DeclarationKind kind in Enum.GetValues(typeof(DeclarationKind)))
            {
                Assert.Equal(kind.ToString(), PolicyAttributes.ShortName(kind));
            }

            Assert.DoesNotContain("Classification", PolicyAttributes.RuleBearingNames);
            Assert.Equal(Enum.GetNames(typeof(DeclarationKind)).Length - 1, PolicyAttributes.RuleBearingNames.Count);
        }

        [Fact]
        public void AnalysisSwitch_ReadsWhatEnumTryParseReads()
        {
            // The switch's names are written out too (Enum.TryParse<PolicyAnalyses> is JIT-compiled in every build that sets it).
            var values = new List<string> { "", " ", "All", "none", "nothing", "DATAFLOW", "Inventory,Tools", " prompts , telemetry ", "models,,x", "All,None" };
            foreach (var name in Enum.GetNames(typeof(PolicyAnalyses)))
            {
                values.Add(name);
                values.Add(name.ToLowerInvariant());
                values.Add(name.ToUpperInvariant() + ",Declarations");
            }

            foreach (var value in values)
            {
                var expected = PolicyAnalyses.None;
                foreach (var part in value.Split(','))
                {
                    if (Enum.TryParse<PolicyAnalyses>(part.Trim(), ignoreCase: true, out var analysis) && Enum.IsDefined(typeof(PolicyAnalyses), analysis))
                    {
                        expected |= analysis;
                    }
                }

                if (string.IsNullOrWhiteSpace(value))
                {
                    expected = PolicyAnalyses.All;
                }

                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(new Dictionary<string, string> { [PolicyAnalysisSwitch.SwitchKey] = value }));
                Assert.Equal(expected, PolicyAnalysisSwitch.Enabled(options));
            }
        }

        [Fact]
        public void RequirementKeys_AreTheRiskLevelsNames()
        {
            foreach (RiskLevel level in Enum.GetValues(typeof(RiskLevel)))
            {
                Assert.Equal("policy.requirements." + level.ToString().ToLowerInvariant(), PolicySettings.RequirementsKey(level));
            }
        }
    }
}
