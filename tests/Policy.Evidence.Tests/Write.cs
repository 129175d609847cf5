using System.Text;
using Policy.Inventory;

namespace Policy.Evidence.Tests;

internal static class Write
{
    public static readonly EvidenceContext Context = new(Path.Combine(Path.GetTempPath(), "policy-evidence-tests-no-repository"), []);

    public static byte[] Bytes(IEvidenceWriter writer, InventoryDocument document)
    {
        using var stream = new MemoryStream();
        writer.Write(document, Context, stream);
        return stream.ToArray();
    }

    public static string Text(IEvidenceWriter writer, InventoryDocument document) => new UTF8Encoding(false, true).GetString(Bytes(writer, document));
}
