using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Policy.Model.Controls
{
    /// <summary>
    /// The controls of ISO/IEC 42001 Annex A, ISO/IEC 27001:2022 Annex A, the EU AI Act and NIST AI RMF that code can
    /// evidence. Which rule evidences which control is part of each rule's entry in Policy.Model.Rules.RuleCatalogue.
    /// </summary>
    public static class ControlCatalogue
    {
        /// <summary>All controls, in framework order and then in the order of the standard.</summary>
        public static ImmutableArray<Control> All { get; } = ImmutableArray.Create(
            I("A.2.2", "AI policy"),
            I("A.3.2", "AI roles and responsibilities"),
            I("A.4.2", "Resource documentation"),
            I("A.4.3", "Data resources"),
            I("A.4.4", "Tooling resources"),
            I("A.4.5", "System and computing resources"),
            I("A.5.2", "AI system impact assessment process"),
            I("A.5.3", "Documentation of AI system impact assessments"),
            I("A.5.4", "Assessing AI system impact on individuals or groups of individuals"),
            I("A.5.5", "Assessing societal impacts of AI systems"),
            I("A.6.2.2", "AI system requirements and specification"),
            I("A.6.2.3", "Documentation of AI system design and development"),
            I("A.6.2.4", "AI system verification and validation"),
            I("A.6.2.6", "AI system operation and monitoring"),
            I("A.6.2.7", "AI system technical documentation"),
            I("A.6.2.8", "AI system recording of event logs"),
            I("A.7.2", "Data for development and enhancement of AI system"),
            I("A.7.3", "Acquisition of data"),
            I("A.7.4", "Quality of data for AI systems"),
            I("A.7.5", "Data provenance"),
            I("A.8.2", "System documentation and information for users"),
            I("A.8.5", "Information for interested parties"),
            I("A.9.2", "Processes for responsible use of AI systems"),
            I("A.9.4", "Intended use of the AI system"),
            I("A.10.2", "Allocating responsibilities"),
            I("A.10.3", "Suppliers"),
            S("5.9", "Inventory of information and other associated assets"),
            S("5.12", "Classification of information"),
            S("5.13", "Labelling of information"),
            S("5.14", "Information transfer"),
            S("5.19", "Information security in supplier relationships"),
            S("5.21", "Managing information security in the ICT supply chain"),
            S("5.23", "Information security for use of cloud services"),
            S("5.34", "Privacy and protection of PII"),
            S("8.11", "Data masking"),
            S("8.12", "Data leakage prevention"),
            S("8.15", "Logging"),
            S("8.16", "Monitoring activities"),
            S("8.25", "Secure development life cycle"),
            S("8.28", "Secure coding"),
            A("Art. 5", "Prohibited AI practices"),
            A("Art. 9", "Risk management system"),
            A("Art. 10", "Data and data governance"),
            A("Art. 11", "Technical documentation"),
            A("Art. 12", "Record-keeping"),
            A("Art. 13", "Transparency and provision of information to deployers"),
            A("Art. 14", "Human oversight"),
            A("Art. 15", "Accuracy, robustness and cybersecurity"),
            A("Art. 50", "Transparency obligations for providers and deployers of certain AI systems"),
            N("GOVERN 1.6", "Inventory of AI systems"),
            N("GOVERN 6.1", "Third-party risks"),
            N("MAP 1.1", "Intended purpose and context"),
            N("MAP 3.5", "Human oversight processes"),
            N("MEASURE 2.9", "Explainability"),
            N("MEASURE 2.11", "Fairness and bias evaluated and documented"),
            N("MANAGE 3.2", "Pre-trained models monitored"),
            C("6.1", "Actions to address risks and opportunities (risk treatment and acceptance)"),
            C("7.5", "Documented information"),
            C("8.1", "Operational planning and control"),
            C("9.2", "Internal audit"),
            C("10.2", "Nonconformity and corrective action"));

        private static readonly Dictionary<string, Control> ByTag = Index();

        /// <summary>The tag prefix of a framework.</summary>
        public static string Prefix(Framework framework) => framework switch
        {
            Framework.Iso42001 => "ISO42001",
            Framework.Iso27001 => "ISO27001",
            Framework.EuAiAct => "EUAIA",
            Framework.NistAiRmf => "NIST",
            _ => "ISMS",
        };

        /// <summary>The display name of a framework.</summary>
        public static string DisplayName(Framework framework) => framework switch
        {
            Framework.Iso42001 => "ISO/IEC 42001:2023 Annex A",
            Framework.Iso27001 => "ISO/IEC 27001:2022 Annex A",
            Framework.EuAiAct => "EU AI Act (Regulation (EU) 2024/1689)",
            Framework.NistAiRmf => "NIST AI RMF 1.0",
            _ => "ISO/IEC 42001 and ISO/IEC 27001 clauses (Annex SL)",
        };

        /// <summary>Finds a control by tag, for example "ISO42001:A.9.2".</summary>
        public static Control? Find(string tag) => ByTag.TryGetValue(tag, out var control) ? control : null;

        private static Dictionary<string, Control> Index()
        {
            var map = new Dictionary<string, Control>(StringComparer.Ordinal);
            foreach (var control in All)
            {
                map[control.Tag] = control;
            }

            return map;
        }

        private static Control I(string id, string title) => new Control(Framework.Iso42001, id, title);

        private static Control S(string id, string title) => new Control(Framework.Iso27001, id, title);

        private static Control A(string id, string title) => new Control(Framework.EuAiAct, id, title);

        private static Control N(string id, string title) => new Control(Framework.NistAiRmf, id, title);

        private static Control C(string id, string title) => new Control(Framework.AnnexSl, id, title);
    }
}
