namespace Policy.Cli.Tests;

/// <summary>
/// A small solution on disk, outside the repository, that uses Microsoft.Extensions.AI and references the freshly
/// built attributes and analyzers directly (no package): one declared system with gaps, one undeclared AI type, an
/// exemption, and a referenced document that exists and one that does not. Built once per test class.
/// </summary>
public sealed class Fixture : IDisposable
{
    /// <summary>Creates the fixture in a temporary folder and initialises a git repository with one commit.</summary>
    public Fixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policy-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(Folder, "Support", "docs"));
        File.WriteAllText(Path.Combine(Folder, "Support", "Support.csproj"), CliRunner.AnalysedProject());
        File.WriteAllText(Path.Combine(Folder, "Support", "Bots.cs"), """
            using Microsoft.Extensions.AI;
            using Policy.Annotations;

            namespace Support;

            [AiSystem("ticket-triage", Name = "Ticket triage", Purpose = "Routes support tickets", Owner = "support-leads",
                RiskLevel = AiRiskLevel.Minimal, AutomatedDecisions = true)]
            [HumanOversight(OversightMode.HumanOnTheLoop, Role = "Support lead", Procedure = "docs/oversight.md")]
            [BiasEvaluation(Report = "docs/missing-report.md", EvaluatedOn = "2026-01-15")]
            public sealed class TicketTriage(IChatClient chat)
            {
                public IChatClient Chat => chat;

                public Task<ChatResponse> RouteAsync(Ticket ticket) =>
                    chat.GetResponseAsync($"Route this ticket: {ticket.Body} (account {ticket.Account})", new ChatOptions { ModelId = "gpt-4o-mini" });
            }

            public sealed record Ticket([Classification(DataClass.Internal)] string Body, [Classification(DataClass.Confidential)] string Account);

            [AiSystem("faq", Name = "<script>alert(1)</script>", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.High)]
            [PolicyExemption("POL003", Justification = "Pilot", ApprovedBy = "AI board", Expires = "2027-06-30")]
            [HumanOversight(OversightMode.HumanInTheLoop, Role = "Agent")]
            [ExplainabilityRecord(Method = "Cited sources", Store = "ticket log")]
            [ImpactAssessment(Reference = "AIIA-2026-004", AssessedOn = "2026-03-01")]
            [EventLogging(Destination = "ticket log, index faq-audit", RetentionDays = 365)]
            public sealed class Faq(IChatClient chat)
            {
                public IChatClient Chat => chat;
            }

            public sealed class Summariser(IChatClient chat)
            {
                public IChatClient Chat => chat;
            }
            """);
        File.WriteAllText(Path.Combine(Folder, "Support", "docs", "oversight.md"), "# Oversight procedure\n\nThe support lead reviews routed tickets daily.\n");
        CliRunner.Run("git", Folder, ["init", "-q"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "fixture", "--date", "2026-11-20T12:00:00Z"],
            new Dictionary<string, string> { ["GIT_COMMITTER_DATE"] = "2026-11-20T12:00:00Z" });
        var restore = CliRunner.Run("dotnet", Folder, ["restore", Path.Combine("Support", "Support.csproj")]);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
    }

    /// <summary>The fixture's folder (a git repository).</summary>
    public string Folder { get; }

    /// <summary>The project file.</summary>
    public string Project => Path.Combine(Folder, "Support", "Support.csproj");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
