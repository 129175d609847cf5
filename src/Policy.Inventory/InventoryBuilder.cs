using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model;
using Policy.Model.Baseline;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;
using Policy.Model.Detection;
using Policy.Model.Evaluation;
using Policy.Model.Rules;
using Policy.Model.Settings;

namespace Policy.Inventory
{
    /// <summary>
    /// Extracts the evidence model of one compilation: systems with their declarations, components and observed AI
    /// SDKs; AI types that belong to no system; exemptions; and the findings the analyzers reported. For tools outside
    /// the compiler (the CLI). The same model classes (catalogue, declarations, evaluation) as the analyzers.
    /// </summary>
    public static class InventoryBuilder
    {
        /// <summary>
        /// The data classes that reach the AI calls in a type's bodies, by the same flow analysis as POL010/POL011: what
        /// a system is fed, as classified in code (unclassified data is POL010's business, not an inventory entry).
        /// </summary>
        private static IEnumerable<DataClassification> DataClassesReachingAi(INamedTypeSymbol type, Compilation compilation, PolicyContext policy, CancellationToken cancellationToken)
        {
            if (policy.Matcher.IsEmpty)
            {
                yield break;
            }

            var dataFlow = policy.DataFlow;
            foreach (var body in AiUsageDetector.Bodies(type, compilation, cancellationToken))
            {
                Policy.Model.DataFlow.MethodDataFlow? flow = null;
                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (dataFlow.Sink(operation) is not { } sink)
                    {
                        continue;
                    }

                    flow ??= dataFlow.Analyze(type, ImmutableArray.Create(body), cancellationToken);
                    foreach (var dataClass in dataFlow.ClassesReaching(sink, flow, cancellationToken))
                    {
                        yield return dataClass;
                    }
                }
            }
        }

        /// <summary>Adds what one compilation holds to <paramref name="document"/>.</summary>
        /// <param name="document">The inventory being built (several projects add to one document).</param>
        /// <param name="compilation">The project's compilation.</param>
        /// <param name="policy">The policy context built with the project's analyzer options.</param>
        /// <param name="diagnostics">Our analyzers' diagnostics for the compilation, suppressed ones included.</param>
        /// <param name="map">Maps a location to a repository-relative source reference (null when outside the repository).</param>
        /// <param name="cancellationToken">Cancellation.</param>
        public static void Add(InventoryDocument document, Compilation compilation, PolicyContext policy, IEnumerable<Diagnostic> diagnostics, Func<Location, SourceRef?> map, CancellationToken cancellationToken)
        {
            var project = compilation.AssemblyName ?? "project";
            document.Projects.Add(project);
            var index = policy.Index;
            var matcher = policy.Matcher;
            var findings = new List<Diagnostic>(diagnostics);

            // What the findings decided: the pack never re-decides a requirement or an inventory gap.
            var missingBySystem = MissingBySystem(findings);

            // AI use of every source type.
            var usages = new List<(INamedTypeSymbol Type, TypeAiUsage Usage)>();
            foreach (var type in SourceTypes(compilation))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var usage = Usage(type, compilation, matcher, cancellationToken);
                var settings = policy.SettingsFor(SourceOrder.First(type)?.SourceTree);
                if (usage.FirstUse(settings.CountDiWiring) != null)
                {
                    usages.Add((type, usage));
                }
            }

            // Tools: the same detector as POL040, over every source type.
            var tools = matcher.IsEmpty ? new List<ToolRegistration>() : ToolDetector.All(compilation, SourceTypes(compilation), cancellationToken);

            // Systems: those declared here, then those declared in a referenced assembly that types here join
            // ([AiComponent("id")] or covered AI types): listed with the assembly that declares them and these members
            // (Normalize attaches them to the declaring project's record when that project is analysed too).
            var systems = new List<(SystemDeclaration System, string? DeclaredIn)>();
            foreach (var system in index.Systems)
            {
                systems.Add((system, null));
            }

            var joined = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in SourceTypes(compilation))
            {
                foreach (var id in DeclarationReader.CoveringSystems(type))
                {
                    if (index.SystemsWithId(id).Count == 0 && index.ReferencedSystem(id) != null)
                    {
                        joined.Add(id);
                    }
                }
            }

            foreach (var id in joined)
            {
                systems.Add((index.ReferencedSystem(id)!, index.ReferencedAssemblyDeclaring(id)));
            }

            foreach (var (system, declaredIn) in systems)
            {
                var settings = policy.SettingsFor(system.Attribute.Data.ApplicationSyntaxReference?.SyntaxTree);
                var record = new SystemRecord
                {
                    Id = system.Id,
                    Name = system.DisplayName,
                    Purpose = system.Purpose,
                    Owner = system.Owner,
                    RiskLevel = system.RiskLevel.ToString(),
                    IntendedUse = system.IntendedUse,
                    AutomatedDecisions = system.AutomatedDecisions,
                    ProcessesPersonalData = system.ProcessesPersonalData,
                    Project = project,
                    Source = declaredIn is null ? map(system.Attribute.Location(cancellationToken)) : null,
                    DeclaredIn = declaredIn,
                };
                record.Required.AddRange(Names(settings.RequirementsFor(system)));
                if (missingBySystem.TryGetValue(system.Id, out var missing))
                {
                    record.Missing.AddRange(Names(missing));
                }

                record.Declarations.Add(Declaration(system.Attribute, map, cancellationToken));
                foreach (var kind in RuleCatalogue.RequiredKinds)
                {
                    foreach (var declaration in index.Governance(system, kind))
                    {
                        record.Declarations.Add(Declaration(declaration, map, cancellationToken));
                    }
                }

                var members = new List<INamedTypeSymbol>();
                if (declaredIn is null && system.DeclaringSymbol is INamedTypeSymbol declaring)
                {
                    members.Add(declaring);
                }

                foreach (var component in index.ComponentsOf(system.Id))
                {
                    AddUnique(members, component);
                }

                foreach (var (type, _) in usages)
                {
                    foreach (var id in DeclarationReader.CoveringSystems(type))
                    {
                        if (id == system.Id)
                        {
                            AddUnique(members, type);
                        }
                    }
                }

                var sdks = new SortedDictionary<string, ObservedSdk>(StringComparer.Ordinal);
                foreach (var member in members)
                {
                    var usage = Find(usages, member);
                    var component = Component(member, usage, project, map);
                    record.Components.Add(component);
                    foreach (var sdk in component.Sdks)
                    {
                        sdks[sdk.Type] = sdk;
                    }
                }

                record.ObservedSdks.AddRange(sdks.Values);
                var classes = new SortedSet<DataClassification>();
                foreach (var member in members)
                {
                    classes.UnionWith(DataClassesReachingAi(member, compilation, policy, cancellationToken));
                }

                foreach (var dataClass in classes)
                {
                    record.DataClasses.Add(dataClass.ToString());
                }

                record.Tools.AddRange(Tools(tools, system.Id, compilation, policy, map, cancellationToken));
                record.InteractsWithPeople = system.InteractsWithPeople;
                record.GeneratesSyntheticContent = system.GeneratesSyntheticContent;
                AddEventLogging(record, system, index, policy, map, cancellationToken);
                AddModels(record, members, compilation, map, cancellationToken);
                record.Components.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
                record.Declarations.Sort(CompareDeclarations);
                document.Systems.Add(record);
            }

            // AI types that belong to no system: exactly the subjects of POL001 findings (open, exempted or baselined).
            foreach (var pair in UndeclaredSubjects(findings))
            {
                var subject = pair.Key;
                ComponentRecord record;
                if (DocumentationCommentId.GetFirstSymbolForDeclarationId(subject, compilation) is INamedTypeSymbol type)
                {
                    record = Component(type, Find(usages, type) ?? Usage(type, compilation, matcher, cancellationToken), project, map);
                }
                else
                {
                    record = new ComponentRecord { Type = subject.Substring(subject.IndexOf(':') + 1), SymbolId = subject, Project = project };
                }

                // A type that exists only in generated code (a Razor component): the file the finding maps to.
                if (record.Files.Count == 0 && map(pair.Value) is { } where)
                {
                    record.Files.Add(new SourceRef { Path = where.Path, Line = where.Line, Column = where.Column });
                }

                document.Undeclared.Add(record);
            }

            // Exemptions.
            foreach (var (symbol, exemption) in Exemptions(compilation, index))
            {
                var settings = policy.SettingsFor(exemption.Data.ApplicationSyntaxReference?.SyntaxTree);
                var record = new ExemptionRecord
                {
                    RuleId = ExemptionEvaluator.RuleOf(exemption) ?? string.Empty,
                    Target = DeclarationEvaluator.TargetName(symbol),
                    Justification = exemption.NamedString("Justification"),
                    ApprovedBy = exemption.NamedString("ApprovedBy"),
                    Expires = exemption.NamedString("Expires"),
                    State = StateName(ExemptionEvaluator.State(exemption, settings)),
                    Source = map(exemption.Location(cancellationToken)),
                };
                if (symbol is IAssemblySymbol)
                {
                    foreach (var system in index.Systems)
                    {
                        record.Systems.Add(system.Id);
                    }
                }
                else
                {
                    for (var current = symbol; current != null; current = current.ContainingType)
                    {
                        if (current is INamedTypeSymbol type)
                        {
                            record.Systems.AddRange(DeclarationReader.CoveringSystems(type));
                            break;
                        }
                    }
                }

                record.Systems.Sort(string.CompareOrdinal);
                document.Exemptions.Add(record);
            }

            // Findings, as the analyzers reported them.
            foreach (var diagnostic in findings)
            {
                var source = map(diagnostic.Location);
                diagnostic.Properties.TryGetValue(FindingProperties.SystemId, out var systemId);
                diagnostic.Properties.TryGetValue(FindingProperties.Subject, out var subject);
                var baselined = diagnostic.Properties.ContainsKey(FindingProperties.Baselined);
                diagnostic.Properties.TryGetValue(FindingProperties.Confidence, out var confidence);
                document.Findings.Add(new FindingRecord
                {
                    RuleId = diagnostic.Id,
                    Severity = SeverityName(diagnostic.Severity),
                    Message = diagnostic.GetMessage(CultureInfo.InvariantCulture),
                    Source = source,
                    SystemId = systemId,
                    SymbolId = subject,
                    State = diagnostic.IsSuppressed ? "exempted" : baselined ? "baselined" : "open",
                    Project = project,
                    LineText = LineText(diagnostic.Location),
                    Confidence = confidence,
                });
            }
        }

        /// <summary>The AI use of a type, read by the detector the analyzers use (signature and every operation body).</summary>
        private static TypeAiUsage Usage(INamedTypeSymbol type, Compilation compilation, AiTypeMatcher matcher, CancellationToken cancellationToken)
        {
            var usage = new TypeAiUsage();
            AiUsageDetector.AnalyzeSignature(type, matcher, usage);
            AiUsageDetector.AnalyzeBodies(type, compilation, matcher, usage, cancellationToken);
            return usage;
        }

        /// <summary>Per system id: the declarations the requirement rules' findings (any state) say are missing.</summary>
        private static Dictionary<string, Requirements> MissingBySystem(List<Diagnostic> findings)
        {
            var result = new Dictionary<string, Requirements>(StringComparer.Ordinal);
            foreach (var diagnostic in findings)
            {
                if (RuleCatalogue.Find(diagnostic.Id) is { RequiredDeclaration: { } kind } &&
                    diagnostic.Properties.TryGetValue(FindingProperties.SystemId, out var systemId) && systemId != null)
                {
                    result[systemId] = (result.TryGetValue(systemId, out var existing) ? existing : Requirements.None) | Requirements.Of(kind);
                }
            }

            return result;
        }

        /// <summary>The subjects (documentation ids) of the POL001 findings, sorted, each once, with the first finding's location.</summary>
        private static SortedDictionary<string, Location> UndeclaredSubjects(List<Diagnostic> findings)
        {
            var result = new SortedDictionary<string, Location>(StringComparer.Ordinal);
            foreach (var diagnostic in findings)
            {
                if (diagnostic.Id == RuleIds.UndeclaredAiComponent &&
                    diagnostic.Properties.TryGetValue(FindingProperties.Subject, out var subject) && !string.IsNullOrEmpty(subject) &&
                    !result.ContainsKey(subject!))
                {
                    result.Add(subject!, diagnostic.Location);
                }
            }

            return result;
        }

        /// <summary>
        /// The tools of one system, one record per method (a method registered several times is approval-gated only
        /// when every registration is), with the data classes its returned values carry (the flow POL010/POL011 judge).
        /// </summary>
        private static IEnumerable<ToolRecord> Tools(List<ToolRegistration> tools, string systemId, Compilation compilation, PolicyContext policy, Func<Location, SourceRef?> map, CancellationToken cancellationToken)
        {
            var byMethod = new Dictionary<ISymbol, ToolRecord>(SymbolEqualityComparer.Default);
            var records = new List<ToolRecord>();
            foreach (var tool in tools)
            {
                if (!tool.Systems().Contains(systemId))
                {
                    continue;
                }

                var approval = tool.ApprovalWrapped ? "ApprovalRequiredAIFunction" : tool.HasHumanOversight ? "HumanOversight" : "none";
                if (byMethod.TryGetValue(tool.Method, out var existing))
                {
                    if (existing.ApprovalGated && approval == "none")
                    {
                        existing.ApprovalGated = false;
                        existing.Approval = "none";
                    }

                    continue;
                }

                var record = new ToolRecord
                {
                    Name = tool.Name,
                    Method = tool.MethodDisplay,
                    Mechanism = tool.Mechanism.ToString(),
                    Source = map(tool.Location),
                    ApprovalGated = approval != "none",
                    Approval = approval,
                };
                foreach (var parameter in tool.Method.Parameters)
                {
                    record.Parameters.Add(parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " " + parameter.Name);
                }

                var body = tool.Lambda ?? ToolDetector.BodyOf(tool.Method, compilation, null, cancellationToken);
                if (body != null && !policy.Matcher.IsEmpty)
                {
                    var owner = tool.Lambda is null ? tool.Method.ContainingType : tool.Registrar;
                    var classes = new SortedSet<DataClassification>();
                    foreach (var source in policy.DataFlow.ToolSources(owner, body, helper => ToolDetector.BodyOf(helper, compilation, null, cancellationToken), cancellationToken))
                    {
                        if (source.Label?.Class is { } dataClass)
                        {
                            classes.Add(dataClass);
                        }
                    }

                    foreach (var dataClass in classes)
                    {
                        record.DataClasses.Add(dataClass.ToString());
                    }
                }

                byMethod[tool.Method] = record;
                records.Add(record);
            }

            records.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Name, b.Name);
                if (c == 0) c = string.CompareOrdinal(a.Method, b.Method);
                if (c == 0) c = Compare(a.Source, b.Source);
                return c;
            });
            return records;
        }

        /// <summary>POL015's evidence, from the same functions: the [EventLogging] declarations that count, then the telemetry observed.</summary>
        private static void AddEventLogging(SystemRecord record, SystemDeclaration system, DeclarationIndex index, PolicyContext policy, Func<Location, SourceRef?> map, CancellationToken cancellationToken)
        {
            foreach (var declaration in index.Governance(system, DeclarationKind.EventLogging))
            {
                var retention = declaration.NamedInt("RetentionDays");
                record.EventLogging.Add(new EventLoggingRecord
                {
                    Evidence = "declared",
                    Destination = declaration.NamedString("Destination"),
                    RetentionDays = retention > 0 ? retention : (int?)null,
                    Source = map(declaration.Location(cancellationToken)),
                });
            }

            foreach (var observation in policy.Telemetry.Observe(system, cancellationToken))
            {
                record.EventLogging.Add(new EventLoggingRecord { Evidence = "observed", Method = observation.Kind, Source = map(observation.Location) });
            }

            record.EventLogging.Sort((a, b) => string.CompareOrdinal(a.Evidence, b.Evidence) is var c && c != 0 ? c : Compare(a.Source, b.Source));
        }

        /// <summary>The models the system's types state (ModelReferences, the same function as POL050), one entry per place.</summary>
        private static void AddModels(SystemRecord record, List<INamedTypeSymbol> members, Compilation compilation, Func<Location, SourceRef?> map, CancellationToken cancellationToken)
        {
            var references = new List<Policy.Model.Detection.ModelReference>();
            foreach (var member in members)
            {
                foreach (var syntax in member.DeclaringSyntaxReferences)
                {
                    Policy.Model.Detection.ModelReferences.Collect(syntax.GetSyntax(cancellationToken), compilation, references, cancellationToken);
                }
            }

            foreach (var reference in references)
            {
                var source = map(reference.Location);
                if (record.Models.Exists(m => m.Model == reference.Model && m.ConfigurationKey == reference.ConfigurationKey && Compare(m.Source, source) == 0))
                {
                    continue; // a nested type's declarations are reached through its container too
                }

                record.Models.Add(new ModelRecord { Provider = reference.Provider, Model = reference.Model, ConfigurationKey = reference.ConfigurationKey, Api = reference.Api, Source = source });
            }

            record.Models.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Model ?? "\uffff", b.Model ?? "\uffff");
                if (c == 0) c = string.CompareOrdinal(a.ConfigurationKey, b.ConfigurationKey);
                return c != 0 ? c : Compare(a.Source, b.Source);
            });
        }

        /// <summary>
        /// Attaches the members of a system declared in a referenced assembly to that system's own record when the
        /// declaring project was analysed in the same run (one system, its components from every project), sorts every
        /// list of the document (deterministic output) and merges duplicate findings.
        /// </summary>
        public static void Normalize(InventoryDocument document)
        {
            for (var i = document.Systems.Count - 1; i >= 0; i--)
            {
                var joined = document.Systems[i];
                if (joined.DeclaredIn is null)
                {
                    continue;
                }

                var owner = document.Systems.Find(s => s.DeclaredIn is null && s.Id == joined.Id && s.Project == joined.DeclaredIn);
                if (owner != null)
                {
                    joined.Declarations.RemoveAll(d => d.Source is null); // the [AiSystem] as read from metadata: the owner has it with its place
                    TargetFrameworkMerge.MergeSystem(owner, joined, null, (_, _) => { });
                    document.Systems.RemoveAt(i);
                }
            }

            document.Projects.Sort(string.CompareOrdinal);
            document.Systems.Sort((a, b) =>
            {
                var c = string.CompareOrdinal(a.Id, b.Id);
                if (c == 0) c = string.CompareOrdinal(a.Project, b.Project);
                return c != 0 ? c : string.CompareOrdinal(a.DeclaredIn, b.DeclaredIn);
            });
            document.Undeclared.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type) is var c && c != 0 ? c : string.CompareOrdinal(a.Project, b.Project));
            document.Exemptions.Sort((a, b) => Compare(a.Source, b.Source) is var c && c != 0 ? c : string.CompareOrdinal(a.RuleId, b.RuleId));
            document.Findings.Sort((a, b) =>
            {
                var c = Compare(a.Source, b.Source);
                if (c == 0) c = string.CompareOrdinal(a.RuleId, b.RuleId);
                if (c == 0) c = string.CompareOrdinal(a.Message, b.Message);
                return c;
            });
            for (var i = document.Findings.Count - 1; i > 0; i--)
            {
                var a = document.Findings[i];
                var b = document.Findings[i - 1];
                if (a.RuleId == b.RuleId && a.Message == b.Message && Compare(a.Source, b.Source) == 0)
                {
                    document.Findings.RemoveAt(i);
                }
            }
        }

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

        private static int CompareDeclarations(DeclarationRecord a, DeclarationRecord b)
        {
            var c = string.CompareOrdinal(a.Kind == "AiSystem" ? string.Empty : a.Kind, b.Kind == "AiSystem" ? string.Empty : b.Kind);
            return c != 0 ? c : Compare(a.Source, b.Source);
        }

        private static void AddUnique(List<INamedTypeSymbol> list, INamedTypeSymbol type)
        {
            foreach (var existing in list)
            {
                if (SymbolEqualityComparer.Default.Equals(existing, type))
                {
                    return;
                }
            }

            list.Add(type);
        }

        private static TypeAiUsage? Find(List<(INamedTypeSymbol Type, TypeAiUsage Usage)> usages, INamedTypeSymbol type)
        {
            foreach (var (candidate, usage) in usages)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, type))
                {
                    return usage;
                }
            }

            return null;
        }

        private static ComponentRecord Component(INamedTypeSymbol type, TypeAiUsage? usage, string project, Func<Location, SourceRef?> map)
        {
            var component = new ComponentRecord
            {
                Type = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                SymbolId = PolicyBaseline.SymbolId(type) ?? string.Empty,
                Project = project,
            };
            foreach (var location in type.Locations)
            {
                // Generator output (obj/.../*.g.cs) is not where a developer acts and its path depends on the build:
                // only hand-written files, or generated ones that map back to a source file (Razor), are listed.
                if (!location.IsInSource || (GeneratedCode.IsGenerated(location.SourceTree!) && !GeneratedCode.HasMappedPath(location)))
                {
                    continue;
                }

                if (map(location) is { } source && !component.Files.Exists(f => f.Path == source.Path))
                {
                    component.Files.Add(source);
                }
            }

            component.Files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            if (usage != null)
            {
                component.Confidence = usage.IsSuspected(countWiring: true) ? "suspected" : null;
                foreach (var entry in usage.Entries)
                {
                    component.Sdks.Add(new ObservedSdk { Type = entry.MetadataName, Family = entry.Family, Supplier = entry.Supplier, Kind = KindName(entry.Kind) });
                }
            }

            return component;
        }

        private static IEnumerable<(ISymbol Symbol, AttributeView Exemption)> Exemptions(Compilation compilation, DeclarationIndex index)
        {
            foreach (var declaration in index.AssemblyDeclarations)
            {
                if (declaration.Kind == DeclarationKind.PolicyExemption)
                {
                    yield return (compilation.Assembly, declaration);
                }
            }

            foreach (var type in SourceTypes(compilation))
            {
                foreach (var declaration in DeclarationReader.Read(type))
                {
                    if (declaration.Kind == DeclarationKind.PolicyExemption)
                    {
                        yield return (type, declaration);
                    }
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol)
                    {
                        foreach (var declaration in DeclarationReader.Read(member))
                        {
                            if (declaration.Kind == DeclarationKind.PolicyExemption)
                            {
                                yield return (member, declaration);
                            }
                        }
                    }
                }
            }
        }

        private static DeclarationRecord Declaration(AttributeView attribute, Func<Location, SourceRef?> map, CancellationToken cancellationToken)
        {
            var record = new DeclarationRecord
            {
                Kind = attribute.Kind.ToString(),
                Target = DeclarationEvaluator.TargetName(attribute.Target),
                Source = map(attribute.Location(cancellationToken)),
            };
            var parameters = attribute.Data.AttributeConstructor?.Parameters ?? default;
            var arguments = attribute.Data.ConstructorArguments;
            for (var i = 0; i < arguments.Length; i++)
            {
                var name = !parameters.IsDefault && i < parameters.Length ? Capitalize(parameters[i].Name) : "Arg" + i.ToString(CultureInfo.InvariantCulture);
                AddValue(record, name, arguments[i]);
            }

            foreach (var pair in attribute.Data.NamedArguments)
            {
                AddValue(record, pair.Key, pair.Value);
            }

            return record;
        }

        /// <summary>A value as written; an array also item by item in <see cref="DeclarationRecord.Lists"/> (never split again).</summary>
        private static void AddValue(DeclarationRecord record, string name, TypedConstant constant)
        {
            record.Values[name] = Format(constant, constant.Type);
            if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
            {
                var items = new List<string>();
                foreach (var item in constant.Values)
                {
                    items.Add(Format(item, item.Type));
                }

                record.Lists[name] = items;
            }
        }

        private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

        private static string Format(TypedConstant constant, ITypeSymbol? type)
        {
            if (constant.IsNull)
            {
                return string.Empty;
            }

            if (constant.Kind == TypedConstantKind.Array)
            {
                var items = new List<string>();
                foreach (var item in constant.Values)
                {
                    items.Add(Format(item, item.Type));
                }

                return string.Join(", ", items);
            }

            if (constant.Kind == TypedConstantKind.Enum && constant.Type is INamedTypeSymbol enumType)
            {
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant.Value))
                    {
                        return field.Name;
                    }
                }
            }

            return constant.Value switch
            {
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                null => string.Empty,
                var v => v.ToString() ?? string.Empty,
            };
        }

        private static IEnumerable<string> Names(Requirements requirements)
        {
            foreach (var kind in RuleCatalogue.RequiredKinds)
            {
                if (requirements.Contains(kind))
                {
                    yield return PolicyAttributes.ShortName(kind);
                }
            }
        }

        private static string StateName(ExemptionState state) => state switch
        {
            ExemptionState.Active => "active",
            ExemptionState.Expired => "expired",
            ExemptionState.MalformedExpiry => "malformed-expiry",
            _ => "unjustified",
        };

        /// <summary>SARIF level names.</summary>
        public static string SeverityName(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        private static string KindName(AiKind kind) => kind switch
        {
            AiKind.Generative => "generative",
            AiKind.Embedding => "embedding",
            AiKind.ClassicalMl => "classical-ml",
            AiKind.LocalRuntime => "local-runtime",
            _ => "custom",
        };

        private static string LineText(Location location)
        {
            if (!location.IsInSource || location.SourceTree is null)
            {
                return string.Empty;
            }

            var text = location.SourceTree.GetText();
            var line = text.Lines.GetLineFromPosition(location.SourceSpan.Start);
            return line.ToString().Trim();
        }

        /// <summary>Every source type of the compilation (nested included, implicit simple-program type included).</summary>
        public static IEnumerable<INamedTypeSymbol> SourceTypes(Compilation compilation)
        {
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.Assembly.GlobalNamespace);
            var result = new List<INamedTypeSymbol>();
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol child)
                    {
                        stack.Push(child);
                    }
                }

                if (current is INamedTypeSymbol type && !type.DeclaringSyntaxReferences.IsEmpty)
                {
                    result.Add(type);
                }
            }

            result.Sort(SourceOrder.CompareSymbols);
            return result;
        }
    }
}
