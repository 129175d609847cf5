using System;
using System.Globalization;

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

            return DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : (DateTime?)null;
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
