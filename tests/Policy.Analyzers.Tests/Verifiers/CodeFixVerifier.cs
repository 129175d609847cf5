using System.Collections.Generic;
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
    /// <summary>
    /// Code-fix verifier over the real SDKs. The framework applies the fix one diagnostic at a time and then as Fix All
    /// in document, project and solution, compares each result with the fixed code, compiles it, and re-analyses it:
    /// the fixed code must produce exactly the diagnostics of its markup (for example <c>{|POL007:...|}</c> on a
    /// placeholder the fix wrote) and nothing else, so a fixed rule must not trigger again.
    /// </summary>
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

        /// <summary>Same, over several files: (path, source) before and after.</summary>
        public static Task VerifyFixAsync((string Path, string Source)[] sources, (string Path, string Source)[] fixedSources, string equivalenceKey, DiagnosticResult[]? expected = null)
        {
            var test = new Test { CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected ?? System.Array.Empty<DiagnosticResult>());
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            foreach (var source in fixedSources)
            {
                test.FixedState.Sources.Add(source);
            }

            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Same, for a program with top-level statements (an executable).</summary>
        public static Task VerifyProgramFixAsync(string source, string fixedSource, string equivalenceKey)
        {
            var test = new Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Verifies that the diagnostics of the markup are offered no action (the fixed code equals the source).</summary>
        public static Task VerifyNoFixAsync(string source)
        {
            var test = new Test { TestCode = source, FixedCode = source };
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test: .NET 10, Policy.Annotations and the AI SDKs referenced, C# preview, nullable enabled.</summary>
        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            private readonly List<DiagnosticAnalyzer> _extraAnalyzers = new();

            /// <summary>Creates a test.</summary>
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net10;
                TestState.AdditionalReferences.Add(TestReferences.Annotations);
                TestState.AdditionalReferences.AddRange(TestReferences.AiSdks);
            }

            /// <summary>Adds a .globalconfig (the <c>is_global = true</c> line is added) before and after the fix.</summary>
            public Test WithGlobalConfig(string text)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + text));
                return this;
            }

            /// <summary>Runs another analyzer beside <typeparamref name="TAnalyzer"/>.</summary>
            public Test WithAnalyzer(DiagnosticAnalyzer analyzer)
            {
                _extraAnalyzers.Add(analyzer);
                return this;
            }

            /// <inheritdoc />
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            {
                foreach (var analyzer in base.GetDiagnosticAnalyzers())
                {
                    yield return analyzer;
                }

                foreach (var analyzer in _extraAnalyzers)
                {
                    yield return analyzer;
                }
            }

            /// <inheritdoc />
            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Preview);

            /// <inheritdoc />
            protected override CompilationOptions CreateCompilationOptions() =>
                ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
