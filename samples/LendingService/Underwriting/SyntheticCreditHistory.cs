namespace LendingService.Underwriting;

/// <summary>
/// A synthetic loan book, generated deterministically from a seed, that the sample model trains on. It contains no
/// real applicant: defaults follow a known logistic rule plus noise.
/// </summary>
public static partial class SyntheticCreditHistory
{
    public const int Seed = 20260814;

    public static CreditFeatures[] Generate(int count)
    {
        var random = new Random(Seed);
        var records = new CreditFeatures[count];
        for (var i = 0; i < records.Length; i++)
        {
            var debtToIncome = random.NextDouble() * 0.6;
            var loanToIncome = 0.05 + random.NextDouble() * 1.2;
            var shortfall = Math.Max(0, 5 - random.Next(0, 25));
            var logit = -4.5 + 5.0 * debtToIncome + 2.5 * loanToIncome + 0.4 * shortfall;
            records[i] = new CreditFeatures
            {
                DebtToIncome = (float)debtToIncome,
                LoanToIncome = (float)loanToIncome,
                EmploymentShortfall = shortfall,
                Defaulted = random.NextDouble() < 1 / (1 + Math.Exp(-logit)),
            };
        }

        return records;
    }
}
