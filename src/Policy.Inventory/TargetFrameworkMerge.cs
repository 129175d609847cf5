using System;
using System.Collections.Generic;
using System.Linq;
using Policy.Model.Rules;

namespace Policy.Inventory
{
    /// <summary>
    /// Merges what the target frameworks of ONE multi-targeted project gave (one <see cref="InventoryDocument"/> per
    /// framework, each built by <see cref="InventoryBuilder.Add"/>) into the run's document: a system, component, finding
    /// or exemption found for several frameworks appears once; one found for only some of the project's frameworks (code
    /// under <c>#if</c>, a package referenced for one framework) carries <c>targetFrameworks</c>, the frameworks that have
    /// it. An entry without <c>targetFrameworks</c> holds for every framework analysed.
    /// </summary>
    public static class TargetFrameworkMerge
    {
        /// <summary>Adds one project's per-framework documents to <paramref name="document"/>.</summary>
        /// <param name="document">The run's document.</param>
        /// <param name="parts">Per target framework (null for a project that is not multi-targeted) its document, in the order analysed.</param>
        public static void Add(InventoryDocument document, IReadOnlyList<KeyValuePair<string?, InventoryDocument>> parts)
        {
            var all = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (part.Key != null)
                {
                    all.Add(part.Key);
                }
            }

            // Reference identity: which frameworks hold each merged record.
            var seen = new Dictionary<object, SortedSet<string>>(ReferenceComparer.Instance);
            void Mark(object record, string? framework)
            {
                if (!seen.TryGetValue(record, out var set))
                {
                    seen[record] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                if (framework != null)
                {
                    set.Add(framework);
                }
            }

            var systems = new List<SystemRecord>();
            var undeclared = new List<ComponentRecord>();
            var findings = new List<FindingRecord>();
            var exemptions = new List<ExemptionRecord>();
            foreach (var part in parts)
            {
                var framework = part.Key;
                foreach (var project in part.Value.Projects)
                {
                    if (!document.Projects.Contains(project))
                    {
                        document.Projects.Add(project);
                    }
                }

                foreach (var system in part.Value.Systems)
                {
                    var existing = systems.Find(s => s.Id == system.Id && s.Project == system.Project);
                    if (existing is null)
                    {
                        systems.Add(system);
                        Mark(system, framework);
                        foreach (var component in system.Components)
                        {
                            Mark(component, framework);
                        }

                        continue;
                    }

                    Mark(existing, framework);
                    MergeSystem(existing, system, framework, Mark);
                }

                foreach (var component in part.Value.Undeclared)
                {
                    var existing = undeclared.Find(c => c.SymbolId == component.SymbolId && c.Project == component.Project);
                    if (existing is null)
                    {
                        undeclared.Add(component);
                        Mark(component, framework);
                    }
                    else
                    {
                        Mark(existing, framework);
                        MergeComponent(existing, component);
                    }
                }

                foreach (var finding in part.Value.Findings)
                {
                    var existing = findings.Find(f => f.RuleId == finding.RuleId && f.Message == finding.Message && Same(f.Source, finding.Source));
                    if (existing is null)
                    {
                        findings.Add(finding);
                        Mark(finding, framework);
                        continue;
                    }

                    Mark(existing, framework);

                    // The strictest state wins (open over baselined over exempted), and a confirmed POL001 over a suspected one.
                    if (Rank(finding.State) < Rank(existing.State))
                    {
                        existing.State = finding.State;
                    }

                    if (existing.Confidence == "suspected" && finding.Confidence == "confirmed")
                    {
                        existing.Confidence = "confirmed";
                    }
                }

                foreach (var exemption in part.Value.Exemptions)
                {
                    var existing = exemptions.Find(e => e.RuleId == exemption.RuleId && e.Target == exemption.Target && Same(e.Source, exemption.Source));
                    if (existing is null)
                    {
                        exemptions.Add(exemption);
                    }
                    else
                    {
                        UnionSorted(existing.Systems, exemption.Systems);
                    }
                }
            }

            // Only when some but not all frameworks hold an entry does it say which (absent = every framework analysed).
            foreach (var pair in seen)
            {
                if (all.Count > 1 && pair.Value.Count < all.Count)
                {
                    var list = pair.Value.ToList();
                    switch (pair.Key)
                    {
                        case SystemRecord s: s.TargetFrameworks = list; break;
                        case ComponentRecord c: c.TargetFrameworks = list; break;
                        case FindingRecord f: f.TargetFrameworks = list; break;
                    }
                }
            }

            document.Systems.AddRange(systems);
            document.Undeclared.AddRange(undeclared);
            document.Findings.AddRange(findings);
            document.Exemptions.AddRange(exemptions);
        }

        /// <summary>Merges one record of a system into another of the same system (lists united, each entry once).</summary>
        internal static void MergeSystem(SystemRecord into, SystemRecord from, string? framework, Action<object, string?> mark)
        {
            into.Required = InCatalogueOrder(into.Required.Union(from.Required, StringComparer.Ordinal));
            into.Missing = InCatalogueOrder(into.Missing.Union(from.Missing, StringComparer.Ordinal));
            into.AutomatedDecisions |= from.AutomatedDecisions;
            into.ProcessesPersonalData |= from.ProcessesPersonalData;
            into.InteractsWithPeople |= from.InteractsWithPeople;
            into.GeneratesSyntheticContent |= from.GeneratesSyntheticContent;
            foreach (var declaration in from.Declarations)
            {
                if (!into.Declarations.Exists(d => d.Kind == declaration.Kind && d.Target == declaration.Target && Same(d.Source, declaration.Source)))
                {
                    into.Declarations.Add(declaration);
                }
            }

            into.Declarations.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Kind == "AiSystem" ? string.Empty : a.Kind, b.Kind == "AiSystem" ? string.Empty : b.Kind);
                return c != 0 ? c : Compare(a.Source, b.Source);
            });

            foreach (var component in from.Components)
            {
                var existing = into.Components.Find(c => c.SymbolId == component.SymbolId);
                if (existing is null)
                {
                    into.Components.Add(component);
                    mark(component, framework);
                }
                else
                {
                    mark(existing, framework);
                    MergeComponent(existing, component);
                }
            }

            into.Components.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
            MergeSdks(into.ObservedSdks, from.ObservedSdks);
            UnionSorted(into.DataClasses, from.DataClasses, DataClassOrder);
            foreach (var tool in from.Tools)
            {
                var existing = into.Tools.Find(t => t.Name == tool.Name && t.Method == tool.Method && Same(t.Source, tool.Source));
                if (existing is null)
                {
                    into.Tools.Add(tool);
                }
                else
                {
                    if (existing.ApprovalGated && !tool.ApprovalGated)
                    {
                        existing.ApprovalGated = false;
                        existing.Approval = tool.Approval;
                    }

                    UnionSorted(existing.DataClasses, tool.DataClasses, DataClassOrder);
                }
            }

            into.Tools.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Name, b.Name);
                if (c == 0) c = string.CompareOrdinal(a.Method, b.Method);
                return c != 0 ? c : Compare(a.Source, b.Source);
            });
            foreach (var record in from.EventLogging)
            {
                if (!into.EventLogging.Exists(e => e.Evidence == record.Evidence && e.Method == record.Method && Same(e.Source, record.Source)))
                {
                    into.EventLogging.Add(record);
                }
            }

            into.EventLogging.Sort((a, b) => string.CompareOrdinal(a.Evidence, b.Evidence) is var c && c != 0 ? c : Compare(a.Source, b.Source));
            foreach (var model in from.Models)
            {
                if (!into.Models.Exists(m => m.Model == model.Model && m.ConfigurationKey == model.ConfigurationKey && Same(m.Source, model.Source)))
                {
                    into.Models.Add(model);
                }
            }

            into.Models.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Model ?? "\uffff", b.Model ?? "\uffff");
                if (c == 0) c = string.CompareOrdinal(a.ConfigurationKey, b.ConfigurationKey);
                return c != 0 ? c : Compare(a.Source, b.Source);
            });
        }

        private static void MergeComponent(ComponentRecord into, ComponentRecord from)
        {
            foreach (var file in from.Files)
            {
                if (!into.Files.Exists(f => f.Path == file.Path))
                {
                    into.Files.Add(file);
                }
            }

            into.Files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            MergeSdks(into.Sdks, from.Sdks);

            // Confirmed (null) in any framework wins over suspected.
            if (from.Confidence is null)
            {
                into.Confidence = null;
            }
        }

        private static void MergeSdks(List<ObservedSdk> into, List<ObservedSdk> from)
        {
            foreach (var sdk in from)
            {
                if (!into.Exists(s => s.Type == sdk.Type))
                {
                    into.Add(sdk);
                }
            }

            into.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
        }

        private static List<string> InCatalogueOrder(IEnumerable<string> names)
        {
            var order = RuleCatalogue.RequiredKinds.Select(k => Policy.Model.Declarations.PolicyAttributes.ShortName(k)).ToList();
            return names.OrderBy(n => order.IndexOf(n) is var i && i >= 0 ? i : int.MaxValue).ThenBy(n => n, StringComparer.Ordinal).ToList();
        }

        private static int DataClassOrder(string name) =>
            Enum.TryParse<Policy.Model.Declarations.DataClassification>(name, out var value) ? (int)value : int.MaxValue;

        private static void UnionSorted(List<string> into, IEnumerable<string> from, Func<string, int>? order = null)
        {
            foreach (var item in from)
            {
                if (!into.Contains(item))
                {
                    into.Add(item);
                }
            }

            if (order is null)
            {
                into.Sort(string.CompareOrdinal);
            }
            else
            {
                into.Sort((a, b) => order(a).CompareTo(order(b)) is var c && c != 0 ? c : string.CompareOrdinal(a, b));
            }
        }

        private static int Rank(string state) => state switch
        {
            "open" => 0,
            "baselined" => 1,
            _ => 2,
        };

        private static bool Same(SourceRef? a, SourceRef? b) => Compare(a, b) == 0;

        private static int Compare(SourceRef? a, SourceRef? b)
        {
            if (a is null || b is null)
            {
                return a is null ? (b is null ? 0 : -1) : 1;
            }

            var c = string.CompareOrdinal(a.Path, b.Path);
            if (c == 0) c = a.Line.CompareTo(b.Line);
            if (c == 0) c = a.Column.CompareTo(b.Column);
            return c;
        }

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static ReferenceComparer Instance { get; } = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
