using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model;
using Policy.Model.Rules;
using Policy.Model.Declarations;
using Policy.Model.Evaluation;

namespace Policy.Analyzers
{
    /// <summary>
    /// Evaluates every Policy.Annotations declaration: completeness (POL007), unknown system ids (POL009), prohibited
    /// systems (POL012), duplicate ids (POL008) and what each system requires under the policy in force (POL002,
    /// POL003, POL005, POL006, POL013), aggregated per system id over its type, components and assembly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.ReportedBy(RuleReporter.DeclarationAnalyzer);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Declarations in generated code (for example Razor components carrying @attribute [AiSystem(...)]) are
            // evidence like any other and are checked the same way.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            if (!PolicyAnalysisSwitch.Enabled(start.Options).Has(PolicyAnalyses.Declarations) || !PolicyGate.MayDeclare(start.Compilation))
            {
                return;
            }

            var policy = PolicyContext.Get(start.Compilation, start.Options);

            // The index (a syntax scan, no binding) is built here, once, before any declaration callback runs: built on
            // first need instead, every callback that arrived meanwhile would wait for it (and be charged the wait).
            _ = policy.Index;

            // One semantic-model action per file, not a syntax-node action per declaration (a 5,000-type project has
            // 64,000 member, parameter and accessor declarations in a few hundred files). The file's declarations are
            // walked on their syntax down to members, parameters and accessors, never into a body; a declaration whose
            // attribute lists name none of our attributes (most of them) is dismissed on its syntax, without binding
            // anything. Each policy attribute is evaluated once, from the declaration it is written on; every diagnostic
            // lies in the file analysed, so it stays local (the IDE shows it and offers its code fixes).
            start.RegisterSemanticModelAction(context => AnalyzeFile(context, policy));
        }

        private static void AnalyzeFile(SemanticModelAnalysisContext context, PolicyContext policy)
        {
            // Most files name none of our attributes: the index's text scan (one pass over every file at compilation
            // start) says so, and their declarations are not walked at all.
            var tree = context.SemanticModel.SyntaxTree;
            if (!policy.Index.MayNameRuleAttribute(tree) || tree.GetRoot(context.CancellationToken) is not CompilationUnitSyntax root)
            {
                return;
            }

            foreach (var list in root.AttributeLists)
            {
                AnalyzeAssemblyAttributes(list, context, policy);
            }

            AnalyzeMembers(root.Members, context, policy);
        }

        /// <summary>
        /// The declarations that can carry attributes: types, enum members, delegates, methods, constructors,
        /// destructors, operators, conversions, properties, indexers, events, fields, their parameters (record and
        /// primary-constructor parameters included) and accessors. Bodies are not entered: the parameters of lambdas
        /// and local functions are not governed declarations.
        /// </summary>
        private static void AnalyzeMembers(SyntaxList<MemberDeclarationSyntax> members, SemanticModelAnalysisContext context, PolicyContext policy)
        {
            foreach (var member in members)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AnalyzeMembers(ns.Members, context, policy);
                        break;
                    case TypeDeclarationSyntax type:
                        AnalyzeDeclaration(type, type.AttributeLists, context, policy);
                        AnalyzeParameters(type.ParameterList, context, policy);
                        AnalyzeMembers(type.Members, context, policy);
                        break;
                    case EnumDeclarationSyntax @enum:
                        AnalyzeDeclaration(@enum, @enum.AttributeLists, context, policy);
                        foreach (var enumMember in @enum.Members)
                        {
                            AnalyzeDeclaration(enumMember, enumMember.AttributeLists, context, policy);
                        }

                        break;
                    case DelegateDeclarationSyntax @delegate:
                        AnalyzeDeclaration(@delegate, @delegate.AttributeLists, context, policy);
                        AnalyzeParameters(@delegate.ParameterList, context, policy);
                        break;
                    case BaseMethodDeclarationSyntax method:
                        AnalyzeDeclaration(method, method.AttributeLists, context, policy);
                        AnalyzeParameters(method.ParameterList, context, policy);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        AnalyzeDeclaration(property, property.AttributeLists, context, policy);
                        if (property is IndexerDeclarationSyntax indexer)
                        {
                            AnalyzeParameters(indexer.ParameterList, context, policy);
                        }

                        if (property.AccessorList is { } accessors)
                        {
                            foreach (var accessor in accessors.Accessors)
                            {
                                AnalyzeDeclaration(accessor, accessor.AttributeLists, context, policy);
                            }
                        }

                        break;
                    case BaseFieldDeclarationSyntax field:
                        AnalyzeDeclaration(field, field.AttributeLists, context, policy);
                        break;
                }
            }
        }

        private static void AnalyzeParameters(BaseParameterListSyntax? parameters, SemanticModelAnalysisContext context, PolicyContext policy)
        {
            if (parameters is null)
            {
                return;
            }

            foreach (var parameter in parameters.Parameters)
            {
                AnalyzeDeclaration(parameter, parameter.AttributeLists, context, policy);
            }
        }

        private static void AnalyzeDeclaration(SyntaxNode node, SyntaxList<AttributeListSyntax> lists, SemanticModelAnalysisContext context, PolicyContext policy)
        {
            if (lists.Count == 0 || !NamesPolicyAttribute(lists, policy) || !policy.HasAnnotations)
            {
                return; // HasAnnotations last: without Policy.Annotations there can be no declaration.
            }

            var declarations = ImmutableArray.CreateBuilder<AttributeView>();
            foreach (var symbol in Targets(node, context.SemanticModel, context.CancellationToken))
            {
                AddWrittenIn(lists, DeclarationReader.Read(symbol), declarations);
            }

            if (declarations.Count > 0)
            {
                Evaluate(declarations.ToImmutable(), policy, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        private static void AnalyzeAssemblyAttributes(AttributeListSyntax list, SemanticModelAnalysisContext context, PolicyContext policy)
        {
            if (list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) ||
                !NamesPolicyAttribute(SyntaxFactory.SingletonList(list), policy) || !policy.HasAnnotations)
            {
                return;
            }

            var declarations = ImmutableArray.CreateBuilder<AttributeView>();
            AddWrittenIn(SyntaxFactory.SingletonList(list), policy.Index.AssemblyDeclarations, declarations);
            if (declarations.Count > 0)
            {
                Evaluate(declarations.ToImmutable(), policy, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        private static bool NamesPolicyAttribute(SyntaxList<AttributeListSyntax> lists, PolicyContext policy)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    // [Classification] carries no declaration rule (POL010/POL011 read it where data flows): the
                    // commonest of our attributes, on data members, is dismissed without binding.
                    var name = PolicySyntax.SimpleName(attribute.Name);
                    if (name != "Classification" && name != "ClassificationAttribute" && PolicyAttributes.MayBePolicyAttribute(name, policy.AliasNames))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The declarations of <paramref name="all"/> written in these attribute lists (each attribute is judged once, where it is written).</summary>
        private static void AddWrittenIn(SyntaxList<AttributeListSyntax> lists, ImmutableArray<AttributeView> all, ImmutableArray<AttributeView>.Builder declarations)
        {
            foreach (var declaration in all)
            {
                var reference = declaration.Data.ApplicationSyntaxReference;
                if (reference is null)
                {
                    continue;
                }

                foreach (var list in lists)
                {
                    if (reference.SyntaxTree == list.SyntaxTree && list.Span.Contains(reference.Span))
                    {
                        declarations.Add(declaration);
                        break;
                    }
                }
            }
        }

        /// <summary>
        /// The symbols a declaration's attributes can apply to: the declared type, member, accessor or parameter (every
        /// variable of a field declaration; for a record's positional parameter also its property).
        /// </summary>
        private static IEnumerable<ISymbol> Targets(SyntaxNode node, SemanticModel model, System.Threading.CancellationToken cancellationToken)
        {
            switch (node)
            {
                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (model.GetDeclaredSymbol(variable, cancellationToken) is { } symbol)
                        {
                            yield return symbol;
                        }
                    }

                    break;
                case ParameterSyntax parameter:
                    if (model.GetDeclaredSymbol(parameter, cancellationToken) is not { } parameterSymbol ||
                        parameterSymbol.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                    {
                        break; // Lambdas and local functions are not governed declarations.
                    }

                    yield return parameterSymbol;
                    if (parameter.Parent?.Parent is TypeDeclarationSyntax && parameterSymbol.ContainingType is { } record)
                    {
                        foreach (var member in record.GetMembers(parameterSymbol.Name))
                        {
                            if (member is IPropertySymbol)
                            {
                                yield return member; // [property: ...] on a positional parameter.
                            }
                        }
                    }

                    break;
                default:
                    if (model.GetDeclaredSymbol(node, cancellationToken) is { } declared)
                    {
                        yield return declared;
                    }

                    break;
            }
        }

        private static void Evaluate(ImmutableArray<AttributeView> declarations, PolicyContext policy, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var findings = new List<Finding>();
            DeclarationEvaluator.Evaluate(declarations, policy, findings, cancellationToken);
            foreach (var finding in findings)
            {
                report(Descriptors.ToDiagnostic(finding, policy.Baseline));
            }
        }
    }
}
