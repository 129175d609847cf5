using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Policy.Model.Rules;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>
/// findings.sarif: SARIF 2.1.0 shaped the way GitHub code scanning reads it: rules with id, name, short and full
/// descriptions, help text and markdown inline (the rule page), default level and control ids as tags; results with
/// a relative location under originalUriBaseIds, a primaryLocationLineHash that survives unrelated edits, suppressions
/// for exempted findings and baselineState for baselined ones; automationDetails.id.
/// </summary>
public sealed class SarifWriter : IEvidenceWriter
{
    /// <summary>The uriBaseId of the repository root.</summary>
    public const string RootBaseId = "SRCROOT";

    /// <inheritdoc />
    public string FileName => "findings.sarif";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        var rules = RuleCatalogue.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        using var json = new Utf8JsonWriter(output, EvidenceJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "Policy.Analyzers");
        json.WriteString("semanticVersion", document.ToolVersion);
        json.WriteString("informationUri", "https://github.com/policy-analyzers/policy-analyzers");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("automationDetails");
        json.WriteString("id", "policy-analyzers/" + document.Input + "/");
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteStartObject("description");
        json.WriteString("text", "The repository root (the folder holding .git).");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        if (document.Commit != null)
        {
            json.WriteStartObject("properties");
            json.WriteString("commit", document.Commit);
            if (document.EvaluationDate != null)
            {
                json.WriteString("evaluationDate", document.EvaluationDate);
            }

            json.WriteEndObject();
        }

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in document.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", finding.Severity is "error" or "warning" or "note" ? finding.Severity : "none");
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.Source != null)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri.EscapeDataString(finding.Source.Path).Replace("%2F", "/"));
                json.WriteString("uriBaseId", RootBaseId);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", Math.Max(1, finding.Source.Line));
                json.WriteNumber("startColumn", Math.Max(1, finding.Source.Column));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            var hash = finding.Fingerprint ?? LineHash(finding);
            occurrences[hash] = occurrences.TryGetValue(hash, out var n) ? n + 1 : 1;
            json.WriteStartObject("partialFingerprints");
            json.WriteString("primaryLocationLineHash", hash + ":" + occurrences[hash]);
            json.WriteEndObject();

            if (finding.State == "exempted")
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteString("justification", "Active [PolicyExemption]: a recorded, approved, time-limited risk acceptance (see controls.md and inventory.json).");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else if (finding.State == "baselined")
            {
                json.WriteString("baselineState", "unchanged");
            }

            json.WriteStartObject("properties");
            if (finding.SystemId != null)
            {
                json.WriteString("aiSystem", finding.SystemId);
            }

            json.WriteString("state", finding.State);
            json.WriteString("project", finding.Project);
            if (finding.Confidence != null)
            {
                json.WriteString("confidence", finding.Confidence);
            }

            // A multi-targeted project's finding that only some of its frameworks have (code under #if).
            if (finding.TargetFrameworks is { Count: > 0 } frameworks)
            {
                json.WriteStartArray("targetFrameworks");
                foreach (var framework in frameworks)
                {
                    json.WriteStringValue(framework);
                }

                json.WriteEndArray();
            }

            if (finding.Origin != null)
            {
                // A merged pack (policy merge): the source pack, its commit and input (the path is relative to that repository).
                json.WriteString("sourcePack", finding.Origin.Pack);
                if (finding.Origin.Commit != null)
                {
                    json.WriteString("sourceCommit", finding.Origin.Commit);
                }

                json.WriteString("sourceInput", finding.Origin.Input);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// A fingerprint of the finding that does not depend on its line number: rule, the symbol it belongs to and the
    /// whitespace-normalised text of its line. Unrelated edits elsewhere in the file leave it unchanged.
    /// </summary>
    public static string LineHash(FindingRecord finding)
    {
        var normalized = string.Join(' ', finding.LineText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var input = finding.RuleId + "\n" + (finding.SymbolId ?? finding.Source?.Path ?? string.Empty) + "\n" + normalized;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexString(digest, 0, 8).ToLowerInvariant();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDefinition rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", Name(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        var page = RulePage(rule.Id);
        json.WriteStartObject("help");
        json.WriteString("text", rule.Description + " See " + rule.HelpLink);
        json.WriteString("markdown", page ?? rule.Description);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultSeverity switch
        {
            RuleSeverity.Error => "error",
            RuleSeverity.Warning => "warning",
            _ => "note",
        });
        json.WriteBoolean("enabled", true);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue("ai-governance");
        foreach (var control in rule.Controls)
        {
            json.WriteStringValue(control.Tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>"AI system requires human oversight" -> "AiSystemRequiresHumanOversight".</summary>
    private static string Name(string title)
    {
        var builder = new StringBuilder();
        foreach (var word in title.Split([' ', '-', '/', '(', ')', ',', '[', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1).ToString().ToLowerInvariant());
        }

        return builder.ToString();
    }

    private static string? RulePage(string id)
    {
        using var stream = typeof(SarifWriter).Assembly.GetManifestResourceStream("rules/" + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
