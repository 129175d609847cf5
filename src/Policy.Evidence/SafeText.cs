using System.Text;

namespace Policy.Evidence;

/// <summary>
/// Makes declaration values (and any other text from the analysed code) safe for a terminal and a spreadsheet:
/// control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides become a visible
/// <c>\uXXXX</c> escape, so a value cannot move the cursor, ring the bell, recolour the terminal or reorder a line.
/// </summary>
public static class SafeText
{
    /// <summary>True for a character that is shown as <c>\uXXXX</c>.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
        c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029' ||
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>The text with every unsafe character escaped as <c>\uXXXX</c> (a backslash itself is kept as is).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var i = 0;
        while (i < text.Length && !IsUnsafe(text[i]))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A CSV cell: escaped as above, then neutralised against formula injection (a cell that starts with
    /// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c>, also after leading spaces, gets a leading apostrophe).
    /// </summary>
    public static string CsvCell(string? value)
    {
        var text = Escape(value);
        var first = text.TrimStart(' ');
        if (first.Length > 0 && first[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text;
    }
}
