using Policy.Model.Declarations;

namespace Policy.Model.DataFlow
{
    /// <summary>
    /// What a classification attribute says about data: its <see cref="DataClassification"/>, or only that it is
    /// classified (an external taxonomy value that <c>policy.data_classes</c> does not map).
    /// </summary>
    public sealed class DataLabel
    {
        /// <summary>Creates a label.</summary>
        /// <param name="dataClass">The class; null when the data is classified in a taxonomy the policy does not map.</param>
        /// <param name="origin">The attribute as a developer would write it, for example <c>[PersonalData]</c>.</param>
        public DataLabel(DataClassification? dataClass, string origin)
        {
            Class = dataClass;
            Origin = origin;
        }

        /// <summary>The data class; null when classified but not mapped to a <see cref="DataClassification"/>.</summary>
        public DataClassification? Class { get; }

        /// <summary>The attribute the label comes from, for example <c>[Classification(Personal)]</c> or <c>[PrivateData]</c>.</summary>
        public string Origin { get; }

        /// <summary>True for <see cref="DataClassification.Personal"/> and <see cref="DataClassification.SensitivePersonal"/>.</summary>
        public bool IsPersonal => Class == DataClassification.Personal || Class == DataClassification.SensitivePersonal;

        /// <summary>The class name, or the attribute when the class is not mapped.</summary>
        public string Display => Class?.ToString() ?? Origin;

        /// <summary>
        /// Orders labels by what matters for the rules: personal data first (special categories above ordinary),
        /// then the business classes from Restricted down, then unmapped classifications.
        /// </summary>
        internal int Rank => Class switch
        {
            DataClassification.SensitivePersonal => 7,
            DataClassification.Personal => 6,
            DataClassification.Restricted => 5,
            DataClassification.Confidential => 4,
            DataClassification.Internal => 3,
            DataClassification.Public => 2,
            _ => 1,
        };

        /// <summary>The stronger of two labels (see <see cref="Rank"/>); the first on a tie.</summary>
        internal static DataLabel? Stronger(DataLabel? a, DataLabel? b)
        {
            if (a is null)
            {
                return b;
            }

            return b is null || a.Rank >= b.Rank ? a : b;
        }
    }
}
