using LendingService.Domain;

namespace LendingService.Underwriting;

/// <summary>
/// Recommends approve, refer or decline for a loan application from the credit risk model's probability of default,
/// and has a draft adverse-action letter written for anything but an approval. A credit officer confirms every
/// recommendation before it takes effect.
/// </summary>
public sealed partial class UnderwritingService(CreditRiskModel model, DecisionExplainer explainer, ILogger<UnderwritingService> logger)
{
    public const double ApproveBelow = 0.15;
    public const double DeclineFrom = 0.40;

    public async Task<LoanDecision> DecideAsync(LoanApplication application, CancellationToken cancellationToken)
    {
        var assessment = model.Assess(application);
        var outcome = assessment.DefaultProbability switch
        {
            < ApproveBelow => DecisionOutcome.Approve,
            < DeclineFrom => DecisionOutcome.Refer,
            _ => DecisionOutcome.Decline,
        };

        var letter = outcome == DecisionOutcome.Approve
            ? null
            : await explainer.DraftAdverseActionLetterAsync(application, outcome, assessment.Reasons, cancellationToken);

        var decision = new LoanDecision(Guid.NewGuid(), outcome, Math.Round(assessment.DefaultProbability, 3), assessment.Reasons, letter);
        LogDecision(logger, decision.DecisionId, outcome, decision.DefaultProbability, string.Join("; ", assessment.Reasons));
        return decision;
    }

    // The explainability record: one structured event per decision, without the applicant's personal data.
    [LoggerMessage(EventName = "UnderwritingDecisionRecorded", Level = LogLevel.Information,
        Message = "Decision {DecisionId}: {Outcome} at probability of default {Probability}; reasons: {Reasons}")]
    private static partial void LogDecision(ILogger logger, Guid decisionId, DecisionOutcome outcome, double probability, string reasons);
}
