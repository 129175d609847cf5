using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model.Baseline;
using Policy.Model.Catalogue;
using Policy.Model.DataFlow;
using Policy.Model.Declarations;
using Policy.Model.Settings;

namespace Policy.Model
{
    /// <summary>
    /// Everything the rules need about one compilation, built once and shared by all analyzers of the package:
    /// the resolved AI SDK catalogue, the policy settings and (on first need) the declaration index.
    /// </summary>
    public sealed class PolicyContext
    {
        private static readonly ConditionalWeakTable<Compilation, PolicyContext> Cache = new ConditionalWeakTable<Compilation, PolicyContext>();

        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<SyntaxTree, PolicySettings> _treeSettings = ConcurrentCache.Large<SyntaxTree, PolicySettings>(ReferenceComparer<SyntaxTree>.Instance);

        // Files with the same .editorconfig sections share one options object in the compiler: parse each such set once.
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, PolicySettings> _settingsByOptions =
            ConcurrentCache.Small<AnalyzerConfigOptions, PolicySettings>(ReferenceComparer<AnalyzerConfigOptions>.Instance);
        private readonly Lazy<DeclarationIndex> _index;
        private readonly object _matcherGate = new object();
        private AiTypeMatcher? _matcher;
        private Detection.AiReach? _reach;
        private int _reachBuilding;
        private readonly Lazy<PolicyBaseline> _baseline;
        private readonly Lazy<DataFlowContext> _dataFlow;
        private readonly Lazy<Detection.TelemetryObserver> _telemetry;
        private readonly Catalogue.Once<bool> _hasAnnotations;
        private readonly Catalogue.Once<bool> _mayDeclareMcpTools;
        private readonly Lazy<System.Collections.Generic.IReadOnlyCollection<string>> _aliasNames;

        private PolicyContext(Compilation compilation, AnalyzerOptions analyzerOptions)
        {
            Compilation = compilation;
            var options = analyzerOptions.AnalyzerConfigOptionsProvider;
            _options = options;
            var additionalFiles = analyzerOptions.AdditionalFiles;
            _baseline = new Lazy<PolicyBaseline>(() => PolicyBaseline.Read(additionalFiles, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            GlobalSettings = PolicySettings.Read(options.GlobalOptions);
            _hasAnnotations = new Catalogue.Once<bool>(() => ReferencedTypes.Exists(compilation, PolicyAttributes.AiSystemMetadataName), Catalogue.OnceMode.Publication);
            _mayDeclareMcpTools = new Catalogue.Once<bool>(() => ReferencedTypes.Exists(compilation, Detection.ToolDetector.McpServerToolAttributeMetadataName), Catalogue.OnceMode.Publication);
            _aliasNames = new Lazy<System.Collections.Generic.IReadOnlyCollection<string>>(() => PolicySyntax.AliasNames(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            _index = new Lazy<DeclarationIndex>(() => DeclarationIndex.Build(compilation, AliasNames, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            _dataFlow = new Lazy<DataFlowContext>(CreateDataFlow, LazyThreadSafetyMode.ExecutionAndPublication);
            _telemetry = new Lazy<Detection.TelemetryObserver>(() => new Detection.TelemetryObserver(compilation, Index), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The compilation.</summary>
        public Compilation Compilation { get; }

        /// <summary>True when the compilation can see Policy.Annotations (so it may hold declarations); answered on first use
        /// (it needs the compiler's bound references, which analyzers should not force at compilation start).</summary>
        public bool HasAnnotations => _hasAnnotations.Value;

        /// <summary>
        /// True when the compilation can see ModelContextProtocol's [McpServerTool] (a reference or its own source declares
        /// it): without it no method is an MCP server tool, however its attributes are spelled. Answered on first use.
        /// </summary>
        public bool MayDeclareMcpTools => _mayDeclareMcpTools.Value;

        /// <summary>The settings of global configuration (.globalconfig, MSBuild properties).</summary>
        public PolicySettings GlobalSettings { get; }

        /// <summary>The AI type matcher, built on first use (waiting for it if another thread builds it).</summary>
        public AiTypeMatcher Matcher
        {
            get
            {
                var matcher = Volatile.Read(ref _matcher);
                if (matcher != null)
                {
                    return matcher;
                }

                lock (_matcherGate)
                {
                    return BuildMatcher();
                }
            }
        }

        /// <summary>
        /// The matcher, built by the first caller; null while another callback builds it. Like <see cref="ReachIfBuilt"/>:
        /// a callback never waits for it (the compiler charges each waiting callback the whole build) nor builds a second
        /// one at the same time (a cold compiler took 11-15 ms for it: the two analyzers' first callbacks each built one);
        /// a type that arrives meanwhile is analysed as one that may use AI, which gives the same findings.
        /// </summary>
        public AiTypeMatcher? MatcherIfBuilt()
        {
            var matcher = Volatile.Read(ref _matcher);
            if (matcher != null || !Monitor.TryEnter(_matcherGate))
            {
                return matcher;
            }

            try
            {
                return BuildMatcher();
            }
            finally
            {
                Monitor.Exit(_matcherGate);
            }
        }

        private AiTypeMatcher BuildMatcher()
        {
            // Under _matcherGate.
            var matcher = _matcher;
            if (matcher is null)
            {
                matcher = CreateMatcher();
                Volatile.Write(ref _matcher, matcher);
            }

            return matcher;
        }

        /// <summary>Which types' code can reach an AI type (the analyzers leave the others alone); built on first use, waiting for it if another thread builds it.</summary>
        public Detection.AiReach Reach
        {
            get
            {
                var reach = ReachIfBuilt();
                if (reach is null)
                {
                    SpinWait.SpinUntil(() => Volatile.Read(ref _reach) != null || Volatile.Read(ref _reachBuilding) == 0);
                    reach = Volatile.Read(ref _reach) ?? ReachIfBuilt();
                }

                return reach ?? Detection.AiReach.Everything("not built");
            }
        }

        /// <summary>
        /// The reach filter, built by the first caller; null while another callback builds it. A callback never waits for
        /// it (the compiler charges an analyzer the wall time of its callbacks, waits included, and every waiting callback
        /// would be charged the whole build): a type that arrives meanwhile is analysed as one that may use AI, which gives the
        /// same findings.
        /// </summary>
        public Detection.AiReach? ReachIfBuilt()
        {
            var reach = Volatile.Read(ref _reach);
            if (reach != null || Interlocked.CompareExchange(ref _reachBuilding, 1, 0) != 0)
            {
                return reach;
            }

            try
            {
                reach = CreateReach();
                Volatile.Write(ref _reach, reach);
                return reach;
            }
            catch
            {
                Volatile.Write(ref _reachBuilding, 0); // Cancelled: the next caller builds it.
                throw;
            }
        }

        /// <summary>The using-alias names that stand for one of the policy attributes (usually none), read from syntax on first use.</summary>
        public System.Collections.Generic.IReadOnlyCollection<string> AliasNames => _aliasNames.Value;

        /// <summary>The declaration index (built on first use).</summary>
        public DeclarationIndex Index => _index.Value;

        /// <summary>Classifications and the data flow into AI calls (POL010, POL011), created on first use.</summary>
        public DataFlowContext DataFlow => _dataFlow.Value;

        /// <summary>The logging and telemetry observed per AI system (POL015 and the evidence pack), created on first use.</summary>
        public Detection.TelemetryObserver Telemetry => _telemetry.Value;

        /// <summary>The adoption baseline (policy.baseline.txt), read on first use.</summary>
        public PolicyBaseline Baseline => _baseline.Value;

        /// <summary>The context of a compilation, shared between analyzers run with the same options.</summary>
        public static PolicyContext Get(Compilation compilation, AnalyzerOptions options)
        {
            var context = Cache.GetValue(compilation, c => new PolicyContext(c, options));
            return ReferenceEquals(context._options, options.AnalyzerConfigOptionsProvider) ? context : new PolicyContext(compilation, options);
        }

        /// <summary>The settings in force for a file (its .editorconfig sections plus global configuration).</summary>
        public PolicySettings SettingsFor(SyntaxTree? tree)
        {
            if (tree is null)
            {
                return GlobalSettings;
            }

            return _treeSettings.GetOrAdd(tree, t => _settingsByOptions.GetOrAdd(_options.GetOptions(t), PolicySettings.Read));
        }

        private DataFlowContext CreateDataFlow()
        {
            // policy.data_classes is compilation-wide: the global configuration first, then every file's sections in path
            // order; the first mapping of a classification wins.
            var pairs = new System.Collections.Generic.List<DataClassMapping>(GlobalSettings.DataClasses);
            var trees = new System.Collections.Generic.List<SyntaxTree>(Compilation.SyntaxTrees);
            trees.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
            var ignored = new System.Collections.Generic.List<ConfigurationError>(); // reported by POL090 from SettingsFor
            foreach (var tree in trees)
            {
                if (_options.GetOptions(tree).TryGetValue(PolicySettings.DataClassesKey, out var value))
                {
                    pairs.AddRange(PolicySettings.ParseDataClasses(PolicySettings.DataClassesKey, value, ignored));
                }
            }

            return new DataFlowContext(Matcher, ClassificationReader.Create(Compilation, Matcher, pairs, GlobalSettings.ClaimsClass), () => Index);
        }

        private Detection.AiReach CreateReach()
        {
            var enabled = !(_options.GlobalOptions.TryGetValue(PolicySettings.ReachFilterKey, out var value) && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
            return Detection.AiReach.Build(Compilation, Matcher, ConfiguredTypes(), enabled, CancellationToken.None);
        }

        /// <summary><c>policy.ai_types</c>: the union of global configuration and every file's sections.</summary>
        private System.Collections.Generic.SortedSet<string> ConfiguredTypes()
        {
            var types = new System.Collections.Generic.SortedSet<string>(GlobalSettings.AiTypes, StringComparer.Ordinal);
            foreach (var tree in Compilation.SyntaxTrees)
            {
                if (_options.GetOptions(tree).TryGetValue(PolicySettings.AiTypesKey, out var t))
                {
                    types.UnionWith(PolicySettings.ParseList(t));
                }
            }

            return types;
        }

        private AiTypeMatcher CreateMatcher()
        {
            // Catalogue additions are compilation-wide: the union of global configuration and every file's sections.
            var types = ConfiguredTypes();
            var namespaces = new System.Collections.Generic.SortedSet<string>(GlobalSettings.AiNamespaces, StringComparer.Ordinal);
            foreach (var tree in Compilation.SyntaxTrees)
            {
                var options = _options.GetOptions(tree);

                if (options.TryGetValue(PolicySettings.AiNamespacesKey, out var n))
                {
                    namespaces.UnionWith(PolicySettings.ParseList(n));
                }
            }

            // The project's package references (the CLI supplies them; the compiler never runs analyzers on code that does not
            // compile, where they would matter): context for names that did not resolve.
            var packages = _options.GlobalOptions.TryGetValue(PolicySettings.PackageReferencesKey, out var p) ? PolicySettings.ParseList(p) : ImmutableArray<string>.Empty;
            return AiTypeMatcher.Create(Compilation, types, namespaces, packages);
        }
    }
}
