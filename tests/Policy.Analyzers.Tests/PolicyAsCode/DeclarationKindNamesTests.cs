using System;
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
        public void RequirementKeys_AreTheRiskLevelsNames()
        {
            foreach (RiskLevel level in Enum.GetValues(typeof(RiskLevel)))
            {
                Assert.Equal("policy.requirements." + level.ToString().ToLowerInvariant(), PolicySettings.RequirementsKey(level));
            }
        }
    }
}
