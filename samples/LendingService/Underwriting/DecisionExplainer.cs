using LendingService.Domain;
using Microsoft.Extensions.AI;

namespace LendingService.Underwriting;

/// <summary>Drafts the adverse-action letter for a referred or declined application with a language model.</summary>
public sealed partial class DecisionExplainer(IChatClient chatClient)
{
    private const string Instructions = """
        You draft adverse-action letters for a consumer lender. Write a short, plain-language letter to the applicant.
        State the recommendation and list exactly the principal reasons given, in the order given; do not add other
        reasons and never mention age, sex, nationality or any other protected characteristic. Say that a credit
        officer reviews the application before any final decision and that the applicant may ask for a human review.
        """;

    public async Task<string> DraftAdverseActionLetterAsync(
        LoanApplication application, DecisionOutcome outcome, IReadOnlyList<string> reasons, CancellationToken cancellationToken)
    {
        // Data minimisation: the model sees the first name, the outcome and the reasons, nothing else.
        var firstName = application.ApplicantName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "applicant";
        var prompt = $"""
            Applicant: {firstName}
            Recommendation: {(outcome == DecisionOutcome.Decline ? "decline" : "refer your application to a credit officer")}
            Principal reasons:
            {string.Join('\n', reasons.Select(reason => "- " + reason))}
            """;

        var response = await chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 },
            cancellationToken);
        return response.Text;
    }
}
