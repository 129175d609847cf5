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
        private readonly object _gate = new object();
        private readonly SortedDictionary<string, AiSdkEntry> _entries = new SortedDictionary<string, AiSdkEntry>(System.StringComparer.Ordinal);
        private Location? _first;
        private Location? _firstWiring;
        private AiSdkEntry? _firstEntry;
        private AiSdkEntry? _firstWiringEntry;

        /// <summary>Records a use.</summary>
        public void Add(AiSdkEntry entry, Location location, bool isWiring)
        {
            lock (_gate)
            {
                if (isWiring)
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

                _entries[entry.MetadataName] = entry;
            }
        }

        /// <summary>The first (source order) location of a real use, or of wiring when <paramref name="countWiring"/>; null when none.</summary>
        public Location? FirstUse(bool countWiring)
        {
            lock (_gate)
            {
                if (countWiring && _firstWiring != null)
                {
                    return _first is null ? _firstWiring : SourceOrder.Min(_first, _firstWiring);
                }

                return _first;
            }
        }

        /// <summary>The entry used at <see cref="FirstUse"/>.</summary>
        public AiSdkEntry? FirstEntry(bool countWiring)
        {
            lock (_gate)
            {
                if (countWiring && _firstWiring != null && (_first is null || SourceOrder.Compare(_firstWiring, _first) < 0))
                {
                    return _firstWiringEntry;
                }

                return _firstEntry;
            }
        }

        /// <summary>The catalogue entries used, sorted by metadata name.</summary>
        public IReadOnlyList<AiSdkEntry> Entries
        {
            get
            {
                lock (_gate)
                {
                    return new List<AiSdkEntry>(_entries.Values);
                }
            }
        }
    }
}
