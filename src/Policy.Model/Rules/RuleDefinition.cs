using System;
using System.Collections.Immutable;
using Policy.Model.Controls;
using Policy.Model.Declarations;

namespace Policy.Model.Rules
{
    /// <summary>The default severity of a rule (the Roslyn-free twin of DiagnosticSeverity: the evidence layer reads it too).</summary>
    public enum RuleSeverity
    {
        /// <summary>Info (SARIF "note").</summary>
        Info,

        /// <summary>Warning.</summary>
        Warning,

        /// <summary>Error.</summary>
        Error,
    }

    /// <summary>Who reports a rule: one analyzer of Policy.Analyzers, or the policy CLI (rules that need file access).</summary>
    public enum RuleReporter
    {
        /// <summary>AiInventoryAnalyzer (POL001).</summary>
        AiInventoryAnalyzer,

        /// <summary>DeclarationAnalyzer: every rule about declarations, requirements included.</summary>
        DeclarationAnalyzer,

        /// <summary>DataFlowAnalyzer (data reaching AI calls).</summary>
        DataFlowAnalyzer,

        /// <summary>BaselineAnalyzer (compilation end).</summary>
        BaselineAnalyzer,

        /// <summary>ConfigurationAnalyzer (compilation end).</summary>
        ConfigurationAnalyzer,

        /// <summary>The policy CLI (file checks; never the build).</summary>
        Cli,
    }

    /// <summary>The categories, tied to id ranges (POL001-POL009 inventory and declarations, ...).</summary>
    public static class RuleCategories
    {
        /// <summary>Inventory completeness and identity.</summary>
        public const string Inventory = "AI.Inventory";

        /// <summary>What a system must declare.</summary>
        public const string Governance = "AI.Governance";

        /// <summary>Quality of the declarations themselves.</summary>
        public const string Declarations = "AI.Declarations";

        /// <summary>Data reaching AI.</summary>
        public const string Data = "AI.Data";

        /// <summary>Exemptions and the baseline.</summary>
        public const string Exemptions = "AI.Exemptions";

        /// <summary>Agents: tools a model can call and what steers the model (POL040-POL049).</summary>
        public const string Agents = "AI.Agents";

        /// <summary>The models in use (POL050).</summary>
        public const string Models = "AI.Models";

        /// <summary>Policy configuration.</summary>
        public const string Configuration = "AI.Configuration";
    }

    /// <summary>
    /// Everything known about one rule, as data: texts, severity, controls, the declaration it requires, its
    /// configuration keyword, its fix. Descriptors, SARIF rules, control coverage, settings parsing and the docs index
    /// are derived from it (see <see cref="RuleCatalogue"/>).
    /// </summary>
    public sealed class RuleDefinition
    {
        /// <summary>Base of every help link.</summary>
        public const string HelpLinkBase = "https://github.com/policy-analyzers/policy-analyzers/blob/main/docs/rules/";

        /// <summary>Creates a rule entry.</summary>
        /// <param name="id">POLxxx (fixed public contract).</param>
        /// <param name="title">Short title (docs page heading, descriptor title, SARIF short description).</param>
        /// <param name="messageFormat">Message with {0}.. placeholders, as the descriptor formats it.</param>
        /// <param name="description">One-paragraph description (descriptor, SARIF full description).</param>
        /// <param name="category">One of <see cref="RuleCategories"/>.</param>
        /// <param name="defaultSeverity">Default severity.</param>
        /// <param name="reportedBy">The analyzer (or the CLI) that reports it.</param>
        /// <param name="controls">Tags of the controls it evidences (<see cref="ControlCatalogue"/>), most specific first.</param>
        /// <param name="requiredDeclaration">For a requirement rule: the declaration a system must have when the policy requires it.</param>
        /// <param name="requirementKeyword">For a requirement rule: its word in <c>policy.requirements.*</c> keys.</param>
        /// <param name="fixArguments">For a requirement rule with the generic fix: the attribute arguments it writes, parentheses included ("TODO" values).</param>
        /// <param name="hasCodeFix">True when a code fix exists (implied by <paramref name="fixArguments"/>).</param>
        /// <param name="evidencedBy">Declarations that evidence the rule's controls when no finding is open (defaults to <paramref name="requiredDeclaration"/>).</param>
        /// <param name="exemptible">False for rules a [PolicyExemption] may not suppress.</param>
        /// <param name="compilationEnd">True for rules reported at compilation end (RS1037 tag).</param>
        public RuleDefinition(
            string id,
            string title,
            string messageFormat,
            string description,
            string category,
            RuleSeverity defaultSeverity,
            RuleReporter reportedBy,
            string[] controls,
            DeclarationKind? requiredDeclaration = null,
            string? requirementKeyword = null,
            string? fixArguments = null,
            bool hasCodeFix = false,
            DeclarationKind? evidencedBy = null,
            bool exemptible = true,
            bool compilationEnd = false)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Description = description;
            Category = category;
            DefaultSeverity = defaultSeverity;
            ReportedBy = reportedBy;
            ControlTags = ImmutableArray.Create(controls);
            Controls = ResolveControls(id, controls);
            RequiredDeclaration = requiredDeclaration;
            RequirementKeyword = requirementKeyword;
            FixArguments = fixArguments;
            HasCodeFix = hasCodeFix || fixArguments != null;
            EvidencedBy = evidencedBy ?? requiredDeclaration;
            Exemptible = exemptible;
            CompilationEnd = compilationEnd;
        }

        /// <summary>POLxxx.</summary>
        public string Id { get; }

        /// <summary>Short title.</summary>
        public string Title { get; }

        /// <summary>Message format ({0}, {1}, ...).</summary>
        public string MessageFormat { get; }

        /// <summary>Description.</summary>
        public string Description { get; }

        /// <summary>Category (AI.Inventory, AI.Governance, ...).</summary>
        public string Category { get; }

        /// <summary>Default severity.</summary>
        public RuleSeverity DefaultSeverity { get; }

        /// <summary>Who reports it.</summary>
        public RuleReporter ReportedBy { get; }

        /// <summary>True when only the policy CLI reports it (it needs file access; analyzers never do I/O).</summary>
        public bool IsCliOnly => ReportedBy == RuleReporter.Cli;

        /// <summary>The control tags, as written in the entry.</summary>
        public ImmutableArray<string> ControlTags { get; }

        /// <summary>The controls it evidences.</summary>
        public ImmutableArray<Control> Controls { get; }

        /// <summary>The declaration a system must have when the policy requires it (requirement rules only).</summary>
        public DeclarationKind? RequiredDeclaration { get; }

        /// <summary>True for a requirement rule ("systems that ... must declare X").</summary>
        public bool IsRequirement => RequiredDeclaration != null;

        /// <summary>Its word in <c>policy.requirements.*</c> values (requirement rules only).</summary>
        public string? RequirementKeyword { get; }

        /// <summary>Arguments of the attribute the generic requirement fix adds (requirement rules only).</summary>
        public string? FixArguments { get; }

        /// <summary>True when a code fix exists.</summary>
        public bool HasCodeFix { get; }

        /// <summary>The declaration that evidences the rule's controls when nothing is open.</summary>
        public DeclarationKind? EvidencedBy { get; }

        /// <summary>False for rules a [PolicyExemption] may not suppress.</summary>
        public bool Exemptible { get; }

        /// <summary>True for compilation-end rules.</summary>
        public bool CompilationEnd { get; }

        /// <summary>docs/rules/{id}.md on the project site.</summary>
        public string HelpLink => HelpLinkBase + Id + ".md";

        /// <summary>The repository-relative path of the docs page.</summary>
        public string DocsPath => "docs/rules/" + Id + ".md";

        /// <summary>The message with its arguments (invariant culture), as a diagnostic would format it.</summary>
        public string FormatMessage(params object[] arguments) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);

        /// <inheritdoc />
        public override string ToString() => Id;

        private static ImmutableArray<Control> ResolveControls(string id, string[] tags)
        {
            var builder = ImmutableArray.CreateBuilder<Control>(tags.Length);
            foreach (var tag in tags)
            {
                builder.Add(ControlCatalogue.Find(tag) ?? throw new InvalidOperationException("Rule " + id + " names unknown control " + tag));
            }

            return builder.MoveToImmutable();
        }
    }
}
