using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using Policy.Model.Declarations;

namespace Policy.Analyzers.Tests.PolicyAsCode
{
    /// <summary>
    /// The text scans that spare syntax walks (files naming our attributes, types naming telemetry set-ups) read a file's
    /// own string when the compiler holds one, and copy chunks of larger files: both give the same answers, a needle
    /// split across two chunks included.
    /// </summary>
    public sealed class TextScanTests
    {
        [Theory]
        [InlineData(8190)] // the needle straddles the first chunk's end (chunks of 8,192 characters)
        [InlineData(8192)]
        [InlineData(50_000)]
        public void NeedleAt_FoundInOneStringAndInChunks(int position)
        {
            var content = new string(' ', position) + "AiSystem" + new string(' ', 60_000);
            foreach (var text in Texts(content))
            {
                Assert.True(PolicySyntax.ContainsAny(text, new[] { "HumanOversight", "AiSystem" }), text.GetType().Name);
                Assert.False(PolicySyntax.ContainsAny(text, new[] { "HumanOversight", "AiSystems" }), text.GetType().Name);
                Assert.True(PolicySyntax.ContainsAny(text, new TextSpan(position, 8), new[] { "AiSystem" }), text.GetType().Name);
                Assert.False(PolicySyntax.ContainsAny(text, new TextSpan(position + 1, 20), new[] { "AiSystem" }), text.GetType().Name);
                Assert.False(PolicySyntax.ContainsAny(text, new TextSpan(0, position + 7), new[] { "AiSystem" }), text.GetType().Name);
            }
        }

        private static SourceText[] Texts(string content)
        {
            var whole = SourceText.From(content);
            var chunked = SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(content)), Encoding.UTF8);
            Assert.NotNull(PolicySyntax.WholeString(whole));
            Assert.Null(PolicySyntax.WholeString(chunked)); // a large text from a stream is held in chunks
            return new[] { whole, chunked };
        }
    }
}
