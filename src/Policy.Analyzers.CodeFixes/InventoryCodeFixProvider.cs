using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers.CodeFixes
{
    /// <summary>
    /// POL001 fixes: "Declare as AI system" (adds [AiSystem] with the required values visibly unfilled, so POL007 keeps
    /// flagging them until a human fills them in; the first action, the one <c>dotnet format</c> applies) and
    /// "Add to AI system 'id'" (one [AiComponent] action per system known to the compilation).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InventoryCodeFixProvider)), Shared]
    public sealed class InventoryCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence key of the "declare as AI system" action.</summary>
        public const string DeclareSystemKey = "POL001.DeclareAiSystem";

        /// <summary>Equivalence key prefix of the "add to AI system" actions (followed by the system id).</summary>
        public const string AddToSystemKeyPrefix = "POL001.AddToAiSystem:";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UndeclaredAiComponent);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
                var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                if (token.Parent is not BaseTypeDeclarationSyntax declaration || declaration.Identifier != token)
                {
                    continue; // Top-level statements and Razor markup: no safe place for a type attribute.
                }

                var name = declaration.Identifier.ValueText;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare '{name}' as an AI system",
                        ct => AddAttributeAsync(context.Document, declaration.SpanStart, SystemAttribute(ToKebabCase(name)), ct),
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
                            ct => AddAttributeAsync(context.Document, declaration.SpanStart, ComponentAttribute(id), ct),
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

        private static AttributeListSyntax SystemAttribute(string id) => List(
            "AiSystem",
            "(\"" + id + "\", Purpose = \"TODO\", Owner = \"TODO\", RiskLevel = AiRiskLevel.Unspecified)");

        private static AttributeListSyntax ComponentAttribute(string id) => List("AiComponent", "(\"" + id.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\")");

        private static AttributeListSyntax List(string name, string arguments) =>
            SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(name), SyntaxFactory.ParseAttributeArgumentList(arguments))));

        /// <summary>Fix All: every flagged type of a document in one edit, with one using, so the result equals one-by-one fixes.</summary>
        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var key = context.CodeActionEquivalenceKey ?? DeclareSystemKey;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var declarations = diagnostics
                .Select(d => root.FindToken(d.Location.SourceSpan.Start))
                .Where(t => t.Parent is BaseTypeDeclarationSyntax declaration && declaration.Identifier == t)
                .Select(t => (BaseTypeDeclarationSyntax)t.Parent!)
                .Distinct()
                .ToList();
            if (declarations.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(declarations, (original, _) => AttributeInserter.Add(
                original,
                key.StartsWith(AddToSystemKeyPrefix, System.StringComparison.Ordinal)
                    ? ComponentAttribute(key.Substring(AddToSystemKeyPrefix.Length))
                    : SystemAttribute(ToKebabCase(original.Identifier.ValueText))));
            newRoot = await UsingAdder.EnsureAsync(document, (CompilationUnitSyntax)newRoot, PolicyAttributes.Namespace, context.CancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(newRoot);
        }

        private static async Task<Document> AddAttributeAsync(Document document, int declarationStart, AttributeListSyntax attribute, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || root.FindToken(declarationStart).Parent?.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is not { } declaration)
            {
                return document;
            }

            var newDeclaration = AttributeInserter.Add(declaration, attribute);
            var newRoot = root.ReplaceNode(declaration, newDeclaration);
            newRoot = await UsingAdder.EnsureAsync(document, (CompilationUnitSyntax)newRoot, PolicyAttributes.Namespace, cancellationToken).ConfigureAwait(false);
            return document.WithSyntaxRoot(newRoot);
        }
    }
}
