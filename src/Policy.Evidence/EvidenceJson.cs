using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Policy.Inventory;

namespace Policy.Evidence;

/// <summary>The JSON settings of every file of the pack: camelCase, indented, "\n" line ends, nulls omitted.</summary>
public static class EvidenceJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropSourceText } },
    };

    /// <summary>Writer options matching <see cref="Options"/>.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// No source text leaves the process beyond declaration values and locations (inventory schema 2.0 on):
    /// <see cref="FindingRecord.LineText"/> stays in memory for the SARIF fingerprint (a hash) and is never written;
    /// <see cref="FindingRecord.Fingerprint"/> (read back from a pack's SARIF) lives in findings.sarif only.
    /// </summary>
    private static void DropSourceText(JsonTypeInfo info)
    {
        if (info.Type == typeof(FindingRecord))
        {
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name is "lineText" or "fingerprint")
                {
                    info.Properties.RemoveAt(i);
                }
            }
        }
    }
}
