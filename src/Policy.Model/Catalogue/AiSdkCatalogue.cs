using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

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
        private const string Betalgo = "Betalgo OpenAI";
        private const string Ollama = "OllamaSharp";
        private const string LlamaSharp = "LLamaSharp";
        private const string MlNet = "ML.NET";
        private const string Onnx = "ONNX Runtime";
        private const string OnnxGenAi = "ONNX Runtime GenAI";
        private const string Torch = "TorchSharp";
        private const string Bedrock = "AWS Bedrock Runtime";
        private const string Google = "Google generative AI";
        private const string MeAiSupplier = "Provider behind the Microsoft.Extensions.AI abstraction";
        private const string SkSupplier = "Provider behind the Semantic Kernel connector";

        /// <summary>The built-in entries, sorted by metadata name.</summary>
        public static ImmutableArray<AiSdkEntry> BuiltIn { get; } = Build();

        /// <summary>The metadata names of <see cref="BuiltIn"/>, in the same order.</summary>
        public static ImmutableArray<string> BuiltInNames { get; } = BuiltIn.Select(e => e.MetadataName).ToImmutableArray();

        /// <summary>The built-in entries by metadata name.</summary>
        public static ImmutableDictionary<string, AiSdkEntry> ByName { get; } = IndexByName();

        private static ImmutableDictionary<string, AiSdkEntry> IndexByName()
        {
            // A builder, not ToImmutableDictionary(selector): that goes through LINQ over KeyValuePair, framework code over a
            // value type that the runtime JIT-compiles in every build.
            var builder = ImmutableDictionary.CreateBuilder<string, AiSdkEntry>(StringComparer.Ordinal);
            foreach (var entry in BuiltIn)
            {
                builder.Add(entry.MetadataName, entry);
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<AiSdkEntry> Build()
        {
            var list = new List<AiSdkEntry>
            {
                // Microsoft.Extensions.AI: the abstractions; the supplier is whoever implements them (an adapter, a
                // custom client). Implementations (OllamaApiClient, OnnxRuntimeGenAIChatClient, LLamaEmbedder,
                // DelegatingChatClient middleware, custom clients) match through these interfaces.
                G("Microsoft.Extensions.AI.IChatClient", MeAi, MeAiSupplier),
                E("Microsoft.Extensions.AI.IEmbeddingGenerator", MeAi, MeAiSupplier),
                E("Microsoft.Extensions.AI.IEmbeddingGenerator`2", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.IImageGenerator", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.ISpeechToTextClient", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.ITextToSpeechClient", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.IRealtimeClient", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.IRealtimeClientSession", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.ChatClientExtensions", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", MeAi, MeAiSupplier),
                E("Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.ImageGeneratorExtensions", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.SpeechToTextClientExtensions", MeAi, MeAiSupplier),
                G("Microsoft.Extensions.AI.OpenAIClientExtensions", MeAi, "OpenAI"),
                W("Microsoft.Extensions.AI.ChatClientBuilder", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.AI.EmbeddingGeneratorBuilder`2", MeAi, MeAiSupplier, AiKind.Embedding),
                W("Microsoft.Extensions.AI.ImageGeneratorBuilder", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.AI.SpeechToTextClientBuilder", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.AI.TextToSpeechClientBuilder", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.AI.RealtimeClientBuilder", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.DependencyInjection.ChatClientBuilderServiceCollectionExtensions", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.DependencyInjection.EmbeddingGeneratorBuilderServiceCollectionExtensions", MeAi, MeAiSupplier, AiKind.Embedding),
                W("Microsoft.Extensions.DependencyInjection.ImageGeneratorBuilderServiceCollectionExtensions", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.DependencyInjection.SpeechToTextClientBuilderServiceCollectionExtensions", MeAi, MeAiSupplier),
                W("Microsoft.Extensions.DependencyInjection.TextToSpeechClientBuilderServiceCollectionExtensions", MeAi, MeAiSupplier),

                // Microsoft Agent Framework.
                G("Microsoft.Agents.AI.AIAgent", "Microsoft Agent Framework", MeAiSupplier),
                W("Microsoft.Agents.AI.AIAgentBuilder", "Microsoft Agent Framework", MeAiSupplier),

                // OpenAI .NET SDK: the clients share no base type, so each is listed.
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
                G("OpenAI.RealtimeConversation.RealtimeConversationClient", OpenAi, "OpenAI"),
                G("OpenAI.FineTuning.FineTuningClient", OpenAi, "OpenAI"),
                G("OpenAI.Batch.BatchClient", OpenAi, "OpenAI"),
                G("OpenAI.Videos.VideoClient", OpenAi, "OpenAI"),
                G("OpenAI.Conversations.ConversationClient", OpenAi, "OpenAI"),
                E("OpenAI.VectorStores.VectorStoreClient", OpenAi, "OpenAI"),
                W("OpenAI.OpenAIHostBuilderExtensions", OpenAi, "OpenAI"),
                W("OpenAI.Responses.OpenAIResponsesHostBuilderExtensions", OpenAi, "OpenAI"),

                // Betalgo OpenAI (community SDK for OpenAI-compatible APIs): the service facade and its per-API services,
                // which share no base type with the official SDK. Betalgo.Ranul.OpenAI 9.x, and Betalgo.OpenAI 8.x whose
                // namespaces start with OpenAI. (OpenAIService also implements IChatClient.)
                G("Betalgo.Ranul.OpenAI.Interfaces.IOpenAIService", Betalgo, "OpenAI"),
                G("Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionService", Betalgo, "OpenAI"),
                E("Betalgo.Ranul.OpenAI.Interfaces.IEmbeddingService", Betalgo, "OpenAI"),
                G("Betalgo.Ranul.OpenAI.Interfaces.IImageService", Betalgo, "OpenAI"),
                G("Betalgo.Ranul.OpenAI.Interfaces.IAudioService", Betalgo, "OpenAI"),
                G("Betalgo.Ranul.OpenAI.Managers.IOpenAIRealtimeService", Betalgo, "OpenAI"),
                G("OpenAI.Interfaces.IOpenAIService", Betalgo, "OpenAI"),
                G("OpenAI.Managers.OpenAIService", Betalgo, "OpenAI"),

                // Azure OpenAI (AzureOpenAIClient also derives from OpenAIClient) and Azure AI Inference.
                G("Azure.AI.OpenAI.AzureOpenAIClient", AzureOpenAi, "Microsoft Azure"),
                G("Azure.AI.Inference.ChatCompletionsClient", AzureInference, "Microsoft Azure"),
                E("Azure.AI.Inference.EmbeddingsClient", AzureInference, "Microsoft Azure"),
                E("Azure.AI.Inference.ImageEmbeddingsClient", AzureInference, "Microsoft Azure"),
                W("Microsoft.Extensions.Azure.AIInferenceClientBuilderExtensions", AzureInference, "Microsoft Azure"),

                // Semantic Kernel.
                G("Microsoft.SemanticKernel.Kernel", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.KernelExtensions", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.KernelFunction", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.Services.IAIService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.TextGeneration.ITextGenerationService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.TextToImage.ITextToImageService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.TextToAudio.ITextToAudioService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.AudioToText.IAudioToTextService", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.ImageToText.IImageToTextService", Sk, SkSupplier),
                E("Microsoft.SemanticKernel.Embeddings.IEmbeddingGenerationService`2", Sk, SkSupplier),
                E("Microsoft.SemanticKernel.Memory.ISemanticTextMemory", Sk, SkSupplier),
                G("Microsoft.SemanticKernel.Agents.Agent", Sk, SkSupplier),
                W("Microsoft.SemanticKernel.IKernelBuilder", Sk, SkSupplier),
                W("Microsoft.Extensions.DependencyInjection.KernelServiceCollectionExtensions", Sk, SkSupplier),
                W("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions", Sk, "OpenAI"),
                W("Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions", Sk, "OpenAI"),
                W("Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions", Sk, "OpenAI"),

                // Anthropic (official SDK; Anthropic.SDK is the community package).
                G("Anthropic.AnthropicClient", Anthropic, "Anthropic"),
                G("Anthropic.IAnthropicClient", Anthropic, "Anthropic"),
                G("Anthropic.Services.IMessageService", Anthropic, "Anthropic"),
                G("Anthropic.SDK.AnthropicClient", Anthropic, "Anthropic"),

                // OllamaSharp (client of a self-hosted Ollama server).
                G("OllamaSharp.OllamaApiClient", Ollama, "Ollama (self-hosted)"),
                G("OllamaSharp.IOllamaApiClient", Ollama, "Ollama (self-hosted)"),
                G("OllamaSharp.Chat", Ollama, "Ollama (self-hosted)"),

                // LLamaSharp (local inference; executors implement ILLamaExecutor).
                L("LLama.LLamaWeights", LlamaSharp, "llama.cpp (local)"),
                L("LLama.LLamaContext", LlamaSharp, "llama.cpp (local)"),
                L("LLama.Abstractions.ILLamaExecutor", LlamaSharp, "llama.cpp (local)"),
                L("LLama.ChatSession", LlamaSharp, "llama.cpp (local)"),
                L("LLama.LLamaEmbedder", LlamaSharp, "llama.cpp (local)"),
                L("LLama.LLamaReranker", LlamaSharp, "llama.cpp (local)"),
                L("LLama.Batched.BatchedExecutor", LlamaSharp, "llama.cpp (local)"),

                // ML.NET (classical ML; trainers, chains and prediction transformers match through these interfaces).
                M("Microsoft.ML.MLContext"),
                M("Microsoft.ML.PredictionEngine`2"),
                M("Microsoft.ML.PredictionEngineBase`2"),
                M("Microsoft.ML.ITransformer"),
                M("Microsoft.ML.IEstimator`1"),
                M("Microsoft.ML.Trainers.ITrainerEstimator`2"),
                M("Microsoft.Extensions.ML.PredictionEnginePool`2"),

                // ONNX Runtime and ONNX Runtime GenAI (local inference).
                L("Microsoft.ML.OnnxRuntime.InferenceSession", Onnx, "ONNX Runtime (local)"),
                L("Microsoft.ML.OnnxRuntime.TrainingSession", Onnx, "ONNX Runtime (local)"),
                L("Microsoft.ML.OnnxRuntimeGenAI.Model", OnnxGenAi, "ONNX Runtime GenAI (local)"),
                L("Microsoft.ML.OnnxRuntimeGenAI.Generator", OnnxGenAi, "ONNX Runtime GenAI (local)"),
                L("Microsoft.ML.OnnxRuntimeGenAI.Tokenizer", OnnxGenAi, "ONNX Runtime GenAI (local)"),

                // TorchSharp (modules, TorchScript models, optimisers; plain tensor maths is not listed).
                L("TorchSharp.torch+nn+Module", Torch, "TorchSharp (local)"),
                L("TorchSharp.torch+jit+ScriptModule", Torch, "TorchSharp (local)"),
                L("TorchSharp.torch+optim+Optimizer", Torch, "TorchSharp (local)"),

                // AWS Bedrock runtime.
                G("Amazon.BedrockRuntime.AmazonBedrockRuntimeClient", Bedrock, "Amazon Web Services"),
                G("Amazon.BedrockRuntime.IAmazonBedrockRuntime", Bedrock, "Amazon Web Services"),

                // Google generative AI clients (Vertex AI, Google Gen AI SDK, Mscc.GenerativeAI).
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
