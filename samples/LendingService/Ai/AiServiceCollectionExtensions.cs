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
    /// offline template client, so that the sample runs without network or key.
    /// </summary>
    public static IServiceCollection AddLendingAi(this IServiceCollection services, IConfiguration configuration)
    {
        var apiKey = configuration["OpenAI:ApiKey"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            services.AddSingleton<IChatClient, OfflineTemplateChatClient>();
        }
        else
        {
            var model = configuration["OpenAI:Model"] ?? "gpt-4o-mini";
            services.AddSingleton(new OpenAIClient(apiKey).GetChatClient(model).AsIChatClient());
        }

        services.AddSingleton<CreditRiskModel>();
        services.AddSingleton<DecisionExplainer>();
        services.AddSingleton<UnderwritingService>();
        services.AddSingleton<ApplicantSupportAssistant>();
        return services;
    }
}
