using Policy.Annotations;

namespace LendingService.Domain;

/// <summary>A free-text question from an applicant; it may contain personal details.</summary>
public sealed record SupportQuestion([property: Classification(DataClass.Personal)] string Question);

/// <summary>The assistant's answer, with the AI disclosure required for chatbots (EU AI Act Art. 50).</summary>
public sealed record SupportAnswer(string Answer, string Disclosure);
