using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Policy.Analyzers.Tests.Infrastructure;

namespace Policy.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Thin wrapper over Microsoft.CodeAnalysis.Testing: compiles against .NET 10, Policy.Annotations and the real AI
    /// SDKs; locations are asserted with markup (<c>{|POL001:Name|}</c>, <c>{|#0:...|}</c>).
    /// </summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <summary>A diagnostic expected at markup location <paramref name="markupKey"/>.</summary>
        public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

        /// <summary>Verifies that the source produces exactly the diagnostics in its markup and in <paramref name="expected"/>.</summary>
        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, globalConfig: null, expected);

        /// <summary>Same, with a .globalconfig (the <c>is_global = true</c> line is added).</summary>
        public static Task VerifyAsync(string source, string? globalConfig, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            if (globalConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>Verifies a program with top-level statements (an executable); extra files may follow.</summary>
        public static Task VerifyProgramAsync(string[] sources, params DiagnosticResult[] expected)
        {
            var test = new Test();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            foreach (var source in sources)
            {
                test.TestState.Sources.Add(source);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The test: .NET 10, Policy.Annotations and the AI SDKs referenced, C# latest.</summary>
        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            /// <summary>Creates a test.</summary>
            public Test()
            {
                ReferenceAssemblies = TestReferences.Net10;
                TestState.AdditionalReferences.Add(TestReferences.Annotations);
                TestState.AdditionalReferences.AddRange(TestReferences.AiSdks);
            }

            /// <summary>Adds a .globalconfig (the <c>is_global = true</c> line is added).</summary>
            public Test WithGlobalConfig(string text)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + text));
                return this;
            }

            /// <inheritdoc />
            protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
                new DiagnosticAnalyzer[] { new TAnalyzer(), new PolicyExemptionSuppressor() };

            /// <inheritdoc />
            protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Preview);

            /// <inheritdoc />
            protected override CompilationOptions CreateCompilationOptions() =>
                ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
