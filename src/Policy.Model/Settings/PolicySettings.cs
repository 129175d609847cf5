using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model.Declarations;
using Policy.Model.Rules;

namespace Policy.Model.Settings
{
    /// <summary>
    /// The policy in force, read from .editorconfig / .globalconfig keys (docs/configuration.md) and the MSBuild
    /// property <c>PolicyEvaluationDate</c>. Invalid values are kept as <see cref="Errors"/> (POL090) and the default
    /// applies to them.
    /// </summary>
    public sealed class PolicySettings
    {
        /// <summary>Key prefix of every policy key.</summary>
        public const string Prefix = "policy.";

        /// <summary>Metadata names of extra AI types.</summary>
        public const string AiTypesKey = "policy.ai_types";

        /// <summary>Extra AI namespaces.</summary>
        public const string AiNamespacesKey = "policy.ai_namespaces";

        /// <summary>Whether DI-only wiring makes a type an AI component.</summary>
        public const string CountDiWiringKey = "policy.count_di_wiring";

        /// <summary>Maximum age of a bias evaluation in days.</summary>
        public const string BiasMaxAgeKey = "policy.bias_evaluation.max_age_days";

        /// <summary>Maximum age of an impact assessment in days.</summary>
        public const string ImpactMaxAgeKey = "policy.impact_assessment.max_age_days";

        /// <summary>Whether AiSystem.IntendedUse is required.</summary>
        public const string RequireIntendedUseKey = "policy.require_intended_use";

        /// <summary>Whether every exemption must have an expiry date.</summary>
        public const string RequireExemptionExpiryKey = "policy.exemption.require_expiry";

        /// <summary>Maps external data classifications (Microsoft.Extensions.Compliance taxonomies) to <c>DataClass</c> values.</summary>
        public const string DataClassesKey = "policy.data_classes";

        /// <summary>Which tools must be approval-gated (POL040): <c>high, automated_decisions</c> (default), <c>all</c> or <c>none</c>.</summary>
        public const string ToolsRequireApprovalKey = "policy.tools.require_approval";

        /// <summary>The data class of values read from a ClaimsPrincipal or ClaimsIdentity (default Personal; <c>none</c>: not data).</summary>
        public const string ClaimsClassKey = "policy.claims_class";

        /// <summary>
        /// The project's package ids (separated by ';' or ','): an unresolved name under the namespace of a referenced AI SDK
        /// package is a suspected AI use even in a file that imports no AI namespace. The CLI sets it from the project's
        /// assets file (or project file); not a policy setting.
        /// </summary>
        public const string PackageReferencesKey = "build_property.PolicyPackageReferences";

        /// <summary>
        /// The MSBuild property that switches POL001's reach filter (<see cref="Detection.AiReach"/>) off with <c>false</c>: every
        /// type's bodies are then analysed even when no name in it can reach an AI type. The CLI sets it (it judges unrestored
        /// code); the tests compare both settings.
        /// </summary>
        public const string ReachFilterKey = "build_property.PolicyReachFilter";

        /// <summary>The MSBuild property carrying the evaluation date.</summary>
        public const string EvaluationDateKey = "build_property.PolicyEvaluationDate";

        /// <summary>Key of the requirements of a risk level, for example <c>policy.requirements.high</c>.</summary>
        public static string RequirementsKey(RiskLevel level) => level switch
        {
            // Constants for the levels read with every file's settings (no enum formatting per read).
            RiskLevel.Unspecified => "policy.requirements.unspecified",
            RiskLevel.Minimal => "policy.requirements.minimal",
            RiskLevel.Limited => "policy.requirements.limited",
            RiskLevel.High => "policy.requirements.high",
            _ => "policy.requirements." + level.ToString().ToLowerInvariant(),
        };

        /// <summary>Key of what <c>AutomatedDecisions = true</c> adds.</summary>
        public const string AutomatedDecisionsKey = "policy.requirements.automated_decisions";

        /// <summary>Key of what <c>ProcessesPersonalData = true</c> adds.</summary>
        public const string PersonalDataKey = "policy.requirements.personal_data";

        /// <summary>Key of what <c>InteractsWithPeople = true</c> adds.</summary>
        public const string InteractsWithPeopleKey = "policy.requirements.interacts_with_people";

        /// <summary>Key of what <c>GeneratesSyntheticContent = true</c> adds.</summary>
        public const string SyntheticContentKey = "policy.requirements.synthetic_content";

        /// <summary>The approved model ids and deployment names (POL050; off when not set).</summary>
        public const string ModelsAllowedKey = "policy.models.allowed";

        /// <summary>The default policy of DESIGN.md.</summary>
        public static PolicySettings Default { get; } = new PolicySettings();

        private PolicySettings()
        {
        }

        /// <summary>What each risk level requires. Defaults: High requires oversight, bias evaluation, explainability and impact assessment.</summary>
        public RiskRequirements ByRisk { get; private set; } = RiskRequirements.None
            .SetItem(RiskLevel.High, Requirements.Of(DeclarationKind.HumanOversight, DeclarationKind.BiasEvaluation, DeclarationKind.ExplainabilityRecord, DeclarationKind.ImpactAssessment, DeclarationKind.EventLogging));

        /// <summary>What AutomatedDecisions = true adds. Default: oversight and explainability.</summary>
        public Requirements AutomatedDecisions { get; private set; } = Requirements.Of(DeclarationKind.HumanOversight, DeclarationKind.ExplainabilityRecord);

        /// <summary>What ProcessesPersonalData = true adds. Default: nothing.</summary>
        public Requirements PersonalData { get; private set; } = Requirements.None;

        /// <summary>What InteractsWithPeople = true adds. Default: an AI disclosure (EU AI Act Art. 50(1)).</summary>
        public Requirements InteractsWithPeople { get; private set; } = Requirements.Of(DeclarationKind.AiDisclosure);

        /// <summary>What GeneratesSyntheticContent = true adds. Default: an AI disclosure (EU AI Act Art. 50(2)).</summary>
        public Requirements SyntheticContent { get; private set; } = Requirements.Of(DeclarationKind.AiDisclosure);

        /// <summary>The approved models (<c>policy.models.allowed</c>: ids, <c>*</c> wildcards); null when the key is not set (POL050 off).</summary>
        public ImmutableArray<string>? ModelsAllowed { get; private set; }

        /// <summary>Maximum age of a bias evaluation in days (default 365).</summary>
        public int BiasEvaluationMaxAgeDays { get; private set; } = 365;

        /// <summary>Maximum age of an impact assessment in days; null when not checked (default).</summary>
        public int? ImpactAssessmentMaxAgeDays { get; private set; }

        /// <summary>Whether IntendedUse is a required value of [AiSystem] (default false; stricter presets set it).</summary>
        public bool RequireIntendedUse { get; private set; }

        /// <summary>Whether every [PolicyExemption] must have Expires (default false; stricter presets set it).</summary>
        public bool RequireExemptionExpiry { get; private set; }

        /// <summary>Whether DI-only wiring makes a type an AI component (default false).</summary>
        public bool CountDiWiring { get; private set; }

        /// <summary>Extra AI types (metadata names).</summary>
        public ImmutableArray<string> AiTypes { get; private set; } = ImmutableArray<string>.Empty;

        /// <summary>Extra AI namespaces.</summary>
        public ImmutableArray<string> AiNamespaces { get; private set; } = ImmutableArray<string>.Empty;

        /// <summary>
        /// How external data classifications count (<c>policy.data_classes</c>): each entry maps a classification (a
        /// <c>Taxonomy:Value</c> pair, or the name of a <c>DataClassificationAttribute</c> subclass, short or full) to a
        /// <see cref="DataClassification"/>. Keys compare case-insensitively; empty by default.
        /// </summary>
        public ImmutableArray<DataClassMapping> DataClasses { get; private set; } = ImmutableArray<DataClassMapping>.Empty;

        /// <summary>The date staleness and expiry are judged against; null when the build did not give one (date rules stay silent).</summary>
        public DateTime? EvaluationDate { get; private set; }

        /// <summary>Which systems' tools must be approval-gated (POL040).</summary>
        public ToolApproval ToolsRequireApproval { get; private set; } = ToolApproval.High | ToolApproval.AutomatedDecisions;

        /// <summary>The class of claims (values read from ClaimsPrincipal/ClaimsIdentity); null: claims are not treated as data.</summary>
        public DataClassification? ClaimsClass { get; private set; } = DataClassification.Personal;

        /// <summary>Why the tools of a system with these properties must be approval-gated (POL040's reason), or null when they need not be.</summary>
        public string? ToolApprovalReason(RiskLevel risk, bool automatedDecisions)
        {
            if ((ToolsRequireApproval & ToolApproval.All) != 0)
            {
                return ToolsRequireApprovalKey + " = all";
            }

            if ((ToolsRequireApproval & ToolApproval.High) != 0 && risk == RiskLevel.High)
            {
                return "RiskLevel = High";
            }

            return (ToolsRequireApproval & ToolApproval.AutomatedDecisions) != 0 && automatedDecisions ? "AutomatedDecisions = true" : null;
        }

        /// <summary>Invalid configuration values (key, value, expected), in key order.</summary>
        public ImmutableArray<ConfigurationError> Errors { get; private set; } = ImmutableArray<ConfigurationError>.Empty;

        /// <summary>The requirements of a system with these properties.</summary>
        public Requirements RequirementsFor(RiskLevel risk, bool automatedDecisions, bool processesPersonalData)
        {
            var result = ByRisk.TryGetValue(risk, out var byRisk) ? byRisk : Requirements.None;
            if (automatedDecisions)
            {
                result |= AutomatedDecisions;
            }

            if (processesPersonalData)
            {
                result |= PersonalData;
            }

            return result;
        }

        /// <summary>The requirements of a declared system (risk level and every flag that adds requirements).</summary>
        public Requirements RequirementsFor(SystemDeclaration system)
        {
            var result = RequirementsFor(system.RiskLevel, system.AutomatedDecisions, system.ProcessesPersonalData);
            if (system.InteractsWithPeople)
            {
                result |= InteractsWithPeople;
            }

            if (system.GeneratesSyntheticContent)
            {
                result |= SyntheticContent;
            }

            return result;
        }

        /// <summary>True when a model id is approved: <c>policy.models.allowed</c> is not set, or an entry matches it
        /// (case-insensitive; <c>*</c> matches any run of characters).</summary>
        public bool IsModelAllowed(string model)
        {
            if (ModelsAllowed is not { } allowed)
            {
                return true;
            }

            foreach (var pattern in allowed)
            {
                if (Wildcard.Matches(pattern, model))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The policy in force as key = value (the effective values, defaults included), for the evidence pack.</summary>
        public SortedDictionary<string, string> Describe()
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var level in new[] { RiskLevel.Unspecified, RiskLevel.Minimal, RiskLevel.Limited, RiskLevel.High })
            {
                result[RequirementsKey(level)] = Format(ByRisk[level]);
            }

            result[AutomatedDecisionsKey] = Format(AutomatedDecisions);
            result[PersonalDataKey] = Format(PersonalData);
            result[InteractsWithPeopleKey] = Format(InteractsWithPeople);
            result[SyntheticContentKey] = Format(SyntheticContent);
            result[ModelsAllowedKey] = ModelsAllowed is { } models ? string.Join(", ", models) : "off";
            result[BiasMaxAgeKey] = BiasEvaluationMaxAgeDays.ToString(CultureInfo.InvariantCulture);
            result[ImpactMaxAgeKey] = ImpactAssessmentMaxAgeDays?.ToString(CultureInfo.InvariantCulture) ?? "off";
            result[RequireIntendedUseKey] = RequireIntendedUse ? "true" : "false";
            result[RequireExemptionExpiryKey] = RequireExemptionExpiry ? "true" : "false";
            result[CountDiWiringKey] = CountDiWiring ? "true" : "false";
            result[AiTypesKey] = string.Join(", ", AiTypes);
            result[ToolsRequireApprovalKey] = FormatToolApproval(ToolsRequireApproval);
            result[ClaimsClassKey] = ClaimsClass?.ToString() ?? "none";
            result[AiNamespacesKey] = string.Join(", ", AiNamespaces);
            return result;
        }

        /// <summary>Requirements as the configuration writes them (the catalogue's keywords, in rule order), or "none".</summary>
        public static string Format(Requirements requirements)
        {
            var parts = new List<string>();
            foreach (var rule in RuleCatalogue.Requirements)
            {
                if (requirements.Contains(rule.RequiredDeclaration.GetValueOrDefault()))
                {
                    parts.Add(rule.RequirementKeyword!);
                }
            }

            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }

        /// <summary>What a requirements key accepts: the catalogue's keywords or none.</summary>
        public static string RequirementKeywords()
        {
            var words = new List<string>();
            foreach (var rule in RuleCatalogue.Requirements)
            {
                words.Add(rule.RequirementKeyword!);
            }

            return "a list of " + string.Join(", ", words) + " or none";
        }

        /// <summary>Reads the settings from analyzer config options.</summary>
        public static PolicySettings Read(AnalyzerConfigOptions options)
        {
            var settings = new PolicySettings();
            var errors = new List<ConfigurationError>();

            var byRisk = settings.ByRisk;
            foreach (RiskLevel level in new[] { RiskLevel.Unspecified, RiskLevel.Minimal, RiskLevel.Limited, RiskLevel.High })
            {
                var key = RequirementsKey(level);
                if (options.TryGetValue(key, out var value))
                {
                    byRisk = byRisk.SetItem(level, ParseRequirements(key, value, byRisk[level], errors));
                }
            }

            settings.ByRisk = byRisk;
            if (options.TryGetValue(AutomatedDecisionsKey, out var automated))
            {
                settings.AutomatedDecisions = ParseRequirements(AutomatedDecisionsKey, automated, settings.AutomatedDecisions, errors);
            }

            if (options.TryGetValue(PersonalDataKey, out var personal))
            {
                settings.PersonalData = ParseRequirements(PersonalDataKey, personal, settings.PersonalData, errors);
            }

            if (options.TryGetValue(InteractsWithPeopleKey, out var people))
            {
                settings.InteractsWithPeople = ParseRequirements(InteractsWithPeopleKey, people, settings.InteractsWithPeople, errors);
            }

            if (options.TryGetValue(SyntheticContentKey, out var synthetic))
            {
                settings.SyntheticContent = ParseRequirements(SyntheticContentKey, synthetic, settings.SyntheticContent, errors);
            }

            if (options.TryGetValue(ModelsAllowedKey, out var models) && !string.IsNullOrWhiteSpace(models))
            {
                settings.ModelsAllowed = ParseList(models);
            }

            if (options.TryGetValue(BiasMaxAgeKey, out var biasAge))
            {
                settings.BiasEvaluationMaxAgeDays = ParseDays(BiasMaxAgeKey, biasAge, errors) ?? settings.BiasEvaluationMaxAgeDays;
            }

            if (options.TryGetValue(ImpactMaxAgeKey, out var impactAge) && !IsOff(impactAge))
            {
                settings.ImpactAssessmentMaxAgeDays = ParseDays(ImpactMaxAgeKey, impactAge, errors);
            }

            if (options.TryGetValue(RequireIntendedUseKey, out var intended))
            {
                settings.RequireIntendedUse = ParseBool(RequireIntendedUseKey, intended, errors) ?? false;
            }

            if (options.TryGetValue(RequireExemptionExpiryKey, out var expiry))
            {
                settings.RequireExemptionExpiry = ParseBool(RequireExemptionExpiryKey, expiry, errors) ?? false;
            }

            if (options.TryGetValue(CountDiWiringKey, out var wiring))
            {
                settings.CountDiWiring = ParseBool(CountDiWiringKey, wiring, errors) ?? false;
            }

            if (options.TryGetValue(AiTypesKey, out var types))
            {
                settings.AiTypes = ParseList(types);
            }

            if (options.TryGetValue(AiNamespacesKey, out var namespaces))
            {
                settings.AiNamespaces = ParseList(namespaces);
            }

            if (options.TryGetValue(DataClassesKey, out var dataClasses))
            {
                settings.DataClasses = ParseDataClasses(DataClassesKey, dataClasses, errors);
            }

            if (options.TryGetValue(ToolsRequireApprovalKey, out var approval))
            {
                settings.ToolsRequireApproval = ParseToolApproval(approval, errors) ?? settings.ToolsRequireApproval;
            }

            if (options.TryGetValue(ClaimsClassKey, out var claims))
            {
                if (IsOff(claims))
                {
                    settings.ClaimsClass = null;
                }
                else if (TryParseDataClass(claims.Trim(), out var claimsClass))
                {
                    settings.ClaimsClass = claimsClass;
                }
                else
                {
                    errors.Add(new ConfigurationError(ClaimsClassKey, claims, "Public, Internal, Confidential, Restricted, Personal, SensitivePersonal or none"));
                }
            }

            if (options.TryGetValue(EvaluationDateKey, out var date) && !string.IsNullOrWhiteSpace(date))
            {
                settings.EvaluationDate = DeclarationValues.ParseDate(date);
                if (settings.EvaluationDate is null)
                {
                    errors.Add(new ConfigurationError("PolicyEvaluationDate", date, "a yyyy-MM-dd date"));
                }
            }

            errors.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            settings.Errors = errors.ToImmutableArray();
            return settings;
        }

        /// <summary>Splits a comma- or semicolon-separated list; trims, drops empties, sorts, de-duplicates.</summary>
        public static ImmutableArray<string> ParseList(string value)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var part in value.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    set.Add(trimmed);
                }
            }

            return set.ToImmutableArray();
        }

        /// <summary>
        /// Parses <c>classification -> DataClass</c> pairs, for example <c>Contoso:Private -> Personal, PublicData -> Public</c>.
        /// One malformed pair makes the whole value invalid (reported, and the key keeps its default: no mapping).
        /// </summary>
        public static ImmutableArray<DataClassMapping> ParseDataClasses(string key, string value, List<ConfigurationError> errors)
        {
            var result = new SortedDictionary<string, DataClassMapping>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in ParseList(value))
            {
                var arrow = item.IndexOf("->", StringComparison.Ordinal);
                var name = arrow > 0 ? item.Substring(0, arrow).Trim() : string.Empty;
                var target = arrow > 0 ? item.Substring(arrow + 2).Trim() : string.Empty;
                if (name.Length == 0 || !TryParseDataClass(target, out var dataClass) ||
                    (result.TryGetValue(name, out var existing) && existing.DataClass != dataClass))
                {
                    errors.Add(new ConfigurationError(key, value,
                        "a list of '<classification> -> <DataClass>' pairs (classification: Taxonomy:Value or an attribute name; DataClass: Public, Internal, Confidential, Restricted, Personal or SensitivePersonal)"));
                    return ImmutableArray<DataClassMapping>.Empty;
                }

                result[name] = new DataClassMapping(name, dataClass);
            }

            return ImmutableArray.CreateRange(result.Values);
        }

        /// <summary><c>high, automated_decisions</c>, <c>all</c> or <c>none</c>, as configuration writes it.</summary>
        public static string FormatToolApproval(ToolApproval approval)
        {
            if ((approval & ToolApproval.All) != 0)
            {
                return "all";
            }

            var parts = new List<string>();
            if ((approval & ToolApproval.High) != 0)
            {
                parts.Add("high");
            }

            if ((approval & ToolApproval.AutomatedDecisions) != 0)
            {
                parts.Add("automated_decisions");
            }

            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }

        private static ToolApproval? ParseToolApproval(string value, List<ConfigurationError> errors)
        {
            var result = ToolApproval.None;
            foreach (var item in ParseList(value))
            {
                switch (item.ToLowerInvariant())
                {
                    case "none":
                        break;
                    case "all":
                        result |= ToolApproval.All;
                        break;
                    case "high":
                        result |= ToolApproval.High;
                        break;
                    case "automated_decisions":
                        result |= ToolApproval.AutomatedDecisions;
                        break;
                    default:
                        errors.Add(new ConfigurationError(ToolsRequireApprovalKey, value, "a list of high, automated_decisions, or all, or none"));
                        return null;
                }
            }

            return result;
        }

        private static bool TryParseDataClass(string text, out DataClassification dataClass)
        {
            foreach (DataClassification candidate in new[]
                     {
                         DataClassification.Public, DataClassification.Internal, DataClassification.Confidential,
                         DataClassification.Restricted, DataClassification.Personal, DataClassification.SensitivePersonal,
                     })
            {
                if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    dataClass = candidate;
                    return true;
                }
            }

            dataClass = DataClassification.Public;
            return false;
        }

        private static bool IsOff(string value) =>
            string.Equals(value.Trim(), "off", StringComparison.OrdinalIgnoreCase) || string.Equals(value.Trim(), "none", StringComparison.OrdinalIgnoreCase);

        private static Requirements ParseRequirements(string key, string value, Requirements fallback, List<ConfigurationError> errors)
        {
            var result = Requirements.None;
            foreach (var item in ParseList(value))
            {
                if (string.Equals(item, "none", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (RuleCatalogue.RequirementByKeyword(item) is not { } rule)
                {
                    errors.Add(new ConfigurationError(key, value, RequirementKeywords()));
                    return fallback;
                }

                result |= Requirements.Of(rule.RequiredDeclaration.GetValueOrDefault());
            }

            return result;
        }

        private static int? ParseDays(string key, string value, List<ConfigurationError> errors)
        {
            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
            {
                return days;
            }

            errors.Add(new ConfigurationError(key, value, "a positive whole number of days"));
            return null;
        }

        private static bool? ParseBool(string key, string value, List<ConfigurationError> errors)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    errors.Add(new ConfigurationError(key, value, "true or false"));
                    return null;
            }
        }
    }

    /// <summary>Which systems' tools must be approval-gated (<c>policy.tools.require_approval</c>).</summary>
    [Flags]
    public enum ToolApproval
    {
        /// <summary>No system's tools.</summary>
        None = 0,

        /// <summary>Tools of RiskLevel = High systems.</summary>
        High = 1,

        /// <summary>Tools of AutomatedDecisions = true systems.</summary>
        AutomatedDecisions = 2,

        /// <summary>Every tool of every system.</summary>
        All = 4,
    }

    /// <summary>Case-insensitive matching with <c>*</c> (any run of characters), for approved-model patterns.</summary>
    public static class Wildcard
    {
        /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
        public static bool Matches(string pattern, string text) => Match(pattern, 0, text, 0);

        private static bool Match(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    for (var k = t; k <= text.Length; k++)
                    {
                        if (Match(pattern, p + 1, text, k))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (t >= text.Length || char.ToUpperInvariant(pattern[p]) != char.ToUpperInvariant(text[t]))
                {
                    return false;
                }

                p++;
                t++;
            }

            return t == text.Length;
        }
    }

    /// <summary>An invalid configuration value (POL090).</summary>
    public sealed class ConfigurationError
    {
        /// <summary>Creates an error.</summary>
        public ConfigurationError(string key, string value, string expected)
        {
            Key = key;
            Value = value;
            Expected = expected;
        }

        /// <summary>The key.</summary>
        public string Key { get; }

        /// <summary>The value as written.</summary>
        public string Value { get; }

        /// <summary>What the key accepts.</summary>
        public string Expected { get; }
    }
}
