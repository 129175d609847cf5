using System;

namespace Policy.Model.Declarations
{
    /// <summary>How a declared value is judged: present, placeholder, or a valid ISO date.</summary>
    public static class DeclarationValues
    {
        private static readonly string[] Placeholders = { "TODO", "TBD", "FIXME", "?", "N/A", "NA", "XXX", "TBC" };

        /// <summary>Why a value does not count; null when it does.</summary>
        public static string? Problem(string? value)
        {
            if (value is null || value.Length == 0)
            {
                return "missing";
            }

            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                return "empty";
            }

            foreach (var placeholder in Placeholders)
            {
                if (string.Equals(trimmed, placeholder, StringComparison.OrdinalIgnoreCase) ||
                    (trimmed.StartsWith(placeholder, StringComparison.OrdinalIgnoreCase) && trimmed.Length > placeholder.Length &&
                     !char.IsLetterOrDigit(trimmed[placeholder.Length]) && placeholder.Length > 2))
                {
                    return "a placeholder ('" + trimmed + "')";
                }
            }

            return null;
        }

        /// <summary>Parses an ISO <c>yyyy-MM-dd</c> date; null when malformed.</summary>
        public static DateTime? ParseDate(string? value)
        {
            if (value is null)
            {
                return null;
            }

            // What DateTime.TryParseExact(value, "yyyy-MM-dd", InvariantCulture, None) accepts (four, two and two ASCII
            // digits, a real calendar date), read without it: its culture look-ups showed in the profile of every build
            // (the evaluation date is read with each file's settings).
            var text = value.Trim();
            if (text.Length != 10 || text[4] != '-' || text[7] != '-' ||
                !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
                year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            return new DateTime(year, month, day);
        }

        private static bool Digits(string text, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }

        /// <summary>Why a date value does not count; null when it is a valid date.</summary>
        public static string? DateProblem(string? value)
        {
            var problem = Problem(value);
            if (problem != null)
            {
                return problem;
            }

            return ParseDate(value) is null ? "not a valid yyyy-MM-dd date ('" + value + "')" : null;
        }
    }
}
