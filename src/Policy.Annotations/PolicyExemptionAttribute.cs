using System;

namespace Policy.Annotations
{
    /// <summary>
    /// A recorded, time-limited risk acceptance: suppresses one rule for the system or member it stands on while it is
    /// valid (justified, approved and not expired). Every exemption is listed in the evidence pack.
    /// </summary>
    /// <remarks>
    /// Evidences ISO/IEC 42001 and ISO/IEC 27001 clause 6.1 (risk treatment and acceptance). An exemption without
    /// <see cref="Justification"/> or <see cref="ApprovedBy"/> is reported by POL021 and suppresses nothing; an expired
    /// one (or one with a malformed <see cref="Expires"/>) by POL020.
    /// </remarks>
    /// <example><code>[PolicyExemption("POL003", Justification = "Pilot limited to 50 internal users until 2027-03",
    ///     ApprovedBy = "AI governance board, minute 2026-11", Expires = "2027-03-31")]</code></example>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Assembly,
        AllowMultiple = true, Inherited = false)]
    public sealed class PolicyExemptionAttribute : Attribute
    {
        /// <summary>Exempts a rule.</summary>
        /// <param name="ruleId">The rule id, for example <c>POL003</c>.</param>
        public PolicyExemptionAttribute(string ruleId)
        {
            RuleId = ruleId;
        }

        /// <summary>The exempted rule id.</summary>
        public string RuleId { get; }

        /// <summary>Why the risk is accepted. Required.</summary>
        public string? Justification { get; set; }

        /// <summary>Who accepted the risk (a role or board and a reference to the decision). Required.</summary>
        public string? ApprovedBy { get; set; }

        /// <summary>Last day the exemption is valid, ISO <c>yyyy-MM-dd</c>.</summary>
        public string? Expires { get; set; }
    }
}
