using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Declarations;
using Policy.Model.Rules;
using Policy.Model.Settings;

namespace Policy.Model.Evaluation
{
    /// <summary>
    /// Evaluates declarations against the policy: completeness of every attribute (POL007), unknown system ids
    /// (POL009), prohibited systems (POL012), duplicate ids (POL008) and the declarations each system requires
    /// (POL002, POL003, POL005, POL006, POL013). The one evaluation behind the analyzers and the CLI.
    /// </summary>
    public static class DeclarationEvaluator
    {
        /// <summary>
        /// Evaluates declarations as the analyzers do: each attribute on its own, and each [AiSystem] with what it
        /// requires. The settings are those of the file each attribute is written in.
        /// </summary>
        public static void Evaluate(IEnumerable<AttributeView> declarations, PolicyContext policy, List<Finding> findings, CancellationToken cancellationToken)
        {
            var index = policy.Index;
            foreach (var declaration in declarations)
            {
                var settings = policy.SettingsFor(declaration.Data.ApplicationSyntaxReference?.SyntaxTree);
                CheckAttribute(declaration, index, settings, findings, cancellationToken);
                if (declaration.Kind == DeclarationKind.AiSystem)
                {
                    var system = new SystemDeclaration(declaration);
                    CheckSystem(system, index, settings, SystemLocation(system, cancellationToken), findings, cancellationToken, policy.Telemetry);
                }
            }
        }

        /// <summary>Checks one attribute on its own: POL007, POL009 and POL012.</summary>
        public static void CheckAttribute(AttributeView attribute, DeclarationIndex index, PolicySettings settings, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (!attribute.IsBound || !attribute.IsInSource)
            {
                return;
            }

            var first = findings.Count;
            CheckAttributeCore(attribute, index, settings, findings, cancellationToken);
            SetSubject(findings, first, attribute.Target is IParameterSymbol parameter ? parameter.ContainingSymbol : attribute.Target);
        }

        private static void SetSubject(List<Finding> findings, int first, ISymbol subject)
        {
            for (var i = first; i < findings.Count; i++)
            {
                findings[i].WithSubject(subject);
            }
        }

        private static void CheckAttributeCore(AttributeView attribute, DeclarationIndex index, PolicySettings settings, List<Finding> findings, CancellationToken cancellationToken)
        {

            var subject = Subject(attribute);
            switch (attribute.Kind)
            {
                case DeclarationKind.AiSystem:
                    var system = new SystemDeclaration(attribute);
                    RequireConstructor(attribute, 0, "id", subject, system.Id, findings, cancellationToken);
                    Require(attribute, "Purpose", subject, system.Id, findings, cancellationToken);
                    Require(attribute, "Owner", subject, system.Id, findings, cancellationToken);
                    if (settings.RequireIntendedUse)
                    {
                        Require(attribute, "IntendedUse", subject, system.Id, findings, cancellationToken);
                    }

                    if (system.RiskLevel == RiskLevel.Unspecified)
                    {
                        findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.NamedLocation("RiskLevel", cancellationToken), system.Id,
                            subject, "RiskLevel", attribute.HasNamed("RiskLevel") ? "Unspecified" : "missing"));
                    }
                    else if (system.RiskLevel == RiskLevel.Prohibited)
                    {
                        findings.Add(new Finding(RuleIds.ProhibitedSystem, attribute.NamedLocation("RiskLevel", cancellationToken), system.Id, system.Id));
                    }

                    break;

                case DeclarationKind.AiComponent:
                    var id = attribute.ConstructorString(0);
                    if (DeclarationValues.Problem(id) is { } idProblem)
                    {
                        findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.ConstructorLocation(0, cancellationToken), null, subject, "systemId", idProblem));
                    }
                    else if (!index.IsKnownSystem(id!))
                    {
                        findings.Add(new Finding(RuleIds.UnknownSystem, attribute.ConstructorLocation(0, cancellationToken), id, id!, TargetName(attribute.Target)));
                    }

                    break;

                case DeclarationKind.HumanOversight:
                    Require(attribute, "Role", subject, null, findings, cancellationToken);
                    break;

                case DeclarationKind.BiasEvaluation:
                    Require(attribute, "Report", subject, null, findings, cancellationToken);
                    RequireDate(attribute, "EvaluatedOn", subject, findings, cancellationToken);
                    break;

                case DeclarationKind.ExplainabilityRecord:
                    Require(attribute, "Method", subject, null, findings, cancellationToken);
                    Require(attribute, "Store", subject, null, findings, cancellationToken);
                    break;

                case DeclarationKind.ImpactAssessment:
                    Require(attribute, "Reference", subject, null, findings, cancellationToken);
                    RequireDate(attribute, "AssessedOn", subject, findings, cancellationToken);
                    break;

                case DeclarationKind.EventLogging:
                    Require(attribute, "Destination", subject, null, findings, cancellationToken);
                    if (attribute.NamedInt("RetentionDays") < 0)
                    {
                        findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.NamedLocation("RetentionDays", cancellationToken), null, subject, "RetentionDays", "negative"));
                    }

                    break;

                case DeclarationKind.AiDisclosure:
                    Require(attribute, "Notice", subject, null, findings, cancellationToken);
                    break;

                case DeclarationKind.PolicyExemption:
                    ExemptionEvaluator.Check(attribute, settings, findings, cancellationToken);
                    break;

                case DeclarationKind.DataProvenance:
                    RequireConstructor(attribute, 0, "source", subject, null, findings, cancellationToken);
                    if (attribute.HasNamed("AcquiredOn"))
                    {
                        RequireDate(attribute, "AcquiredOn", subject, findings, cancellationToken);
                    }

                    break;
            }
        }

        /// <summary>
        /// Checks what a declared system requires (every requirement rule of the catalogue: a finding exactly when a
        /// required kind has no declaration in <see cref="DeclarationIndex.Governance"/>) and whether its id is unique
        /// (POL008). <paramref name="location"/> is where requirement findings go: the declaring type's identifier or
        /// the assembly attribute.
        /// </summary>
        /// <param name="system">The system.</param>
        /// <param name="index">The declaration index.</param>
        /// <param name="settings">The settings of the file the system is declared in.</param>
        /// <param name="location">Where requirement findings go.</param>
        /// <param name="findings">Receives the findings.</param>
        /// <param name="cancellationToken">Cancellation.</param>
        /// <param name="telemetry">The telemetry observed per system (POL015 is satisfied by it too); null to count declarations only.</param>
        public static void CheckSystem(SystemDeclaration system, DeclarationIndex index, PolicySettings settings, Location location, List<Finding> findings, CancellationToken cancellationToken, Detection.TelemetryObserver? telemetry = null)
        {
            if (!system.Attribute.IsBound || !system.Attribute.IsInSource)
            {
                return;
            }

            var first = findings.Count;
            CheckSystemCore(system, index, settings, location, findings, cancellationToken, telemetry);
            SetSubject(findings, first, system.DeclaringSymbol);
        }

        private static void CheckSystemCore(SystemDeclaration system, DeclarationIndex index, PolicySettings settings, Location location, List<Finding> findings, CancellationToken cancellationToken, Detection.TelemetryObserver? telemetry)
        {
            CheckDuplicates(system, index, findings, cancellationToken);

            if (system.RiskLevel == RiskLevel.Prohibited)
            {
                return; // POL012 says it all: a prohibited system must not ship, whatever it declares.
            }

            var byRisk = settings.ByRisk.TryGetValue(system.RiskLevel, out var r) ? r : Requirements.None;
            var required = settings.RequirementsFor(system);
            foreach (var rule in RuleCatalogue.Requirements)
            {
                var kind = rule.RequiredDeclaration.GetValueOrDefault();
                if (required.Contains(kind) && index.Governance(system, kind).IsEmpty && !IsObserved(system, kind, telemetry, cancellationToken))
                {
                    findings.Add(new Finding(rule.Id, location, system.Id, system.Id, Reason(system, settings, byRisk, kind)));
                }
            }

            if (system.GeneratesSyntheticContent)
            {
                // Art. 50(2): a system that generates synthetic content must say how its output is marked.
                foreach (var disclosure in index.Governance(system, DeclarationKind.AiDisclosure))
                {
                    if (disclosure.IsInSource && DeclarationValues.Problem(disclosure.NamedString("ContentMarking")) is { } problem)
                    {
                        findings.Add(new Finding(RuleIds.IncompleteDeclaration, disclosure.NamedLocation("ContentMarking", cancellationToken), system.Id,
                            Subject(disclosure) + " (AI system '" + system.Id + "' declares GeneratesSyntheticContent = true)", "ContentMarking", problem));
                    }
                }
            }

            CheckFreshness(system, index, settings, DeclarationKind.BiasEvaluation, "EvaluatedOn", settings.BiasEvaluationMaxAgeDays, RuleIds.StaleBiasEvaluation, findings, cancellationToken);
            if (settings.ImpactAssessmentMaxAgeDays is int impactDays)
            {
                CheckFreshness(system, index, settings, DeclarationKind.ImpactAssessment, "AssessedOn", impactDays, RuleIds.StaleImpactAssessment, findings, cancellationToken);
            }
        }

        /// <summary>
        /// Whether code satisfies a requirement without a declaration: event logging (POL015) is also satisfied by
        /// logging or telemetry observed in the system's code (<see cref="Detection.TelemetryObserver"/>).
        /// </summary>
        private static bool IsObserved(SystemDeclaration system, DeclarationKind kind, Detection.TelemetryObserver? telemetry, CancellationToken cancellationToken) =>
            kind == DeclarationKind.EventLogging && telemetry != null && !telemetry.Observe(system, cancellationToken).IsEmpty;

        /// <summary>
        /// POL004 / POL014: the newest evaluation (assessment) of a system is older than the policy's maximum age on the
        /// evaluation date. Silent without an evaluation date: the analyzers never read the clock.
        /// </summary>
        private static void CheckFreshness(
            SystemDeclaration system, DeclarationIndex index, PolicySettings settings, DeclarationKind kind, string dateProperty, int maxAgeDays,
            string ruleId, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (settings.EvaluationDate is not { } today)
            {
                return;
            }

            AttributeView? newest = null;
            System.DateTime newestDate = default;
            foreach (var declaration in index.Governance(system, kind))
            {
                if (DeclarationValues.ParseDate(declaration.NamedString(dateProperty)) is { } date && (newest is null || date > newestDate))
                {
                    newest = declaration;
                    newestDate = date;
                }
            }

            if (newest is null)
            {
                return; // Missing or malformed dates are POL003/POL006/POL007 territory.
            }

            var age = (int)(today - newestDate).TotalDays;
            if (age > maxAgeDays)
            {
                findings.Add(new Finding(ruleId, newest.NamedLocation(dateProperty, cancellationToken), system.Id,
                    system.Id, newestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), age.ToString(CultureInfo.InvariantCulture),
                    maxAgeDays.ToString(CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>Where requirement findings of a system go: the identifier of the type declaration that carries the attribute, or the assembly attribute.</summary>
        public static Location SystemLocation(SystemDeclaration system, CancellationToken cancellationToken)
        {
            var syntax = system.Attribute.Syntax(cancellationToken);
            if (syntax?.Parent?.Parent is BaseTypeDeclarationSyntax type)
            {
                return type.Identifier.GetLocation();
            }

            return syntax?.Name.GetLocation() ?? Location.None;
        }

        private static string Reason(SystemDeclaration system, PolicySettings settings, Requirements byRisk, DeclarationKind requirement)
        {
            var reasons = new List<string>(3);
            if (byRisk.Contains(requirement))
            {
                reasons.Add("risk level " + system.RiskLevel);
            }

            if (system.AutomatedDecisions && settings.AutomatedDecisions.Contains(requirement))
            {
                reasons.Add("AutomatedDecisions = true");
            }

            if (system.ProcessesPersonalData && settings.PersonalData.Contains(requirement))
            {
                reasons.Add("ProcessesPersonalData = true");
            }

            if (system.InteractsWithPeople && settings.InteractsWithPeople.Contains(requirement))
            {
                reasons.Add("InteractsWithPeople = true");
            }

            if (system.GeneratesSyntheticContent && settings.SyntheticContent.Contains(requirement))
            {
                reasons.Add("GeneratesSyntheticContent = true");
            }

            return string.Join(", ", reasons);
        }

        private static void CheckDuplicates(SystemDeclaration system, DeclarationIndex index, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (DeclarationValues.Problem(system.Id) != null)
            {
                return;
            }

            var others = ImmutableArray.CreateBuilder<Location>();
            var descriptions = new List<string>();
            foreach (var other in index.SystemsWithId(system.Id))
            {
                if (SameApplication(other.Attribute, system.Attribute) || other.Attribute.Data.ApplicationSyntaxReference is null)
                {
                    continue;
                }

                var location = other.Attribute.ConstructorLocation(0, cancellationToken);
                others.Add(location);
                descriptions.Add(Describe(location));
            }

            if (index.ReferencedAssemblyDeclaring(system.Id) is { } assembly)
            {
                descriptions.Add("assembly " + assembly);
            }

            if (descriptions.Count > 0)
            {
                findings.Add(new Finding(RuleIds.DuplicateSystemId, system.Attribute.ConstructorLocation(0, cancellationToken), system.Id, others.ToImmutable(),
                    system.Id, string.Join(", ", descriptions)));
            }
        }

        private static bool SameApplication(AttributeView a, AttributeView b)
        {
            var x = a.Data.ApplicationSyntaxReference;
            var y = b.Data.ApplicationSyntaxReference;
            return x != null && y != null && x.SyntaxTree == y.SyntaxTree && x.Span == y.Span;
        }

        /// <summary>"File.cs:12" for a source location.</summary>
        public static string Describe(Location location)
        {
            var span = location.GetMappedLineSpan();
            var path = span.Path ?? string.Empty;
            var slash = path.Length - 1; // by hand: LastIndexOfAny is vectorized framework code that the runtime JIT-compiles
            while (slash >= 0 && path[slash] != '/' && path[slash] != '\\')
            {
                slash--;
            }

            return (slash >= 0 ? path.Substring(slash + 1) : path) + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        }

        private static void Require(AttributeView attribute, string name, string subject, string? systemId, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (DeclarationValues.Problem(attribute.NamedString(name)) is { } problem)
            {
                findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.NamedLocation(name, cancellationToken), systemId, subject, name, problem));
            }
        }

        private static void RequireConstructor(AttributeView attribute, int index, string name, string subject, string? systemId, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (DeclarationValues.Problem(attribute.ConstructorString(index)) is { } problem)
            {
                findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.ConstructorLocation(index, cancellationToken), systemId, subject, name, problem));
            }
        }

        private static void RequireDate(AttributeView attribute, string name, string subject, List<Finding> findings, CancellationToken cancellationToken)
        {
            if (DeclarationValues.DateProblem(attribute.NamedString(name)) is { } problem)
            {
                findings.Add(new Finding(RuleIds.IncompleteDeclaration, attribute.NamedLocation(name, cancellationToken), null, subject, name, problem));
            }
        }

        /// <summary>How a message names an attribute: "[AiSystem("id")]" or "[HumanOversight] on LoanService".</summary>
        public static string Subject(AttributeView attribute)
        {
            if (attribute.Kind == DeclarationKind.AiSystem)
            {
                var id = attribute.ConstructorString(0);
                return string.IsNullOrWhiteSpace(id) ? "[AiSystem] on " + TargetName(attribute.Target) : "[AiSystem(\"" + id + "\")]";
            }

            return "[" + attribute.Kind + "] on " + TargetName(attribute.Target);
        }

        /// <summary>A short display name of a declaration target.</summary>
        public static string TargetName(ISymbol target) => target switch
        {
            IAssemblySymbol assembly => "assembly " + assembly.Name,
            INamedTypeSymbol type => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter =>
                TargetName(constructor.ContainingType) + "(" + parameter.Name + ")",
            IParameterSymbol parameter => TargetName(parameter.ContainingSymbol) + "(" + parameter.Name + ")",
            _ => target.ContainingType is { } containing
                ? containing.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + target.Name
                : target.Name,
        };
    }
}
