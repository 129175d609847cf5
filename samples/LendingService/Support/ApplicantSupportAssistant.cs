using LendingService.Domain;
using Microsoft.Extensions.AI;

namespace LendingService.Support;

/// <summary>Answers applicants' general questions about personal loans from a fixed set of facts.</summary>
public sealed partial class ApplicantSupportAssistant(IChatClient chatClient)
{
    private const string Disclosure =
        "You are chatting with an AI assistant. It answers general questions only and cannot see or change your application.";

    private const string SystemPrompt = """
        You are the applicant support assistant of a consumer lender. Answer in at most three sentences, using only
        the facts below. If the question is about a specific application or is not covered by the facts, say so and
        refer the applicant to loans@example.com. Never ask for personal or financial details.
        Facts:
        - Rates: Personal loans cost 6.9% to 18.9% APR, depending on the amount, the term and the credit assessment.
        - Documents: You need photo ID, your last three payslips and three months of bank statements.
        - Timing: Most applications get a recommendation within minutes; a credit officer confirms every decision within two working days.
        - Decline: If we decline, you receive a letter with the principal reasons and you can ask a credit officer for a human review.
        - Amounts: You can borrow from 1,000 to 100,000 over one to seven years; early repayment is free.
        """;

    /// <summary>
    /// The one tool the model may call: ask a credit officer to call the applicant back. It acts on the applicant's
    /// behalf, so a person approves every call (ApprovalRequiredAIFunction: the chat client returns an approval request
    /// instead of running it).
    /// </summary>
    private static readonly AITool CallbackTool = new ApprovalRequiredAIFunction(
        AIFunctionFactory.Create(RequestCallback, "request_callback", "Asks a credit officer to call the applicant back about a topic"));

    public async Task<SupportAnswer> AnswerAsync(SupportQuestion question, CancellationToken cancellationToken)
    {
        var response = await chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, question.Question)],
            new ChatOptions { Tools = [CallbackTool] },
            cancellationToken);
        return new SupportAnswer(response.Text, Disclosure);
    }

    private static string RequestCallback(string topic) => "A credit officer will call you back about: " + topic;
}
