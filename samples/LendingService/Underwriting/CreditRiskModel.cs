using LendingService.Domain;
using Microsoft.ML;

namespace LendingService.Underwriting;

/// <summary>The model's view of one application: probability of default and the principal reasons, strongest first.</summary>
public sealed record CreditAssessment(double DefaultProbability, IReadOnlyList<string> Reasons);

/// <summary>
/// Probability-of-default model: an L-BFGS logistic regression trained at startup on <see cref="SyntheticCreditHistory"/>,
/// with feature contributions (ML.NET's feature contribution calculator) as the explanation of each score.
/// </summary>
public sealed partial class CreditRiskModel
{
    private readonly PredictionEngine<CreditFeatures, CreditPrediction> engine;
    private readonly Lock engineLock = new(); // PredictionEngine is not thread-safe.
    private readonly float[] baseline;

    public CreditRiskModel(ILogger<CreditRiskModel> logger)
    {
        var ml = new MLContext(seed: SyntheticCreditHistory.Seed);
        var records = SyntheticCreditHistory.Generate(count: 5000);
        var history = ml.Data.LoadFromEnumerable(records);
        var split = ml.Data.TrainTestSplit(history, testFraction: 0.2, seed: SyntheticCreditHistory.Seed);

        var pipeline = ml.Transforms.Concatenate("Features", [.. CreditFeatures.Columns.Select(c => c.Column)])
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(split.TrainSet);

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        LogTrained(logger, metrics.AreaUnderRocCurve, metrics.Accuracy);

        var contributions = ml.Transforms
            .CalculateFeatureContribution(model.LastTransformer, CreditFeatures.Columns.Length, CreditFeatures.Columns.Length, normalize: false)
            .Fit(model.Transform(split.TrainSet));
        engine = ml.Model.CreatePredictionEngine<CreditFeatures, CreditPrediction>(model.Append(contributions));

        // Reasons are the features that raise the score above that of the average applicant in the history.
        var average = new CreditFeatures
        {
            DebtToIncome = records.Average(r => r.DebtToIncome),
            LoanToIncome = records.Average(r => r.LoanToIncome),
            EmploymentShortfall = records.Average(r => r.EmploymentShortfall),
        };
        baseline = engine.Predict(average).FeatureContributions;
    }

    public CreditAssessment Assess(LoanApplication application)
    {
        CreditPrediction prediction;
        lock (engineLock)
        {
            prediction = engine.Predict(CreditFeatures.From(application));
        }

        var reasons = prediction.FeatureContributions
            .Select((contribution, index) => (Excess: contribution - baseline[index], CreditFeatures.Columns[index].Reason))
            .Where(c => c.Excess > 0)
            .OrderByDescending(c => c.Excess)
            .Select(c => c.Reason)
            .ToList();
        return new CreditAssessment(prediction.Probability, reasons);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Credit risk model trained on synthetic history: AUC {Auc:F3}, accuracy {Accuracy:F3}")]
    private static partial void LogTrained(ILogger logger, double auc, double accuracy);
}
