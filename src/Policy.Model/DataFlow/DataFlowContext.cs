using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// The data-flow facts of one compilation: recognises AI calls, runs the flow analysis of the method they are in and
    /// answers which sources reach each call. Facts only: Evaluation.DataFlowEvaluator turns them into POL010/POL011
    /// findings. Shared by the analyzer and the CLI; thread-safe.
    /// </summary>
    public sealed class DataFlowContext
    {
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

        /// <summary>
        /// The sources whose data a tool hands to the model: what its body returns, following calls to the project's own
        /// methods one level (<paramref name="helperBodies"/> gives their bodies), de-duplicated like
        /// <see cref="SourcesReaching(AiSinkCall, MethodDataFlow, CancellationToken)"/>.
        /// </summary>
        /// <param name="owner">The type that declares the tool method (for a lambda, the registering type).</param>
        /// <param name="body">The tool's body: the method's operation block or the lambda.</param>
        /// <param name="helperBodies">The operation block of an own method, or null when it is not in source.</param>
        /// <param name="cancellationToken">Cancellation.</param>
        public IReadOnlyList<DataSource> ToolSources(INamedTypeSymbol? owner, IOperation body, Func<IMethodSymbol, IOperation?> helperBodies, CancellationToken cancellationToken)
        {
            var flow = new MethodDataFlow(Classifications, Matcher, owner, ImmutableArray.Create(body), cancellationToken, helperBodies);
            var sources = new SourceSet();
            foreach (var value in MethodDataFlow.ReturnedValues(body))
            {
                cancellationToken.ThrowIfCancellationRequested();
                sources.AddRange(flow.SourcesOf(value));
            }

            return sources.Count == 0 ? (IReadOnlyList<DataSource>)Array.Empty<DataSource>() : sources.Ordered();
        }

        /// <summary>The untrusted sources (request and console input) that reach one value of a prompt sink, in source order.</summary>
        public IReadOnlyList<DataSource> UntrustedSourcesOf(IOperation value, MethodDataFlow flow)
        {
            var sources = new SourceSet();
            foreach (var source in flow.SourcesOf(value))
            {
                if (source.Kind == DataSourceKind.Untrusted)
                {
                    sources.Add(source);
                }
            }

            return sources.Count == 0 ? (IReadOnlyList<DataSource>)Array.Empty<DataSource>() : sources.Ordered();
        }

        /// <summary>The declaration index of the compilation.</summary>
        public DeclarationIndex Index => _index();

        /// <summary>
        /// The sources whose data reaches an AI call (the facts POL010/POL011 and the inventory's data classes are
        /// judged on), de-duplicated by name and class, each at its first read in source order.
        /// </summary>
        public IReadOnlyList<DataSource> SourcesReaching(AiSinkCall sink, MethodDataFlow flow, CancellationToken cancellationToken)
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

        /// <summary>Sources de-duplicated by name and class, each kept at its first read in source order.</summary>
        private sealed class SourceSet
        {
            private readonly Dictionary<string, DataSource> _byKey = new Dictionary<string, DataSource>(StringComparer.Ordinal);

            public int Count => _byKey.Count;

            public void AddRange(ImmutableArray<DataSource> sources)
            {
                foreach (var source in sources)
                {
                    Add(source);
                }
            }

            public void Add(DataSource source)
            {
                if (!_byKey.TryGetValue(source.Key, out var existing) || Earlier(source.Location, existing.Location))
                {
                    _byKey[source.Key] = source;
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
