using System;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>A deterministic order of source locations: file path, then position.</summary>
    public static class SourceOrder
    {
        /// <summary>Compares two locations.</summary>
        public static int Compare(Location? a, Location? b)
        {
            if (a is null || !a.IsInSource)
            {
                return b is null || !b.IsInSource ? 0 : 1;
            }

            if (b is null || !b.IsInSource)
            {
                return -1;
            }

            var byPath = string.CompareOrdinal(a.SourceTree!.FilePath, b.SourceTree!.FilePath);
            if (byPath != 0)
            {
                return byPath;
            }

            // Same start: the innermost (shorter) span first, so `new OpenAIClient(k).GetChatClient(m)` names OpenAIClient.
            var byStart = a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
            return byStart != 0 ? byStart : a.SourceSpan.Length.CompareTo(b.SourceSpan.Length);
        }

        /// <summary>Compares two syntax references.</summary>
        public static int Compare(SyntaxReference? a, SyntaxReference? b)
        {
            if (a is null)
            {
                return b is null ? 0 : 1;
            }

            if (b is null)
            {
                return -1;
            }

            var byPath = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
            return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
        }

        /// <summary>Compares two symbols by their first source location, then by name.</summary>
        public static int CompareSymbols(ISymbol a, ISymbol b)
        {
            var byLocation = Compare(First(a), First(b));
            return byLocation != 0 ? byLocation : string.CompareOrdinal(a.ToDisplayString(), b.ToDisplayString());
        }

        /// <summary>The first source location of a symbol in path order.</summary>
        public static Location? First(ISymbol symbol)
        {
            Location? best = null;
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource && (best is null || Compare(location, best) < 0))
                {
                    best = location;
                }
            }

            return best;
        }

        /// <summary>The earlier of two locations.</summary>
        public static Location Min(Location a, Location b) => Compare(a, b) <= 0 ? a : b;

    }
}
