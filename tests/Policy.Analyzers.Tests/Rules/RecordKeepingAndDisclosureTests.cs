using System.Threading.Tasks;
using Verify = Policy.Analyzers.Tests.Verifiers.AnalyzerVerifier<Policy.Analyzers.DeclarationAnalyzer>;

namespace Policy.Analyzers.Tests.Rules
{
    /// <summary>
    /// POL015 (event logging: declared, or observed in the system's code against the real Microsoft.Extensions.AI and
    /// Semantic Kernel APIs) and POL017 (AI disclosure for systems that talk to people or generate content), with the
    /// POL007 checks of the two new attributes.
    /// </summary>
    public sealed class RecordKeepingAndDisclosureTests
    {
        private const string HighRiskDeclarations = """
            using System;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Logging;
            using Policy.Annotations;

            [assembly: HumanOversight(OversightMode.HumanInTheLoop, Role = "Credit officer")]
            [assembly: BiasEvaluation(Report = "r", EvaluatedOn = "2026-01-01")]
            [assembly: ExplainabilityRecord(Method = "m", Store = "s")]
            [assembly: ImpactAssessment(Reference = "a", AssessedOn = "2026-01-01")]

            """;

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithoutLogging_Triggers() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class {|#0:Credit|}(IChatClient inner)
            {
                private readonly IChatClient _client = new ChatClientBuilder(inner).UseFunctionInvocation().Build();
            }
            """,
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("credit", "risk level High"));

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithUseOpenTelemetryInItsPipeline_DoesNotTrigger() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit(IChatClient inner)
            {
                private readonly IChatClient _client = new ChatClientBuilder(inner).UseOpenTelemetry(sourceName: "Credit").Build();
            }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithUseOpenTelemetrySpelledWithAUnicodeEscape_DoesNotTrigger() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit(IChatClient inner)
            {
                // The text scan that spares types without telemetry names their syntax walk must not miss an escaped name.
                private readonly IChatClient _client = new ChatClientBuilder(inner).Use\u004FpenTelemetry(sourceName: "Credit").Build();
            }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithTelemetryOnlyInAnotherTypeOfItsFile_Triggers() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class {|#0:Credit|}(IChatClient inner)
            {
                private readonly IChatClient _client = new ChatClientBuilder(inner).UseFunctionInvocation().Build();
            }

            public static class Unrelated
            {
                public static IChatClient Observed(IChatClient inner) => new ChatClientBuilder(inner).UseOpenTelemetry().Build();
            }
            """,
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("credit", "risk level High"));

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithUseLoggingInAComponent_DoesNotTrigger() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit { }

            [AiComponent("credit")]
            public static class CreditAi
            {
                public static IChatClient Build(IChatClient inner, ILoggerFactory loggers) =>
                    inner.AsBuilder().UseLogging(loggers).Build();
            }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task HighRiskWithOpenTelemetryChatClientCreated_DoesNotTrigger() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit(IChatClient inner)
            {
                private readonly IChatClient _client = new OpenTelemetryChatClient(inner);
            }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task SemanticKernelDiagnosticsSwitch_AnywhereInTheProject_DoesNotTrigger() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit { }

            public static class Startup
            {
                public static void Configure() => AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);
            }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task SwitchSetToFalse_OrTelemetryInAnotherSystem_DoesNotCount() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class {|#0:Credit|}
            {
                public static void Configure() => AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", false);
            }

            [AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Faq(IChatClient inner)
            {
                private readonly IChatClient _client = new ChatClientBuilder(inner).UseOpenTelemetry().Build();
            }
            """,
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("credit", "risk level High"));

        [Fact]
        [Trait("Rule", "POL015")]
        public Task OwnMethodNamedUseLogging_DoesNotCount() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class {|#0:Credit|}
            {
                private static void UseLogging() { }
                public void Run() => UseLogging();
            }
            """,
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("credit", "risk level High"));

        [Fact]
        [Trait("Rule", "POL015"), Trait("Rule", "POL007")]
        public Task DeclaredEventLogging_DoesNotTrigger_ButItsDestinationIsRequired() => Verify.VerifyAsync(HighRiskDeclarations + """
            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            [EventLogging({|#0:Destination = "TODO"|}, {|#1:RetentionDays = -1|})]
            public sealed class Credit { }

            [AiSystem("scoring", Purpose = "Scores", Owner = "risk", RiskLevel = AiRiskLevel.High)]
            [EventLogging(Destination = "OpenTelemetry traces, collector audit-otel", RetentionDays = 3650)]
            public sealed class Scoring { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[EventLogging] on Credit", "Destination", "a placeholder ('TODO')"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[EventLogging] on Credit", "RetentionDays", "negative"));

        [Fact]
        [Trait("Rule", "POL015")]
        public Task EventLoggingOnTheAssembly_CountsForItsSystems() => Verify.VerifyAsync(HighRiskDeclarations + """
            [assembly: EventLogging(Destination = "Application Insights, workspace credit-prod")]

            [AiSystem("credit", Purpose = "Scores loans", Owner = "credit-risk", RiskLevel = AiRiskLevel.High)]
            public sealed class Credit { }
            """);

        [Fact]
        [Trait("Rule", "POL015")]
        public Task ConfiguredForLimitedRisk_Triggers() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Limited)]
            public sealed class {|#0:Faq|} { }
            """,
            "policy.requirements.limited = event_logging\n",
            Verify.Diagnostic("POL015").WithLocation(0).WithArguments("faq", "risk level Limited"));

        [Fact]
        [Trait("Rule", "POL017")]
        public Task InteractsWithPeople_WithoutDisclosure_Triggers_AtAnyRiskLevel() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [assembly: {|#1:AiSystem|}("images", Purpose = "Draws banners", Owner = "marketing", RiskLevel = AiRiskLevel.Limited, GeneratesSyntheticContent = true)]

            [AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Minimal, InteractsWithPeople = true)]
            public sealed class {|#0:Faq|} { }

            """,
            Verify.Diagnostic("POL017").WithLocation(0).WithArguments("faq", "InteractsWithPeople = true"),
            Verify.Diagnostic("POL017").WithLocation(1).WithArguments("images", "GeneratesSyntheticContent = true"));

        [Fact]
        [Trait("Rule", "POL017")]
        public Task WithDisclosure_OrNotTalkingToPeople_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Minimal, InteractsWithPeople = true)]
            public sealed class Faq { }

            [AiComponent("faq")]
            [AiDisclosure(Notice = "Chat header: 'You are chatting with an AI assistant'")]
            public sealed class FaqWidget { }

            [AiSystem("ranking", Purpose = "Ranks search results", Owner = "search", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class Ranking { }
            """);

        [Fact]
        [Trait("Rule", "POL017"), Trait("Rule", "POL007")]
        public Task SyntheticContent_NeedsContentMarking_NoticeAlways() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("images", Purpose = "Draws banners", Owner = "marketing", RiskLevel = AiRiskLevel.Limited, GeneratesSyntheticContent = true)]
            [{|#0:AiDisclosure|}(Notice = "Caption: 'Generated with AI'")]
            public sealed class Images { }

            [AiSystem("voice", Purpose = "Reads news aloud", Owner = "media", RiskLevel = AiRiskLevel.Limited, GeneratesSyntheticContent = true, InteractsWithPeople = true)]
            [AiDisclosure({|#1:Notice = ""|}, ContentMarking = "Audio watermark (AudioSeal)")]
            public sealed class Voice { }

            [AiSystem("chat", Purpose = "Chats", Owner = "support", RiskLevel = AiRiskLevel.Limited, InteractsWithPeople = true)]
            [AiDisclosure(Notice = "First message says it is an AI")]
            public sealed class Chat { }
            """,
            Verify.Diagnostic("POL007").WithLocation(0).WithArguments("[AiDisclosure] on Images (AI system 'images' declares GeneratesSyntheticContent = true)", "ContentMarking", "missing"),
            Verify.Diagnostic("POL007").WithLocation(1).WithArguments("[AiDisclosure] on Voice", "Notice", "missing"));

        [Fact]
        [Trait("Rule", "POL017")]
        public Task ConfiguredOff_DoesNotTrigger() => Verify.VerifyAsync("""
            using Policy.Annotations;

            [AiSystem("faq", Purpose = "Answers FAQ", Owner = "support", RiskLevel = AiRiskLevel.Minimal, InteractsWithPeople = true)]
            public sealed class Faq { }
            """,
            "policy.requirements.interacts_with_people = none\n");
    }
}
