using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Policy.Model.Declarations
{
    /// <summary>
    /// Syntax-only questions about Policy.Annotations attributes, asked before any binding: what an attribute is named
    /// as written, which using aliases can stand for one of ours, and whether a file's text mentions a name at all.
    /// </summary>
    public static class PolicySyntax
    {
        /// <summary>The rightmost identifier of an attribute name as written (<c>Policy.Annotations.AiSystem</c> gives <c>AiSystem</c>).</summary>
        public static string SimpleName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax plain => plain.Identifier.ValueText,
            _ => string.Empty,
        };

        /// <summary>
        /// The names of the using aliases (file-local or global, in any file) whose target is one of our attribute types,
        /// such as <c>using Governed = Policy.Annotations.AiSystemAttribute;</c>: an attribute written with such a name
        /// is ours although its name says otherwise. Namespace aliases need no entry (the attribute name stays visible).
        /// Sorted, so that callers iterate them deterministically.
        /// </summary>
        public static IReadOnlyCollection<string> AliasNames(Compilation compilation, CancellationToken cancellationToken)
        {
            SortedSet<string>? names = null;
            var stack = new Stack<SyntaxNode>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                stack.Push(tree.GetRoot(cancellationToken));
                while (stack.Count > 0)
                {
                    var node = stack.Pop();
                    var usings = node switch
                    {
                        CompilationUnitSyntax unit => unit.Usings,
                        BaseNamespaceDeclarationSyntax ns => ns.Usings,
                        _ => default,
                    };
                    foreach (var directive in usings)
                    {
                        if (directive.Alias is { } alias && directive.NamespaceOrType is NameSyntax target &&
                            PolicyAttributes.MayBePolicyAttribute(SimpleName(target), Array.Empty<string>()))
                        {
                            (names ??= new SortedSet<string>(StringComparer.Ordinal)).Add(alias.Name.Identifier.ValueText);
                        }
                    }

                    var members = node switch
                    {
                        CompilationUnitSyntax unit => unit.Members,
                        BaseNamespaceDeclarationSyntax ns => ns.Members,
                        _ => default,
                    };
                    foreach (var member in members)
                    {
                        if (member is BaseNamespaceDeclarationSyntax)
                        {
                            stack.Push(member);
                        }
                    }
                }
            }

            return (IReadOnlyCollection<string>?)names ?? Array.Empty<string>();
        }

        /// <summary>True when the text contains any of the needles (ordinal): read in place when the text is one string, else in chunks.</summary>
        public static bool ContainsAny(SourceText text, IReadOnlyList<string> needles) => ContainsAny(text, new TextSpan(0, text.Length), needles);

        /// <summary>
        /// As above, with a chunk buffer the caller keeps for its next file (a scan of every file of a compilation
        /// allocates one buffer, not one per file).
        /// </summary>
        public static bool ContainsAny(SourceText text, IReadOnlyList<string> needles, ref char[]? buffer) =>
            ContainsAny(text, new TextSpan(0, text.Length), needles, ref buffer);

        /// <summary>
        /// The string a text was made from, when it is held as one (the compiler's text of a file under 40,000 characters):
        /// its ToString gives that very string, no copy; null for other texts (a large file's chunks), which are copied.
        /// </summary>
        public static string? WholeString(SourceText text) => ReferenceEquals(text.GetType(), StringTextType) ? text.ToString() : null;

        private static readonly Type? StringTextType = typeof(SourceText).Assembly.GetType("Microsoft.CodeAnalysis.Text.StringText");

        /// <summary>True when the part <paramref name="span"/> of the text contains any of the needles (ordinal).</summary>
        public static bool ContainsAny(SourceText text, TextSpan span, IReadOnlyList<string> needles)
        {
            // One chunk buffer per thread, not one per call (a scan of every file, a type's text per system).
            var buffer = t_buffer;
            var found = ContainsAny(text, span, needles, ref buffer);
            t_buffer = buffer;
            return found;
        }

        [ThreadStatic]
        private static char[]? t_buffer;

        private static bool ContainsAny(SourceText text, TextSpan span, IReadOnlyList<string> needles, ref char[]? buffer)
        {
            if (needles.Count == 0)
            {
                return false;
            }

            var end = Math.Min(span.End, text.Length);
            var start = Math.Min(span.Start, end);
            if (WholeString(text) is { } whole)
            {
                // The file's own string: searched in place.
                var part = whole.AsSpan(start, end - start);
                foreach (var needle in needles)
                {
                    if (needle.Length != 0 && part.IndexOf(needle.AsSpan()) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            var longest = 0;
            foreach (var needle in needles)
            {
                longest = Math.Max(longest, needle.Length);
            }

            const int ChunkSize = 8192;
            if (buffer is null || buffer.Length < ChunkSize + longest)
            {
                buffer = new char[ChunkSize + longest];
            }

            var position = start;
            var carried = 0;
            while (position < end)
            {
                var count = Math.Min(ChunkSize, end - position);
                text.CopyTo(position, buffer, carried, count);
                var length = carried + count;
                foreach (var needle in needles)
                {
                    if (IndexOf(buffer, length, needle))
                    {
                        return true;
                    }
                }

                // Keep the tail so that a needle split across two chunks is still found.
                carried = Math.Min(longest - 1, length);
                Array.Copy(buffer, length - carried, buffer, 0, carried);
                position += count;
            }

            return false;
        }

        private static bool IndexOf(char[] buffer, int length, string needle) =>
            // Span search: on .NET it is the runtime's vectorized substring search (first and last character compared
            // in one pass), not a loop that stops at every occurrence of the needle's first letter (this scans every
            // file's text once per compilation, at DeclarationAnalyzer's start).
            needle.Length != 0 && new ReadOnlySpan<char>(buffer, 0, length).IndexOf(needle.AsSpan()) >= 0;
    }
}
