using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace LendingService.Ai;

/// <summary>
/// A deterministic stand-in for a language model, used when no API key is configured. It answers from the
/// conversation itself: a user message with "- " bullet lines is drafted into a letter; a question gets the fact from
/// the system prompt that shares the most words with it.
/// </summary>
public sealed partial class OfflineTemplateChatClient : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("offline-template", defaultModelId: "offline-template-v1");
    private static readonly HashSet<string> StopWords = ["what", "when", "which", "your", "with", "will", "have", "does", "that", "this", "there", "about", "from", "could", "would"];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        var system = string.Join('\n', conversation.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var user = conversation.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var text = Bullets(user).Any() ? DraftLetter(user) : AnswerFrom(Bullets(system), user);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = Metadata.DefaultModelId });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static IEnumerable<string> Bullets(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("- ")).Select(line => line[2..]);

    private static string Field(string text, string name) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith(name + ":"))?[(name.Length + 1)..].Trim() ?? "";

    private static string DraftLetter(string prompt) => $"""
        Dear {Field(prompt, "Applicant")},

        Thank you for your loan application. Our assessment recommends that we {Field(prompt, "Recommendation")}. The principal reasons are:
        {string.Join('\n', Bullets(prompt).Select(reason => "- " + reason))}

        A credit officer reviews your application before any final decision. You may ask for a human review and give us further information by replying to this letter.

        (Offline draft from a template; no language model was called.)
        """;

    private static string AnswerFrom(IEnumerable<string> facts, string question)
    {
        var words = question.ToLowerInvariant().Split([' ', '?', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length > 3 && !StopWords.Contains(word))
            .ToHashSet();
        var best = facts
            .Select(fact => (fact, score: words.Count(word => fact.Contains(word, StringComparison.OrdinalIgnoreCase))))
            .Where(candidate => candidate.score > 0)
            .OrderByDescending(candidate => candidate.score)
            .FirstOrDefault();
        return best.fact is { } fact
            ? fact[(fact.IndexOf(':') + 1)..].Trim()
            : "I can only answer general questions about rates, documents, timing, amounts and declined applications. Please write to loans@example.com.";
    }
}
