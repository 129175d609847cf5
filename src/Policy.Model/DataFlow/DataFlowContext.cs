using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// POL010 and POL011 for one compilation: recognises AI calls, runs the flow analysis of the method they are in, and
    /// judges the sources that reach each call. Shared by the analyzer and the CLI; thread-safe.
    /// </summary>
    public sealed class DataFlowContext
    {
        private const int MaxNamed = 5;

        private readonly Func<DeclarationIndex> _index;
        private readonly bool _configuredTypes;

        /// <summary>Creates the context of a compilation.</summary>
        public DataFlowContext(AiTypeMatcher matcher, ClassificationReader classifications, Func<DeclarationIndex> index)
        {
            Matcher = matcher;
            Classifications = classifications;
            _index = index;
            _configuredTypes = matcher.HasConfiguredEntries;
        }

        /// <summary>The AI type matcher.</summary>
        public AiTypeMatcher Matcher { get; }

        /// <summary>The classification reader.</summary>
        public ClassificationReader Classifications { get; }

        /// <summary>The AI call an operation is, or null (cheap: a name look-up first).</summary>
        public AiSinkCall? Sink(IOperation operation) =>
            operation is IInvocationOperation invocation ? AiSinks.Recognise(invocation, Matcher, _configuredTypes) : null;

        /// <summary>Indexes the method (operation blocks) an AI call is in.</summary>
        public MethodDataFlow Analyze(INamedTypeSymbol? owner, ImmutableArray<IOperation> blocks, CancellationToken cancellationToken) =>
            new MethodDataFlow(Classifications, Matcher, owner, blocks, cancellationToken);

        /// <summary>
        /// Judges one AI call: POL010 when data from an own type or member without any classification reaches it,
        /// POL011 when personal data reaches it and an AI system the containing type belongs to does not declare
        /// ProcessesPersonalData (skipped when the type belongs to no system: POL001 reports that). At most one finding
        /// per rule; the subject is the containing type.
        /// </summary>
        public void Evaluate(AiSinkCall sink, MethodDataFlow flow, INamedTypeSymbol owner, List<Finding> findings, CancellationToken cancellationToken)
        {
            var ordered = SourcesReaching(sink, flow, cancellationToken);
            if (ordered.Count == 0)
            {
                return;
            }

            var unclassified = new List<DataSource>();
            var personal = new List<DataSource>();
            foreach (var source in ordered)
            {
                if (source.Label is null)
                {
                    unclassified.Add(source);
                }
                else if (source.Label.IsPersonal)
                {
                    personal.Add(source);
                }
            }

            var systems = DeclarationReader.CoveringSystems(owner);
            var location = sink.Location;
            if (unclassified.Count > 0)
            {
                findings.Add(new Finding(
                    RuleIds.UnclassifiedData,
                    location,
                    systems.IsEmpty ? null : systems[0],
                    Locations(unclassified),
                    sink.Display,
                    Names(unclassified, withClass: false)).WithSubject(owner).WithDataSources(SymbolIds(unclassified)));
            }

            if (personal.Count > 0 && !systems.IsEmpty)
            {
                var undeclared = UndeclaredSystems(systems);
                if (undeclared.Count > 0)
                {
                    findings.Add(new Finding(
                        RuleIds.UndeclaredPersonalData,
                        location,
                        undeclared[0],
                        Locations(personal),
                        sink.Display,
                        Names(personal, withClass: true),
                        SystemsPhrase(undeclared)).WithSubject(owner));
                }
            }
        }

        /// <summary>
        /// The data classes that reach an AI call (what the evidence pack lists per system): the mapped classes of the
        /// classified sources found by the same flow analysis as POL010/POL011. Unclassified sources and classifications
        /// in taxonomies the policy does not map have no class and are not listed.
        /// </summary>
        public IEnumerable<DataClassification> ClassesReaching(AiSinkCall sink, MethodDataFlow flow, CancellationToken cancellationToken)
        {
            foreach (var source in SourcesReaching(sink, flow, cancellationToken))
            {
                if (source.Label?.Class is { } dataClass)
                {
                    yield return dataClass;
                }
            }
        }

        private IReadOnlyList<DataSource> SourcesReaching(AiSinkCall sink, MethodDataFlow flow, CancellationToken cancellationToken)
        {
            var sources = new SourceSet();
            foreach (var value in sink.DataValues)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sources.AddRange(flow.SourcesOf(value));
            }

            if (sink.InputType != null && Classifications.IsOwnDataType(sink.InputType))
            {
                sources.AddRange(Classifications.WholeObject(sink.InputType));
            }

            return sources.Count == 0 ? (IReadOnlyList<DataSource>)Array.Empty<DataSource>() : sources.Ordered();
        }

        /// <summary>The systems (by id) that do not declare ProcessesPersonalData; ids declared nowhere are skipped (POL009).</summary>
        private List<string> UndeclaredSystems(ImmutableArray<string> ids)
        {
            var index = _index();
            var result = new List<string>();
            foreach (var id in ids)
            {
                if (id.Length == 0 || result.Contains(id))
                {
                    continue;
                }

                bool? declares = null;
                foreach (var system in index.SystemsWithId(id))
                {
                    declares = (declares ?? false) || system.ProcessesPersonalData;
                }

                declares ??= index.ReferencedSystem(id)?.ProcessesPersonalData;
                if (declares == false)
                {
                    result.Add(id);
                }
            }

            return result;
        }

        private static string SystemsPhrase(List<string> ids)
        {
            if (ids.Count == 1)
            {
                return "AI system '" + ids[0] + "' does not declare ProcessesPersonalData = true";
            }

            var builder = new StringBuilder("AI systems ");
            for (var i = 0; i < ids.Count; i++)
            {
                builder.Append(i == 0 ? string.Empty : i == ids.Count - 1 ? " and " : ", ").Append('\'').Append(ids[i]).Append('\'');
            }

            return builder.Append(" do not declare ProcessesPersonalData = true").ToString();
        }

        private static ImmutableArray<string> SymbolIds(List<DataSource> sources)
        {
            var ids = ImmutableArray.CreateBuilder<string>();
            foreach (var source in sources)
            {
                var symbol = source.Symbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet } getter && getter.AssociatedSymbol != null ? getter.AssociatedSymbol : source.Symbol;
                if (DocumentationCommentId.CreateDeclarationId(symbol.OriginalDefinition) is { } id && !ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            return ids.ToImmutable();
        }

        private static string Names(List<DataSource> sources, bool withClass)
        {
            var builder = new StringBuilder();
            var count = Math.Min(sources.Count, MaxNamed);
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(sources[i].Name);
                if (withClass && sources[i].Label is { } label)
                {
                    builder.Append(" (").Append(label.Display).Append(')');
                }
            }

            if (sources.Count > MaxNamed)
            {
                builder.Append(" and ").Append(sources.Count - MaxNamed).Append(" more");
            }

            return builder.ToString();
        }

        private static ImmutableArray<Location> Locations(List<DataSource> sources)
        {
            var builder = ImmutableArray.CreateBuilder<Location>();
            foreach (var source in sources)
            {
                if (source.Location is { IsInSource: true } location)
                {
                    builder.Add(location);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Sources de-duplicated by name and class, each kept at its first read in source order.</summary>
        private sealed class SourceSet
        {
            private readonly Dictionary<string, DataSource> _byKey = new Dictionary<string, DataSource>(StringComparer.Ordinal);

            public int Count => _byKey.Count;

            public void AddRange(ImmutableArray<DataSource> sources)
            {
                foreach (var source in sources)
                {
                    if (!_byKey.TryGetValue(source.Key, out var existing) || Earlier(source.Location, existing.Location))
                    {
                        _byKey[source.Key] = source;
                    }
                }
            }

            /// <summary>By first read in source order; sources known from a type alone last; then by name.</summary>
            public List<DataSource> Ordered()
            {
                var list = new List<DataSource>(_byKey.Values);
                list.Sort((a, b) =>
                {
                    var byLocation = SourceOrder.Compare(a.Location, b.Location);
                    return byLocation != 0 ? byLocation : string.CompareOrdinal(a.Key, b.Key);
                });
                return list;
            }

            private static bool Earlier(Location? candidate, Location? existing) =>
                candidate != null && (existing is null || SourceOrder.Compare(candidate, existing) < 0);
        }
    }
}
