using System.Text.Json;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>inventory.json: the evidence model, schema-versioned (docs/evidence-format.md, docs/schemas/inventory.schema.json).</summary>
public sealed class InventoryJsonWriter : IEvidenceWriter
{
    /// <inheritdoc />
    public string FileName => "inventory.json";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        JsonSerializer.Serialize(output, document, EvidenceJson.Options);
        output.WriteByte((byte)'\n');
    }
}
