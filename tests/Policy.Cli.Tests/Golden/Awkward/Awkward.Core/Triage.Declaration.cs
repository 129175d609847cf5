using Policy.Annotations;

namespace Awkward.Core;

// A partial type: the declaration in one part, the AI use in the other. POL003 is exempted (a risk acceptance).
[AiSystem("partial-triage", Purpose = "Routes tickets", Owner = "support", RiskLevel = AiRiskLevel.High)]
[PolicyExemption("POL003", Justification = "Pilot with ten agents", ApprovedBy = "AI board", Expires = "2027-06-30")]
[HumanOversight(OversightMode.HumanInTheLoop, Role = "Support lead")]
[ImpactAssessment(Reference = "AIIA-2026-012", AssessedOn = "2026-09-20")]
public sealed partial class Triage
{
}
