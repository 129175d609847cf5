using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// The attributes of Policy.Annotations, as the model knows them: each member is named exactly like its attribute
    /// class without the "Attribute" suffix (that is how attributes are recognised). A new attribute is a new member.
    /// </summary>
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

        /// <summary>[EventLogging]</summary>
        EventLogging,

        /// <summary>[AiDisclosure]</summary>
        AiDisclosure,
    }

    /// <summary>Recognises Policy.Annotations attributes by namespace and name (so copies compiled from source count too).</summary>
    public static class PolicyAttributes
    {
        /// <summary>The namespace of the attributes.</summary>
        public const string Namespace = "Policy.Annotations";

        /// <summary>The metadata name of [AiSystem], used to tell whether a compilation can see the attributes.</summary>
        public const string AiSystemMetadataName = "Policy.Annotations.AiSystemAttribute";

        // The kinds' names in enum order, written out: Enum.GetNames/GetValues/ToString read them through reflection, and
        // this class is initialized in every build that uses Policy.Annotations (DeclarationKindNamesTests keeps the two equal).
        private static readonly string[] KindNames =
        {
            nameof(DeclarationKind.AiSystem), nameof(DeclarationKind.AiComponent), nameof(DeclarationKind.HumanOversight),
            nameof(DeclarationKind.BiasEvaluation), nameof(DeclarationKind.ExplainabilityRecord), nameof(DeclarationKind.ImpactAssessment),
            nameof(DeclarationKind.DataProvenance), nameof(DeclarationKind.Classification), nameof(DeclarationKind.PolicyExemption),
            nameof(DeclarationKind.EventLogging), nameof(DeclarationKind.AiDisclosure),
        };

        /// <summary>
        /// Every kind (boxed) by its attribute class name ("HumanOversightAttribute"): the enum member names are the attribute
        /// names. Values are objects: a Dictionary over our own enum is framework code our ReadyToRun image cannot hold, and
        /// the compiler JIT-compiled it in every build.
        /// </summary>
        private static readonly Dictionary<string, object> ByAttributeName = Names();

        private static readonly HashSet<string> ShortNames = new HashSet<string>(KindNames, StringComparer.Ordinal);

        /// <summary>
        /// The simple names (without the Attribute suffix) of the attributes that declaration rules read: all of ours but
        /// [Classification], which only the data-flow rules read where data flows. A file whose text contains none of
        /// them (nor a using alias) holds no declaration a declaration rule can judge.
        /// </summary>
        public static IReadOnlyList<string> RuleBearingNames { get; } = Array.FindAll(KindNames, n => n != nameof(DeclarationKind.Classification));

        /// <summary>The names of all kinds, in enum order (the attribute names without "Attribute").</summary>
        public static IReadOnlyList<string> AllNames => KindNames;

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

            return ByAttributeName.TryGetValue(attributeClass.Name, out var kind) ? (DeclarationKind)kind : (DeclarationKind?)null;
        }

        /// <summary>
        /// True when an attribute written with this simple name (the rightmost identifier, with or without the
        /// Attribute suffix) may be one of ours: one of our names, or a using alias (which can name anything).
        /// </summary>
        public static bool MayBePolicyAttribute(string simpleName, IReadOnlyCollection<string> aliases)
        {
            var name = simpleName.EndsWith("Attribute", StringComparison.Ordinal) ? simpleName.Substring(0, simpleName.Length - "Attribute".Length) : simpleName;
            if (ShortNames.Contains(name))
            {
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

        private static Dictionary<string, object> Names()
        {
            var map = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < KindNames.Length; i++)
            {
                map[KindNames[i] + "Attribute"] = (DeclarationKind)i;
            }

            return map;
        }

        /// <summary>The attribute's name without the Attribute suffix (AiSystem, HumanOversight, ...).</summary>
        public static string ShortName(DeclarationKind kind) => (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString();
    }
}
