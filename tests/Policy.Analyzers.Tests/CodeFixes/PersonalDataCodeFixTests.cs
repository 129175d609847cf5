using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Analyzers.CodeFixes;
using Policy.Model.Declarations;
using Verify = Policy.Analyzers.Tests.Verifiers.CodeFixVerifier<Policy.Analyzers.Tests.CodeFixes.PersonalDataStubAnalyzer, Policy.Analyzers.CodeFixes.PersonalDataCodeFixProvider>;

namespace Policy.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// POL011's analyzer is built elsewhere; its fix is tested against a stand-in that reports POL011 where an argument
    /// named <c>personalData</c> is passed inside a type whose covering AI system does not declare
    /// <c>ProcessesPersonalData = true</c> (the contract of the rule: the fix must make it go away).
    /// </summary>
    [Trait("Rule", "POL011")]
    public sealed class PersonalDataCodeFixTests
    {
        [Fact]
        public Task SetsThePropertyOnTheSystemDeclaredInAnotherFile() => Verify.VerifyFixAsync(
            new[]
            {
                ("/src/Governance.cs", """
                    using Policy.Annotations;

                    [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
                    public sealed class SupportAssistant { }
                    """),
                ("/src/Summariser.cs", """
                    using Policy.Annotations;

                    [AiComponent("support")]
                    public sealed class Summariser
                    {
                        public string Summarise(string personalData) => Send({|POL011:personalData|});

                        private static string Send(string text) => text;
                    }
                    """),
            },
            new[]
            {
                ("/src/Governance.cs", """
                    using Policy.Annotations;

                    [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
                    public sealed class SupportAssistant { }
                    """),
                ("/src/Summariser.cs", """
                    using Policy.Annotations;

                    [AiComponent("support")]
                    public sealed class Summariser
                    {
                        public string Summarise(string personalData) => Send(personalData);

                        private static string Send(string text) => text;
                    }
                    """),
            },
            PersonalDataCodeFixProvider.SetProcessesPersonalDataKey);

        [Fact]
        public Task FalseBecomesTrue_InTheDeclaringType() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = false /* reviewed */)]
            public sealed class SupportAssistant
            {
                public string Answer(string personalData) => Send({|POL011:personalData|});

                private static string Send(string text) => text;
            }
            """, """
            using Policy.Annotations;

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true /* reviewed */)]
            public sealed class SupportAssistant
            {
                public string Answer(string personalData) => Send(personalData);

                private static string Send(string text) => text;
            }
            """,
            PersonalDataCodeFixProvider.SetProcessesPersonalDataKey);

        [Fact]
        public Task MultiLineAttribute_KeepsItsLayout() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem(
                "support",
                Purpose = "Answers tickets",
                Owner = "support",
                RiskLevel = AiRiskLevel.Limited
            )]
            public sealed class SupportAssistant
            {
                public string Answer(string personalData) => Send({|POL011:personalData|});

                private static string Send(string text) => text;
            }
            """, """
            using Policy.Annotations;

            [AiSystem(
                "support",
                Purpose = "Answers tickets",
                Owner = "support",
                RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true
            )]
            public sealed class SupportAssistant
            {
                public string Answer(string personalData) => Send(personalData);

                private static string Send(string text) => text;
            }
            """,
            PersonalDataCodeFixProvider.SetProcessesPersonalDataKey);

        [Fact]
        public Task FixAll_EachSystemOnce() => Verify.VerifyFixAsync("""
            using Policy.Annotations;

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class SupportAssistant { }

            [AiSystem("billing", Purpose = "Explains invoices", Owner = "billing", RiskLevel = AiRiskLevel.Limited)]
            public sealed class InvoiceExplainer
            {
                public string Explain(string personalData) => Send({|POL011:personalData|});

                private static string Send(string text) => text;
            }

            [AiComponent("support")]
            public sealed class Summariser
            {
                public string A(string personalData) => Send({|POL011:personalData|});

                public string B(string personalData) => Send({|POL011:personalData|});

                private static string Send(string text) => text;
            }
            """, """
            using Policy.Annotations;

            [AiSystem("support", Purpose = "Answers tickets", Owner = "support", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class SupportAssistant { }

            [AiSystem("billing", Purpose = "Explains invoices", Owner = "billing", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]
            public sealed class InvoiceExplainer
            {
                public string Explain(string personalData) => Send(personalData);

                private static string Send(string text) => text;
            }

            [AiComponent("support")]
            public sealed class Summariser
            {
                public string A(string personalData) => Send(personalData);

                public string B(string personalData) => Send(personalData);

                private static string Send(string text) => text;
            }
            """,
            PersonalDataCodeFixProvider.SetProcessesPersonalDataKey);

        [Fact]
        public Task TopLevelStatements_AssemblyDeclaration()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using Policy.Annotations;

                    [assembly: AiSystem("intake", Purpose = "Reads forms", Owner = "ops", RiskLevel = AiRiskLevel.Minimal)]

                    var personalData = "Jane Doe";
                    System.Console.WriteLine({|POL011:personalData|});
                    """,
                FixedCode = """
                    using Policy.Annotations;

                    [assembly: AiSystem("intake", Purpose = "Reads forms", Owner = "ops", RiskLevel = AiRiskLevel.Minimal, ProcessesPersonalData = true)]

                    var personalData = "Jane Doe";
                    System.Console.WriteLine(personalData);
                    """,
                CodeActionEquivalenceKey = PersonalDataCodeFixProvider.SetProcessesPersonalDataKey,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>Stand-in for the POL011 analyzer (see <see cref="PersonalDataCodeFixTests"/>).</summary>
#pragma warning disable RS1001, RS2008 // A test-only stand-in, run by the verifier only: never registered with a compiler, never shipped.
    public sealed class PersonalDataStubAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new(
            "POL011", "Personal data flows into an AI system that does not declare it", "Personal data flows into an AI system that does not declare ProcessesPersonalData",
            "AI.Data", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var index = DeclarationIndex.Build(start.Compilation, start.CancellationToken);
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        var name = (IdentifierNameSyntax)node.Node;
                        if (name.Identifier.ValueText != "personalData" || name.Parent is not ArgumentSyntax)
                        {
                            return;
                        }

                        var type = node.ContainingSymbol as INamedTypeSymbol ?? node.ContainingSymbol?.ContainingType;
                        var systems = type is null ? Enumerable.Empty<SystemDeclaration>() : DeclarationReader.CoveringSystems(type).SelectMany(index.SystemsWithId);
                        if (systems.Any(s => !s.ProcessesPersonalData))
                        {
                            node.ReportDiagnostic(Diagnostic.Create(Rule, name.GetLocation()));
                        }
                    },
                    SyntaxKind.IdentifierName);
            });
        }
    }
#pragma warning restore RS1001, RS2008
}
