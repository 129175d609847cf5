namespace Policy.Cli.Output;

/// <summary>
/// A plain-text table: columns padded to their widest cell; the last column is not padded. Every cell is escaped
/// (<see cref="Policy.Evidence.SafeText"/>): a declaration value cannot drive the terminal.
/// </summary>
public static class Table
{
    /// <summary>Writes the table.</summary>
    public static void Write(TextWriter writer, string[] headers, IReadOnlyList<string[]> rows)
    {
        rows = rows.Select(r => r.Select(Policy.Evidence.SafeText.Escape).ToArray()).ToList();
        if (rows.Count == 0)
        {
            writer.WriteLine("(none)");
            return;
        }

        var widths = new int[headers.Length];
        for (var c = 0; c < headers.Length; c++)
        {
            widths[c] = Math.Min(60, Math.Max(headers[c].Length, rows.Max(r => r[c].Length)));
        }

        Line(writer, headers, widths);
        Line(writer, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            Line(writer, row, widths);
        }
    }

    private static void Line(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            parts[c] = c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c]);
        }

        writer.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
