using Microsoft.Extensions.AI;
using Policy.Annotations;

namespace Awkward.Core;

// [DataProvenance] on a constructor parameter satisfies POL013: the pack must list it and call A.7.5 evidenced.
[AiSystem("ctor-provenance", Purpose = "Ranks knowledge-base articles", Owner = "search-team", RiskLevel = AiRiskLevel.High)]
[HumanOversight(OversightMode.HumanInTheLoop, Role = "Editor", Procedure = "docs/oversight.md")]
[BiasEvaluation(Report = "docs/bias-ranker.md", EvaluatedOn = "2026-09-01", ProtectedAttributes = new[] { "age, over 65", "gender" })]
[ExplainabilityRecord(Method = "Cited passages", Store = "ranking log")]
[ImpactAssessment(Reference = "AIIA-2026-010", AssessedOn = "2026-08-15")]
public sealed class Ranker
{
    private readonly IChatClient _chat;

    public Ranker(IChatClient chat, [DataProvenance("CRM export, nightly", AcquiredOn = "2026-07-01")] Uri corpus)
    {
        _chat = chat;
        Corpus = corpus;
    }

    public Uri Corpus { get; }

    public Task<ChatResponse> RankAsync(string query) => _chat.GetResponseAsync("Rank: " + query);
}
