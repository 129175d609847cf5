using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.Tests.Infrastructure;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DataFlowAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// The data flows of samples/LendingService as they are written: the applicant's name reaches the adverse-action
    /// letter prompt through Split, FirstOrDefault, ?? and a raw interpolated string inside a collection expression of
    /// ChatMessages; the applicant's question reaches the support assistant. Declared, the sample is clean; with
    /// ProcessesPersonalData removed from its systems, both calls report POL011.
    /// </summary>
    public sealed class SampleDataFlowTests
    {
        private static readonly string[] Files =
        {
            "Domain/LoanApplication.cs",
            "Domain/LoanDecision.cs",
            "Domain/Support.cs",
            "Support/ApplicantSupportAssistant.cs",
            "Underwriting/DecisionExplainer.cs",
            "Governance/Support.cs",
            "Governance/Underwriting.cs",
        };

        /// <summary>The implicit usings of the sample's Web SDK that these files rely on.</summary>
        private const string GlobalUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.Linq;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        private static Verify.Test Sample(Func<string, string, string> edit)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/GlobalUsings.cs", GlobalUsings));
            foreach (var file in Files)
            {
                var text = File.ReadAllText(RepositoryPaths.Combine("samples", "LendingService", file));
                test.TestState.Sources.Add(("/" + file, edit(file, text)));
            }

            return test;
        }

        private static string Text(string file) => File.ReadAllText(RepositoryPaths.Combine("samples", "LendingService", file));

        /// <summary>The span of the first occurrence of <paramref name="code"/> in a sample file.</summary>
        private static DiagnosticResult At(DiagnosticResult result, string file, string code, string? after = null)
        {
            var text = Text(file).Replace("\r\n", "\n");
            var start = text.IndexOf(code, after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(start >= 0, code + " not found in " + file);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < start; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var column = start - lineStart + 1;
            return result.WithSpan("/" + file, line, column, line, column + code.Length);
        }

        [Fact]
        [Trait("Rule", "POL010")]
        [Trait("Rule", "POL011")]
        public Task DeclaredSample_IsClean() => Sample((_, text) => text).RunAsync();

        [Fact]
        [Trait("Rule", "POL011")]
        public Task SampleWithoutPersonalDataDeclarations_ReportsBothAiCalls()
        {
            var test = Sample((file, text) => file.StartsWith("Governance/", StringComparison.Ordinal)
                ? text.Replace("ProcessesPersonalData = true", "ProcessesPersonalData = false")
                : text);

            const string Explainer = "Underwriting/DecisionExplainer.cs";
            const string Assistant = "Support/ApplicantSupportAssistant.cs";
            var explainer = At(Verify.Diagnostic("POL011"), Explainer, "GetResponseAsync");
            test.ExpectedDiagnostics.Add(At(explainer, Explainer, "application.ApplicantName")
                .WithArguments("IChatClient.GetResponseAsync", "LoanApplication.ApplicantName (Personal)",
                    "AI system 'loan-underwriting' does not declare ProcessesPersonalData = true"));

            var assistant = At(Verify.Diagnostic("POL011"), Assistant, "GetResponseAsync");
            test.ExpectedDiagnostics.Add(At(assistant, Assistant, "question.Question")
                .WithArguments("IChatClient.GetResponseAsync", "SupportQuestion.Question (Personal)",
                    "AI system 'applicant-support-chat' does not declare ProcessesPersonalData = true"));
            return test.RunAsync();
        }
    }
}
