using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Policy.Model.Declarations;
using Policy.Model.Settings;

namespace Policy.Model.Evaluation
{
    /// <summary>The state of one [PolicyExemption] under the policy in force.</summary>
    public enum ExemptionState
    {
        /// <summary>Justified, approved, and not expired on the evaluation date (or no expiry): it suppresses its rule.</summary>
        Active,

        /// <summary>Justification or approver missing (POL021): it suppresses nothing.</summary>
        Unjustified,

        /// <summary>Expired on the evaluation date (POL020): it suppresses nothing.</summary>
        Expired,

        /// <summary>Expires is not a yyyy-MM-dd date: counts as expired (POL020).</summary>
        MalformedExpiry,
    }

    /// <summary>
    /// Exemptions: time-limited, approved risk acceptances (ISO/IEC 42001 and 27001 clause 6.1). An active exemption
    /// suppresses the named rule for the symbol it stands on (type, method) and everything declared inside it, or for
    /// the whole assembly. Rules that can never be exempted: <see cref="NotExemptible"/>.
    /// </summary>
    public static class ExemptionEvaluator
    {
        /// <summary>Rules an exemption cannot suppress (catalogue entries with <c>exemptible: false</c>): duplicate ids, prohibited practices, exemption, baseline, document and configuration problems.</summary>
        public static ImmutableHashSet<string> NotExemptible { get; } = NotExemptibleRules();

        private static ImmutableHashSet<string> NotExemptibleRules()
        {
            var builder = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var rule in Rules.RuleCatalogue.All)
            {
                if (!rule.Exemptible)
                {
                    builder.Add(rule.Id);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The rule id an exemption names (trimmed, upper case), or null.</summary>
        public static string? RuleOf(AttributeView exemption) => exemption.ConstructorString(0)?.Trim().ToUpperInvariant();

        /// <summary>The state of an exemption. Without an evaluation date, expiry cannot be judged and a well-formed expiry is taken as not yet reached.</summary>
        public static ExemptionState State(AttributeView exemption, PolicySettings settings)
        {
            if (DeclarationValues.Problem(exemption.NamedString("Justification")) != null ||
                DeclarationValues.Problem(exemption.NamedString("ApprovedBy")) != null ||
                (settings.RequireExemptionExpiry && !exemption.HasNamed("Expires")))
            {
                return ExemptionState.Unjustified;
            }

            if (!exemption.HasNamed("Expires"))
            {
                return ExemptionState.Active;
            }

            var expires = DeclarationValues.ParseDate(exemption.NamedString("Expires"));
            if (expires is null)
            {
                return ExemptionState.MalformedExpiry;
            }

            return settings.EvaluationDate is { } today && today > expires.Value ? ExemptionState.Expired : ExemptionState.Active;
        }

        /// <summary>Checks one [PolicyExemption]: POL021 (unjustified), POL020 (expired or malformed expiry), POL007 (rule id).</summary>
        public static void Check(AttributeView exemption, PolicySettings settings, List<Finding> findings, CancellationToken cancellationToken)
        {
            var subject = DeclarationEvaluator.Subject(exemption);
            var rule = RuleOf(exemption);
            if (rule is null || DeclarationValues.Problem(rule) != null || !IsRuleId(rule))
            {
                findings.Add(new Finding(RuleIds.IncompleteDeclaration, exemption.ConstructorLocation(0, cancellationToken), null,
                    subject, "ruleId", rule is null ? "missing" : "not a Policy.Analyzers rule id ('" + rule + "')"));
                return;
            }

            if (NotExemptible.Contains(rule!) || !RuleIds.All.Contains(rule!))
            {
                findings.Add(new Finding(RuleIds.IncompleteDeclaration, exemption.ConstructorLocation(0, cancellationToken), null,
                    subject, "ruleId", NotExemptible.Contains(rule!) ? "a rule that cannot be exempted ('" + rule + "')" : "not a Policy.Analyzers rule id ('" + rule + "')"));
                return;
            }

            subject = "[PolicyExemption(\"" + rule + "\")] on " + DeclarationEvaluator.TargetName(exemption.Target);
            foreach (var name in new[] { "Justification", "ApprovedBy" })
            {
                if (DeclarationValues.Problem(exemption.NamedString(name)) is { } problem)
                {
                    findings.Add(new Finding(RuleIds.UnjustifiedExemption, exemption.NamedLocation(name, cancellationToken), null, subject, name + " is " + problem));
                }
            }

            if (settings.RequireExemptionExpiry && !exemption.HasNamed("Expires"))
            {
                findings.Add(new Finding(RuleIds.UnjustifiedExemption, exemption.Location(cancellationToken), null, subject,
                    "Expires is missing (the policy requires every exemption to expire)"));
            }

            if (!exemption.HasNamed("Expires"))
            {
                return;
            }

            var raw = exemption.NamedString("Expires");
            var expires = DeclarationValues.ParseDate(raw);
            if (expires is null)
            {
                findings.Add(new Finding(RuleIds.ExpiredExemption, exemption.NamedLocation("Expires", cancellationToken), null, subject,
                    "its expiry '" + raw + "' is not a yyyy-MM-dd date, so it counts as expired"));
            }
            else if (settings.EvaluationDate is { } today && today > expires.Value)
            {
                findings.Add(new Finding(RuleIds.ExpiredExemption, exemption.NamedLocation("Expires", cancellationToken), null, subject,
                    "it expired on " + Format(expires.Value) + " (evaluation date " + Format(today) + ")"));
            }
        }

        /// <summary>The first active exemption of <paramref name="ruleId"/> on the symbol, its containers (types, methods) or its assembly; null when none.</summary>
        public static AttributeView? ActiveExemption(ISymbol? symbol, IAssemblySymbol assembly, string ruleId, PolicySettings settings)
        {
            if (NotExemptible.Contains(ruleId))
            {
                return null;
            }

            for (var current = symbol; current != null && current is not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (Find(current, ruleId, settings) is { } found)
                {
                    return found;
                }
            }

            return Find(assembly, ruleId, settings);
        }

        private static AttributeView? Find(ISymbol symbol, string ruleId, PolicySettings settings)
        {
            foreach (var declaration in DeclarationReader.Read(symbol))
            {
                if (declaration.Kind == DeclarationKind.PolicyExemption && RuleOf(declaration) == ruleId && State(declaration, settings) == ExemptionState.Active)
                {
                    return declaration;
                }
            }

            return null;
        }

        private static bool IsRuleId(string rule) =>
            rule.Length == 6 && rule.StartsWith("POL", StringComparison.Ordinal) && char.IsDigit(rule[3]) && char.IsDigit(rule[4]) && char.IsDigit(rule[5]);

        private static string Format(DateTime date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
