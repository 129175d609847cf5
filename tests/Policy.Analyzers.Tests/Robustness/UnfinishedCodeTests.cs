using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Code as it is while being typed in an editor: policy attributes with missing or wrong-typed arguments,
    /// unresolved SDK types, duplicate partial declarations, <c>[assembly: AiSystem]</c> with no arguments, and
    /// malformed baselines. Every analyzer, suppressor and code fix must run without throwing, under every
    /// configuration of the suite.
    /// </summary>
    [Trait("Category", "Robustness")]
    public sealed class UnfinishedCodeTests
    {
        private const string Usings = "using System;\nusing System.Threading.Tasks;\nusing Microsoft.Extensions.AI;\nusing Policy.Annotations;\n\n";

        private const string Bot = "\n{\n    private readonly IChatClient _chat;\n    public Bot(IChatClient chat) => _chat = chat;\n    public Task<ChatResponse> AskAsync(string q) => _chat.GetResponseAsync(q);\n}\n";

        /// <summary>Name and source of each case (the name reads as the test case).</summary>
        public static IEnumerable<object[]> Cases() => new (string Name, string Source)[]
        {
            ("AiSystem without arguments", "[AiSystem]\npublic class Bot" + Bot),
            ("AiSystem with empty parentheses", "[AiSystem()]\npublic class Bot" + Bot),
            ("AiSystem with wrong-typed arguments", "[AiSystem(42, Purpose = 7, Owner = null, RiskLevel = \"High\", AutomatedDecisions = 1)]\npublic class Bot" + Bot),
            ("AiSystem with an out-of-range risk level", "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = (AiRiskLevel)99, AutomatedDecisions = true)]\npublic class Bot" + Bot),
            ("AiSystem with an unknown named argument", "[AiSystem(\"bot\", Colour = \"red\", RiskLevel = AiRiskLevel.)]\npublic class Bot" + Bot),
            ("AiSystem with a null id", "[AiSystem(null, Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.High)]\npublic class Bot" + Bot),
            ("AiSystem half typed", "[AiSystem(\"bot\", Purpose = \"p\", Owner = \npublic class Bot" + Bot),
            ("AiSystem with an unterminated string", "[AiSystem(\"bot, Purpose = \"p)]\npublic class Bot" + Bot),
            ("assembly AiSystem without arguments", "[assembly: AiSystem]\npublic class Bot" + Bot),
            ("assembly AiSystem with empty parentheses", "[assembly: AiSystem()]\n[assembly: HumanOversight]\n[assembly: BiasEvaluation(EvaluatedOn = 2026)]\npublic class Bot" + Bot),
            ("assembly AiSystem unfinished", "[assembly: AiSystem(\npublic class Bot" + Bot),
            ("assembly attribute list with no attribute", "[assembly: ]\n[assembly]\n[module: AiSystem(\"m\")]\npublic class Bot" + Bot),
            ("AiComponent without arguments", "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.Minimal)]\npublic class Sys { }\n[AiComponent]\npublic class Bot" + Bot),
            ("AiComponent with wrong-typed arguments", "[AiComponent(typeof(int))]\npublic class Bot" + Bot + "[AiComponent(null)]\npublic class Other { }\n[AiComponent(\"\", \"extra\")]\npublic class Third { }\n"),
            ("governance attributes with wrong types",
                "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.High)]\n" +
                "[HumanOversight(\"loop\", Role = 3)]\n[HumanOversight]\n[BiasEvaluation(Report = null, EvaluatedOn = \"2026-13-45\", ProtectedAttributes = \"age\")]\n" +
                "[BiasEvaluation(ProtectedAttributes = new[] { 1, 2 })]\n[BiasEvaluation(ProtectedAttributes = null)]\n[ExplainabilityRecord(Method = Store)]\n" +
                "[ImpactAssessment(AssessedOn = default)]\npublic class Bot" + Bot),
            ("exemptions with missing and wrong arguments",
                "[PolicyExemption]\n[PolicyExemption(null, Expires = \"never\")]\n[PolicyExemption(\"POL001\", Justification = 3, ApprovedBy = \"\")]\n" +
                "[PolicyExemption(\"pol001\", Justification = \"j\", ApprovedBy = \"a\", Expires = \"2026-02-30\")]\n[PolicyExemption(\"POL\")]\npublic class Bot" + Bot),
            ("data attributes with wrong arguments",
                "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.Limited, ProcessesPersonalData = true)]\npublic class Bot" + Bot +
                "public class Applicant\n{\n    [Classification(7)] public string? A { get; set; }\n    [Classification((DataClass)42)] public string? B { get; set; }\n" +
                "    [Classification] public string? C;\n    [DataProvenance] public string? D { get; set; }\n    [DataProvenance(null, AcquiredOn = \"yesterday\")] public string? E { get; set; }\n" +
                "    public void M([Classification(DataClass.Personal)] string x, [DataProvenance(1)] int y) { }\n    [return: Classification(DataClass.Personal)] public string F() => \"\";\n}\n"),
            ("policy attributes on the wrong targets",
                "public class Bot" + Bot.Replace("public Task", "[AiSystem(\"m\")] [AiComponent(\"c\")] [ImpactAssessment] public Task", System.StringComparison.Ordinal) +
                "public enum E { [AiSystem(\"e\")] A }\npublic delegate void D([AiSystem(\"p\")] int x);\n[field: AiSystem(\"f\")]\npublic class F { [field: PolicyExemption(\"POL001\")] public int P { get; set; } }\n"),
            ("unresolved SDK types", "public class Bot(IChatClnt chat, OpenAIClient missing, Microsoft.Extensions.AI.Nope nope)\n{\n    public object Ask() => chat.GetResponseAsync(\"q\") ?? missing.GetChatClient(\"m\") ?? new Unknown.ChatClient();\n}\n"),
            ("SDK type with wrong arity and members", "public class Bot\n{\n    public IChatClient<int>? A;\n    public IEmbeddingGenerator<string>? B;\n    public void M() { IChatClient.Foo(); new IChatClient(); var x = default(IChatClient)!.Nope; }\n}\n"),
            ("using of a missing SDK namespace", "using Microsoft.SemanticKernel.DoesNotExist;\nusing OpenAI.Nothing;\npublic class Bot { public Kernel? K; public ChatClient? C; }\n"),
            ("duplicate partial declarations",
                "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.Minimal)]\npublic partial class Bot" + Bot +
                "[AiSystem(\"bot\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.High)]\npublic partial class Bot" + Bot + "public partial struct Bot { }\n"),
            ("duplicate non-partial declarations", "[AiSystem(\"bot\")]\npublic class Bot" + Bot + "[AiComponent(\"bot\")]\npublic class Bot" + Bot + "public class Bot { }\n"),
            ("cyclic and erroneous base types",
                "public class A : B, IChatClient, Missing { }\npublic class B : A { public IChatClient? C; }\npublic class G<T> where T : G<T>, IChatClient { public T? Value; }\n" +
                "public interface I1 : I2 { } public interface I2 : I1, IChatClient { }\n[AiSystem(\"s\")] public class S : S { }\n"),
            ("deeply nested AI type arguments",
                "public class Bot\n{\n    public Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<Lazy<IChatClient>>>>>>>>>>>? Deep;\n" +
                "    public Func<Func<Func<IChatClient[][][]>>>? F;\n    public (IChatClient, (IChatClient, int))? T;\n    public unsafe delegate*<IChatClient, void> P;\n}\n"),
            ("partial methods and local functions half typed",
                "public partial class Bot\n{\n    partial void M(IChatClient c);\n    partial void M(IChatClient c) { }\n    partial void M(IChatClient c) { }\n" +
                "    void N() { IChatClient Local(IChatClient x) => x; var f = (IChatClient c) => c.GetResponseAsync(; }\n}\n"),
            ("attribute classes copied into source", "namespace Policy.Annotations\n{\n    public class AiSystemAttribute : Attribute { public AiSystemAttribute(int x) { } }\n    public enum AiRiskLevel { High = 7 }\n}\n" +
                "[AiSystem(1)]\npublic class Bot" + Bot),
            ("line directives", "#line 1 \"\"\npublic class Bot" + Bot + "#line hidden\npublic class Hidden(IChatClient c) { public IChatClient C => c; }\n#line (1, 1) - (1, 10) \"x.razor\"\npublic class Mapped(IChatClient c) { public IChatClient C => c; }\n#line default\n"),
            ("generic and nested declared types",
                "[AiSystem(\"outer\", Purpose = \"p\", Owner = \"o\", RiskLevel = AiRiskLevel.High)]\npublic class Outer<T>\n{\n    [AiComponent(\"outer\")] public class Inner<U>(IChatClient c) { public IChatClient C => c; }\n" +
                "    [PolicyExemption(\"POL002\", Justification = \"j\", ApprovedBy = \"a\")] public void M<V>() { }\n}\n"),
            ("empty and whitespace-only files", "\n\n   \n"),
            ("only an attribute", "[AiSystem(\"bot\""),
        }.Select(c => new object[] { c.Name, Usings + c.Source });

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task UnfinishedCode_NeverCrashes(string name, string source)
        {
            foreach (var kind in new[] { OutputKind.DynamicallyLinkedLibrary, OutputKind.ConsoleApplication })
            {
                foreach (var configuration in PolicyAnalysis.Configurations)
                {
                    var files = new[] { ("/src/Unfinished.cs", source) };
                    var run = await PolicyAnalysis.RunAsync(PolicyAnalysis.Compile(files, kind), configuration);
                    Assert.True(!run.Failures.Any(), name + " (" + configuration + ", " + kind + "):\n" + string.Join("\n", run.Failures));
                    await CodeFixRunner.RunAsync(files, kind, configuration, maxDiagnostics: 4, CancellationToken.None);
                }
            }
        }

        [Theory]
        [InlineData("POL001 T:\nPOL001 T:<>\nPOL002 M:Bot.AskAsync(\nPOL002 M:Bot.#ctor(Microsoft.Extensions.AI.IChatClient\nPOL003 A:\nPOL007 N:Policy\nPOL001 E:Bot.X\nPOL001 T:Bot`99\n")]
        [InlineData("POL001 T:Bot\nPOL001 T:Bot\nPOL022 T:Bot\nPOL090 T:Bot\nPOL001 F:Bot._chat\nPOL001 !:Bot\nPOL001 T:" + "\u00e9\u0301\ud83d\ude00" + "\n")]
        public async Task MalformedBaseline_NeverCrashes(string baseline)
        {
            var configuration = new PolicyConfiguration("baseline", PolicyAnalysis.Configurations[0].GlobalOptions, baseline);
            var source = Usings + "[AiSystem(\"bot\", RiskLevel = AiRiskLevel.High)]\npublic class Bot" + Bot;
            var run = await PolicyAnalysis.RunAsync(PolicyAnalysis.Compile(new[] { ("/src/Bot.cs", source) }), configuration);
            Assert.Empty(run.Failures);
            Assert.Contains(run.Diagnostics, d => d.Id == "POL022" || d.Id == "POL090");
        }

        [Fact]
        public async Task Harness_SeesAnAnalyzerException()
        {
            // The suite is only as good as its ability to see a crash: a throwing analyzer must be reported.
            var run = await PolicyAnalysis.RunAsync(
                PolicyAnalysis.Compile(new[] { ("/src/A.cs", "public class A { }") }),
                PolicyAnalysis.Configurations[0],
                ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
            Assert.Contains(run.Failures, f => f.Contains("deliberate", System.StringComparison.Ordinal));
        }

#pragma warning disable RS1036, RS1038, RS1041, RS2008 // A test double, never loaded by a compiler.
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSymbolAction(_ => throw new System.InvalidOperationException("deliberate"), SymbolKind.NamedType);
            }
        }
#pragma warning restore RS1036, RS1038, RS1041, RS2008
    }
}
