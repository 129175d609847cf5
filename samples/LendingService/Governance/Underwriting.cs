// Governance declarations of the loan-underwriting AI system. Compliance owns this folder (CODEOWNERS:
// /samples/LendingService/Governance/ @lending/ai-governance): developers change the code, the AI governance team
// reviews and approves every change to these declarations and to the documents they reference.
using Policy.Annotations;

namespace LendingService.Underwriting;

[AiSystem("loan-underwriting",
    Name = "Consumer loan underwriting",
    Purpose = "Recommends approve, refer or decline for consumer loan applications from a probability-of-default model, and drafts the adverse-action letter",
    Owner = "Credit Risk (credit-risk@example.com)",
    RiskLevel = AiRiskLevel.High, // EU AI Act Annex III 5(b): creditworthiness assessment of natural persons
    IntendedUse = "Unsecured consumer loans of 1,000 to 100,000 to individuals; recommendations only, confirmed by a credit officer. Not for mortgages, business lending or pricing.",
    AutomatedDecisions = true,
    ProcessesPersonalData = true)]
[HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer", Procedure = "docs/procedures/credit-review.md")]
[BiasEvaluation(Report = "docs/evaluations/credit-risk-bias-2026q3.md", EvaluatedOn = "2026-09-30",
    ProtectedAttributes = ["age", "sex", "nationality"])]
[ExplainabilityRecord(
    Method = "ML.NET feature contributions of the logistic regression, mapped to adverse-action reason statements",
    Store = "Structured log event UnderwritingDecisionRecorded (decision id, outcome, probability, reasons) in the decision audit index")]
[ImpactAssessment(Reference = "docs/assessments/loan-underwriting-aiia.md", AssessedOn = "2026-08-14")]
public sealed partial class UnderwritingService;

[AiComponent("loan-underwriting")]
public sealed partial class CreditRiskModel;

[AiComponent("loan-underwriting")]
public sealed partial class DecisionExplainer;

[AiComponent("loan-underwriting")]
[DataProvenance("Synthetic loan book generated in code from a fixed seed (SyntheticCreditHistory.Seed); no real applicant data",
    License = "Generated in-house; no third-party rights", AcquiredOn = "2026-08-14")]
public static partial class SyntheticCreditHistory;
