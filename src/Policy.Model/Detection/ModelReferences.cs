using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Policy.Model.Detection
{
    /// <summary>A model the code states: a constant model id (or deployment name, or model file) and/or the configuration key it is read from.</summary>
    public sealed class ModelReference
    {
        /// <summary>Creates a reference.</summary>
        public ModelReference(string provider, string api, string? model, string? configurationKey, Location location)
        {
            Provider = provider;
            Api = api;
            Model = model;
            ConfigurationKey = configurationKey;
            Location = location;
        }

        /// <summary>Who serves the model: "OpenAI", "Azure OpenAI", "Ollama", "ONNX Runtime", "ML.NET", or "unspecified" (ChatOptions.ModelId).</summary>
        public string Provider { get; }

        /// <summary>Where the code names it: "GetChatClient", "AddAzureOpenAIChatCompletion", "ChatOptions.ModelId", ...</summary>
        public string Api { get; }

        /// <summary>The model id, deployment name or file path when the code states it as a constant; null otherwise.</summary>
        public string? Model { get; }

        /// <summary>The configuration key the value is read from, when the key is a constant; null otherwise.</summary>
        public string? ConfigurationKey { get; }

        /// <summary>Where the model id is written (the constant), or the argument when it is read from configuration only.</summary>
        public Location Location { get; }
    }

    /// <summary>
    /// The models in use, read where the code states them (POL050 and the evidence pack's <c>models</c>): OpenAI and
    /// Azure OpenAI <c>Get*Client("...")</c>, the model argument of <c>AsIChatClient</c>/<c>AsIEmbeddingGenerator</c>,
    /// <c>ChatOptions.ModelId</c>, <c>new OllamaApiClient(uri, "...")</c>, Semantic Kernel's <c>Add*ChatCompletion</c> and
    /// embedding registrations, ONNX Runtime and ML.NET model files. Calls are rejected by method name before anything is
    /// bound; a value is a literal or constant, <c>configuration["Key"] ?? "literal"</c>, or a local initialised so.
    /// </summary>
    public static class ModelReferences
    {
        private static readonly HashSet<string> MethodNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "GetChatClient", "GetEmbeddingClient", "GetImageClient", "GetAudioClient", "GetResponsesClient", "GetOpenAIResponseClient",
            "AsIChatClient", "AsIEmbeddingGenerator",
            "AddOpenAIChatCompletion", "AddAzureOpenAIChatCompletion", "AddOpenAIChatClient", "AddAzureOpenAIChatClient",
            "AddOpenAIEmbeddingGenerator", "AddAzureOpenAIEmbeddingGenerator", "AddOllamaChatCompletion", "AddOllamaChatClient",
            "ApplyOnnxModel", "Load",
        };

        private static readonly HashSet<string> TypeNames = new HashSet<string>(StringComparer.Ordinal) { "OllamaApiClient", "InferenceSession", "Model" };

        private static readonly HashSet<string> ModelParameters = new HashSet<string>(StringComparer.Ordinal)
        {
            "model", "modelId", "defaultModelId", "deploymentName", "defaultModel", "modelPath", "modelFile", "filePath",
        };

        /// <summary>The property of Microsoft.Extensions.AI's options types that names the model.</summary>
        public const string ModelIdProperty = "ModelId";

        /// <summary>Every name this recognition starts from (methods, types, the ModelId property): what <see cref="AiReach"/> keeps a type for.</summary>
        public static IEnumerable<string> TriggerNames => MethodNames.Concat(TypeNames).Concat(new[] { ModelIdProperty });

        /// <summary>True when an invoked method's name may state a model (the only check before binding-dependent work).</summary>
        public static bool IsCandidateMethod(string name) => MethodNames.Contains(name);

        /// <summary>True when a created type's name may take a model (OllamaApiClient, InferenceSession, ONNX GenAI Model).</summary>
        public static bool IsCandidateType(string name) => TypeNames.Contains(name);

        /// <summary>True when a syntax node may state a model (names only; nothing bound).</summary>
        public static bool MayState(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => SyntaxNames.Rightmost(invocation.Expression) is { } name && MethodNames.Contains(name),
            ObjectCreationExpressionSyntax creation => SyntaxNames.Rightmost(creation.Type) is { } typeName && TypeNames.Contains(typeName),
            AssignmentExpressionSyntax assignment => SyntaxNames.Rightmost(assignment.Left) == ModelIdProperty,
            _ => false,
        };

        /// <summary>The models an operation states (an invocation, an object creation or a <c>ModelId</c> assignment).</summary>
        public static void Recognise(IOperation operation, List<ModelReference> result)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when MethodNames.Contains(invocation.TargetMethod.Name):
                    var method = invocation.TargetMethod;
                    var receiver = invocation.Instance?.Type ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
                    if (Provider(method, receiver) is { } provider)
                    {
                        FromArguments(invocation.Arguments, provider, method.Name, result);
                    }

                    break;
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type && TypeNames.Contains(type.Name):
                    if (Provider(creation.Constructor, type) is { } creationProvider)
                    {
                        FromArguments(creation.Arguments, creationProvider, "new " + type.Name, result);
                    }

                    break;
                case ISimpleAssignmentOperation assignment
                    when assignment.Target is IPropertyReferenceOperation { Property: { Name: ModelIdProperty } property } &&
                         Namespace(property.ContainingType).StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal):
                    Add(assignment.Value, "unspecified", property.ContainingType.Name + "." + ModelIdProperty, result);
                    break;
            }
        }

        /// <summary>The models stated in a syntax tree's node and its descendants, in source order.</summary>
        public static void Collect(SyntaxNode root, Compilation compilation, List<ModelReference> result, CancellationToken cancellationToken)
        {
            SemanticModel? model = null;
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (!MayState(node))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                model ??= compilation.GetSemanticModel(root.SyntaxTree);
                if (model.GetOperation(node, cancellationToken) is { } operation)
                {
                    Recognise(operation, result);
                }
            }
        }

        private static string? Provider(IMethodSymbol? method, ITypeSymbol? receiver)
        {
            var ns = Namespace(method?.ContainingType);
            var receiverNs = Namespace(receiver as INamedTypeSymbol);
            var name = method?.Name ?? string.Empty;
            if (ns.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal))
            {
                return name.IndexOf("AzureOpenAI", StringComparison.Ordinal) >= 0 ? "Azure OpenAI"
                    : name.IndexOf("OpenAI", StringComparison.Ordinal) >= 0 ? "OpenAI"
                    : name.IndexOf("Ollama", StringComparison.Ordinal) >= 0 ? "Ollama"
                    : null;
            }

            if (receiverNs.StartsWith("Azure.AI.OpenAI", StringComparison.Ordinal) || ns.StartsWith("Azure.AI.OpenAI", StringComparison.Ordinal))
            {
                return "Azure OpenAI";
            }

            if (receiverNs.StartsWith("Azure.AI.Inference", StringComparison.Ordinal))
            {
                return "Azure AI Inference";
            }

            if (receiverNs.StartsWith("OpenAI", StringComparison.Ordinal) || ns.StartsWith("OpenAI", StringComparison.Ordinal))
            {
                return "OpenAI";
            }

            if (ns.StartsWith("OllamaSharp", StringComparison.Ordinal))
            {
                return "Ollama";
            }

            if (ns.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal))
            {
                return "ONNX Runtime";
            }

            if (ns.StartsWith("Microsoft.ML", StringComparison.Ordinal) && (name == "Load" || name == "ApplyOnnxModel"))
            {
                return name == "ApplyOnnxModel" ? "ONNX Runtime" : "ML.NET";
            }

            if (ns.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal))
            {
                return receiverNs.Length > 0 && !receiverNs.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal) ? receiverNs.Split('.')[0] : "unspecified";
            }

            return null;
        }

        private static void FromArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string provider, string api, List<ModelReference> result)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && ModelParameters.Contains(parameter.Name) && parameter.Type.SpecialType == SpecialType.System_String &&
                    argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    Add(argument.Value, provider, api, result);
                }
            }
        }

        private static void Add(IOperation value, string provider, string api, List<ModelReference> result)
        {
            var (model, modelLocation, key) = Read(value, depth: 0);
            if (model is null && key is null)
            {
                return;
            }

            result.Add(new ModelReference(provider, api, model, key, modelLocation ?? value.Syntax.GetLocation()));
        }

        /// <summary>A constant, <c>config["Key"]</c>, <c>config["Key"] ?? "constant"</c>, or a local initialised with one of them.</summary>
        private static (string? Model, Location? Location, string? Key) Read(IOperation value, int depth)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant.Length == 0 ? (null, null, null) : (constant, value.Syntax.GetLocation(), null);
            }

            switch (value)
            {
                case ICoalesceOperation coalesce:
                    var left = Read(coalesce.Value, depth);
                    var right = Read(coalesce.WhenNull, depth);
                    return (right.Model ?? left.Model, right.Model != null ? right.Location : left.Location, left.Key ?? right.Key);
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                    when indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } &&
                         IsConfiguration(indexer.Instance?.Type):
                    return (null, null, key);
                case IInvocationOperation { TargetMethod.Name: "GetValue" or "GetConnectionString" } getValue
                    when getValue.Arguments.Length >= 2 && getValue.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string key2 } &&
                         IsConfiguration(getValue.Arguments[0].Value.Type):
                    return (null, null, key2);
                case ILocalReferenceOperation local when depth < 2:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                            value.SemanticModel is { } model && model.SyntaxTree == reference.SyntaxTree &&
                            model.GetOperation(initializer.Value) is { } initial)
                        {
                            return Read(initial, depth + 1);
                        }
                    }

                    break;
            }

            return (null, null, null);
        }

        private static bool IsConfiguration(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (type.Name.IndexOf("Configuration", StringComparison.Ordinal) >= 0 && Namespace(type as INamedTypeSymbol).StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name == "IConfiguration" && Namespace(implemented) == "Microsoft.Extensions.Configuration")
                {
                    return true;
                }
            }

            return false;
        }

        private static string Namespace(INamedTypeSymbol? type) => type?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
    }

    /// <summary>Names read from syntax, before any binding.</summary>
    public static class SyntaxNames
    {
        /// <summary>The rightmost identifier of a name or member access (<c>a.b.C</c> → C), or null.</summary>
        public static string? Rightmost(SyntaxNode node) => node switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
