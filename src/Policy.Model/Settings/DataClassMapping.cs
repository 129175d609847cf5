using Policy.Model.Declarations;

namespace Policy.Model.Settings
{
    /// <summary>
    /// One entry of <c>policy.data_classes</c>: an external classification (a <c>Taxonomy:Value</c> pair or the name of a
    /// <c>DataClassificationAttribute</c> subclass) and the data class it counts as. A class, not a
    /// <c>KeyValuePair&lt;string, DataClassification&gt;</c>: collections over that value type are framework code our
    /// ReadyToRun image cannot hold, and the compiler JIT-compiled them in every build that read the settings.
    /// </summary>
    public sealed class DataClassMapping
    {
        /// <summary>Creates a mapping.</summary>
        public DataClassMapping(string classification, DataClassification dataClass)
        {
            Classification = classification;
            DataClass = dataClass;
        }

        /// <summary>The external classification as configured (compared case-insensitively).</summary>
        public string Classification { get; }

        /// <summary>The data class it counts as.</summary>
        public DataClassification DataClass { get; }
    }
}
