using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Policy.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// What test compilations reference: the .NET 10 reference pack (restored with the test project through
    /// PackageDownload, so nothing is downloaded at test time), Policy.Annotations, and the real AI SDK assemblies and
    /// data classification attributes (Microsoft.Extensions.Compliance, ASP.NET Core Identity) restored from NuGet as
    /// ordinary package references of this project.
    /// </summary>
    public static class TestReferences
    {
        /// <summary>The .NET 10 reference assemblies (Microsoft.NETCore.App.Ref 10.0.12).</summary>
        public static ReferenceAssemblies Net10 { get; } = new ReferenceAssemblies(
            "net10.0",
            new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
            Path.Combine("ref", "net10.0"));

        /// <summary>Assembly-name prefixes of the SDKs (and their dependencies) copied to the test output.</summary>
        private static readonly string[] SdkPrefixes =
        {
            "Microsoft.Extensions.AI",
            "OpenAI",
            "System.ClientModel",
            "Microsoft.ML",
            "Microsoft.SemanticKernel",
            "Microsoft.Extensions.VectorData",
            "Microsoft.Extensions.DependencyInjection.Abstractions",
            "Microsoft.Extensions.Logging.Abstractions",
            "Microsoft.Extensions.Options",
            "Microsoft.Extensions.Primitives",
            "Microsoft.Extensions.Compliance",
            "Microsoft.Extensions.Identity",
            "Microsoft.Agents.AI",
            "ModelContextProtocol",
            "Microsoft.Extensions.Configuration.Abstractions",
            "OllamaSharp",
            "Betalgo.Ranul.OpenAI",
            "Anthropic",
            "Azure.AI.Inference",
            "Azure.AI.OpenAI",
            "Azure.Core",
            "LLamaSharp",
        };

        /// <summary>Policy.Annotations, as a consumer gets it.</summary>
        public static MetadataReference Annotations { get; } = MetadataReference.CreateFromFile(typeof(Policy.Annotations.AiSystemAttribute).Assembly.Location);

        /// <summary>The real AI SDK assemblies.</summary>
        public static ImmutableArray<MetadataReference> AiSdks { get; } = LoadSdks();

        private static readonly Lazy<ImmutableArray<MetadataReference>> Net10Lazy = new Lazy<ImmutableArray<MetadataReference>>(
            () => Net10.ResolveAsync(LanguageNames.CSharp, System.Threading.CancellationToken.None).GetAwaiter().GetResult());

        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreLazy = new Lazy<ImmutableArray<MetadataReference>>(LoadAspNetCore);

        /// <summary>The .NET 10 reference assemblies as metadata references (resolved once, shared by every compilation).</summary>
        public static ImmutableArray<MetadataReference> Net10References => Net10Lazy.Value;

        /// <summary>The ASP.NET Core 10 reference assemblies (Microsoft.AspNetCore.App.Ref 10.0.12, restored through PackageDownload).</summary>
        public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreLazy.Value;

        /// <summary>Net10References + AspNetCore + Annotations + AiSdks, built once.</summary>
        public static ImmutableArray<MetadataReference> Everything => EverythingLazy.Value;

        private static readonly Lazy<ImmutableArray<MetadataReference>> EverythingLazy = new Lazy<ImmutableArray<MetadataReference>>(
            () => Net10References.AddRange(AspNetCore).Add(Annotations).AddRange(AiSdks));

        private static ImmutableArray<MetadataReference> LoadAspNetCore()
        {
            var root = typeof(TestReferences).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value;
            var directory = Path.Combine(root!, "microsoft.aspnetcore.app.ref", "10.0.12", "ref", "net10.0");
            if (!Directory.Exists(directory))
            {
                throw new InvalidOperationException("ASP.NET Core reference pack not restored: " + directory);
            }

            return Directory.GetFiles(directory, "*.dll")
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadSdks()
        {
            // Touch one type of each SDK so that a missing package fails here, loudly, instead of silently matching nothing.
            _ = typeof(Microsoft.Extensions.AI.IChatClient);
            _ = typeof(OpenAI.Chat.ChatClient);
            _ = typeof(Microsoft.ML.MLContext);
            _ = typeof(Microsoft.SemanticKernel.Kernel);
            _ = typeof(Microsoft.ML.OnnxRuntime.InferenceSession);
            _ = typeof(Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions);
            _ = typeof(OllamaSharp.OllamaApiClient);
            _ = typeof(Betalgo.Ranul.OpenAI.Interfaces.IOpenAIService);
            _ = typeof(Microsoft.Extensions.Configuration.IConfiguration);
            _ = typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute);
            _ = typeof(Microsoft.AspNetCore.Identity.IdentityUser);
            _ = typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute);
            _ = typeof(Microsoft.Agents.AI.ChatClientAgent);
            _ = typeof(ModelContextProtocol.Server.McpServerToolAttribute);
            _ = typeof(Anthropic.AnthropicClient);
            _ = typeof(Azure.AI.Inference.ChatCompletionsClient);
            _ = typeof(Azure.AI.OpenAI.AzureOpenAIClient);
            _ = typeof(LLama.LLamaWeights);
            _ = typeof(Microsoft.ML.OnnxRuntimeGenAI.Model);

            var directory = AppContext.BaseDirectory;
            var references = new List<MetadataReference>();
            foreach (var path in Directory.GetFiles(directory, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (SdkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    references.Add(MetadataReference.CreateFromFile(path));
                }
            }

            return references.ToImmutableArray();
        }
    }
}
