namespace Policy.Model.Catalogue
{
    /// <summary>What an AI SDK type is used for; printed in the inventory and the AI bill of materials.</summary>
    public enum AiKind
    {
        /// <summary>Generative model client: chat, completion, image, audio, agents.</summary>
        Generative,

        /// <summary>Embedding generation (vector search, retrieval).</summary>
        Embedding,

        /// <summary>Classical machine learning (training and prediction, for example ML.NET).</summary>
        ClassicalMl,

        /// <summary>Local inference runtime that runs a model in process (ONNX Runtime, LLamaSharp, TorchSharp).</summary>
        LocalRuntime,

        /// <summary>An AI gateway or client the organisation declared itself through configuration.</summary>
        Custom,
    }

    /// <summary>
    /// One entry of the AI SDK catalogue: a type matched by its metadata name (namespace, name and generic arity,
    /// for example <c>Microsoft.Extensions.AI.IEmbeddingGenerator`2</c>), never by package reference.
    /// </summary>
    public sealed class AiSdkEntry
    {
        /// <summary>Creates an entry.</summary>
        public AiSdkEntry(string metadataName, string family, string supplier, AiKind kind, bool isWiring = false, bool isUnresolved = false)
        {
            IsUnresolved = isUnresolved;
            MetadataName = metadataName;
            Family = family;
            Supplier = supplier;
            Kind = kind;
            IsWiring = isWiring;
        }

        /// <summary>Full metadata name of the type.</summary>
        public string MetadataName { get; }

        /// <summary>The SDK family, for example "Microsoft.Extensions.AI" or "ML.NET".</summary>
        public string Family { get; }

        /// <summary>The third-party supplier of the SDK or service (ISO/IEC 42001 A.10.3).</summary>
        public string Supplier { get; }

        /// <summary>What the type is for.</summary>
        public AiKind Kind { get; }

        /// <summary>
        /// True for builder and registration types (dependency-injection "wiring"): a type whose only AI usage is
        /// wiring is not an AI component unless the policy key <c>policy.count_di_wiring</c> says so.
        /// </summary>
        public bool IsWiring { get; }

        /// <summary>
        /// True for a suspected use: the code names this type but it did not resolve (packages not restored, an SDK
        /// version whose API changed). <see cref="MetadataName"/> is then the name as written, qualified by the
        /// imported namespace it was taken from.
        /// </summary>
        public bool IsUnresolved { get; }

        /// <inheritdoc />
        public override string ToString() => MetadataName;
    }
}
