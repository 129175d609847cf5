using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Evidence.Writers;
using Policy.Inventory;
using Policy.Model;

namespace Policy.Evidence.Tests;

/// <summary>
/// Tools registered through each of the four mechanisms (Microsoft.Extensions.AI, Semantic Kernel, Agent Framework,
/// MCP) appear in the inventory of their system and as services of the system's component in the AI-BOM. Built from a
/// compilation against the real SDK assemblies, with the same detector the analyzers use.
/// </summary>
public sealed class ToolInventoryTests
{
    private const string Source = """
        using System.Security.Claims;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using ModelContextProtocol.Server;
        using Policy.Annotations;

        [AiSystem("loans", RiskLevel = AiRiskLevel.High)]
        public sealed class LoanDesk(IChatClient chat, Kernel kernel, ClaimsPrincipal user)
        {
            public ChatOptions Options() => new() { Tools = [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(CancelLoan, "cancel_loan"))] };

            public AIAgent Agent() => new ChatClientAgent(chat, instructions: "You service loans.", tools: [AIFunctionFactory.Create(WhoAmI)]);

            public void Plugins() => kernel.Plugins.AddFromType<RatePlugin>();

            private static string CancelLoan(int loanId, string reason) => "cancelled";

            private string WhoAmI() => user.FindFirst(ClaimTypes.Email)?.Value ?? "";
        }

        public sealed class RatePlugin
        {
            [KernelFunction("get_rate")]
            public string GetRate(int loanId) => "4.1%";
        }

        [AiComponent("loans")]
        [McpServerToolType]
        public sealed class LoanMcpTools
        {
            [McpServerTool, HumanOversight(OversightMode.HumanInTheLoop, Role = "Loan officer")]
            public static string Reschedule(int loanId, int months) => "rescheduled";
        }
        """;

    private static InventoryDocument Inventory()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(p => !Path.GetFileName(p).StartsWith("Policy.Evidence.Tests", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Loans",
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Preview), path: "/repo/Loans/LoanDesk.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new NoOptions());
        var document = new InventoryDocument { Input = "Loans.csproj" };
        InventoryBuilder.Add(document, compilation, PolicyContext.Get(compilation, options), [], Map, CancellationToken.None);
        InventoryBuilder.Normalize(document);
        return document;
    }

    private static SourceRef? Map(Location location)
    {
        if (!location.IsInSource)
        {
            return null;
        }

        var span = location.GetLineSpan();
        return new SourceRef { Path = "Loans/" + Path.GetFileName(span.Path), Line = span.StartLinePosition.Line + 1, Column = span.StartLinePosition.Character + 1 };
    }

    [Fact]
    public void ToolsOfEveryMechanism_AreListedWithTheirSystem()
    {
        var tools = Inventory().Systems.Single(s => s.Id == "loans").Tools;
        Assert.Equal(
            ["Reschedule McpServer HumanOversight", "WhoAmI AgentFramework none", "cancel_loan AIFunctionFactory ApprovalRequiredAIFunction", "get_rate SemanticKernelPlugin none"],
            tools.Select(t => $"{t.Name} {t.Mechanism} {t.Approval}"));

        var cancel = tools.Single(t => t.Name == "cancel_loan");
        Assert.Equal("LoanDesk.CancelLoan", cancel.Method);
        Assert.Equal(["int loanId", "string reason"], cancel.Parameters);
        Assert.True(cancel.ApprovalGated);
        Assert.Equal("Loans/LoanDesk.cs:17", cancel.Source?.ToString());

        var whoAmI = tools.Single(t => t.Name == "WhoAmI");
        Assert.Equal(["Personal"], whoAmI.DataClasses); // a claim, returned to the model
        Assert.False(whoAmI.ApprovalGated);
        Assert.Empty(tools.Single(t => t.Name == "get_rate").DataClasses);
    }

    [Fact]
    public async Task Tools_AreServicesOfTheSystemInTheAiBom()
    {
        var document = Inventory();
        var json = Write.Text(new CycloneDxWriter(), document);
        var errors = Schemas.Errors(await Schemas.CycloneDx, json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var bom = JsonDocument.Parse(json).RootElement;
        var services = bom.GetProperty("services").EnumerateArray().Where(s => s.GetProperty("bom-ref").GetString()!.StartsWith("tool:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["tool:loans/Reschedule", "tool:loans/WhoAmI", "tool:loans/cancel_loan", "tool:loans/get_rate"],
            services.Select(s => s.GetProperty("bom-ref").GetString()));
        var whoAmI = services.Single(s => s.GetProperty("name").GetString() == "WhoAmI");
        Assert.Equal("Personal", whoAmI.GetProperty("data")[0].GetProperty("classification").GetString());

        var system = bom.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "ai-system:loans");
        var dependsOn = system.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString()).ToList();
        Assert.Contains("tool:loans/cancel_loan", dependsOn);
        Assert.Contains("tool:loans/Reschedule", dependsOn);
    }

    [Fact]
    public async Task Inventory_WithTools_IsValidAgainstItsSchema()
    {
        var json = Write.Text(new InventoryJsonWriter(), Inventory());
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot(), "docs", "schemas", "inventory.schema.json"));
        var errors = Schemas.Errors(schema, json);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Contains("\"tools\"", json, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Policy.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found");
    }

    private sealed class NoOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Empty();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Empty : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = null;
                return false;
            }
        }
    }
}
