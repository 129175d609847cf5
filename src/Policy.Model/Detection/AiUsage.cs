using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;

namespace Policy.Model.Detection
{
    /// <summary>
    /// What one type does with AI SDKs, accumulated from its member signatures and the operations in its bodies.
    /// Thread-safe: operation callbacks of one type may run concurrently.
    /// </summary>
    public sealed class TypeAiUsage
    {
        // One object per analysed type (most types use no AI): the entry sets are created on the first use recorded, and
        // the object itself is the lock.
        private Dictionary<string, AiSdkEntry>? _entries; // sorted when read: a SortedDictionary is framework code over KeyValuePair, JIT-compiled in every build
        private Location? _first;
        private Location? _firstWiring;
        private AiSdkEntry? _firstEntry;
        private AiSdkEntry? _firstWiringEntry;
        private Dictionary<string, AiSdkEntry>? _suspectedEntries;
        private Location? _firstSuspected;
        private AiSdkEntry? _firstSuspectedEntry;
        private Location? _firstSuspectedWiring;
        private AiSdkEntry? _firstSuspectedWiringEntry;
        private volatile bool _any;

        /// <summary>True while no use has been recorded (read without the lock: callers ask after the type's analysis).</summary>
        public bool IsEmpty => !_any;

        /// <summary>Records a use.</summary>
        public void Add(AiSdkEntry entry, Location location, bool isWiring)
        {
            lock (this)
            {
                if (entry.IsUnresolved)
                {
                    // A suspected use (the name did not resolve) counts only when nothing confirmed is found; suspected
                    // wiring, like confirmed wiring, only with policy.count_di_wiring.
                    if (isWiring)
                    {
                        if (_firstSuspectedWiring is null || SourceOrder.Compare(location, _firstSuspectedWiring) < 0)
                        {
                            _firstSuspectedWiring = location;
                            _firstSuspectedWiringEntry = entry;
                        }
                    }
                    else if (_firstSuspected is null || SourceOrder.Compare(location, _firstSuspected) < 0)
                    {
                        _firstSuspected = location;
                        _firstSuspectedEntry = entry;
                    }
                }
                else if (isWiring)
                {
                    if (_firstWiring is null || SourceOrder.Compare(location, _firstWiring) < 0)
                    {
                        _firstWiring = location;
                        _firstWiringEntry = entry;
                    }
                }
                else if (_first is null || SourceOrder.Compare(location, _first) < 0)
                {
                    _first = location;
                    _firstEntry = entry;
                }

                var set = entry.IsUnresolved
                    ? _suspectedEntries ??= new Dictionary<string, AiSdkEntry>(System.StringComparer.Ordinal)
                    : _entries ??= new Dictionary<string, AiSdkEntry>(System.StringComparer.Ordinal);
                set[entry.MetadataName] = entry;
                _any = true;
            }
        }

        /// <summary>
        /// The first (source order) location of a real use, or of wiring when <paramref name="countWiring"/>; a suspected
        /// one (a name that did not resolve) only when no confirmed use counts. Null when none.
        /// </summary>
        public Location? FirstUse(bool countWiring)
        {
            lock (this)
            {
                return First(_first, countWiring ? _firstWiring : null) ?? First(_firstSuspected, countWiring ? _firstSuspectedWiring : null);
            }
        }

        /// <summary>
        /// True when the type's only AI use (wiring counted when <paramref name="countWiring"/>) is suspected: names that
        /// did not resolve but point at an AI SDK (<see cref="AiSdkEntry.IsUnresolved"/>); false when a confirmed use
        /// counts or none at all.
        /// </summary>
        public bool IsSuspected(bool countWiring)
        {
            lock (this)
            {
                return _first is null && (!countWiring || _firstWiring is null) &&
                       (_firstSuspected != null || (countWiring && _firstSuspectedWiring != null));
            }
        }

        /// <summary>The entry used at <see cref="FirstUse"/>.</summary>
        public AiSdkEntry? FirstEntry(bool countWiring)
        {
            lock (this)
            {
                if (_first != null || (countWiring && _firstWiring != null))
                {
                    return Earlier(_first, _firstEntry, countWiring ? _firstWiring : null, _firstWiringEntry);
                }

                return Earlier(_firstSuspected, _firstSuspectedEntry, countWiring ? _firstSuspectedWiring : null, _firstSuspectedWiringEntry);
            }
        }

        private static Location? First(Location? use, Location? wiring) =>
            use is null ? wiring : wiring is null ? use : SourceOrder.Min(use, wiring);

        /// <summary>The entry of the earlier location (the use on a tie, as before wiring).</summary>
        private static AiSdkEntry? Earlier(Location? use, AiSdkEntry? useEntry, Location? wiring, AiSdkEntry? wiringEntry)
        {
            if (use is null)
            {
                return wiring is null ? null : wiringEntry;
            }

            return wiring != null && SourceOrder.Compare(wiring, use) < 0 ? wiringEntry : useEntry;
        }

        /// <summary>The catalogue entries used, sorted by metadata name (the suspected ones when none is confirmed).</summary>
        public IReadOnlyList<AiSdkEntry> Entries
        {
            get
            {
                lock (this)
                {
                    // Suspected entries only when nothing resolved: a confirmed component lists what it really uses.
                    var set = _entries is { Count: > 0 } ? _entries : _suspectedEntries;
                    var entries = set is null ? new List<AiSdkEntry>() : new List<AiSdkEntry>(set.Values);
                    entries.Sort((a, b) => string.CompareOrdinal(a.MetadataName, b.MetadataName));
                    return entries;
                }
            }
        }
    }
}
