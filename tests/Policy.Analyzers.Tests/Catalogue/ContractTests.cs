using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Policy.Analyzers.Tests.Infrastructure;
using Policy.Annotations;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;

namespace Policy.Analyzers.Tests.Catalogue
{
    /// <summary>The public contract of DESIGN.md and the model's mirrors of it.</summary>
    public sealed class ContractTests
    {
        [Fact]
        public void RiskLevelMirror_MatchesTheAttributeEnum() =>
            Assert.Equal(Pairs<AiRiskLevel>(), Pairs<RiskLevel>());

        [Fact]
        public void DataClassMirror_MatchesTheAttributeEnum() =>
            Assert.Equal(Pairs<DataClass>(), Pairs<DataClassification>());

        [Fact]
        public void Enums_HaveTheContractNames()
        {
            Assert.Equal(new[] { "Unspecified", "Minimal", "Limited", "High", "Prohibited" }, Enum.GetNames<AiRiskLevel>());
            Assert.Equal(new[] { "HumanInTheLoop", "HumanOnTheLoop", "HumanInCommand" }, Enum.GetNames<OversightMode>());
            Assert.Equal(new[] { "Public", "Internal", "Confidential", "Restricted", "Personal", "SensitivePersonal" }, Enum.GetNames<DataClass>());
        }

        [Theory]
        [InlineData(typeof(AiSystemAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly, "Id,Name,Purpose,Owner,RiskLevel,IntendedUse,AutomatedDecisions,ProcessesPersonalData")]
        [InlineData(typeof(AiComponentAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, "SystemId")]
        [InlineData(typeof(HumanOversightAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly | AttributeTargets.Method, "Mode,Role,Procedure")]
        [InlineData(typeof(BiasEvaluationAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly, "Report,EvaluatedOn,ProtectedAttributes")]
        [InlineData(typeof(ExplainabilityRecordAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly | AttributeTargets.Method, "Method,Store")]
        [InlineData(typeof(ImpactAssessmentAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly, "Reference,AssessedOn")]
        [InlineData(typeof(DataProvenanceAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, "Source,License,AcquiredOn")]
        [InlineData(typeof(ClassificationAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, "DataClass")]
        [InlineData(typeof(PolicyExemptionAttribute), AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Assembly, "RuleId,Justification,ApprovedBy,Expires")]
        public void Attribute_HasContractTargetsAndProperties(Type attribute, AttributeTargets targets, string properties)
        {
            var usage = (AttributeUsageAttribute)Attribute.GetCustomAttribute(attribute, typeof(AttributeUsageAttribute))!;
            Assert.Equal(targets, usage.ValidOn);
            Assert.Equal("Policy.Annotations", attribute.Namespace);
            Assert.Equal("Policy.Annotations", attribute.Assembly.GetName().Name);
            foreach (var property in properties.Split(','))
            {
                Assert.NotNull(attribute.GetProperty(property));
            }

            // Attributes must stay in metadata: the CLI and cross-assembly [AiComponent] read them.
            Assert.Null(Attribute.GetCustomAttribute(attribute, typeof(System.Diagnostics.ConditionalAttribute)));
        }

        [Fact]
        public void Catalogue_HasNoDuplicateNames() =>
            Assert.Equal(AiSdkCatalogue.BuiltIn.Length, AiSdkCatalogue.BuiltIn.Select(e => e.MetadataName).Distinct().Count());

        [Theory]
        [InlineData("Microsoft.Extensions.AI.IChatClient")]
        [InlineData("Microsoft.Extensions.AI.IEmbeddingGenerator`2")]
        [InlineData("Microsoft.Extensions.AI.ChatClientExtensions")]
        [InlineData("Microsoft.Extensions.AI.ChatClientBuilder")]
        [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions")]
        [InlineData("OpenAI.OpenAIClient")]
        [InlineData("OpenAI.Chat.ChatClient")]
        [InlineData("OpenAI.Embeddings.EmbeddingClient")]
        [InlineData("OpenAI.Responses.ResponsesClient")]
        [InlineData("Microsoft.ML.MLContext")]
        [InlineData("Microsoft.ML.PredictionEngine`2")]
        [InlineData("Microsoft.ML.ITransformer")]
        [InlineData("Microsoft.ML.Trainers.ITrainerEstimator`2")]
        [InlineData("Microsoft.SemanticKernel.Kernel")]
        [InlineData("Microsoft.SemanticKernel.KernelFunction")]
        [InlineData("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService")]
        [InlineData("Microsoft.SemanticKernel.IKernelBuilder")]
        [InlineData("Microsoft.ML.OnnxRuntime.InferenceSession")]
        public void CatalogueEntry_ResolvesAgainstTheRealSdk(string metadataName)
        {
            Assert.Contains(AiSdkCatalogue.BuiltIn, e => e.MetadataName == metadataName);
            var compilation = CSharpCompilation.Create("probe", references: TestReferences.AiSdks.Add(MetadataReference.CreateFromFile(typeof(object).Assembly.Location)));
            var matcher = AiTypeMatcher.Create(compilation, Array.Empty<string>(), Array.Empty<string>());
            Assert.Contains(matcher.ResolvedTypes.Values, e => e.MetadataName == metadataName);
        }

        private static (string, int)[] Pairs<T>() where T : struct, Enum =>
            Enum.GetValues<T>().Select(v => (v.ToString(), Convert.ToInt32(v))).ToArray();
    }
}
