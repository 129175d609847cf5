using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Declarations;
using Policy.Model.Detection;

namespace Policy.Model.Evaluation
{
    /// <summary>
    /// Findings about how AI clients are configured in code: POL016 (telemetry records message content in a system that
    /// processes personal data) and POL050 (a constant model id not on <c>policy.models.allowed</c>). One operation at a
    /// time, from the facts of <see cref="Telemetry"/> and <see cref="ModelReferences"/>; the analyzers and the baseline
    /// check call the same functions.
    /// </summary>
    public static class AiCodeEvaluator
    {
        /// <summary>Evaluates one operation (an invocation, an object creation or an assignment) of <paramref name="owner"/>'s code.</summary>
        /// <param name="operation">An invocation, object creation or assignment.</param>
        /// <param name="owner">The type whose code it is (null for top-level code).</param>
        /// <param name="policy">The compilation's policy context.</param>
        /// <param name="findings">Where findings are added.</param>
        /// <param name="cancellationToken">Cancellation.</param>
        /// <param name="telemetry">False to skip POL016 (the benchmark times each analysis alone).</param>
        /// <param name="models">False to skip POL050 (likewise).</param>
        public static void Evaluate(IOperation operation, INamedTypeSymbol? owner, PolicyContext policy, List<Finding> findings, CancellationToken cancellationToken, bool telemetry = true, bool models = true)
        {
            var first = findings.Count;
            if (telemetry && Telemetry.SensitiveDataSwitch(operation) is { } what && PersonalDataSystem(owner, policy.Index) is { } system)
            {
                var location = operation is IInvocationOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } }
                    ? member.Name.GetLocation()
                    : operation.Syntax.GetLocation();
                findings.Add(new Finding(Evaluation.RuleIds.SensitiveTelemetry, location, system, what, system));
            }

            var settings = policy.SettingsFor(operation.Syntax.SyntaxTree);
            if (models && settings.ModelsAllowed is { } allowed)
            {
                var stated = new List<ModelReference>();
                ModelReferences.Recognise(operation, stated);
                foreach (var model in stated)
                {
                    if (model.Model is { } id && !settings.IsModelAllowed(id))
                    {
                        findings.Add(new Finding(Evaluation.RuleIds.UnapprovedModel, model.Location, null, id, string.Join(", ", allowed)));
                    }
                }
            }

            for (var i = first; i < findings.Count; i++)
            {
                findings[i].WithSubject(owner);
            }
        }

        /// <summary>Evaluates every candidate operation written in a type's declarations (the baseline's re-check).</summary>
        public static void EvaluateType(INamedTypeSymbol type, PolicyContext policy, List<Finding> findings, CancellationToken cancellationToken)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var root = reference.GetSyntax(cancellationToken);
                SemanticModel? model = null;
                foreach (var node in root.DescendantNodes())
                {
                    if (!ModelReferences.MayState(node) && !Telemetry.MayRecognise(node) && !IsSensitiveAssignment(node))
                    {
                        continue;
                    }

                    model ??= policy.Compilation.GetSemanticModel(root.SyntaxTree);
                    if (model.GetOperation(node, cancellationToken) is { } operation)
                    {
                        Evaluate(operation, type, policy, findings, cancellationToken);
                    }
                }
            }
        }

        /// <summary>True for <c>X.EnableSensitiveData = ...</c> by its syntax (nothing bound).</summary>
        public static bool IsSensitiveAssignment(SyntaxNode node) =>
            node is AssignmentExpressionSyntax assignment && SyntaxNames.Rightmost(assignment.Left) == Telemetry.SensitiveDataProperty;

        /// <summary>
        /// The first (by id) system that processes personal data among those covering <paramref name="owner"/>; for code in
        /// no system (top-level statements, start-up code), among the systems declared in the compilation.
        /// </summary>
        private static string? PersonalDataSystem(INamedTypeSymbol? owner, DeclarationIndex index)
        {
            var ids = owner is null ? ImmutableArray<string>.Empty : DeclarationReader.CoveringSystems(owner);
            var candidates = new SortedSet<string>(System.StringComparer.Ordinal);
            if (ids.IsEmpty)
            {
                foreach (var system in index.Systems)
                {
                    if (system.ProcessesPersonalData && system.Id.Length > 0)
                    {
                        candidates.Add(system.Id);
                    }
                }
            }
            else
            {
                foreach (var id in ids)
                {
                    var declares = false;
                    foreach (var system in index.SystemsWithId(id))
                    {
                        declares |= system.ProcessesPersonalData;
                    }

                    if (declares || index.ReferencedSystem(id)?.ProcessesPersonalData == true)
                    {
                        candidates.Add(id);
                    }
                }
            }

            foreach (var id in candidates)
            {
                return id;
            }

            return null;
        }
    }
}
