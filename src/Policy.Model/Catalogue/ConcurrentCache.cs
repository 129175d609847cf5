using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// Per-compilation caches that every analysis thread fills at once. The default ConcurrentDictionary (as many locks
    /// as cores, 31 buckets) makes first-time adds wait on each other and on the resizes that lock the whole table. An
    /// EventPipe profile of the compiler showed such waits (<c>Monitor.Enter_Slowpath</c> under <c>TryAddInternal</c>)
    /// inside our callbacks, though partly caused by that profiler's own suspensions: no effect on the compiler's figures
    /// was measurable (docs/performance.md, "Session 8"). One place for the setting, so that no cache starts small.
    /// </summary>
    internal static class ConcurrentCache
    {
        /// <summary>Lock stripes: more than the threads that analyse one compilation at once on common machines.</summary>
        private const int Stripes = 16;

        /// <summary>A cache that will hold many entries (symbols, types, members met across the compilation).</summary>
        public static ConcurrentDictionary<TKey, TValue> Large<TKey, TValue>(IEqualityComparer<TKey> comparer)
            where TKey : notnull =>
            new ConcurrentDictionary<TKey, TValue>(Stripes, 512, comparer);

        /// <summary>A cache that will hold a few dozen entries (assemblies, attribute types, namespaces).</summary>
        public static ConcurrentDictionary<TKey, TValue> Small<TKey, TValue>(IEqualityComparer<TKey> comparer)
            where TKey : notnull =>
            new ConcurrentDictionary<TKey, TValue>(Stripes, 64, comparer);
    }
}
