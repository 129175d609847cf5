using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// POL001 fixes: "Declare as AI system" (adds [AiSystem] with the required values visibly unfilled, so POL007 keeps
    /// flagging them until a human fills them in; the first action, the one <c>dotnet format</c> applies), "Add to AI
    /// system 'id'" (one [AiComponent] action per system known to the compilation) and, for top-level statements,
    /// "Declare the assembly as AI system" (<c>[assembly: AiSystem(...)]</c>, the only declaration that covers them).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InventoryCodeFixProvider)), Shared]
    public sealed class InventoryCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key of the "declare as AI system" action.</summary>
        public const string DeclareSystemKey = "POL001.DeclareAiSystem";

        /// <summary>Equivalence key prefix of the "add to AI system" actions (followed by the system id).</summary>
        public const string AddToSystemKeyPrefix = "POL001.AddToAiSystem:";

        /// <summary>Equivalence key of the "declare the assembly as AI system" action (top-level statements).</summary>
        public const string DeclareAssemblySystemKey = "POL001.DeclareAssemblyAiSystem";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredAiComponent);

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
                if (FixSite.Find(root, diagnostic.Location.SourceSpan)?.Type is not { } declaration)
                {
                    if (IsTopLevelStatement(root, diagnostic) && root is CompilationUnitSyntax unit)
                    {
                        var id = ToKebabCase(context.Document.Project.AssemblyName);
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                $"Declare the assembly as AI system '{id}'",
                                ct => DeclarationWriter.ApplyAsync(context.Document, new[] { AssemblyEdit(context.Document, unit) }, ct),
                                DeclareAssemblySystemKey),
                            diagnostic);
                    }

                    continue; // Razor markup: no safe place for an attribute.
                }

                var name = declaration.Identifier.ValueText;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare '{name}' as an AI system",
                        ct => DeclarationWriter.ApplyAsync(context.Document, new[] { new AttributeEdit(context.Document.Id, declaration, SystemAttribute(declaration)) }, ct),
                        DeclareSystemKey),
                    diagnostic);

                var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
                if (compilation is null)
                {
                    continue;
                }

                foreach (var id in DeclarationIndex.Build(compilation, context.CancellationToken).KnownSystemIds())
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Add '{name}' to AI system '{id}'",
                            ct => DeclarationWriter.ApplyAsync(context.Document, new[] { new AttributeEdit(context.Document.Id, declaration, ComponentAttribute(id)) }, ct),
                            AddToSystemKeyPrefix + id),
                        diagnostic);
                }
            }
        }

        /// <summary>"LoanUnderwritingService" -> "loan-underwriting-service"; "AIChatBot" -> "ai-chat-bot".</summary>
        public static string ToKebabCase(string name)
        {
            var builder = new StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    if (builder.Length > 0 && builder[builder.Length - 1] != '-')
                    {
                        builder.Append('-');
                    }

                    continue;
                }

                if (char.IsUpper(c) && builder.Length > 0 && builder[builder.Length - 1] != '-')
                {
                    var previousLower = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                    var nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (previousLower || (char.IsUpper(name[i - 1]) && nextLower))
                    {
                        builder.Append('-');
                    }
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString().Trim('-');
        }

        private static AttributeListSyntax SystemAttribute(BaseTypeDeclarationSyntax declaration) =>
            AttributeFactory.UnfilledSystem(ToKebabCase(declaration.Identifier.ValueText));

        private static AttributeListSyntax ComponentAttribute(string id) => AttributeFactory.List("AiComponent", "(" + AttributeFactory.Literal(id) + ")");

        private static AttributeEdit AssemblyEdit(Document document, CompilationUnitSyntax root) =>
            new AttributeEdit(document.Id, root, AttributeFactory.UnfilledSystem(ToKebabCase(document.Project.AssemblyName), assembly: true));

        private static bool IsTopLevelStatement(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<GlobalStatementSyntax>() != null;

        /// <summary>
        /// Fix All over one project, in one-by-one order: a type is skipped when a type fixed before it already covers
        /// it (a containing type or a base type), as the one-by-one fix of that type would have; the assembly action
        /// is applied once.
        /// </summary>
        private static async Task<Solution> FixAllInProjectAsync(Solution solution, ProjectId projectId, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            key ??= DeclareSystemKey;
            var project = solution.GetProject(projectId);
            if (project is null)
            {
                return solution;
            }

            var edits = new List<AttributeEdit>();
            var fixedTypes = new List<INamedTypeSymbol>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == RuleIds.UndeclaredAiComponent))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
                {
                    continue;
                }

                if (key == DeclareAssemblySystemKey)
                {
                    if (IsTopLevelStatement(root, diagnostic))
                    {
                        edits.Add(AssemblyEdit(document, root));
                        break; // One assembly declaration covers every type of the project.
                    }

                    continue;
                }

                if (FixSite.Find(root, diagnostic.Location.SourceSpan)?.Type is not { } declaration)
                {
                    continue;
                }

                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || fixedTypes.Any(f => Covers(f, type)))
                {
                    continue;
                }

                fixedTypes.Add(type);
                edits.Add(new AttributeEdit(document.Id, declaration, key.StartsWith(AddToSystemKeyPrefix, System.StringComparison.Ordinal)
                    ? ComponentAttribute(key.Substring(AddToSystemKeyPrefix.Length))
                    : SystemAttribute(declaration)));
            }

            return await DeclarationWriter.ApplyAsync(solution, edits, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether a declaration on <paramref name="declared"/> covers <paramref name="type"/> (itself, a containing type, or a base type of either; as DeclarationReader.CoveringSystems).</summary>
        private static bool Covers(INamedTypeSymbol declared, INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current != null; current = current.ContainingType)
            {
                for (var t = current; t != null; t = t.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, declared))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
