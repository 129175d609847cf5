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
    /// POL040: adds <c>[HumanOversight(OversightMode.HumanInTheLoop, Role = "TODO")]</c> to the tool method (the
    /// arguments of POL002's fix, from the catalogue), so that the tool is approval-gated on record and POL007 keeps
    /// flagging the role until a human names it. Offered only when the diagnostic is on a method declaration.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ToolApprovalCodeFixProvider)), Shared]
    public sealed class ToolApprovalCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key of the fix.</summary>
        public const string Key = "POL040.AddHumanOversight";

        private static readonly string Arguments = RuleCatalogue.RequirementFor(DeclarationKind.HumanOversight)?.FixArguments ?? "(OversightMode.HumanInTheLoop, Role = \"TODO\")";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UngatedTool);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
                if (root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method ||
                    method.Identifier.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add [HumanOversight] to '{method.Identifier.ValueText}' (role to be filled in)",
                        ct => ApplyAsync(context.Document, method, ct),
                        Key),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, MethodDeclarationSyntax method, CancellationToken cancellationToken)
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
            {
                return document;
            }

            var current = root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Span == method.Span) ?? method;
            root = root.ReplaceNode(current, AttributeInserter.AddToMember(current, AttributeFactory.List("HumanOversight", Arguments)));
            root = await UsingAdder.EnsureAsync(document, root, PolicyAttributes.Namespace, cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(root);
        }
    }
}
