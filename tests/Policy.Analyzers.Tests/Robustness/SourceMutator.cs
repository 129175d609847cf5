using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Breaks source text the way editing does, deterministically from a <see cref="Random"/>: truncation at any
    /// character, deleted or duplicated tokens, deleted lines, swapped tokens, stray punctuation, and policy
    /// attribute arguments replaced by values of the wrong type.
    /// </summary>
    public static class SourceMutator
    {
        private static readonly string[] Junk = { "{", "}", "(", ")", "[", "]", ",", ";", "\"", "'", "@", "#", "=", "<", ">", "?", ":", "/*", "\"\"\"", "$\"" };

        private static readonly string[] WrongValues =
        {
            "42", "null", "true", "\"\"", "typeof(int)", "new[] { 1 }", "(AiRiskLevel)99", "AiRiskLevel.", "default", "\"TODO\"",
            "OversightMode.HumanInTheLoop", "DataClass.Personal", "nameof(System)", "1.5", "'c'",
        };

        /// <summary>Applies one random mutation (sometimes two) and says what it did.</summary>
        public static (string Text, string Description) Mutate(string text, Random random)
        {
            var (mutated, description) = MutateOnce(text, random);
            if (random.Next(4) == 0 && mutated.Length > 0)
            {
                var (twice, second) = MutateOnce(mutated, random);
                return (twice, description + "; " + second);
            }

            return (mutated, description);
        }

        private static (string, string) MutateOnce(string text, Random random)
        {
            if (text.Length == 0)
            {
                return (text, "empty");
            }

            var tokens = CSharpSyntaxTree.ParseText(text, PolicyAnalysis.ParseOptions).GetRoot().DescendantTokens(descendIntoTrivia: false)
                .Where(t => t.Span.Length > 0)
                .ToList();
            switch (random.Next(8))
            {
                case 0:
                {
                    var at = random.Next(text.Length + 1);
                    return (text.Substring(0, at), "truncated at " + at);
                }

                case 1 when tokens.Count > 0:
                {
                    var count = 1 + random.Next(3);
                    var start = random.Next(tokens.Count);
                    var end = Math.Min(tokens.Count - 1, start + count - 1);
                    var span = TextSpanOf(tokens[start], tokens[end]);
                    return (text.Remove(span.Start, span.Length), "deleted tokens " + start + ".." + end + " '" + Clip(text.Substring(span.Start, span.Length)) + "'");
                }

                case 2 when tokens.Count > 0:
                {
                    var token = tokens[random.Next(tokens.Count)];
                    return (text.Insert(token.Span.End, " " + token.Text), "duplicated '" + Clip(token.Text) + "' at " + token.SpanStart);
                }

                case 3:
                {
                    var lines = text.Split('\n').ToList();
                    var at = random.Next(lines.Count);
                    var count = Math.Min(lines.Count - at, 1 + random.Next(4));
                    lines.RemoveRange(at, count);
                    return (string.Join("\n", lines), "deleted lines " + (at + 1) + ".." + (at + count));
                }

                case 4 when tokens.Count > 1:
                {
                    var a = tokens[random.Next(tokens.Count)];
                    var b = tokens[random.Next(tokens.Count)];
                    if (a.SpanStart > b.SpanStart)
                    {
                        (a, b) = (b, a);
                    }

                    if (a.Span.OverlapsWith(b.Span) || a == b)
                    {
                        return (text.Remove(a.SpanStart, a.Span.Length), "deleted '" + Clip(a.Text) + "'");
                    }

                    var builder = new StringBuilder(text);
                    builder.Remove(b.SpanStart, b.Span.Length).Insert(b.SpanStart, a.Text);
                    builder.Remove(a.SpanStart, a.Span.Length).Insert(a.SpanStart, b.Text);
                    return (builder.ToString(), "swapped '" + Clip(a.Text) + "' and '" + Clip(b.Text) + "'");
                }

                case 5:
                {
                    var at = random.Next(text.Length + 1);
                    var junk = Junk[random.Next(Junk.Length)];
                    return (text.Insert(at, junk), "inserted '" + junk + "' at " + at);
                }

                case 6:
                    return MutateAttributeArgument(text, tokens, random);

                default:
                {
                    // Truncate at a token boundary: what a file looks like while it is being typed top to bottom.
                    if (tokens.Count == 0)
                    {
                        return (string.Empty, "truncated to nothing");
                    }

                    var token = tokens[random.Next(tokens.Count)];
                    return (text.Substring(0, token.Span.End), "truncated after '" + Clip(token.Text) + "' at " + token.Span.End);
                }
            }
        }

        /// <summary>Replaces an argument of an attribute (a policy attribute when there is one) with a value of the wrong type, or removes it.</summary>
        private static (string, string) MutateAttributeArgument(string text, List<SyntaxToken> tokens, Random random)
        {
            var arguments = tokens
                .Select(t => t.Parent?.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeArgumentSyntax>())
                .Where(a => a != null)
                .Distinct()
                .ToList();
            if (arguments.Count == 0)
            {
                var at = random.Next(text.Length + 1);
                return (text.Insert(at, "[assembly: Policy.Annotations.AiSystem]\n"), "inserted an empty assembly [AiSystem] at " + at);
            }

            var argument = arguments[random.Next(arguments.Count)]!;
            var span = argument.Expression.Span;
            if (random.Next(3) == 0)
            {
                return (text.Remove(argument.Span.Start, argument.Span.Length), "removed argument '" + Clip(argument.ToString()) + "'");
            }

            var value = WrongValues[random.Next(WrongValues.Length)];
            return (text.Remove(span.Start, span.Length).Insert(span.Start, value), "argument '" + Clip(argument.ToString()) + "' -> " + value);
        }

        private static Microsoft.CodeAnalysis.Text.TextSpan TextSpanOf(SyntaxToken first, SyntaxToken last) =>
            Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(first.SpanStart, last.Span.End);

        private static string Clip(string value) => value.Length <= 40 ? value.Replace("\n", "\\n") : value.Substring(0, 40).Replace("\n", "\\n") + "...";
    }
}
