using System.Text.Json;
using Policy.Model.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>aibom.cdx.json: CycloneDX 1.6 AI bill of materials (one machine-learning-model component per AI system, suppliers).</summary>
public sealed class CycloneDxWriter : IEvidenceWriter
{
    /// <inheritdoc />
    public string FileName => "aibom.cdx.json";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        using var json = new Utf8JsonWriter(output, EvidenceJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.6");
        json.WriteNumber("version", 1);
        json.WriteStartArray("components");
        foreach (var system in document.Systems)
        {
            json.WriteStartObject();
            json.WriteString("type", "machine-learning-model");
            json.WriteString("bom-ref", "ai-system:" + system.Id);
            json.WriteString("name", system.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
