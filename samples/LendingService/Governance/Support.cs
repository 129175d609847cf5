// Governance declarations of the applicant-support-chat AI system. Compliance owns this folder (CODEOWNERS:
// /samples/LendingService/Governance/ @lending/ai-governance): developers change the code, the AI governance team
// reviews and approves every change to these declarations.
using Policy.Annotations;

namespace LendingService.Support;

[AiSystem("applicant-support-chat",
    Name = "Applicant support assistant",
    Purpose = "Answers applicants' general questions about personal loans (rates, documents, timing) from a fixed set of facts",
    Owner = "Customer Service (customer-service@example.com)",
    RiskLevel = AiRiskLevel.Limited, // EU AI Act Art. 50: users are told they are talking to an AI
    IntendedUse = "General FAQ answers only; it cannot see, assess or change an application and gives no financial advice",
    ProcessesPersonalData = true, // applicants may type personal details into their questions
    InteractsWithPeople = true)] // applicants chat with it
[AiDisclosure(Notice = "Every answer carries SupportAnswer.Disclosure: 'You are chatting with an AI assistant. It answers general questions only and cannot see or change your application.'")]
public sealed partial class ApplicantSupportAssistant;
