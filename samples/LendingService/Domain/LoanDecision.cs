using System.Text.Json.Serialization;
using Policy.Annotations;

namespace LendingService.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome { Approve, Refer, Decline }

/// <summary>
/// The underwriting recommendation. It takes effect only once a credit officer has confirmed it
/// (docs/procedures/credit-review.md), hence <see cref="ReviewStatus"/>.
/// </summary>
[Classification(DataClass.Personal)]
public sealed record LoanDecision(
    Guid DecisionId,
    DecisionOutcome Recommendation,
    double DefaultProbability,
    IReadOnlyList<string> Reasons,
    string? DraftLetter,
    string ReviewStatus = "awaiting-credit-officer");
