using Policy.Annotations;

namespace LendingService.Domain;

/// <summary>A consumer loan application as the applicant submits it.</summary>
public sealed record LoanApplication
{
    [Classification(DataClass.Personal)]
    public required string ApplicantName { get; init; }

    [Classification(DataClass.Personal)]
    public required string Email { get; init; }

    [Classification(DataClass.Personal)]
    public required DateOnly DateOfBirth { get; init; }

    [Classification(DataClass.Confidential)]
    public required decimal AnnualIncome { get; init; }

    [Classification(DataClass.Confidential)]
    public required decimal RequestedAmount { get; init; }

    [Classification(DataClass.Confidential)]
    public required int EmploymentYears { get; init; }

    [Classification(DataClass.Confidential)]
    public required decimal ExistingDebt { get; init; }

    /// <summary>Field errors keyed by property name; empty when the application can be assessed.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(ApplicantName)) errors[nameof(ApplicantName)] = ["Required."];
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@')) errors[nameof(Email)] = ["Not an email address."];
        if (AnnualIncome <= 0) errors[nameof(AnnualIncome)] = ["Must be positive."];
        if (RequestedAmount is <= 0 or > 100_000) errors[nameof(RequestedAmount)] = ["Must be between 1 and 100000."];
        if (EmploymentYears < 0) errors[nameof(EmploymentYears)] = ["Cannot be negative."];
        if (ExistingDebt < 0) errors[nameof(ExistingDebt)] = ["Cannot be negative."];
        return errors;
    }
}
