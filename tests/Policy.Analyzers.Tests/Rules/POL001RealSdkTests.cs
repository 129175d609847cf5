using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.AiInventoryAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL001 against the real types of the SDKs whose catalogue entries were only matched by name before the tests
    /// restored them: Anthropic, Azure AI Inference, Azure OpenAI, LLamaSharp and ONNX Runtime GenAI.
    /// </summary>
    [Trait("Rule", "POL001")]
    public sealed class POL001RealSdkTests
    {
        /// <summary>A namespace of each SDK and one of its client types.</summary>
        public static TheoryData<string, string> Sdks { get; } = new()
        {
            { "Anthropic", "AnthropicClient" },
            { "Azure.AI.Inference", "ChatCompletionsClient" },
            { "Azure.AI.OpenAI", "AzureOpenAIClient" },
            { "LLama", "LLamaWeights" },
            { "Microsoft.ML.OnnxRuntimeGenAI", "Model" },
        };

        [Theory]
        [MemberData(nameof(Sdks))]
        public Task UndeclaredClassUsingTheSdk_Triggers(string ns, string type) => Verify.VerifyAsync($$"""
            using {{ns}};

            public sealed class {|#0:Assistant|}
            {
                private readonly {{type}} _sdk;
                public Assistant({{type}} sdk) => _sdk = sdk;
                public {{type}} Sdk => _sdk;
            }
            """,
            Verify.Diagnostic("POL001").WithLocation(0).WithArguments("Assistant", ns + "." + type));

        [Theory]
        [MemberData(nameof(Sdks))]
        public Task DeclaredSystemUsingTheSdk_DoesNotTrigger(string ns, string type) => Verify.VerifyAsync($$"""
            using {{ns}};
            using Policy.Annotations;

            [AiSystem("assistant")]
            public sealed class Assistant({{type}} sdk)
            {
                public {{type}} Sdk => sdk;
            }
            """);
    }
}
