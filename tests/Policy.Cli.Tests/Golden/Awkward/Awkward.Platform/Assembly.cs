using Microsoft.Extensions.AI;
using Policy.Annotations;

// An assembly-level system: every type of the assembly belongs to it; its declarations stand on the assembly.
[assembly: AiSystem("platform-assistants", Purpose = "Internal assistants", Owner = "platform", RiskLevel = AiRiskLevel.Limited,
    AutomatedDecisions = true)]
[assembly: HumanOversight(OversightMode.HumanOnTheLoop, Role = "Platform on-call")]

namespace Awkward.Platform;

public sealed class Summariser(IChatClient chat)
{
    public Task<ChatResponse> SummariseAsync(string text) => chat.GetResponseAsync("Summarise: " + text);
}

public sealed class Classifier(IChatClient chat)
{
    public IChatClient Chat => chat;
}
