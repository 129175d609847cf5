using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model;
using Policy.Model.Rules;
using Policy.Model.Declarations;
using Policy.Model.Catalogue;
using Policy.Model.Detection;

namespace Policy.Analyzers
{
    /// <summary>
    /// POL001: a type that creates, holds, receives or calls an AI SDK type must be covered by [AiSystem] or
    /// [AiComponent]. One diagnostic per type (partial types included), on the type's identifier; for top-level
    /// statements, on the first statement that uses AI; for Razor components, on the mapped .razor line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AiInventoryAnalyzer : DiagnosticAnalyzer
    {
        private const string TopLevelEntryPoint = "<Main>$";
        private const string SimpleProgramTypeName = "Program";

        private static readonly SymbolDisplayFormat TypeNameFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ReportedBy(RuleReporter.AiInventoryAnalyzer);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Razor components are generated C# and can inject or call AI clients: analyse generated code and report
            // there; the location is chosen so that it maps back to the .razor file.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            if (!PolicyAnalysisSwitch.Enabled(start.Options).Has(PolicyAnalyses.Inventory) || !PolicyGate.MayUseAi(start.Compilation, start.Options))
            {
                return; // Only the shared framework is referenced, no AI type is configured and no file imports an AI SDK namespace.
            }

            // The catalogue is resolved on first use, inside the first type's callback: resolving it here would make the
            // compiler bind every reference at compilation start (and charge that to this analyzer).
            var policy = PolicyContext.Get(start.Compilation, start.Options);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (type.TypeKind == TypeKind.Enum)
                    {
                        return; // Named constants: no signature that can hold an AI type, no body that can call one.
                    }

                    // While another callback builds the matcher or the filter, the type is analysed in full rather than
                    // waited for (its callbacks ask for the matcher when they run).
                    var matcher = policy.MatcherIfBuilt();
                    if (matcher != null)
                    {
                        if (matcher.IsEmptyIncludingUnresolved)
                        {
                            return; // No AI SDK type resolves and no file imports an AI SDK namespace: nothing can use AI.
                        }

                        if (policy.ReachIfBuilt() is { } reach && !reach.MayUseAi(type))
                        {
                            // No name in the type's code can reach an AI type (AiReach: a sound filter built once from names):
                            // neither its operations nor its signature can match, so neither is looked at.
                            return;
                        }
                    }

                    // One object per type holds its state and both callbacks (most types use no AI: nothing else is
                    // allocated for them, and their settings are looked up only if a wiring check needs them).
                    var scope = new TypeScope(type, policy, matcher);
                    if (type.TypeKind != TypeKind.Delegate)
                    {
                        // A delegate has a signature (read at its end) but no body: no operation of it can arrive.
                        symbolStart.RegisterOperationAction(scope.OnOperation, AiUsageDetector.OperationKinds);
                    }

                    // The signature is read at the end: by then the compiler has bound every member of the type, so
                    // reading member types costs a look-up, not the binding of their declarations.
                    symbolStart.RegisterSymbolEndAction(scope.OnEnd);
                },
                SymbolKind.NamedType);
        }

        /// <summary>The POL001 analysis of one type: its operations as they arrive, its signature and the report at its end.</summary>
        private sealed class TypeScope
        {
            private readonly INamedTypeSymbol _type;
            private readonly PolicyContext _policy;
            private AiTypeMatcher? _matcher; // null until first asked when the type arrived while another callback built it
            private readonly TypeAiUsage _usage = new TypeAiUsage();
            private readonly bool _mayHoldTopLevel; // only the simple program type ("Program") holds top-level statements
            private TopLevelUsage? _topLevel;
            private int _countWiring; // 0 = not read yet, 1 = off, 2 = on (policy.count_di_wiring of the type's first file)

            public TypeScope(INamedTypeSymbol type, PolicyContext policy, AiTypeMatcher? matcher)
            {
                _type = type;
                _policy = policy;
                _matcher = matcher;
                _mayHoldTopLevel = type.Name == SimpleProgramTypeName;
            }

            // A benign race: every thread reads the same matcher from the policy.
            private AiTypeMatcher Matcher => _matcher ??= _policy.Matcher;

            public void OnOperation(OperationAnalysisContext context)
            {
                var owner = context.ContainingSymbol;
                if (_mayHoldTopLevel && IsTopLevelEntryPoint(owner))
                {
                    // Top-level statements are members of the simple program type but are reported on their own,
                    // on the first statement that uses AI (wiring counted as written).
                    if (ReferenceEquals(owner.ContainingSymbol, _type) || SymbolEqualityComparer.Default.Equals(owner.ContainingSymbol, _type))
                    {
                        var entry = System.Threading.LazyInitializer.EnsureInitialized(ref _topLevel, () => new TopLevelUsage((IMethodSymbol)owner))!;
                        AiUsageDetector.AnalyzeOperation(context.Operation, Matcher, entry.Usage);
                    }

                    return;
                }

                if (!ReferenceEquals(owner.ContainingSymbol, _type) && !SymbolEqualityComparer.Default.Equals(SymbolScope.OwningType(owner), _type))
                {
                    return; // Nested types are reported on their own.
                }

                // The wiring-only checks (generic type arguments, typeof) are skipped unless policy.count_di_wiring is on,
                // read once per type and only when such a check could apply.
                var operation = context.Operation;
                var includeWiring = NeedsWiringSetting(operation) && CountWiring();
                if (AiUsageDetector.Match(operation, Matcher, includeWiring, out var wiring) is { } match)
                {
                    _usage.Add(match, operation.Syntax.GetLocation(), wiring);
                }
            }

            public void OnEnd(SymbolAnalysisContext end)
            {
                AiUsageDetector.AnalyzeSignature(_type, Matcher, _usage);
                if (!_usage.IsEmpty)
                {
                    ReportType(end, _type, _usage, _policy);
                }

                if (_topLevel != null)
                {
                    ReportTopLevel(end, _topLevel.EntryPoint, _topLevel.Usage, _policy);
                }
            }

            private static bool NeedsWiringSetting(IOperation operation) =>
                operation.Kind == OperationKind.TypeOf ||
                (operation.Kind == OperationKind.Invocation && ((IInvocationOperation)operation).TargetMethod.IsGenericMethod);

            private bool CountWiring()
            {
                if (_countWiring == 0)
                {
                    _countWiring = _policy.SettingsFor(SourceOrder.First(_type)?.SourceTree).CountDiWiring ? 2 : 1;
                }

                return _countWiring == 2;
            }
        }

        /// <summary>The AI use of the top-level statements (the simple program's <c>&lt;Main&gt;$</c>).</summary>
        private sealed class TopLevelUsage
        {
            public TopLevelUsage(IMethodSymbol entryPoint) => EntryPoint = entryPoint;

            public IMethodSymbol EntryPoint { get; }

            public TypeAiUsage Usage { get; } = new TypeAiUsage();
        }

        private static void ReportType(SymbolAnalysisContext context, INamedTypeSymbol type, TypeAiUsage usage, PolicyContext policy)
        {
            var declaration = SourceOrder.First(type);
            var settings = policy.SettingsFor(declaration?.SourceTree);
            var first = usage.FirstUse(settings.CountDiWiring);
            if (first is null || !DeclarationReader.CoveringSystems(type).IsEmpty)
            {
                return;
            }

            var location = ChooseLocation(type, first);
            context.ReportDiagnostic(Descriptors.Create(
                Descriptors.UndeclaredAiComponent,
                location,
                null,
                type,
                null,
                policy.Baseline,
                Confidence(usage, settings.CountDiWiring),
                new object[] { type.ToDisplayString(TypeNameFormat), Uses(usage, settings.CountDiWiring) }));
        }

        private static void ReportTopLevel(SymbolAnalysisContext context, IMethodSymbol entryPoint, TypeAiUsage usage, PolicyContext policy)
        {
            var countWiring = policy.SettingsFor(entryPoint.Locations.IsEmpty ? null : entryPoint.Locations[0].SourceTree).CountDiWiring;
            var first = usage.FirstUse(countWiring);
            if (first is null || first.SourceTree is null || !DeclarationReader.CoveringSystems(entryPoint.ContainingType).IsEmpty)
            {
                return;
            }

            var node = first.SourceTree.GetRoot(context.CancellationToken).FindNode(first.SourceSpan, getInnermostNodeForTie: true);
            var statement = node.FirstAncestorOrSelf<GlobalStatementSyntax>();
            context.ReportDiagnostic(Descriptors.Create(
                Descriptors.UndeclaredAiComponent,
                statement?.GetLocation() ?? first,
                null,
                entryPoint.ContainingType,
                null,
                policy.Baseline,
                Confidence(usage, countWiring),
                new object[] { "top-level statements", Uses(usage, countWiring) }));
        }

        private static readonly ImmutableDictionary<string, string?> Confirmed = ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ConfidenceProperty, "confirmed");
        private static readonly ImmutableDictionary<string, string?> Suspected = ImmutableDictionary<string, string?>.Empty.Add(Descriptors.ConfidenceProperty, "suspected");

        private static ImmutableDictionary<string, string?> Confidence(TypeAiUsage usage, bool countWiring) => usage.IsSuspected(countWiring) ? Suspected : Confirmed;

        /// <summary>What the message names: the AI type, marked when it did not resolve ("Azure.AI.OpenAI.OpenAIClient, unresolved").</summary>
        private static string Uses(TypeAiUsage usage, bool countWiring)
        {
            var entry = usage.FirstEntry(countWiring);
            if (entry is null)
            {
                return "AI SDK";
            }

            return entry.IsUnresolved ? entry.MetadataName + ", unresolved" : entry.MetadataName;
        }

        /// <summary>
        /// The type's identifier in hand-written code, preferring the partial declaration where AI is first used;
        /// when the type exists only in generated code (a Razor component), the first use that maps to the source file.
        /// </summary>
        private static Location ChooseLocation(INamedTypeSymbol type, Location firstUse)
        {
            Location? handWritten = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                // The partial declaration that contains the first use.
                if (reference.SyntaxTree == firstUse.SourceTree && reference.Span.Contains(firstUse.SourceSpan) &&
                    !GeneratedCode.IsGenerated(reference.SyntaxTree) && reference.GetSyntax() is BaseTypeDeclarationSyntax declaration)
                {
                    return declaration.Identifier.GetLocation();
                }
            }

            foreach (var location in type.Locations)
            {
                if (!location.IsInSource || GeneratedCode.IsGenerated(location.SourceTree!))
                {
                    continue;
                }

                if (location.SourceTree == firstUse.SourceTree)
                {
                    return location;
                }

                if (handWritten is null || SourceOrder.Compare(location, handWritten) < 0)
                {
                    handWritten = location;
                }
            }

            if (handWritten != null)
            {
                return handWritten;
            }

            if (GeneratedCode.HasMappedPath(firstUse))
            {
                return firstUse;
            }

            return SourceOrder.First(type) ?? firstUse;
        }

        private static bool IsTopLevelEntryPoint(ISymbol? symbol) =>
            symbol is IMethodSymbol { Name: TopLevelEntryPoint, IsStatic: true };
    }
}
