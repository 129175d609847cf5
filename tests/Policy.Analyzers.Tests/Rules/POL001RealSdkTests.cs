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
        [Theory]
        [InlineData("Anthropic", "AnthropicClient")]
        [InlineData("Azure.AI.Inference", "ChatCompletionsClient")]
        [InlineData("Azure.AI.OpenAI", "AzureOpenAIClient")]
        [InlineData("LLama", "LLamaWeights")]
        [InlineData("Microsoft.ML.OnnxRuntimeGenAI", "Model")]
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
        [InlineData("Anthropic", "AnthropicClient")]
        [InlineData("Azure.AI.Inference", "ChatCompletionsClient")]
        [InlineData("Azure.AI.OpenAI", "AzureOpenAIClient")]
        [InlineData("LLama", "LLamaWeights")]
        [InlineData("Microsoft.ML.OnnxRuntimeGenAI", "Model")]
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
