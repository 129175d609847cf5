using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.CodeFixes;
using Policy.Analyzers.Tests.Infrastructure;
using Policy.Annotations;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;
using Policy.Model.Rules;

namespace Policy.Analyzers.Tests.Catalogue
{
    /// <summary>
    /// The rule catalogue (Policy.Model.Rules.RuleCatalogue) is the one truth about a rule: every place that repeats
    /// it (RuleIds, descriptors, analyzers' supported diagnostics, fixes, docs pages, docs index, README table,
    /// release tracking, configuration docs, attributes) agrees with it, in both directions.
    /// </summary>
    public sealed class RuleCatalogueTests
    {
        public static IEnumerable<object[]> AllRules() => RuleCatalogue.All.Select(r => new object[] { r.Id });

        private static IReadOnlyList<DiagnosticAnalyzer> Analyzers() =>
            typeof(AiInventoryAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToList();

        private static IReadOnlyList<DiagnosticDescriptor> SupportedDescriptors() =>
            Analyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        [Fact]
        public void Catalogue_IsSortedUniqueAndMatchesTheRuleIdConstants()
        {
            var ids = RuleCatalogue.All.Select(r => r.Id).ToList();
            Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(ids, constants);
            Assert.Equal(ids, RuleIds.All.OrderBy(i => i, StringComparer.Ordinal));
        }

        [Fact]
        public void EveryAnalyzerIsSealedAndHasRules()
        {
            var analyzers = typeof(AiInventoryAnalyzer).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).ToList();
            Assert.NotEmpty(analyzers);
            Assert.All(analyzers, t => Assert.True(t.IsSealed, t.Name + " is not sealed"));
        }

        [Fact]
        public void Analyzers_SupportExactlyTheCatalogue_EachRuleByItsReporter()
        {
            Assert.Equal(RuleCatalogue.All.Select(r => r.Id), SupportedDescriptors().Select(d => d.Id));
            foreach (var analyzer in Analyzers().Where(a => a is not PolicyExemptionSuppressor))
            {
                var reporter = Enum.Parse<RuleReporter>(analyzer.GetType().Name);
                var expected = RuleCatalogue.ReportedBy(reporter).Select(r => r.Id).ToList();
                if (reporter == RuleReporter.ConfigurationAnalyzer)
                {
                    expected.AddRange(RuleCatalogue.ReportedBy(RuleReporter.Cli).Select(r => r.Id)); // known to the build, reported by the CLI
                }

                Assert.Equal(expected.OrderBy(i => i, StringComparer.Ordinal), analyzer.SupportedDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
            }
        }

        [Theory]
        [MemberData(nameof(AllRules))]
        public void Descriptor_IsDerivedFromTheEntry(string id)
        {
            var rule = RuleCatalogue.Get(id);
            var descriptor = SupportedDescriptors().Single(d => d.Id == id);
            Assert.Same(Descriptors.ForId(id), descriptor);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.DefaultSeverity.ToString(), descriptor.DefaultSeverity.ToString());
            Assert.Equal(RuleDefinition.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.Equal(rule.Controls.Select(c => c.Tag), descriptor.CustomTags.Where(t => t.Contains(':')));
            Assert.Equal(rule.CompilationEnd, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));

            // What the meta-analyzers check on literal descriptors (RS1015, RS1032, RS1033), checked here on the data.
            Assert.EndsWith(".", rule.Description);
            Assert.False(rule.Title.EndsWith(".", StringComparison.Ordinal), id + " title ends with a period");
            Assert.False(rule.MessageFormat.EndsWith(".", StringComparison.Ordinal), id + " message ends with a period");
            Assert.NotEmpty(rule.Controls);
        }

        [Theory]
        [MemberData(nameof(AllRules))]
        public void DocsPage_ExistsWithTheTitleAndNamesEveryControl(string id)
        {
            var rule = RuleCatalogue.Get(id);
            var page = RepositoryPaths.Combine(rule.DocsPath.Split('/'));
            Assert.True(File.Exists(page), "missing " + page);
            Assert.Equal("# " + id + ": " + rule.Title, File.ReadLines(page).First());
            var text = File.ReadAllText(page);
            Assert.All(rule.Controls, c => Assert.Contains(c.Id, text));
        }

        [Fact]
        public void DocsFolder_HasNoPageWithoutARule()
        {
            var pages = Directory.GetFiles(RepositoryPaths.Combine("docs", "rules"), "POL*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(RuleCatalogue.All.Select(r => r.Id), pages);
        }

        [Fact]
        public void ReleaseTracking_ListsExactlyTheRules_WithCategorySeverityAndReporter()
        {
            var rows = ReleaseRows();
            Assert.Equal(RuleCatalogue.All.Select(r => r.Id), rows.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var rule in RuleCatalogue.All)
            {
                var (category, severity, notes) = rows[rule.Id];
                Assert.Equal(rule.Category, category);
                Assert.Equal(rule.DefaultSeverity.ToString(), severity);
                Assert.StartsWith(rule.IsCliOnly ? "ConfigurationAnalyzer (reported by the policy CLI)" : rule.ReportedBy.ToString(), notes);
                Assert.Contains("(../../" + rule.DocsPath + ")", notes);
            }
        }

        [Fact]
        public void ReadmeRuleTable_ListsExactlyTheRules_WithTitleAndSeverity()
        {
            var rows = File.ReadAllLines(RepositoryPaths.Combine("README.md")).Where(l => Regex.IsMatch(l, @"^\| \[POL\d{3}\]")).ToList();
            Assert.Equal(RuleCatalogue.All.Select(r => r.Id), rows.Select(r => r.Substring(3, 6)));
            foreach (var (rule, row) in RuleCatalogue.All.Zip(rows))
            {
                Assert.StartsWith("| [" + rule.Id + "](" + rule.DocsPath + ") | " + rule.Title + " | " + rule.DefaultSeverity.ToString().ToLowerInvariant() + " |", row);
            }
        }

        /// <summary>docs/rules/README.md's table is generated from the catalogue (POLICY_UPDATE_GOLDEN=1 rewrites it).</summary>
        [Fact]
        public void DocsIndex_IsGeneratedFromTheCatalogue()
        {
            const string Begin = "<!-- rule table: generated from RuleCatalogue by RuleCatalogueTests; POLICY_UPDATE_GOLDEN=1 rewrites it -->";
            const string End = "<!-- end of rule table -->";
            var path = RepositoryPaths.Combine("docs", "rules", "README.md");
            var text = File.ReadAllText(path);
            var start = text.IndexOf(Begin, StringComparison.Ordinal);
            var end = text.IndexOf(End, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "docs/rules/README.md lacks the generated-table markers");
            var table = new StringBuilder(Begin).Append('\n');
            table.Append("| ID | Title | Category | Default severity | Code fix | Controls |\n|---|---|---|---|---|---|\n");
            foreach (var rule in RuleCatalogue.All)
            {
                table.Append("| [").Append(rule.Id).Append("](").Append(rule.Id).Append(".md) | ").Append(rule.Title)
                    .Append(rule.IsCliOnly ? " (policy CLI)" : string.Empty).Append(" | ").Append(rule.Category).Append(" | ")
                    .Append(rule.DefaultSeverity).Append(" | ").Append(rule.HasCodeFix ? "yes" : "no").Append(" | ")
                    .Append(string.Join(" ", rule.Controls.Select(c => "`" + c.Tag + "`"))).Append(" |\n");
            }

            var expected = text.Substring(0, start) + table + text.Substring(end);
            Golden.Verify(path, expected);
        }

        [Fact]
        public void RequirementRules_HaveAnAttributeAKeywordDocumentedAndAFix()
        {
            var configuration = File.ReadAllText(RepositoryPaths.Combine("docs", "configuration.md"));
            Assert.NotEmpty(RuleCatalogue.Requirements);
            Assert.Equal(RuleCatalogue.Requirements.Length, RuleCatalogue.Requirements.Select(r => r.RequirementKeyword).Distinct().Count());
            Assert.Equal(RuleCatalogue.Requirements.Length, RuleCatalogue.RequiredKinds.Distinct().Count());
            foreach (var rule in RuleCatalogue.Requirements)
            {
                Assert.Matches("^[a-z_]+$", rule.RequirementKeyword!);
                Assert.Contains(rule.RequirementKeyword!, configuration);
                Assert.NotNull(typeof(AiSystemAttribute).Assembly.GetType("Policy.Annotations." + rule.RequiredDeclaration + "Attribute"));
                Assert.Contains("[" + rule.RequiredDeclaration + "]", rule.MessageFormat);
                Assert.Equal(rule.RequiredDeclaration, rule.EvidencedBy);
                Assert.Equal(RuleCategories.Governance, rule.Category);
            }

            foreach (var rule in RuleCatalogue.All.Where(r => !r.IsRequirement))
            {
                Assert.Null(rule.RequirementKeyword);
                Assert.Null(rule.FixArguments);
            }
        }

        [Fact]
        public void InventorySchema_ListsExactlyTheRequiredKinds()
        {
            var schema = File.ReadAllText(RepositoryPaths.Combine("docs", "schemas", "inventory.schema.json"));
            var expected = "{ \"enum\": [" + string.Join(", ", RuleCatalogue.RequiredKinds.Select(k => "\"" + k + "\"")) + "] }";
            Assert.Contains("\"required\": { \"type\": \"array\", \"items\": " + expected, schema);
            Assert.Contains("\"missing\": { \"type\": \"array\", \"items\": " + expected, schema);
            var kinds = "\"kind\": { \"enum\": [" + string.Join(", ", Enum.GetNames<DeclarationKind>().Select(k => "\"" + k + "\"")) + "] }";
            Assert.Contains(kinds, schema);
        }

        [Fact]
        public void DeclarationKinds_AreExactlyTheAttributesOfPolicyAnnotations()
        {
            var attributes = typeof(AiSystemAttribute).Assembly.GetExportedTypes()
                .Where(t => typeof(Attribute).IsAssignableFrom(t)).Select(t => t.Name.Substring(0, t.Name.Length - "Attribute".Length)).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(attributes, Enum.GetNames<DeclarationKind>().OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void HasCodeFix_MatchesTheFixProviders()
        {
            var fixable = typeof(RequirementCodeFixProvider).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
                .Distinct().OrderBy(i => i, StringComparer.Ordinal);
            Assert.Equal(RuleCatalogue.All.Where(r => r.HasCodeFix).Select(r => r.Id), fixable);
        }

        private static Dictionary<string, (string Category, string Severity, string Notes)> ReleaseRows()
        {
            var result = new Dictionary<string, (string, string, string)>();
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (var line in File.ReadLines(RepositoryPaths.Combine("src", "Policy.Analyzers", file)))
                {
                    var match = Regex.Match(line, @"^(POL\d{3})\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|\s*(.*)$");
                    if (match.Success)
                    {
                        Assert.False(result.ContainsKey(match.Groups[1].Value), match.Groups[1].Value + " is listed twice in release tracking");
                        result[match.Groups[1].Value] = (match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value);
                    }
                }
            }

            return result;
        }
    }
}
