using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Declarations;

namespace Policy.Model.Detection
{
    /// <summary>Logging or telemetry of AI calls observed in code: what satisfies POL015 without an [EventLogging].</summary>
    public sealed class TelemetryObservation
    {
        /// <summary>Creates an observation.</summary>
        public TelemetryObservation(string kind, Location location)
        {
            Kind = kind;
            Location = location;
        }

        /// <summary>What was observed: "UseOpenTelemetry", "UseLogging", "OpenTelemetryChatClient", ..., or the Semantic Kernel switch name.</summary>
        public string Kind { get; }

        /// <summary>Where it is written.</summary>
        public Location Location { get; }
    }

    /// <summary>
    /// The AI telemetry facts of code, shared by the analyzers (POL015, POL016) and the evidence pack:
    /// Microsoft.Extensions.AI pipelines built with <c>UseOpenTelemetry</c>/<c>UseLogging</c>, the OpenTelemetry and logging
    /// chat clients and embedding generators created directly, the Agent Framework's <c>UseOpenTelemetry</c>, and Semantic
    /// Kernel's GenAI diagnostics switches. Calls are recognised by name first, then confirmed by binding.
    /// </summary>
    public static class Telemetry
    {
        /// <summary>Semantic Kernel's switch that turns on GenAI OpenTelemetry diagnostics (without message content).</summary>
        public const string SemanticKernelDiagnosticsSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics";

        /// <summary>Semantic Kernel's switch that turns on GenAI diagnostics including prompts and completions.</summary>
        public const string SemanticKernelSensitiveSwitch = "Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnosticsSensitive";

        /// <summary>The property of Microsoft.Extensions.AI's (and the Agent Framework's) OpenTelemetry clients that records message content.</summary>
        public const string SensitiveDataProperty = "EnableSensitiveData";

        private static readonly HashSet<string> PipelineMethods = new HashSet<string>(StringComparer.Ordinal) { "UseOpenTelemetry", "UseLogging" };

        private static readonly HashSet<string> TelemetryTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "OpenTelemetryChatClient", "LoggingChatClient", "OpenTelemetryEmbeddingGenerator", "LoggingEmbeddingGenerator",
            "OpenTelemetryImageGenerator", "OpenTelemetrySpeechToTextClient", "LoggingSpeechToTextClient", "OpenTelemetryAgent",
        };

        /// <summary>Every name the telemetry recognition starts from (pipeline methods, client types, AppContext.SetSwitch, EnableSensitiveData): what <see cref="AiReach"/> keeps a type for.</summary>
        public static IEnumerable<string> TriggerNames => PipelineMethods.Concat(TelemetryTypes).Concat(new[] { "SetSwitch", SensitiveDataProperty });

        /// <summary>True for a namespace of the SDKs whose telemetry counts (Microsoft.Extensions.AI, Microsoft.Agents.AI).</summary>
        public static bool IsAiTelemetryNamespace(INamespaceSymbol? ns)
        {
            var name = ns?.ToDisplayString();
            return name != null && (name.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) || name.StartsWith("Microsoft.Agents.AI", StringComparison.Ordinal));
        }

        /// <summary>
        /// The telemetry an operation sets up, or null: a <c>UseOpenTelemetry</c>/<c>UseLogging</c> call of the AI SDKs, the
        /// creation of one of their OpenTelemetry or logging clients, or <c>AppContext.SetSwitch</c> of Semantic Kernel's
        /// GenAI diagnostics to <c>true</c>.
        /// </summary>
        public static string? Recognise(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (PipelineMethods.Contains(method.Name))
                    {
                        return IsAiTelemetryNamespace(method.ContainingType?.ContainingNamespace) ? method.Name : null;
                    }

                    return SemanticKernelSwitch(invocation);
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && TelemetryTypes.Contains(type.Name):
                    return IsAiTelemetryNamespace(type.ContainingNamespace) ? type.Name : null;
                default:
                    return null;
            }
        }

        /// <summary>The Semantic Kernel diagnostics switch an <c>AppContext.SetSwitch(name, true)</c> call turns on, or null.</summary>
        public static string? SemanticKernelSwitch(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "SetSwitch" || invocation.Arguments.Length != 2 ||
                method.ContainingType is not { Name: "AppContext", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return null;
            }

            IArgumentOperation? name = null, value = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    name = argument;
                }
                else if (argument.Parameter?.Ordinal == 1)
                {
                    value = argument;
                }
            }

            if (name?.Value.ConstantValue is not { HasValue: true, Value: string switchName } ||
                value?.Value.ConstantValue is not { HasValue: true, Value: true } ||
                (switchName != SemanticKernelDiagnosticsSwitch && switchName != SemanticKernelSensitiveSwitch))
            {
                return null;
            }

            return switchName;
        }

        /// <summary>
        /// POL016's fact: the operation turns on recording of message content in AI telemetry (the value <c>true</c>
        /// assigned to <c>EnableSensitiveData</c> of an AI SDK type, in an object initializer, an assignment or a
        /// <c>UseOpenTelemetry(configure: ...)</c> lambda; or Semantic Kernel's sensitive diagnostics switch). Returns the
        /// operation's description for the message, or null. Cheap for everything else: a name comparison first.
        /// </summary>
        public static string? SensitiveDataSwitch(IOperation operation)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment:
                    if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: SensitiveDataProperty } property } ||
                        assignment.Value.ConstantValue is not { HasValue: true, Value: true } ||
                        !IsAiTelemetryNamespace(property.ContainingType?.ContainingNamespace))
                    {
                        return null;
                    }

                    return property.ContainingType!.Name + "." + SensitiveDataProperty + " = true";
                case IInvocationOperation invocation:
                    return SemanticKernelSwitch(invocation) == SemanticKernelSensitiveSwitch ? "AppContext switch " + SemanticKernelSensitiveSwitch : null;
                default:
                    return null;
            }
        }

        /// <summary>True when a syntax node may be a telemetry set-up (name check only; nothing bound).</summary>
        public static bool MayRecognise(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => SyntaxNames.Rightmost(invocation.Expression) is { } name && (PipelineMethods.Contains(name) || name == "SetSwitch"),
            ObjectCreationExpressionSyntax creation => SyntaxNames.Rightmost(creation.Type) is { } typeName && TelemetryTypes.Contains(typeName),
            _ => false,
        };

        /// <summary>
        /// Text that every node <see cref="MayRecognise"/> accepts contains as written: each pipeline method and client type
        /// name contains "OpenTelemetry" or "Logging", the switch call "SetSwitch"; an identifier written with a Unicode
        /// escape may contain none of them, so an escape sends the text to the syntax walk as well. Built from the recognised
        /// names (declared above), so that a name added to them is never missed.
        /// </summary>
        private static readonly string[] TextNeedles = Needles();

        /// <summary>
        /// False when the text of these nodes cannot hold a telemetry set-up (a vectorized scan of the text instead of a
        /// walk of every descendant node: a type's code rarely names one).
        /// </summary>
        public static bool MayContain(SyntaxNode root)
        {
            return PolicySyntax.ContainsAny(root.SyntaxTree.GetText(), root.FullSpan, TextNeedles);
        }

        private static string[] Needles()
        {
            // A recognised name added later that contains none of the common parts is searched for itself.
            var needles = new List<string> { "OpenTelemetry", "Logging", "SetSwitch", "\\u", "\\U" };
            foreach (var name in PipelineMethods.Concat(TelemetryTypes))
            {
                if (!needles.Exists(n => name.IndexOf(n, StringComparison.Ordinal) >= 0))
                {
                    needles.Add(name);
                }
            }

            return needles.ToArray();
        }

        /// <summary>The telemetry set up in these syntax nodes (their descendants), in source order.</summary>
        public static void Collect(SyntaxNode root, Compilation compilation, List<TelemetryObservation> observations, CancellationToken cancellationToken)
        {
            if (!MayContain(root))
            {
                return; // No name a recognised node starts from is written here: its nodes are not walked.
            }

            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes())
            {
                if (!MayRecognise(node))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                model ??= compilation.GetSemanticModel(root.SyntaxTree);
                if (model.GetOperation(node, cancellationToken) is { } operation && Recognise(operation) is { } kind)
                {
                    observations.Add(new TelemetryObservation(kind, node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.GetLocation() : node.GetLocation()));
                }
            }
        }
    }

    /// <summary>
    /// The telemetry observed per AI system of one compilation (cached): in the code of the type that declares it and of
    /// its [AiComponent] types (every partial part), or anywhere in the compilation for an assembly-level system; Semantic
    /// Kernel's diagnostics switch counts for every system of the compilation (it is process-wide).
    /// </summary>
    public sealed class TelemetryObserver
    {
        private readonly Compilation _compilation;
        private readonly DeclarationIndex _index;
        private readonly ConcurrentDictionary<string, object> _bySystem = new ConcurrentDictionary<string, object>(StringComparer.Ordinal); // boxed ImmutableArray<TelemetryObservation>s
        private readonly Catalogue.Once<object> _switches; // boxed ImmutableArray<TelemetryObservation>s (Catalogue.Once)
        private readonly Catalogue.Once<object> _everywhere;

        /// <summary>Creates the observer of a compilation.</summary>
        public TelemetryObserver(Compilation compilation, DeclarationIndex index)
        {
            _compilation = compilation;
            _index = index;
            _switches = new Catalogue.Once<object>(() => Scan(Telemetry.SemanticKernelDiagnosticsSwitch, switchesOnly: true), Catalogue.OnceMode.Exclusive);
            _everywhere = new Catalogue.Once<object>(() => Scan(null, switchesOnly: false), Catalogue.OnceMode.Exclusive);
        }

        /// <summary>The logging or telemetry observed for a system, in source order (file path, position); empty when none.</summary>
        public ImmutableArray<TelemetryObservation> Observe(SystemDeclaration system, CancellationToken cancellationToken) =>
            (ImmutableArray<TelemetryObservation>)_bySystem.GetOrAdd(system.Id + "|" + (system.IsAssemblyLevel ? "assembly" : system.DeclaringSymbol.ToDisplayString()), _ => Compute(system, cancellationToken));

        private ImmutableArray<TelemetryObservation> Compute(SystemDeclaration system, CancellationToken cancellationToken)
        {
            if (system.IsAssemblyLevel)
            {
                return (ImmutableArray<TelemetryObservation>)_everywhere.Value;
            }

            var types = new List<INamedTypeSymbol>();
            if (system.DeclaringSymbol is INamedTypeSymbol declaring)
            {
                types.Add(declaring);
            }

            foreach (var component in _index.ComponentsOf(system.Id))
            {
                if (!types.Exists(t => SymbolEqualityComparer.Default.Equals(t, component)))
                {
                    types.Add(component);
                }
            }

            var observations = new List<TelemetryObservation>();
            foreach (var type in types)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    Telemetry.Collect(reference.GetSyntax(cancellationToken), _compilation, observations, cancellationToken);
                }
            }

            observations.AddRange((ImmutableArray<TelemetryObservation>)_switches.Value);
            return Sorted(observations);
        }

        private ImmutableArray<TelemetryObservation> Scan(string? mustContain, bool switchesOnly)
        {
            var observations = new List<TelemetryObservation>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (mustContain != null && !PolicySyntax.ContainsAny(tree.GetText(), new[] { mustContain }))
                {
                    continue;
                }

                var found = new List<TelemetryObservation>();
                Telemetry.Collect(tree.GetRoot(), _compilation, found, CancellationToken.None);
                foreach (var observation in found)
                {
                    if (!switchesOnly || observation.Kind.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal))
                    {
                        observations.Add(observation);
                    }
                }
            }

            return Sorted(observations);
        }

        private static ImmutableArray<TelemetryObservation> Sorted(List<TelemetryObservation> observations)
        {
            var unique = new List<TelemetryObservation>();
            foreach (var observation in observations)
            {
                if (!unique.Exists(o => o.Location == observation.Location))
                {
                    unique.Add(observation);
                }
            }

            unique.Sort((a, b) =>
            {
                var byPath = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
                return byPath != 0 ? byPath : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
            });
            return unique.ToImmutableArray();
        }
    }
}
