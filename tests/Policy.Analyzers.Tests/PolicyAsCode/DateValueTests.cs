using System;
using System.Globalization;
using System.Text;
using Policy.Model.Declarations;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>
    /// The dates of declarations and settings (EvaluatedOn, AssessedOn, Expires, PolicyEvaluationDate) are read by a
    /// hand-written yyyy-MM-dd reader: it accepts exactly what <c>DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd",
    /// InvariantCulture, None)</c> accepts, with the same date.
    /// </summary>
    public sealed class DateValueTests
    {
        [Theory]
        [InlineData("2026-01-01")]
        [InlineData(" 2026-12-31 ")]
        [InlineData("2024-02-29")]
        [InlineData("2025-02-29")]
        [InlineData("2026-13-01")]
        [InlineData("2026-00-10")]
        [InlineData("2026-04-31")]
        [InlineData("0000-01-01")]
        [InlineData("0001-01-01")]
        [InlineData("9999-12-31")]
        [InlineData("2026-1-01")]
        [InlineData("26-01-01")]
        [InlineData("2026/01/01")]
        [InlineData("2026-01-01T00:00")]
        [InlineData("２０２６-01-01")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("2026-01-0a")]
        [InlineData("+026-01-01")]
        public void ReadsWhatTryParseExactReads(string value) => AssertSame(value);

        [Fact]
        public void RandomStrings_SameAnswerAsTryParseExact()
        {
            // Strings made mostly of the characters a date is written with, so that many are near misses.
            var random = new Random(19);
            const string alphabet = "0123456789-- /T+";
            var accepted = 0;
            for (var i = 0; i < 20000; i++)
            {
                var builder = new StringBuilder();
                if (random.Next(2) == 0)
                {
                    builder.Append(random.Next(0, 10000).ToString("D4", CultureInfo.InvariantCulture)).Append('-')
                        .Append(random.Next(0, 14).ToString("D2", CultureInfo.InvariantCulture)).Append('-')
                        .Append(random.Next(0, 33).ToString("D2", CultureInfo.InvariantCulture));
                }
                else
                {
                    var length = random.Next(0, 13);
                    for (var j = 0; j < length; j++)
                    {
                        builder.Append(alphabet[random.Next(alphabet.Length)]);
                    }
                }

                accepted += AssertSame(builder.ToString()) ? 1 : 0;
            }

            Assert.InRange(accepted, 1000, 19000); // both valid and invalid dates were compared
        }

        private static bool AssertSame(string value)
        {
            var expected = DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateTime?)null;
            Assert.Equal(expected, DeclarationValues.ParseDate(value));
            return expected.HasValue;
        }
    }
}
