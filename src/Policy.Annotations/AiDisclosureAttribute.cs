using System;

namespace Policy.Annotations
{
    /// <summary>
    /// Declares how people are told that they interact with an AI system, and how content the system generates is
    /// marked as artificially generated.
    /// </summary>
    /// <remarks>
    /// Evidences EU AI Act Article 50(1) and 50(2) (transparency obligations) and ISO/IEC 42001 A.8.2 (information for
    /// users) and A.8.5 (information for interested parties). Required (POL007): <see cref="Notice"/>; for systems
    /// declared <c>GeneratesSyntheticContent = true</c> also <see cref="ContentMarking"/>. Required at any risk level for
    /// systems declared <c>InteractsWithPeople = true</c> or <c>GeneratesSyntheticContent = true</c> (POL017).
    /// </remarks>
    /// <example><code>[AiDisclosure(Notice = "Chat header: 'You are chatting with an AI assistant'", ContentMarking = "C2PA manifest")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class AiDisclosureAttribute : Attribute
    {
        /// <summary>What people are told, or where (a UI text, a page, a document path). Required.</summary>
        public string? Notice { get; set; }

        /// <summary>How generated content is marked as artificially generated (for example "C2PA manifest", "watermark").
        /// Required for systems that generate synthetic content.</summary>
        public string? ContentMarking { get; set; }
    }
}
