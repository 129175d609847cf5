namespace Policy.Cli.Tests;

/// <summary>
/// Two small repositories outside this one, wired to the freshly built attributes and analyzers: <c>support</c> with
/// two tagged revisions (v1: ticket-triage Minimal with [EventLogging]; v2: ticket-triage Limited, [EventLogging]
/// removed, the undeclared Summariser one line higher) and <c>billing</c> (invoice-assistant, and a second
/// ticket-triage: the id conflict a merge must report). Evidence packs: support at v1 and v2, billing.
/// </summary>
public sealed class HandoffFixture : IDisposable
{
    private const string Version1 = """
        using Microsoft.Extensions.AI;
        using Policy.Annotations;

        namespace Support;

        [AiSystem("ticket-triage", Name = "Ticket triage", Purpose = "Routes support tickets", Owner = "support-leads",
            RiskLevel = AiRiskLevel.Minimal)]
        [EventLogging(Destination = "ticket log", RetentionDays = 90)]
        public sealed class TicketTriage(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }

        public sealed class Summariser(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }
        """;

    private const string Version2 = """
        using Microsoft.Extensions.AI;
        using Policy.Annotations;

        namespace Support;

        [AiSystem("ticket-triage", Name = "Ticket triage", Purpose = "Routes support tickets", Owner = "support-leads",
            RiskLevel = AiRiskLevel.Limited)]
        public sealed class TicketTriage(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }

        public sealed class Summariser(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }
        """;

    private const string Billing = """
        using Microsoft.Extensions.AI;
        using Policy.Annotations;

        namespace Billing;

        [AiSystem("invoice-assistant", Purpose = "Drafts invoice reminders", Owner = "billing", RiskLevel = AiRiskLevel.Minimal)]
        public sealed class InvoiceAssistant(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }

        [AiSystem("ticket-triage", Purpose = "Triages billing tickets", Owner = "billing", RiskLevel = AiRiskLevel.Minimal)]
        public sealed class BillingTriage(IChatClient chat)
        {
            public IChatClient Chat => chat;
        }
        """;

    /// <summary>Creates both repositories, commits, restores and writes the three packs.</summary>
    public HandoffFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policy-handoff-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Support = Path.Combine(Folder, "support");
        BillingRepository = Path.Combine(Folder, "billing");
        Packs = Path.Combine(Folder, "packs");
        Directory.CreateDirectory(Packs);

        Project(Support, "Support", Version1);
        Commit(Support, "v1", "2026-11-20T12:00:00Z");
        File.WriteAllText(Path.Combine(Support, "Support", "Bots.cs"), Version2);
        Commit(Support, "v2", "2026-11-21T12:00:00Z");
        Restore(Support, "Support");

        Project(BillingRepository, "Billing", Billing);
        Commit(BillingRepository, "v1", "2026-11-20T12:00:00Z");
        Restore(BillingRepository, "Billing");

        Evidence(Support, "Support", "support-v2");
        Git(Support, "checkout", "-q", "v1");
        Evidence(Support, "Support", "support-v1");
        Git(Support, "checkout", "-q", "main");
        Evidence(BillingRepository, "Billing", "billing");
    }

    /// <summary>The temporary folder holding everything.</summary>
    public string Folder { get; }

    /// <summary>The support repository (tags v1 and v2; main at v2).</summary>
    public string Support { get; }

    /// <summary>The billing repository.</summary>
    public string BillingRepository { get; }

    /// <summary>The folder of the packs: support-v1, support-v2, billing.</summary>
    public string Packs { get; }

    /// <summary>A pack's folder.</summary>
    public string Pack(string name) => Path.Combine(Packs, name);

    /// <summary>Runs git in a folder; asserts success; returns stdout.</summary>
    public static string Git(string folder, params string[] arguments)
    {
        var result = CliRunner.Run("git", folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", .. arguments]);
        Assert.True(result.ExitCode == 0, string.Join(' ', arguments) + ": " + result.Out + result.Error);
        return result.Out;
    }

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

    private static void Project(string repository, string name, string code)
    {
        Directory.CreateDirectory(Path.Combine(repository, name));
        File.WriteAllText(Path.Combine(repository, name, name + ".csproj"), CliRunner.AnalysedProject());
        File.WriteAllText(Path.Combine(repository, name, name == "Support" ? "Bots.cs" : "Invoices.cs"), code);
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
        CliRunner.Run("git", repository, ["init", "-q", "-b", "main"]);
    }

    private static void Commit(string repository, string tag, string date)
    {
        Git(repository, "add", "-A");
        var result = CliRunner.Run("git", repository, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", tag, "--date", date],
            new Dictionary<string, string> { ["GIT_COMMITTER_DATE"] = date });
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Git(repository, "tag", tag);
    }

    private static void Restore(string repository, string name)
    {
        var restore = CliRunner.Run("dotnet", repository, ["restore", Path.Combine(name, name + ".csproj")]);
        Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
    }

    private void Evidence(string repository, string name, string pack)
    {
        var run = CliRunner.Policy(repository, "evidence", Path.Combine(name, name + ".csproj"), "--out", Pack(pack), "--as-of", "2026-11-21", "--quiet");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
    }
}
