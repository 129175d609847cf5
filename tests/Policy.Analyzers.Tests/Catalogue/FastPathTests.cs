using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Policy.Model;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;

namespace Policy.Analyzers.Tests.Catalogue
{
    /// <summary>The syntax- and name-level shortcuts the analyzers take before any binding (docs/performance.md).</summary>
    public sealed class FastPathTests
    {
        [Theory]
        [InlineData("System.Runtime")]
        [InlineData("System")]
        [InlineData("mscorlib")]
        [InlineData("netstandard")]
        [InlineData("Microsoft.AspNetCore.Mvc.Core")]
        [InlineData("Microsoft.Extensions.Logging.Abstractions")]
        [InlineData("Microsoft.Extensions.DependencyInjection")]
        [InlineData("Microsoft.Win32.Primitives")]
        public void SharedFrameworkAssemblies_AreSkipped(string name) => Assert.True(ReferencedTypes.IsPlatformAssembly(name));

        [Theory]
        [InlineData("Microsoft.Extensions.AI")]
        [InlineData("Microsoft.Extensions.AI.Abstractions")]
        [InlineData("Microsoft.Extensions.AI.OpenAI")]
        [InlineData("Microsoft.Extensions.ML")]
        [InlineData("Microsoft.ML")]
        [InlineData("OpenAI")]
        [InlineData("Azure.AI.OpenAI")]
        [InlineData("Microsoft.SemanticKernel.Core")]
        [InlineData("Policy.Annotations")]
        [InlineData("Systematic.Ai")]
        [InlineData("Microsoft.Extensions.Compliance.Abstractions")]
        public void SdkAndApplicationAssemblies_AreSearched(string name) => Assert.False(ReferencedTypes.IsPlatformAssembly(name));

        [Fact]
        public void EveryCatalogueAssembly_IsSearched()
        {
            // The catalogue's SDKs restored for the tests: none of their assemblies may be mistaken for the platform.
            foreach (var reference in Infrastructure.TestReferences.AiSdks)
            {
                var name = System.IO.Path.GetFileNameWithoutExtension(reference.Display ?? string.Empty);
                if (name.StartsWith("System.", System.StringComparison.Ordinal) || (name.StartsWith("Microsoft.Extensions.", System.StringComparison.Ordinal) &&
                    !name.StartsWith("Microsoft.Extensions.AI", System.StringComparison.Ordinal) && !name.StartsWith("Microsoft.Extensions.ML", System.StringComparison.Ordinal)))
                {
                    continue; // Dependencies of the SDKs (System.ClientModel, logging), not SDKs.
                }

                Assert.False(ReferencedTypes.IsPlatformAssembly(name), name);
            }
        }

        [Theory]
        [InlineData(10, true)]
        [InlineData(8190, true)] // The needle straddles the first chunk boundary (8,192 characters).
        [InlineData(8192, true)]
        [InlineData(20000, true)]
        [InlineData(-1, false)]
        public void TextSearch_FindsANeedleAnywhere(int position, bool expected)
        {
            var text = new string('x', 30000);
            if (position >= 0)
            {
                text = text.Substring(0, position) + "AiSystem" + text.Substring(position + "AiSystem".Length);
            }

            Assert.Equal(expected, PolicySyntax.ContainsAny(SourceText.From(text), new[] { "AiComponent", "AiSystem" }));
        }

        [Theory]
        [InlineData("AiSystem", true)]
        [InlineData("AiSystemAttribute", true)]
        [InlineData("Classification", true)]
        [InlineData("PolicyExemptionAttribute", true)]
        [InlineData("Obsolete", false)]
        [InlineData("AiSystemish", false)]
        [InlineData("Governed", true)] // a using alias of one of ours
        public void AttributeNames_AreRecognisedFromSyntax(string name, bool expected) =>
            Assert.Equal(expected, PolicyAttributes.MayBePolicyAttribute(name, new[] { "Governed" }));

        [Fact]
        public void Gate_FrameworkOnlyCompilation_NeitherUsesAiNorDeclares()
        {
            var compilation = FrameworkOnly("public sealed class Plain { }");
            Assert.False(PolicyGate.MayUseAi(compilation, Options(new Dictionary<string, string>())));
            Assert.False(PolicyGate.MayDeclare(compilation));
            Assert.False(PolicyGate.HasBaselineFile(Options(new Dictionary<string, string>())));
        }

        [Fact]
        public void Gate_ConfiguredAiTypes_OpenTheGateWithoutAnySdk()
        {
            var compilation = FrameworkOnly("namespace Contoso { public sealed class Gateway { } }");
            Assert.True(PolicyGate.MayUseAi(compilation, Options(new Dictionary<string, string> { ["policy.ai_types"] = "Contoso.Gateway" })));
            Assert.True(PolicyGate.MayUseAi(compilation, Options(new Dictionary<string, string> { ["policy.ai_namespaces"] = "Contoso" })));
        }

        [Fact]
        public void Gate_AttributesCompiledFromSource_OpenTheDeclarationGate()
        {
            var compilation = FrameworkOnly("namespace Policy.Annotations { public sealed class AiSystemAttribute : System.Attribute { } }");
            Assert.True(PolicyGate.MayDeclare(compilation));
            Assert.True(PolicyGate.MayDeclare(FrameworkOnly("namespace Policy { namespace Annotations { public sealed class AiSystemAttribute : System.Attribute { } } }")));
            Assert.True(PolicyGate.MayDeclare(FrameworkOnly("namespace Policy.Annotations;\npublic sealed class AiSystemAttribute : System.Attribute { }")));
            Assert.False(PolicyGate.MayDeclare(FrameworkOnly("namespace Policy.Other { public sealed class AiSystemAttribute : System.Attribute { } }")));
        }

        [Fact]
        public void Gate_AnyReferenceBeyondTheFramework_OpensBothGates()
        {
            var compilation = FrameworkOnly("public sealed class Plain { }").AddReferences(Infrastructure.TestReferences.Annotations);
            Assert.True(PolicyGate.MayUseAi(compilation, Options(new Dictionary<string, string>())));
            Assert.True(PolicyGate.MayDeclare(compilation));
        }

        private static Compilation FrameworkOnly(string source) => CSharpCompilation.Create(
            "Gate",
            new[] { CSharpSyntaxTree.ParseText(source) },
            Infrastructure.TestReferences.Net10References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static AnalyzerOptions Options(Dictionary<string, string> global) =>
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOnly(global));

        private sealed class GlobalOnly(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(new Dictionary<string, string>());

            private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string key, out string value)
                {
                    var found = values.TryGetValue(key, out var v);
                    value = v ?? string.Empty;
                    return found;
                }
            }
        }
    }
}
