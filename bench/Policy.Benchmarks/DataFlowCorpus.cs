using System.Text;

namespace Policy.Benchmarks;

/// <summary>
/// The data-flow corpus (mode <c>dataflow</c>): AI components whose two AI calls are fed through interpolation, a
/// StringBuilder and a message list from [Classification]-annotated and unannotated members (so POL010/POL011 have work
/// in every component), next to plain types with ordinary LINQ and string code. Heavier in AI calls than the corpora
/// of CorpusGenerator, which model a realistic mix.
/// </summary>
public static class DataFlowCorpus
{
    /// <summary>The files of the corpus (paths and texts, as CorpusGenerator gives them).</summary>
    public static List<(string Path, string Text)> Generate(int components, int plainTypes)
    {
        var files = new List<(string Path, string Text)>();
        for (var i = 0; i < components; i++)
        {
            files.Add(($"Component{i}.cs", Component(i)));
        }

        for (var i = 0; i < plainTypes; i++)
        {
            files.Add(($"Plain{i}.cs", Plain(i)));
        }

        return files;
    }

    private static string Component(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Policy.Annotations;

        namespace Corpus.Area{{i}};

        public sealed class Customer{{i}}
        {
            public string Name { get; set; } = "";
            [Classification(DataClass.Personal)] public string Email { get; set; } = "";
            [Classification(DataClass.Internal)] public string Notes { get; set; } = "";
            public int Age { get; set; }
            public List<string> Tags { get; } = new();
        }

        [AiSystem("system-{{i}}")]
        public sealed class Assistant{{i}}(IChatClient chat)
        {
            private readonly string _persona = "You are assistant {{i}}.";

            public Task<ChatResponse> SummariseAsync(Customer{{i}} customer) =>
                chat.GetResponseAsync($"{_persona} Summarise the notes of {customer.Email}: {customer.Notes}");

            public Task<ChatResponse> DraftAsync(Customer{{i}} customer, bool formal)
            {
                var prompt = new StringBuilder();
                prompt.Append(formal ? "Dear " : "Hi ").Append(customer.Name).AppendLine(",");
                foreach (var tag in customer.Tags.Where(t => t.Length > 0))
                {
                    prompt.AppendLine("- " + tag.Trim());
                }

                var messages = new List<ChatMessage> { new(ChatRole.System, _persona) };
                messages.Add(new ChatMessage(ChatRole.User, prompt.ToString()));
                return chat.GetResponseAsync(messages);
            }

            {{OrdinaryMethods(i, 6)}}
        }
        """;

    private static string Plain(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;

        namespace Corpus.Plain{{i}};

        public sealed class Record{{i}}
        {
            public string Name { get; set; } = "";
            public int Value { get; set; }
        }

        public sealed class Service{{i}}
        {
            {{OrdinaryMethods(i, 8)}}
        }
        """;

    private static string OrdinaryMethods(int i, int count)
    {
        var builder = new StringBuilder();
        for (var m = 0; m < count; m++)
        {
            builder.AppendLine($$"""
                    public string Describe{{m}}(IReadOnlyList<string> items, int limit)
                    {
                        var text = new StringBuilder();
                        foreach (var item in items.Where(x => !string.IsNullOrWhiteSpace(x)).Take(limit))
                        {
                            text.Append(item.Trim().ToUpperInvariant()).Append(';');
                        }

                        var summary = string.Join(", ", items.Select((x, n) => $"{n}:{x.Length}"));
                        return text.Length > 0 ? text.ToString() + summary : string.Format("{0} items ({1})", items.Count, {{i}} + {{m}});
                    }

            """);
        }

        return builder.ToString();
    }
}
