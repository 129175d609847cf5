namespace Policy.Model.Controls
{
    /// <summary>A control framework our rules and evidence map to.</summary>
    public enum Framework
    {
        /// <summary>ISO/IEC 42001:2023 Annex A (AI management system).</summary>
        Iso42001,

        /// <summary>ISO/IEC 27001:2022 Annex A (information security).</summary>
        Iso27001,

        /// <summary>Regulation (EU) 2024/1689, the EU AI Act (articles).</summary>
        EuAiAct,

        /// <summary>NIST AI Risk Management Framework 1.0 (subcategories).</summary>
        NistAiRmf,

        /// <summary>Clauses shared by ISO/IEC 42001 and ISO/IEC 27001 (Annex SL structure).</summary>
        AnnexSl,
    }

    /// <summary>One control: its framework, id and short title (full texts are copyrighted by ISO).</summary>
    public sealed class Control
    {
        /// <summary>Creates a control.</summary>
        public Control(Framework framework, string id, string title)
        {
            Framework = framework;
            Id = id;
            Title = title;
        }

        /// <summary>The framework.</summary>
        public Framework Framework { get; }

        /// <summary>The id within the framework, for example "A.9.2", "5.34", "Art. 14", "MAP 3.5", "6.1".</summary>
        public string Id { get; }

        /// <summary>The short title.</summary>
        public string Title { get; }

        /// <summary>A globally unique tag, for example "ISO42001:A.9.2" or "EUAIA:Art.14"; used in SARIF tags and docs.</summary>
        public string Tag => ControlCatalogue.Prefix(Framework) + ":" + Id.Replace(" ", string.Empty);

        /// <inheritdoc />
        public override string ToString() => Tag;
    }
}
