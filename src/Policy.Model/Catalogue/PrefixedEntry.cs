namespace Policy.Model.Catalogue
{
    /// <summary>
    /// A namespace (or package root) and the catalogue entry of what lies under it. A class rather than a
    /// <c>(string, AiSdkEntry)</c> tuple: collections of tuples are framework code over a value type, which the runtime
    /// JIT-compiles inside our callbacks in every build (docs/performance.md, "Session 12").
    /// </summary>
    internal sealed class PrefixedEntry
    {
        public PrefixedEntry(string prefix, AiSdkEntry entry)
        {
            Prefix = prefix;
            Entry = entry;
        }

        /// <summary>The dotted namespace; everything equal to it or below it.</summary>
        public string Prefix { get; }

        /// <summary>The entry of what lies under <see cref="Prefix"/>.</summary>
        public AiSdkEntry Entry { get; }
    }
}
