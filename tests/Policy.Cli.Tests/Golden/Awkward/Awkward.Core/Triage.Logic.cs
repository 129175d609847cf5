using Microsoft.Extensions.AI;

namespace Awkward.Core;

public sealed partial class Triage(IChatClient chat)
{
    public Task<ChatResponse> RouteAsync(string ticket) => chat.GetResponseAsync("Route: " + ticket);
}

// Undeclared, split over two parts: one POL001, one undeclared entry.
public sealed partial class Drafts
{
}

public sealed partial class Drafts(IChatClient chat)
{
    public Task<ChatResponse> DraftAsync(string topic) => chat.GetResponseAsync("Draft: " + topic);
}

// Undeclared but listed in policy.baseline.txt: a baselined POL001, still undeclared in the pack.
public sealed class LegacyBot(IChatClient chat)
{
    public IChatClient Chat => chat;
}
