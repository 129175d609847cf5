using LendingService.Ai;
using LendingService.Domain;
using LendingService.Support;
using LendingService.Underwriting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLendingAi(builder.Configuration);

var app = builder.Build();

// Train the credit risk model at startup rather than on the first application.
app.Services.GetRequiredService<CreditRiskModel>();

app.MapPost("/applications", async (LoanApplication application, UnderwritingService underwriting, CancellationToken cancellationToken) =>
    application.Validate() is { Count: > 0 } errors
        ? Results.ValidationProblem(errors)
        : Results.Ok(await underwriting.DecideAsync(application, cancellationToken)));

app.MapPost("/support/ask", async (SupportQuestion question, ApplicantSupportAssistant assistant, CancellationToken cancellationToken) =>
    string.IsNullOrWhiteSpace(question.Question)
        ? Results.ValidationProblem(new Dictionary<string, string[]> { ["question"] = ["A question is required."] })
        : Results.Ok(await assistant.AnswerAsync(question, cancellationToken)));

app.Run();
