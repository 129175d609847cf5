using System.Collections.Generic;
using System.Collections.Immutable;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// The built-in catalogue of AI SDK types ("what counts as uses AI"). Matched by metadata name only, so neither
    /// the analyzer nor the CLI needs any of these SDKs. Organisations add their own types and namespaces with the
    /// keys <c>policy.ai_types</c> and <c>policy.ai_namespaces</c> (docs/configuration.md).
    /// </summary>
    /// <remarks>
    /// Only the types through which an application creates, holds or calls a model are listed: clients, services,
    /// sessions, engines and the static classes of extension methods that call them. Message and option DTOs
    /// (ChatMessage, ChatOptions) and attributes ([LoadColumn], [KernelFunction]) are deliberately absent: mentioning
    /// them does not make a type an AI component. Types derived from or implementing a listed type (a custom
    /// IChatClient, a DelegatingChatClient middleware, AzureOpenAIClient) match through their base types.
    /// </remarks>
    public static class AiSdkCatalogue
    {
        private const string MeAi = "Microsoft.Extensions.AI";
        private const string OpenAi = "OpenAI .NET SDK";
        private const string AzureOpenAi = "Azure OpenAI";
        private const string AzureInference = "Azure AI Inference";
        private const string Sk = "Semantic Kernel";
        private const string Anthropic = "Anthropic";
        private const string Ollama = "OllamaSharp";
        private const string LlamaSharp = "LLamaSharp";
        private const string MlNet = "ML.NET";
        private const string Onnx = "ONNX Runtime";
        private const string OnnxGenAi = "ONNX Runtime GenAI";
        private const string Torch = "TorchSharp";
        private const string Bedrock = "AWS Bedrock Runtime";
        private const string Google = "Google generative AI";

        /// <summary>The built-in entries, sorted by metadata name.</summary>
        public static ImmutableArray<AiSdkEntry> BuiltIn { get; } = Build();

        private static ImmutableArray<AiSdkEntry> Build()
        {
            var list = new List<AiSdkEntry>
            {
                // Microsoft.Extensions.AI: the abstractions; the supplier is whoever implements them.
                G("Microsoft.Extensions.AI.IChatClient", MeAi, "Microsoft.Extensions.AI implementation"),
                E("Microsoft.Extensions.AI.IEmbeddingGenerator", MeAi, "Microsoft.Extensions.AI implementation"),
                E("Microsoft.Extensions.AI.IEmbeddingGenerator`2", MeAi, "Microsoft.Extensions.AI implementation"),
                G("Microsoft.Extensions.AI.IImageGenerator", MeAi, "Microsoft.Extensions.AI implementation"),
                G("Microsoft.Extensions.AI.ISpeechToTextClient", MeAi, "Microsoft.Extensions.AI implementation"),
                G("Microsoft.Extensions.AI.ITextToSpeechClient", MeAi, "Microsoft.Extensions.AI implementation"),
                G("Microsoft.Extensions.AI.ChatClientExtensions", MeAi, "Microsoft.Extensions.AI implementation"),
                E("Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", MeAi, "Microsoft.Extensions.AI implementation"),
                W("Microsoft.Extensions.AI.ChatClientBuilder", MeAi, "Microsoft.Extensions.AI implementation"),
                W("Microsoft.Extensions.AI.EmbeddingGeneratorBuilder`2", MeAi, "Microsoft.Extensions.AI implementation", AiKind.Embedding),
                W("Microsoft.Extensions.DependencyInjection.ChatClientBuilderServiceCollectionExtensions", MeAi, "Microsoft.Extensions.AI implementation"),
                W("Microsoft.Extensions.DependencyInjection.EmbeddingGeneratorBuilderServiceCollectionExtensions", MeAi, "Microsoft.Extensions.AI implementation", AiKind.Embedding),
                G("Microsoft.Extensions.AI.OpenAIClientExtensions", MeAi, "OpenAI"),

                // OpenAI .NET SDK.
                G("OpenAI.OpenAIClient", OpenAi, "OpenAI"),
                G("OpenAI.Chat.ChatClient", OpenAi, "OpenAI"),
                E("OpenAI.Embeddings.EmbeddingClient", OpenAi, "OpenAI"),
                G("OpenAI.Images.ImageClient", OpenAi, "OpenAI"),
                G("OpenAI.Audio.AudioClient", OpenAi, "OpenAI"),
                G("OpenAI.Assistants.AssistantClient", OpenAi, "OpenAI"),
                G("OpenAI.Responses.OpenAIResponseClient", OpenAi, "OpenAI"),
                G("OpenAI.Responses.ResponsesClient", OpenAi, "OpenAI"),
                G("OpenAI.Moderations.ModerationClient", OpenAi, "OpenAI"),
                G("OpenAI.Realtime.RealtimeClient", OpenAi, "OpenAI"),
                G("OpenAI.FineTuning.FineTuningClient", OpenAi, "OpenAI"),

                // Azure OpenAI and Azure AI Inference.
                G("Azure.AI.OpenAI.AzureOpenAIClient", AzureOpenAi, "Microsoft Azure"),
                G("Azure.AI.Inference.ChatCompletionsClient", AzureInference, "Microsoft Azure"),
                E("Azure.AI.Inference.EmbeddingsClient", AzureInference, "Microsoft Azure"),
                E("Azure.AI.Inference.ImageEmbeddingsClient", AzureInference, "Microsoft Azure"),

                // Semantic Kernel.
                G("Microsoft.SemanticKernel.Kernel", Sk, "Semantic Kernel connector"),
                G("Microsoft.SemanticKernel.KernelFunction", Sk, "Semantic Kernel connector"),
                G("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", Sk, "Semantic Kernel connector"),
                G("Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", Sk, "Semantic Kernel connector"),
                G("Microsoft.SemanticKernel.TextToImage.ITextToImageService", Sk, "Semantic Kernel connector"),
                E("Microsoft.SemanticKernel.Embeddings.IEmbeddingGenerationService`2", Sk, "Semantic Kernel connector"),
                G("Microsoft.SemanticKernel.Agents.Agent", Sk, "Semantic Kernel connector"),
                W("Microsoft.SemanticKernel.IKernelBuilder", Sk, "Semantic Kernel connector"),
                W("Microsoft.SemanticKernel.KernelBuilder", Sk, "Semantic Kernel connector"),

                // Anthropic.
                G("Anthropic.AnthropicClient", Anthropic, "Anthropic"),
                G("Anthropic.IAnthropicClient", Anthropic, "Anthropic"),
                G("Anthropic.SDK.AnthropicClient", Anthropic, "Anthropic"),

                // OllamaSharp.
                G("OllamaSharp.OllamaApiClient", Ollama, "Ollama (self-hosted)"),
                G("OllamaSharp.IOllamaApiClient", Ollama, "Ollama (self-hosted)"),

                // LLamaSharp (local inference).
                L("LLama.LLamaWeights", LlamaSharp, "llama.cpp (local)"),
                L("LLama.LLamaContext", LlamaSharp, "llama.cpp (local)"),
                L("LLama.Abstractions.ILLamaExecutor", LlamaSharp, "llama.cpp (local)"),
                L("LLama.LLamaEmbedder", LlamaSharp, "llama.cpp (local)"),

                // ML.NET (classical ML).
                M("Microsoft.ML.MLContext"),
                M("Microsoft.ML.PredictionEngine`2"),
                M("Microsoft.ML.PredictionEngineBase`2"),
                M("Microsoft.ML.ITransformer"),
                M("Microsoft.ML.IEstimator`1"),
                M("Microsoft.Extensions.ML.PredictionEnginePool`2"),

                // ONNX Runtime and ONNX Runtime GenAI (local inference).
                L("Microsoft.ML.OnnxRuntime.InferenceSession", Onnx, "ONNX Runtime (local)"),
                L("Microsoft.ML.OnnxRuntimeGenAI.Model", OnnxGenAi, "ONNX Runtime GenAI (local)"),
                L("Microsoft.ML.OnnxRuntimeGenAI.Generator", OnnxGenAi, "ONNX Runtime GenAI (local)"),

                // TorchSharp.
                L("TorchSharp.torch+nn+Module", Torch, "TorchSharp (local)"),

                // AWS Bedrock runtime.
                G("Amazon.BedrockRuntime.AmazonBedrockRuntimeClient", Bedrock, "Amazon Web Services"),
                G("Amazon.BedrockRuntime.IAmazonBedrockRuntime", Bedrock, "Amazon Web Services"),

                // Google generative AI clients.
                G("Google.Cloud.AIPlatform.V1.PredictionServiceClient", Google, "Google Cloud"),
                G("Google.GenAI.Client", Google, "Google"),
                G("Mscc.GenerativeAI.GenerativeModel", Google, "Google"),
                G("Mscc.GenerativeAI.GoogleAI", Google, "Google"),
            };
            list.Sort((a, b) => string.CompareOrdinal(a.MetadataName, b.MetadataName));
            return list.ToImmutableArray();
        }

        private static AiSdkEntry G(string name, string family, string supplier) => new AiSdkEntry(name, family, supplier, AiKind.Generative);

        private static AiSdkEntry E(string name, string family, string supplier) => new AiSdkEntry(name, family, supplier, AiKind.Embedding);

        private static AiSdkEntry L(string name, string family, string supplier) => new AiSdkEntry(name, family, supplier, AiKind.LocalRuntime);

        private static AiSdkEntry M(string name) => new AiSdkEntry(name, MlNet, "ML.NET (local)", AiKind.ClassicalMl);

        private static AiSdkEntry W(string name, string family, string supplier, AiKind kind = AiKind.Generative) => new AiSdkEntry(name, family, supplier, kind, isWiring: true);
    }
}
