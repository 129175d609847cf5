using System.Globalization;
using System.Text;

namespace Policy.Benchmarks;

/// <summary>
/// Generates a deterministic (seeded) C# code base of a given number of types, ten to a file: entities, records,
/// enums, interfaces, services with LINQ, async, switch expressions and exception handling, static helpers with
/// extension methods. With AI, about 3% of the types use Microsoft.Extensions.AI or ML.NET: some declared as systems
/// with their governance evidence, some components of a system, some undeclared (POL001), some incompletely declared
/// (POL007); data transfer objects carry [Classification] members that flow into the chat clients.
/// </summary>
public static class CorpusGenerator
{
    public const int TypesPerFile = 10;

    /// <summary>Files of the corpus: (relative path, text).</summary>
    public static List<(string Path, string Text)> Generate(int typeCount, bool withAi, int seed = 42)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var aiIndex = 0;
        var systems = new List<string>();
        for (var fileIndex = 0; fileIndex * TypesPerFile < typeCount; fileIndex++)
        {
            var module = fileIndex / 20;
            var ns = $"Corpus.Module{module:D3}";
            var text = new StringBuilder();
            text.AppendLine("using System;");
            text.AppendLine("using System.Collections.Generic;");
            text.AppendLine("using System.Linq;");
            text.AppendLine("using System.Threading;");
            text.AppendLine("using System.Threading.Tasks;");
            if (withAi)
            {
                text.AppendLine("using Microsoft.Extensions.AI;");
                text.AppendLine("using Microsoft.ML;");
                text.AppendLine("using Policy.Annotations;");
            }

            text.AppendLine();
            text.AppendLine($"namespace {ns};");
            text.AppendLine();
            var count = Math.Min(TypesPerFile, typeCount - fileIndex * TypesPerFile);
            for (var t = 0; t < count; t++)
            {
                var id = fileIndex * TypesPerFile + t;
                // A few percent of the types use AI: every 33rd type, deterministic position, random flavour.
                if (withAi && id % 33 == 17)
                {
                    AppendAiType(text, id, aiIndex++, systems, random);
                }
                else
                {
                    AppendPlainType(text, id, random);
                }

                text.AppendLine();
            }

            files.Add(($"Module{module:D3}/File{fileIndex:D5}.cs", text.ToString()));
        }

        return files;
    }

    private static void AppendPlainType(StringBuilder s, int id, Random random)
    {
        switch (id % 6)
        {
            case 0:
                s.AppendLine($"public enum Status{id} {{ None, Pending, Active, Suspended, Closed }}");
                s.AppendLine($"public sealed record Snapshot{id}(int Id, string Name, decimal Amount, DateTime At)");
                s.AppendLine("{");
                s.AppendLine("    public bool IsLarge => Amount > 1000m;");
                s.AppendLine("    public string Describe() => $\"{Id}:{Name} {Amount:F2} at {At:yyyy-MM-dd}\";");
                s.AppendLine("}");
                break;
            case 1:
                s.AppendLine($"public interface IRepository{id}<T> where T : class");
                s.AppendLine("{");
                s.AppendLine("    Task<T?> FindAsync(int id, CancellationToken cancellationToken);");
                s.AppendLine("    IReadOnlyList<T> Query(Func<T, bool> predicate);");
                s.AppendLine("    void Save(T item);");
                s.AppendLine("}");
                break;
            case 2:
                s.AppendLine($"public sealed class Entity{id}");
                s.AppendLine("{");
                s.AppendLine($"    public Entity{id}(int id, string name) {{ Id = id; Name = name; Tags = new List<string>(); }}");
                s.AppendLine("    public int Id { get; }");
                s.AppendLine("    public string Name { get; set; }");
                s.AppendLine("    public decimal Balance { get; private set; }");
                s.AppendLine("    public List<string> Tags { get; }");
                s.AppendLine("    public DateTime? ClosedOn { get; set; }");
                s.AppendLine("    public void Credit(decimal amount)");
                s.AppendLine("    {");
                s.AppendLine("        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount));");
                s.AppendLine("        Balance += amount;");
                s.AppendLine("    }");
                s.AppendLine("    public IEnumerable<string> Validate()");
                s.AppendLine("    {");
                s.AppendLine("        if (string.IsNullOrWhiteSpace(Name)) yield return \"name\";");
                s.AppendLine("        foreach (var tag in Tags) { if (tag.Length > 32) yield return \"tag:\" + tag; }");
                s.AppendLine("        if (ClosedOn is { } closed && closed > DateTime.UtcNow) yield return \"closed\";");
                s.AppendLine("    }");
                s.AppendLine($"    public override string ToString() => Name + \"#\" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);");
                s.AppendLine("}");
                break;
            case 3:
                var factor = random.Next(2, 9).ToString(CultureInfo.InvariantCulture);
                s.AppendLine($"public sealed class Service{id}");
                s.AppendLine("{");
                s.AppendLine("    private readonly Dictionary<int, decimal> _cache = new();");
                s.AppendLine("    private readonly List<(int Id, decimal Amount, string Category)> _items = new();");
                s.AppendLine("    public void Add(int id, decimal amount, string category) => _items.Add((id, amount, category));");
                s.AppendLine("    public IReadOnlyDictionary<string, decimal> Totals() => _items");
                s.AppendLine("        .Where(i => i.Amount > 0)");
                s.AppendLine("        .GroupBy(i => i.Category)");
                s.AppendLine("        .ToDictionary(g => g.Key, g => g.Sum(i => i.Amount));");
                s.AppendLine("    public decimal Score(int id)");
                s.AppendLine("    {");
                s.AppendLine("        if (_cache.TryGetValue(id, out var cached)) return cached;");
                s.AppendLine("        var total = 0m;");
                s.AppendLine("        for (var i = 0; i < _items.Count; i++) { if (_items[i].Id == id) total += _items[i].Amount * " + factor + "; }");
                s.AppendLine("        var score = total switch { < 0 => 0, < 100 => total, < 1000 => total / 2, _ => 500 };");
                s.AppendLine("        _cache[id] = score;");
                s.AppendLine("        return score;");
                s.AppendLine("    }");
                s.AppendLine("    public async Task<int> CountAsync(CancellationToken cancellationToken)");
                s.AppendLine("    {");
                s.AppendLine("        try { await Task.Delay(0, cancellationToken).ConfigureAwait(false); return _items.Count; }");
                s.AppendLine("        catch (OperationCanceledException) { return -1; }");
                s.AppendLine("    }");
                s.AppendLine("}");
                break;
            case 4:
                s.AppendLine($"public static class Extensions{id}");
                s.AppendLine("{");
                s.AppendLine("    public static string Truncate(this string value, int length) => value.Length <= length ? value : value.Substring(0, length);");
                s.AppendLine("    public static IEnumerable<T> EveryOther<T>(this IEnumerable<T> source) { var i = 0; foreach (var x in source) { if (i++ % 2 == 0) yield return x; } }");
                s.AppendLine("    public static int Checksum(this byte[] data) { unchecked { var h = 17; foreach (var b in data) h = h * 31 + b; return h; } }");
                s.AppendLine("}");
                break;
            default:
                s.AppendLine($"public abstract class Handler{id}<TRequest, TResponse>");
                s.AppendLine("{");
                s.AppendLine("    protected abstract Task<TResponse> HandleCoreAsync(TRequest request, CancellationToken cancellationToken);");
                s.AppendLine("    public async Task<TResponse> HandleAsync(TRequest request, CancellationToken cancellationToken)");
                s.AppendLine("    {");
                s.AppendLine("        ArgumentNullException.ThrowIfNull(request);");
                s.AppendLine("        var started = DateTime.UtcNow;");
                s.AppendLine("        var response = await HandleCoreAsync(request, cancellationToken).ConfigureAwait(false);");
                s.AppendLine("        Elapsed = DateTime.UtcNow - started;");
                s.AppendLine("        return response;");
                s.AppendLine("    }");
                s.AppendLine("    public TimeSpan Elapsed { get; private set; }");
                s.AppendLine("}");
                break;
        }
    }

    private static void AppendAiType(StringBuilder s, int id, int aiIndex, List<string> systems, Random random)
    {
        // The data that flows to the model: classified members, as a team that declares its data would write them.
        s.AppendLine($"public sealed class Request{id}");
        s.AppendLine("{");
        s.AppendLine("    [Classification(DataClass.Personal)] public string ApplicantName { get; set; } = \"\";");
        s.AppendLine("    [Classification(DataClass.Confidential)] public decimal Income { get; set; }");
        s.AppendLine("    [Classification(DataClass.Internal)] public string Notes { get; set; } = \"\";");
        s.AppendLine("}");
        var flavour = random.Next(100);
        if (flavour < 35 || systems.Count == 0)
        {
            var system = $"system-{aiIndex}";
            systems.Add(system);
            s.AppendLine($"[AiSystem(\"{system}\", Name = \"Assistant {aiIndex}\", Purpose = \"Drafts answers for case workers\", Owner = \"team-{aiIndex % 7}@contoso.com\",");
            s.AppendLine("    RiskLevel = AiRiskLevel.High, AutomatedDecisions = true, ProcessesPersonalData = true, IntendedUse = \"Internal case handling\")]");
            s.AppendLine("[HumanOversight(OversightMode.HumanInTheLoop, Role = \"Case worker\", Procedure = \"docs/review.md\")]");
            s.AppendLine("[BiasEvaluation(Report = \"docs/bias.md\", EvaluatedOn = \"2026-06-30\", ProtectedAttributes = new[] { \"age\", \"sex\" })]");
            s.AppendLine("[ExplainabilityRecord(Method = \"Reason codes\", Store = \"decisions table\")]");
            s.AppendLine("[ImpactAssessment(Reference = \"docs/aiia.md\", AssessedOn = \"2026-05-01\")]");
            AppendChatUser(s, $"Assistant{id}", id);
        }
        else if (flavour < 65)
        {
            s.AppendLine($"[AiComponent(\"{systems[random.Next(systems.Count)]}\")]");
            if (random.Next(2) == 0)
            {
                AppendChatUser(s, $"Helper{id}", id);
            }
            else
            {
                AppendMlUser(s, $"Model{id}");
            }
        }
        else if (flavour < 85)
        {
            AppendChatUser(s, $"Undeclared{id}", id); // POL001
        }
        else
        {
            s.AppendLine($"[AiSystem(\"draft-{aiIndex}\", Purpose = \"TODO\", Owner = \"TBD\")]"); // POL007
            AppendChatUser(s, $"Draft{id}", id);
        }
    }

    private static void AppendChatUser(StringBuilder s, string name, int id)
    {
        s.AppendLine($"public sealed class {name}");
        s.AppendLine("{");
        s.AppendLine("    private readonly IChatClient _chat;");
        s.AppendLine($"    public {name}(IChatClient chat) => _chat = chat;");
        s.AppendLine($"    public async Task<string> AnswerAsync(Request{id} request, CancellationToken cancellationToken)");
        s.AppendLine("    {");
        s.AppendLine("        var prompt = $\"Applicant {request.ApplicantName} (income {request.Income}) asks: {request.Notes}\";");
        s.AppendLine("        var response = await _chat.GetResponseAsync(prompt, cancellationToken: cancellationToken).ConfigureAwait(false);");
        s.AppendLine("        return response.Text;");
        s.AppendLine("    }");
        s.AppendLine("}");
    }

    private static void AppendMlUser(StringBuilder s, string name)
    {
        s.AppendLine($"public sealed class {name}");
        s.AppendLine("{");
        s.AppendLine("    private readonly MLContext _ml = new MLContext(seed: 1);");
        s.AppendLine("    public ITransformer Train(IDataView data) => _ml.Regression.Trainers.Sdca(labelColumnName: \"Label\").Fit(data);");
        s.AppendLine("}");
    }
}
