// Governance declarations of the AI infrastructure shared by both AI systems. Compliance owns this folder
// (CODEOWNERS: /samples/LendingService/Governance/ @lending/ai-governance): developers change the code, the AI
// governance team reviews and approves every change to these declarations.
using Policy.Annotations;

namespace LendingService.Ai;

// The chat client (OpenAI or the offline template client) serves both systems.
[AiComponent("loan-underwriting")]
[AiComponent("applicant-support-chat")]
public static partial class AiServiceCollectionExtensions;

[AiComponent("loan-underwriting")]
[AiComponent("applicant-support-chat")]
public sealed partial class OfflineTemplateChatClient;
