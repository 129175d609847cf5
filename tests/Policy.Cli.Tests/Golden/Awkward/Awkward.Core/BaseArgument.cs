using Microsoft.Extensions.AI;
using Policy.Annotations;

namespace Awkward.Core;

[AiSystem("client-factory", Purpose = "Hands out chat clients", Owner = "platform", RiskLevel = AiRiskLevel.Minimal)]
public static class Clients
{
    public static IChatClient Create() => throw new NotSupportedException("configured at deployment");
}

public abstract class Worker(object service)
{
    public object Service { get; } = service;
}

// The only AI use is the primary-constructor base argument: POL001, and the pack lists it as undeclared.
public sealed class SummaryWorker() : Worker(Clients.Create());
