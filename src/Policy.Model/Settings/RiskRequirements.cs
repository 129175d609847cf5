using Policy.Model.Declarations;

namespace Policy.Model.Settings
{
    /// <summary>
    /// What each risk level requires: an immutable table indexed by the level. Not an ImmutableDictionary: a framework
    /// generic over our own value types cannot be precompiled into our ReadyToRun image (it lies outside its version
    /// bubble), so the compiler JIT-compiled some forty of its methods in every build that read the settings.
    /// </summary>
    public sealed class RiskRequirements
    {
        private readonly Requirements[] _byLevel;

        private RiskRequirements(Requirements[] byLevel) => _byLevel = byLevel;

        /// <summary>No level requires anything.</summary>
        public static RiskRequirements None { get; } = new RiskRequirements(new Requirements[(int)RiskLevel.Prohibited + 1]);

        /// <summary>The requirements of a level (none for a value outside the enum).</summary>
        public Requirements this[RiskLevel level] => TryGetValue(level, out var requirements) ? requirements : Requirements.None;

        /// <summary>The requirements of a level; false for a value outside the enum.</summary>
        public bool TryGetValue(RiskLevel level, out Requirements requirements)
        {
            var index = (int)level;
            if (index < 0 || index >= _byLevel.Length)
            {
                requirements = Requirements.None;
                return false;
            }

            requirements = _byLevel[index];
            return true;
        }

        /// <summary>A copy with one level's requirements replaced.</summary>
        public RiskRequirements SetItem(RiskLevel level, Requirements requirements)
        {
            var copy = (Requirements[])_byLevel.Clone();
            copy[(int)level] = requirements;
            return new RiskRequirements(copy);
        }
    }
}
