using LendingService.Support;
using LendingService.Underwriting;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LendingService.Ai;

public static partial class AiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the chat client and the AI services. With <c>OpenAI:ApiKey</c> configured (for example through the
    /// environment variable <c>OpenAI__ApiKey</c>) the chat client is OpenAI's <c>OpenAI:Model</c>; without it, the
    /// offline template client, so that the sample runs without network or key. Either way every call is recorded as
    /// OpenTelemetry GenAI spans and metrics (source "LendingService.Ai"; EU AI Act Art. 12 record-keeping of the
    /// high-risk underwriting system), without message content: applicants' questions carry personal data.
    /// </summary>
    public static IServiceCollection AddLendingAi(this IServiceCollection services, IConfiguration configuration)
    {
        var apiKey = configuration["OpenAI:ApiKey"];
        IChatClient model;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            model = new OfflineTemplateChatClient();
        }
        else
        {
            var modelId = configuration["OpenAI:Model"] ?? "gpt-4o-mini";
            model = new OpenAIClient(apiKey).GetChatClient(modelId).AsIChatClient();
        }

        services.AddChatClient(model).UseOpenTelemetry(sourceName: "LendingService.Ai");
        services.AddSingleton<CreditRiskModel>();
        services.AddSingleton<DecisionExplainer>();
        services.AddSingleton<UnderwritingService>();
        services.AddSingleton<ApplicantSupportAssistant>();
        return services;
    }
}
