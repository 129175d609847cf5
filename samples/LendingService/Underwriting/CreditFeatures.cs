using LendingService.Domain;
using Microsoft.ML.Data;
using Policy.Annotations;

namespace LendingService.Underwriting;

/// <summary>
/// Model input: affordability ratios derived from an application, each oriented so that a higher value means more
/// risk. Name, contact details and date of birth never reach the model.
/// </summary>
[Classification(DataClass.Confidential)]
public sealed class CreditFeatures
{
    /// <summary>Feature columns in model order, with the adverse-action reason each one stands for.</summary>
    public static readonly (string Column, string Reason)[] Columns =
    [
        (nameof(DebtToIncome), "Existing debt is high relative to income"),
        (nameof(LoanToIncome), "Requested amount is high relative to income"),
        (nameof(EmploymentShortfall), "Length of current employment is under five years"),
    ];

    public float DebtToIncome { get; set; }

    public float LoanToIncome { get; set; }

    /// <summary>Years short of five years in current employment (0 from five years on).</summary>
    public float EmploymentShortfall { get; set; }

    /// <summary>Training label: the loan defaulted. Unused at prediction time.</summary>
    [ColumnName("Label")]
    public bool Defaulted { get; set; }

    public static CreditFeatures From(LoanApplication application) => new()
    {
        DebtToIncome = (float)(application.ExistingDebt / application.AnnualIncome),
        LoanToIncome = (float)(application.RequestedAmount / application.AnnualIncome),
        EmploymentShortfall = Math.Max(0, 5 - application.EmploymentYears),
    };
}

/// <summary>Model output: probability of default and per-feature contributions to the score.</summary>
public sealed class CreditPrediction
{
    [ColumnName("PredictedLabel")]
    public bool WillDefault { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }

    [ColumnName("FeatureContributions")]
    public float[] FeatureContributions { get; set; } = [];
}
