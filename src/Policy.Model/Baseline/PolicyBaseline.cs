using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Policy.Model.Baseline
{
    /// <summary>One line of the baseline: a rule and the documentation id of the symbol its finding belongs to.</summary>
    public sealed class BaselineEntry
    {
        /// <summary>Creates an entry.</summary>
        public BaselineEntry(string ruleId, string symbolId, Location location, string text)
        {
            RuleId = ruleId;
            SymbolId = symbolId;
            Location = location;
            Text = text;
        }

        /// <summary>The rule id.</summary>
        public string RuleId { get; }

        /// <summary>The documentation comment id (T:, M:, P:, F:, E:) or A:AssemblyName.</summary>
        public string SymbolId { get; }

        /// <summary>Where the entry is written in the baseline file.</summary>
        public Location Location { get; }

        /// <summary>The line as written.</summary>
        public string Text { get; }

        /// <summary>The matching key.</summary>
        public string Key => PolicyBaseline.Key(RuleId, SymbolId);
    }

    /// <summary>
    /// The adoption baseline: the additional file <c>policy.baseline.txt</c>, one existing finding a line as
    /// <c>POLxxx &lt;documentation id&gt;</c> (never a line number), <c>#</c> comments. Baselined findings are reported
    /// at info severity instead of their own; entries that match nothing are reported (POL022), so the baseline only
    /// shrinks. Parsed once per compilation, from the additional files in path order.
    /// </summary>
    public sealed class PolicyBaseline
    {
        /// <summary>The file name that is read as the baseline.</summary>
        public const string FileName = "policy.baseline.txt";

        /// <summary>An empty baseline.</summary>
        public static PolicyBaseline Empty { get; } = new PolicyBaseline(ImmutableArray<BaselineEntry>.Empty, ImmutableArray<BaselineError>.Empty);

        private readonly HashSet<string> _keys;

        private PolicyBaseline(ImmutableArray<BaselineEntry> entries, ImmutableArray<BaselineError> errors)
        {
            Entries = entries;
            Errors = errors;
            _keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                _keys.Add(entry.Key);
            }
        }

        /// <summary>The entries, in file order.</summary>
        public ImmutableArray<BaselineEntry> Entries { get; }

        /// <summary>Malformed lines with their location and text.</summary>
        public ImmutableArray<BaselineError> Errors { get; }

        /// <summary>True when no entry exists.</summary>
        public bool IsEmpty => Entries.IsEmpty;

        /// <summary>The key of a finding.</summary>
        public static string Key(string ruleId, string symbolId) => ruleId + " " + symbolId;

        /// <summary>The id a finding's subject symbol is baselined by: its documentation comment id, or A:name for an assembly.</summary>
        public static string? SymbolId(ISymbol? symbol) => symbol switch
        {
            null => null,
            IAssemblySymbol assembly => "A:" + assembly.Name,
            _ => DocumentationCommentId.CreateDeclarationId(symbol),
        };

        /// <summary>True when the baseline lists this rule for this symbol (rules that cannot be exempted cannot be baselined either).</summary>
        public bool Contains(string ruleId, ISymbol? subject)
        {
            if (IsEmpty || Rules.RuleCatalogue.Find(ruleId) is { Exemptible: false } || SymbolId(subject) is not { } id)
            {
                return false;
            }

            return _keys.Contains(Key(ruleId, id));
        }

        /// <summary>Reads the baseline from the analyzer's additional files.</summary>
        public static PolicyBaseline Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            var errors = ImmutableArray.CreateBuilder<BaselineError>();
            var ordered = new List<AdditionalText>();
            foreach (var file in files)
            {
                if (string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase))
                {
                    ordered.Add(file);
                }
            }

            if (ordered.Count == 0)
            {
                return Empty;
            }

            ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            foreach (var file in ordered)
            {
                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                foreach (var line in text.Lines)
                {
                    var raw = line.ToString();
                    var content = raw;
                    var hash = content.IndexOf('#');
                    if (hash >= 0)
                    {
                        content = content.Substring(0, hash);
                    }

                    content = content.Trim();
                    if (content.Length == 0)
                    {
                        continue;
                    }

                    var location = Location.Create(file.Path, line.Span, new LinePositionSpan(new LinePosition(line.LineNumber, 0), new LinePosition(line.LineNumber, raw.Length)));
                    var parts = content.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length != 2 || !IsRuleId(parts[0]) || parts[1].Length < 3 || parts[1][1] != ':')
                    {
                        errors.Add(new BaselineError(location, content));
                        continue;
                    }

                    entries.Add(new BaselineEntry(parts[0].ToUpperInvariant(), parts[1], location, content));
                }
            }

            return new PolicyBaseline(entries.ToImmutable(), errors.ToImmutable());
        }

        private static bool IsRuleId(string value) =>
            value.Length == 6 && value.StartsWith("POL", StringComparison.OrdinalIgnoreCase) && char.IsDigit(value[3]) && char.IsDigit(value[4]) && char.IsDigit(value[5]);
    }
    /// <summary>
    /// A line of the baseline file that is not a valid entry, and where it is. A class rather than a tuple: an
    /// <c>ImmutableArray</c> of tuples is framework code over a value type, JIT-compiled in every build that reads it.
    /// </summary>
    public sealed class BaselineError
    {
        /// <summary>Creates an error.</summary>
        public BaselineError(Location location, string text)
        {
            Location = location;
            Text = text;
        }

        /// <summary>The line in the baseline file.</summary>
        public Location Location { get; }

        /// <summary>The line's text.</summary>
        public string Text { get; }
    }
}
