using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>The attributes of Policy.Annotations, as the model knows them.</summary>
    public enum DeclarationKind
    {
        /// <summary>[AiSystem]</summary>
        AiSystem,

        /// <summary>[AiComponent]</summary>
        AiComponent,

        /// <summary>[HumanOversight]</summary>
        HumanOversight,

        /// <summary>[BiasEvaluation]</summary>
        BiasEvaluation,

        /// <summary>[ExplainabilityRecord]</summary>
        ExplainabilityRecord,

        /// <summary>[ImpactAssessment]</summary>
        ImpactAssessment,

        /// <summary>[DataProvenance]</summary>
        DataProvenance,

        /// <summary>[Classification]</summary>
        Classification,

        /// <summary>[PolicyExemption]</summary>
        PolicyExemption,
    }

    /// <summary>Recognises Policy.Annotations attributes by namespace and name (so copies compiled from source count too).</summary>
    public static class PolicyAttributes
    {
        /// <summary>The namespace of the attributes.</summary>
        public const string Namespace = "Policy.Annotations";

        /// <summary>The metadata name of [AiSystem], used to tell whether a compilation can see the attributes.</summary>
        public const string AiSystemMetadataName = "Policy.Annotations.AiSystemAttribute";

        /// <summary>Classifies an attribute class; null when it is not one of ours.</summary>
        public static DeclarationKind? Classify(INamedTypeSymbol? attributeClass)
        {
            if (attributeClass is null || attributeClass.ContainingType != null)
            {
                return null;
            }

            var ns = attributeClass.ContainingNamespace;
            if (ns is null || ns.Name != "Annotations" || ns.ContainingNamespace is not { Name: "Policy" } parent ||
                parent.ContainingNamespace is not { IsGlobalNamespace: true })
            {
                return null;
            }

            return attributeClass.Name switch
            {
                "AiSystemAttribute" => DeclarationKind.AiSystem,
                "AiComponentAttribute" => DeclarationKind.AiComponent,
                "HumanOversightAttribute" => DeclarationKind.HumanOversight,
                "BiasEvaluationAttribute" => DeclarationKind.BiasEvaluation,
                "ExplainabilityRecordAttribute" => DeclarationKind.ExplainabilityRecord,
                "ImpactAssessmentAttribute" => DeclarationKind.ImpactAssessment,
                "DataProvenanceAttribute" => DeclarationKind.DataProvenance,
                "ClassificationAttribute" => DeclarationKind.Classification,
                "PolicyExemptionAttribute" => DeclarationKind.PolicyExemption,
                _ => (DeclarationKind?)null,
            };
        }

        /// <summary>
        /// True when an attribute written with this simple name (the rightmost identifier, with or without the
        /// Attribute suffix) may be one of ours: one of our names, or a using alias (which can name anything).
        /// </summary>
        public static bool MayBePolicyAttribute(string simpleName, IReadOnlyCollection<string> aliases)
        {
            var name = simpleName.EndsWith("Attribute", StringComparison.Ordinal) ? simpleName.Substring(0, simpleName.Length - "Attribute".Length) : simpleName;
            switch (name)
            {
                case "AiSystem":
                case "AiComponent":
                case "HumanOversight":
                case "BiasEvaluation":
                case "ExplainabilityRecord":
                case "ImpactAssessment":
                case "DataProvenance":
                case "Classification":
                case "PolicyExemption":
                    return true;
            }

            foreach (var alias in aliases)
            {
                if (alias == simpleName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The attribute name as written in code, without the suffix.</summary>
        public static string ShortName(DeclarationKind kind) => kind.ToString();
    }
}
