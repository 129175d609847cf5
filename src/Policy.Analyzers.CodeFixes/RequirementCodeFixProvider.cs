using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;
using Policy.Model.Rules;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// Every requirement rule of the catalogue (POL002, POL003, POL005, POL006, POL013, ...): adds the missing declaration to the type that declares the system (the
    /// partial declaration that carries its [AiSystem]), or as <c>[assembly: ...]</c> after an assembly-level
    /// [AiSystem], with its required values visibly unfilled ("TODO"), so POL007 keeps flagging them until a human
    /// supplies the evidence. Nothing is invented: no dates, paths or roles.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequirementCodeFixProvider)), Shared]
    public sealed class RequirementCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key of the POL002 fix.</summary>
        public const string AddHumanOversightKey = "POL002.AddHumanOversight";

        /// <summary>Equivalence key of the POL003 fix.</summary>
        public const string AddBiasEvaluationKey = "POL003.AddBiasEvaluation";

        /// <summary>Equivalence key of the POL005 fix.</summary>
        public const string AddExplainabilityRecordKey = "POL005.AddExplainabilityRecord";

        /// <summary>Equivalence key of the POL006 fix.</summary>
        public const string AddImpactAssessmentKey = "POL006.AddImpactAssessment";

        /// <summary>Equivalence key of the POL013 fix.</summary>
        public const string AddDataProvenanceKey = "POL013.AddDataProvenance";

        /// <summary>Equivalence key of the POL015 fix.</summary>
        public const string AddEventLoggingKey = "POL015.AddEventLogging";

        /// <summary>Equivalence key of the POL017 fix.</summary>
        public const string AddAiDisclosureKey = "POL017.AddAiDisclosure";

        /// <summary>Every requirement rule of the catalogue that has fix arguments: one fix each, nothing listed here.</summary>
        private static readonly ImmutableArray<Requirement> Requirements = RuleCatalogue.Requirements
            .Where(r => r.FixArguments != null)
            .Select(r => new Requirement(r.Id, r.Id + ".Add" + r.RequiredDeclaration!.Value, r.RequiredDeclaration!.Value.ToString(), r.FixArguments!))
            .ToImmutableArray();

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = Requirements.Select(r => r.RuleId).ToImmutableArray();

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => new ProjectFixAllProvider(FixAllInProjectAsync);

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var requirement = Requirements.FirstOrDefault(r => r.RuleId == diagnostic.Id);
                if (requirement is null || FixSite.Find(root, diagnostic.Location.SourceSpan) is not { } site ||
                    !site.Allows(await TargetsAsync(context.Document.Project, requirement, context.CancellationToken).ConfigureAwait(false)))
                {
                    continue;
                }

                var where = site.Type is { } type ? "'" + type.Identifier.ValueText + "'" : "the assembly";
                var edit = requirement.Edit(context.Document.Id, site);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add [{requirement.Attribute}] to {where} (values to be filled in)",
                        ct => DeclarationWriter.ApplyAsync(context.Document, new[] { edit }, ct),
                        requirement.Key),
                    diagnostic);
            }
        }

        /// <summary>
        /// Fix All over one project, in one-by-one order: one declaration per declaring type (partial types and types
        /// that declare several systems get one), none after an assembly-level one (it counts for every system of the
        /// project), and none for a system that a type fixed earlier already serves as an [AiComponent].
        /// </summary>
        private static async Task<Solution> FixAllInProjectAsync(Solution solution, ProjectId projectId, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            var requirement = Requirements.FirstOrDefault(r => r.Key == key) ?? Requirements.FirstOrDefault(r => diagnostics.Any(d => d.Id == r.RuleId));
            if (project is null || requirement is null || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
            {
                return solution;
            }

            var targets = Targets(compilation, requirement);
            var edits = new List<AttributeEdit>();
            var fixedTypes = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var servedIds = new HashSet<string>(StringComparer.Ordinal);
            var assemblyFixed = false;
            foreach (var diagnostic in diagnostics.Where(d => d.Id == requirement.RuleId))
            {
                if (assemblyFixed)
                {
                    break;
                }

                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root ||
                    FixSite.Find(root, diagnostic.Location.SourceSpan) is not { } site || !site.Allows(targets))
                {
                    continue;
                }

                if (site.Type is { } declaration)
                {
                    var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || fixedTypes.Contains(type) ||
                        SystemIds(DeclarationReader.Read(type)).All(servedIds.Contains))
                    {
                        continue;
                    }

                    fixedTypes.Add(type);
                    foreach (var component in DeclarationReader.Read(type).Where(d => d.Kind == DeclarationKind.AiComponent))
                    {
                        servedIds.Add(component.ConstructorString(0) ?? string.Empty);
                    }
                }
                else
                {
                    var inList = DeclarationReader.Read(compilation.Assembly)
                        .Where(d => d.Data.ApplicationSyntaxReference is { } r && r.SyntaxTree == root.SyntaxTree && site.Node.Span.Contains(r.Span));
                    if (SystemIds(inList).All(servedIds.Contains))
                    {
                        continue;
                    }

                    assemblyFixed = true;
                }

                edits.Add(requirement.Edit(document.Id, site));
            }

            return await DeclarationWriter.ApplyAsync(solution, edits, cancellationToken).ConfigureAwait(false);
        }

        private static IEnumerable<string> SystemIds(IEnumerable<AttributeView> declarations)
        {
            var any = false;
            foreach (var declaration in declarations.Where(d => d.Kind == DeclarationKind.AiSystem))
            {
                any = true;
                yield return declaration.ConstructorString(0) ?? string.Empty;
            }

            if (!any)
            {
                yield return "\u0000"; // No system read (unbound attribute): never counts as served.
            }
        }

        private static async Task<AttributeTargets> TargetsAsync(Project project, Requirement requirement, CancellationToken cancellationToken) =>
            await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } compilation ? Targets(compilation, requirement) : AttributeTargets.Class | AttributeTargets.Struct;

        /// <summary>Where the attribute may stand, read from its [AttributeUsage] (so a new attribute needs no entry here).</summary>
        private static AttributeTargets Targets(Compilation compilation, Requirement requirement)
        {
            var type = compilation.GetTypeByMetadataName(PolicyAttributes.Namespace + "." + requirement.Attribute + "Attribute");
            foreach (var attribute in type?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
            {
                if (attribute.AttributeClass?.Name == nameof(AttributeUsageAttribute) && attribute.ConstructorArguments.Length > 0 &&
                    attribute.ConstructorArguments[0].Value is int targets)
                {
                    return (AttributeTargets)targets;
                }
            }

            return AttributeTargets.Class | AttributeTargets.Struct;
        }

        private sealed class Requirement
        {
            public Requirement(string ruleId, string key, string attribute, string arguments)
            {
                RuleId = ruleId;
                Key = key;
                Attribute = attribute;
                Arguments = arguments;
            }

            public string RuleId { get; }

            public string Key { get; }

            public string Attribute { get; }

            public string Arguments { get; }

            public AttributeEdit Edit(DocumentId document, FixSite site) =>
                new AttributeEdit(document, site.Node, AttributeFactory.List(Attribute, Arguments, assembly: site.AssemblyList != null));
        }
    }
}
