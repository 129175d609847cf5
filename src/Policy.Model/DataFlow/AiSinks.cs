using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Policy.Model.Catalogue;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// One call that hands data to an AI model: the values given to it, and for ML.NET the input type of the prediction
    /// engine.
    /// </summary>
    public sealed class AiSinkCall
    {
        internal AiSinkCall(IInvocationOperation invocation, string display, ImmutableArray<IOperation> dataValues, ITypeSymbol? inputType, AiSdkEntry entry)
        {
            Invocation = invocation;
            Display = display;
            DataValues = dataValues;
            InputType = inputType;
            Entry = entry;
        }

        /// <summary>The call.</summary>
        public IInvocationOperation Invocation { get; }

        /// <summary>How messages name the call, for example <c>IChatClient.GetResponseAsync</c>.</summary>
        public string Display { get; }

        /// <summary>The argument values that are data (not cancellation tokens, options, clients or callbacks).</summary>
        public ImmutableArray<IOperation> DataValues { get; }

        /// <summary>For ML.NET prediction: <c>TIn</c> of <c>PredictionEngine&lt;TIn, TOut&gt;</c>, which must be classified.</summary>
        public ITypeSymbol? InputType { get; }

        /// <summary>The catalogue entry that made the call an AI call.</summary>
        public AiSdkEntry Entry { get; }

        /// <summary>Where the call is reported: the method name (<c>chat.{|GetResponseAsync|}(...)</c>).</summary>
        public Location Location
        {
            get
            {
                var syntax = Invocation.Syntax;
                if (syntax is InvocationExpressionSyntax invocation)
                {
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Name,
                        MemberBindingExpressionSyntax binding => binding.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    if (name != null)
                    {
                        return name.Identifier.GetLocation(); // CreatePredictionEngine, not CreatePredictionEngine<TIn, TOut>
                    }
                }

                return syntax.GetLocation();
            }
        }
    }

    /// <summary>
    /// Which calls hand data to an AI model ("sinks"): the request methods of the catalogued AI SDK types (chat,
    /// completion, embedding, image and audio requests, Semantic Kernel prompt and function invocation, agent runs,
    /// ML.NET <c>Predict</c>, ONNX Runtime <c>Run</c>), every method of an organisation's configured AI types
    /// (<c>policy.ai_types</c>, <c>policy.ai_namespaces</c>), and ML.NET's <c>CreatePredictionEngine&lt;TIn, TOut&gt;</c> (for
    /// its input type). Constructors and factory methods of AI clients (keys, endpoints, model names) are not sinks.
    /// </summary>
    public static class AiSinks
    {
        /// <summary>Request methods of the built-in catalogue, by name (the receiver must also be an AI SDK type).</summary>
        public static IReadOnlyCollection<string> RequestMethods => RequestMethodSet;

        // A plain HashSet (read-only after construction, so safe to share): this is the one look-up every invocation pays.
        private static readonly HashSet<string> RequestMethodSet = new HashSet<string>(StringComparer.Ordinal)
        {
            //// Microsoft.Extensions.AI and the Microsoft Agent Framework.
            "GetResponseAsync", "GetStreamingResponseAsync", "GenerateAsync", "GenerateVectorAsync", "GenerateEmbeddingAsync",
            "GenerateEmbeddingVectorAsync", "GenerateAndZipAsync", "GenerateImagesAsync", "EditImageAsync", "EditImagesAsync",
            "GetTextAsync", "GetStreamingTextAsync", "GetAudioAsync", "GetStreamingAudioAsync", "RunAsync", "RunStreamingAsync",
            "SendAsync", "InjectClientMessageAsync", "AddInputAudioAsync", "AddInputTextAsync",
            //// OpenAI .NET SDK and Azure OpenAI.
            "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync",
            "GenerateEmbedding", "GenerateEmbeddings", "GenerateEmbeddingsAsync",
            "GenerateImage", "GenerateImageAsync", "GenerateImages", "GenerateImageEdit", "GenerateImageEditAsync",
            "GenerateImageEdits", "GenerateImageEditsAsync", "GenerateImageVariation", "GenerateImageVariationAsync",
            "GenerateImageVariations", "GenerateImageVariationsAsync",
            "TranscribeAudio", "TranscribeAudioAsync", "TranslateAudio", "TranslateAudioAsync", "GenerateSpeech", "GenerateSpeechAsync",
            "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync",
            "ClassifyText", "ClassifyTextAsync", "CreateMessage", "CreateMessageAsync", "CreateThreadAndRun", "CreateThreadAndRunAsync",
            //// Azure AI Inference.
            "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync", "Embed", "EmbedAsync",
            //// Semantic Kernel (kernel, functions, chat/text/embedding/image/audio services, memory, agents).
            "InvokePromptAsync", "InvokePromptStreamingAsync", "InvokeAsync", "InvokeStreamingAsync",
            "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync",
            "GetTextContentAsync", "GetTextContentsAsync", "GetStreamingTextContentsAsync", "GenerateEmbeddingsAsync",
            "GetImageContentsAsync", "GenerateImageAsync", "GetAudioContentAsync", "GetAudioContentsAsync",
            "SaveInformationAsync", "SaveReferenceAsync", "SearchAsync",
            //// ML.NET, ONNX Runtime, ONNX Runtime GenAI, TorchSharp.
            "Predict", "Run", "RunWithBinding", "RunWithBoundResults", "Encode", "EncodeBatch", "AppendTokenSequences", "AppendTokens",
            "SetInputSequences", "forward", "call",
            //// Anthropic, OllamaSharp, LLamaSharp.
            "Create", "CreateAsync", "CreateStreaming", "GetClaudeMessageAsync", "StreamClaudeMessageAsync", "ChatAsync", "InferAsync",
            "GetEmbeddings", "GetEmbeddingsAsync", "RerankAsync", "Prompt",
            //// AWS Bedrock runtime, Google generative AI clients.
            "InvokeModel", "InvokeModelAsync", "InvokeModelWithResponseStream", "InvokeModelWithResponseStreamAsync",
            "Converse", "ConverseAsync", "ConverseStream", "ConverseStreamAsync",
            "GenerateContent", "GenerateContentAsync", "GenerateContentStream", "GenerateContentStreamAsync", "EmbedContent", "EmbedContentAsync",
            "PredictAsync",
        };

        /// <summary>Members of configured AI types that never carry data.</summary>
        private static readonly ImmutableHashSet<string> NotRequests = ImmutableHashSet.Create(
            StringComparer.Ordinal, "ToString", "GetHashCode", "Equals", "GetType", "Dispose", "DisposeAsync", "GetService");

        /// <summary>Names of option members that carry the messages or input themselves (Azure AI Inference's ChatCompletionsOptions).</summary>
        private static readonly ImmutableHashSet<string> InputMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Messages", "Input", "Inputs", "Prompt", "Contents");

        /// <summary>The AI call an invocation is, or null when it hands no data to a model.</summary>
        /// <param name="invocation">The invocation.</param>
        /// <param name="matcher">The compilation's AI type matcher.</param>
        /// <param name="anyMethodOfConfiguredTypes">Whether configured AI types exist (then any method name may be an AI call); when false, a name look-up rejects almost every invocation.</param>
        public static AiSinkCall? Recognise(IInvocationOperation invocation, AiTypeMatcher matcher, bool anyMethodOfConfiguredTypes = true)
        {
            var method = invocation.TargetMethod;
            if (method is null || matcher.IsEmpty)
            {
                return null;
            }

            var name = method.Name;
            if (name == "CreatePredictionEngine")
            {
                return PredictionEngineCreation(invocation, method, matcher);
            }

            if (!anyMethodOfConfiguredTypes && !RequestMethodSet.Contains(name))
            {
                return null;
            }

            var receiver = ReceiverType(invocation, method);
            var entry = matcher.Match(method.ContainingType) ?? (receiver is null ? null : matcher.Match(receiver));
            if (entry is null || entry.IsWiring)
            {
                return null;
            }

            if (entry.Kind == AiKind.Custom ? NotRequests.Contains(name) : !RequestMethodSet.Contains(name))
            {
                return null;
            }

            ITypeSymbol? inputType = null;
            if (name == "Predict" && entry.Kind == AiKind.ClassicalMl && method.ContainingType is { TypeArguments.Length: 2 } engine)
            {
                inputType = engine.TypeArguments[0];
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && IsData(argument.Parameter, matcher))
                {
                    values.Add(argument.Value);
                }
            }

            return new AiSinkCall(invocation, Display(receiver ?? method.ContainingType, name), values.ToImmutable(), inputType, entry);
        }

        /// <summary>The type the call is made on: the receiver, or the <c>this</c> parameter of an extension method.</summary>
        private static ITypeSymbol? ReceiverType(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (invocation.Instance is { Type: { } instanceType } && invocation.Instance.Kind != OperationKind.InstanceReference)
            {
                return instanceType;
            }

            if (method.IsExtensionMethod && method.Parameters.Length > 0)
            {
                return method.Parameters[0].Type;
            }

            return invocation.Instance?.Type;
        }

        private static AiSinkCall? PredictionEngineCreation(IInvocationOperation invocation, IMethodSymbol method, AiTypeMatcher matcher)
        {
            if (method.ReturnsVoid || method.ReturnType is not INamedTypeSymbol { TypeArguments.Length: 2 } engine ||
                matcher.Match(engine) is not { Kind: AiKind.ClassicalMl } entry)
            {
                return null;
            }

            return new AiSinkCall(invocation, Display(method.ContainingType, method.Name), ImmutableArray<IOperation>.Empty, engine.TypeArguments[0], entry);
        }

        /// <summary>
        /// Whether an argument is data: not a cancellation token, an AI client (the receiver of an extension method, a
        /// Kernel), a callback, an output (<c>ref</c>/<c>out</c>), or an options object that does not itself carry the
        /// messages (ChatOptions, ChatCompletionOptions, PromptExecutionSettings are configuration).
        /// </summary>
        private static bool IsData(IParameterSymbol? parameter, AiTypeMatcher matcher)
        {
            if (parameter is null)
            {
                return true;
            }

            if (parameter.RefKind == RefKind.Out || parameter.RefKind == RefKind.Ref)
            {
                return false;
            }

            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Delegate || type.TypeKind == TypeKind.Error || IsCancellationToken(type) || matcher.Match(type) != null)
            {
                return false;
            }

            var name = type.Name;
            if (name.EndsWith("Options", StringComparison.Ordinal) || name.EndsWith("Settings", StringComparison.Ordinal))
            {
                for (var current = type; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
                {
                    foreach (var member in current.GetMembers())
                    {
                        if (member is IPropertySymbol && InputMembers.Contains(member.Name))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            return true;
        }

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type.Name == "CancellationToken" && type.ContainingNamespace is { Name: "Threading", ContainingNamespace.Name: "System" };

        private static string Display(ITypeSymbol type, string method)
        {
            var typeName = type is INamedTypeSymbol named ? named.Name : type.ToDisplayString();
            return typeName.Length == 0 ? method : typeName + "." + method;
        }

        /// <summary>The names of the request methods, for documentation and tests.</summary>
        public static IEnumerable<string> SortedRequestMethods()
        {
            var list = new List<string>(RequestMethods);
            list.Sort(StringComparer.Ordinal);
            return list;
        }
    }
}
