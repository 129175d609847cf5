using Microsoft.Extensions.AI;
using Policy.Annotations;

namespace Awkward.Core;

// [DataProvenance] on a nested type of a system: counted once, listed once.
[AiSystem("nested-provenance", Purpose = "Answers policy questions", Owner = "hr-tech", RiskLevel = AiRiskLevel.High)]
[HumanOversight(OversightMode.HumanOnTheLoop, Role = "HR partner")]
[BiasEvaluation(Report = "BIAS-2026-7", EvaluatedOn = "2026-10-01")]
[ExplainabilityRecord(Method = "Quoted policy text", Store = "answer log")]
[ImpactAssessment(Reference = "AIIA-2026-011", AssessedOn = "2026-10-02")]
public sealed class PolicyAssistant(IChatClient chat)
{
    public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);

    [DataProvenance("HR handbook 2026")]
    public sealed class Handbook
    {
        public string Text { get; init; } = string.Empty;
    }
}
