using Microsoft.CodeAnalysis;

namespace Policy.Model.Declarations
{
    /// <summary>An [AiSystem] declaration: one entry of the AI system inventory.</summary>
    public sealed class SystemDeclaration
    {
        /// <summary>Reads a declaration from an [AiSystem] attribute.</summary>
        public SystemDeclaration(AttributeView attribute)
        {
            Attribute = attribute;
            Id = attribute.ConstructorString(0) ?? string.Empty;
            Name = attribute.NamedString("Name");
            Purpose = attribute.NamedString("Purpose");
            Owner = attribute.NamedString("Owner");
            IntendedUse = attribute.NamedString("IntendedUse");
            RiskLevel = (RiskLevel)attribute.NamedInt("RiskLevel");
            AutomatedDecisions = attribute.NamedBool("AutomatedDecisions");
            ProcessesPersonalData = attribute.NamedBool("ProcessesPersonalData");
            InteractsWithPeople = attribute.NamedBool("InteractsWithPeople");
            GeneratesSyntheticContent = attribute.NamedBool("GeneratesSyntheticContent");
        }

        /// <summary>The attribute.</summary>
        public AttributeView Attribute { get; }

        /// <summary>The inventory id (empty when not written).</summary>
        public string Id { get; }

        /// <summary>The display name, defaulting to the id.</summary>
        public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name!;

        /// <summary>Name as written.</summary>
        public string? Name { get; }

        /// <summary>Purpose as written.</summary>
        public string? Purpose { get; }

        /// <summary>Owner as written.</summary>
        public string? Owner { get; }

        /// <summary>Intended use as written.</summary>
        public string? IntendedUse { get; }

        /// <summary>Risk level.</summary>
        public RiskLevel RiskLevel { get; }

        /// <summary>Makes automated decisions about people.</summary>
        public bool AutomatedDecisions { get; }

        /// <summary>Declared to process personal data.</summary>
        public bool ProcessesPersonalData { get; }

        /// <summary>Declared to interact with people directly (EU AI Act Art. 50(1)).</summary>
        public bool InteractsWithPeople { get; }

        /// <summary>Declared to generate synthetic content (EU AI Act Art. 50(2)).</summary>
        public bool GeneratesSyntheticContent { get; }

        /// <summary>The type or assembly that declares the system.</summary>
        public ISymbol DeclaringSymbol => Attribute.Target;

        /// <summary>True for <c>[assembly: AiSystem(...)]</c>.</summary>
        public bool IsAssemblyLevel => Attribute.Target is IAssemblySymbol;
    }
}
