using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.Tests.Infrastructure;

namespace Policy.Analyzers.Tests.Verifiers
{
    /// <summary>Code-fix verifier over the real SDKs; the fixed code is compiled and re-analysed by the framework.</summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>A diagnostic of the rule.</summary>
        public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

        /// <summary>Applies the action with <paramref name="equivalenceKey"/> (all of them with Fix All) and compares with <paramref name="fixedSource"/>.</summary>
        public static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, DiagnosticResult[]? expected = null, DiagnosticResult[]? fixedExpected = null)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.ExpectedDiagnostics.AddRange(expected ?? System.Array.Empty<DiagnosticResult>());
            test.FixedState.ExpectedDiagnostics.AddRange(fixedExpected ?? System.Array.Empty<DiagnosticResult>());
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test.</summary>
        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            /// <summary>Creates a test.</summary>
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net10;
                TestState.AdditionalReferences.Add(TestReferences.Annotations);
                TestState.AdditionalReferences.AddRange(TestReferences.AiSdks);
            }

            /// <inheritdoc />
            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Preview);

            /// <inheritdoc />
            protected override CompilationOptions CreateCompilationOptions() =>
                ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
