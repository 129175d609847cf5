using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Policy.Model.DataFlow;
using Policy.Model.Declarations;
using Policy.Model.Detection;

namespace Policy.Model.Evaluation
{
    /// <summary>POL010 and POL011: turns the data-flow facts of one AI call (DataFlowContext) into findings.</summary>
    public static class DataFlowEvaluator
    {
        private const int MaxNamed = 5;

        /// <summary>
        /// Judges one AI call: POL010 when data from an own type or member without any classification reaches it,
        /// POL011 when personal data reaches it and an AI system the containing type belongs to does not declare
        /// ProcessesPersonalData (skipped when the type belongs to no system: POL001 reports that). At most one finding
        /// per rule; the subject is the containing type.
        /// </summary>
        public static void Evaluate(DataFlowContext dataFlow, AiSinkCall sink, MethodDataFlow flow, INamedTypeSymbol owner, List<Finding> findings, CancellationToken cancellationToken)
        {
            var ordered = dataFlow.SourcesReaching(sink, flow, cancellationToken);
            if (ordered.Count == 0)
            {
                return;
            }

            Judge(dataFlow, ordered, sink.Location, sink.Display, owner, DeclarationReader.CoveringSystems(owner), findings);
        }

        /// <summary>
        /// Judges what a tool hands to the model (its returned values): POL010 and POL011 as for an AI call, reported on
        /// the tool method's name, for the systems the tool belongs to.
        /// </summary>
        public static void EvaluateTool(DataFlowContext dataFlow, ToolRegistration tool, IReadOnlyList<DataSource> sources, List<Finding> findings)
        {
            if (sources.Count == 0)
            {
                return;
            }

            var subject = tool.Lambda is null && tool.Method.ContainingType is { } declaring ? declaring : tool.Registrar;
            Judge(dataFlow, sources, tool.Location, "tool result of " + tool.MethodDisplay, subject, tool.Systems(), findings);
        }

        /// <summary>POL041: untrusted input in the values of a system prompt, reported at the value.</summary>
        public static void EvaluatePrompt(DataFlowContext dataFlow, PromptSink sink, MethodDataFlow flow, INamedTypeSymbol owner, List<Finding> findings)
        {
            var systems = DeclarationReader.CoveringSystems(owner);
            foreach (var value in sink.Values)
            {
                var untrusted = dataFlow.UntrustedSourcesOf(value, flow);
                if (untrusted.Count > 0)
                {
                    findings.Add(new Finding(
                        RuleIds.UntrustedSystemPrompt,
                        value.Syntax.GetLocation(),
                        systems.IsEmpty ? null : systems[0],
                        Locations(untrusted),
                        sink.Display,
                        Names(untrusted, withClass: false)).WithSubject(owner));
                }
            }
        }

        private static void Judge(DataFlowContext dataFlow, IReadOnlyList<DataSource> ordered, Location location, string display, INamedTypeSymbol owner, ImmutableArray<string> systems, List<Finding> findings)
        {
            var unclassified = new List<DataSource>();
            var personal = new List<DataSource>();
            foreach (var source in ordered)
            {
                if (source.Kind == DataSourceKind.Untrusted)
                {
                    continue; // POL041's business, not a data classification question.
                }

                if (source.Label is null)
                {
                    unclassified.Add(source);
                }
                else if (source.Label.IsPersonal)
                {
                    personal.Add(source);
                }
            }

            if (unclassified.Count > 0)
            {
                findings.Add(new Finding(
                    RuleIds.UnclassifiedData,
                    location,
                    systems.IsEmpty ? null : systems[0],
                    Locations(unclassified),
                    display,
                    Names(unclassified, withClass: false)).WithSubject(owner).WithDataSources(SymbolIds(unclassified)));
            }

            if (personal.Count > 0 && !systems.IsEmpty)
            {
                var undeclared = UndeclaredSystems(dataFlow.Index, systems);
                if (undeclared.Count > 0)
                {
                    findings.Add(new Finding(
                        RuleIds.UndeclaredPersonalData,
                        location,
                        undeclared[0],
                        Locations(personal),
                        display,
                        Names(personal, withClass: true),
                        SystemsPhrase(undeclared)).WithSubject(owner));
                }
            }
        }

        /// <summary>The systems (by id) that do not declare ProcessesPersonalData; ids declared nowhere are skipped (POL009).</summary>
        private static List<string> UndeclaredSystems(DeclarationIndex index, ImmutableArray<string> ids)
        {
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

        private static string Names(IReadOnlyList<DataSource> sources, bool withClass)
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

        private static ImmutableArray<Location> Locations(IReadOnlyList<DataSource> sources)
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
    }
}
