using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.Tests.Infrastructure;
using Policy.Model.Controls;

namespace Policy.Analyzers.Tests.Catalogue
{
    /// <summary>Rules, their docs pages, release tracking, the README table and the control mapping agree.</summary>
    public sealed class RuleCatalogueTests
    {
        public static IEnumerable<object[]> AllDescriptors() =>
            Descriptors().Select(d => new object[] { d.Id });

        private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
            typeof(AiInventoryAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .GroupBy(d => d.Id)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

        private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

        [Fact]
        public void EveryAnalyzerIsSealedAndHasRules()
        {
            var analyzers = typeof(AiInventoryAnalyzer).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).ToList();
            Assert.NotEmpty(analyzers);
            Assert.All(analyzers, t => Assert.True(t.IsSealed, t.Name + " is not sealed"));
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void HelpLink_ResolvesToAnExistingDocsPage(string id)
        {
            var descriptor = Descriptor(id);
            Assert.Equal(Policy.Analyzers.Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            var page = RepositoryPaths.Combine("docs", "rules", id + ".md");
            Assert.True(File.Exists(page), "missing " + page);
            var firstLine = File.ReadLines(page).First();
            Assert.Equal("# " + id + ": " + descriptor.Title.ToString(), firstLine);
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void DocsPage_NamesEveryControlTheRuleEvidences(string id)
        {
            var text = File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md"));
            var controls = ControlCatalogue.ForRule(id);
            Assert.NotEmpty(controls);
            Assert.All(controls, c => Assert.Contains(c.Id, text));
        }

        [Theory]
        [MemberData(nameof(AllDescriptors))]
        public void Descriptor_CarriesItsControlsAsTags(string id)
        {
            var descriptor = Descriptor(id);
            var expected = ControlCatalogue.ForRule(id).Select(c => c.Tag);
            Assert.Equal(expected, descriptor.CustomTags.Where(t => t.Contains(':')));
        }

        [Fact]
        public void ReleaseTracking_ListsExactlyTheRules()
        {
            var rows = ReleaseRows();
            var descriptors = Descriptors();
            Assert.Equal(descriptors.Select(d => d.Id), rows.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var descriptor in descriptors)
            {
                var (category, severity) = rows[descriptor.Id];
                Assert.Equal(descriptor.Category, category);
                Assert.Equal(descriptor.DefaultSeverity.ToString(), severity);
            }
        }

        [Fact]
        public void ReadmeRuleTable_ListsEveryRuleWithItsSeverity()
        {
            var readme = File.ReadAllLines(RepositoryPaths.Combine("README.md"));
            foreach (var descriptor in Descriptors())
            {
                var row = readme.FirstOrDefault(l => l.StartsWith("| [" + descriptor.Id + "]", StringComparison.Ordinal));
                Assert.True(row != null, "README rule table has no row for " + descriptor.Id);
                Assert.Contains(descriptor.Title.ToString(), row);
                Assert.Contains(descriptor.DefaultSeverity.ToString().ToLowerInvariant(), row!.ToLowerInvariant());
            }
        }

        [Fact]
        public void EveryMappedRuleHasADescriptor()
        {
            var ids = Descriptors().Select(d => d.Id).ToHashSet();
            var mappedButMissing = ControlCatalogue.MappedRules.Where(r => !ids.Contains(r)).OrderBy(r => r).ToList();
            Assert.True(mappedButMissing.Count == 0 || mappedButMissing.All(PlannedRules.Contains),
                "Mapped rules without descriptor: " + string.Join(", ", mappedButMissing));
        }

        /// <summary>Rules of the contract whose analyzers land in later work (DESIGN.md); remove as they land.</summary>
        private static readonly HashSet<string> PlannedRules = new();

        private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
        {
            var result = new Dictionary<string, (string, string)>();
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                foreach (var line in File.ReadLines(RepositoryPaths.Combine("src", "Policy.Analyzers", file)))
                {
                    var match = Regex.Match(line, @"^(POL\d{3})\s*\|\s*([^|]+?)\s*\|\s*(\w+)\s*\|");
                    if (match.Success)
                    {
                        result[match.Groups[1].Value] = (match.Groups[2].Value, match.Groups[3].Value);
                    }
                }
            }

            return result;
        }
    }
}
