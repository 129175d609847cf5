using System.Collections.Generic;

namespace Policy.Inventory
{
    // The evidence model: plain data extracted once from symbols and diagnostics (InventoryBuilder), read by every
    // exporter of the evidence pack. Exporters never re-read symbols. Lists are sorted for deterministic output.

    /// <summary>A place in the repository: repository-relative path with forward slashes, 1-based line and column.</summary>
    public sealed class SourceRef
    {
        /// <summary>Repository-relative path.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>1-based line.</summary>
        public int Line { get; set; }

        /// <summary>1-based column.</summary>
        public int Column { get; set; }

        /// <inheritdoc />
        public override string ToString() => Path + ":" + Line;
    }

    /// <summary>One governance declaration (attribute) with its values as written.</summary>
    public sealed class DeclarationRecord
    {
        /// <summary>Attribute name without suffix, for example "HumanOversight".</summary>
        public string Kind { get; set; } = string.Empty;

        /// <summary>The symbol it stands on (display form).</summary>
        public string Target { get; set; } = string.Empty;

        /// <summary>Values by property name (constructor arguments under their property names), sorted by name; an array's items joined with ", " (for display).</summary>
        public SortedDictionary<string, string> Values { get; set; } = new SortedDictionary<string, string>(System.StringComparer.Ordinal);

        /// <summary>Array values item by item, by property name (schema 1.1): read these, never split <see cref="Values"/>.</summary>
        public SortedDictionary<string, List<string>> Lists { get; set; } = new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal);

        /// <summary>Where it is written.</summary>
        public SourceRef? Source { get; set; }
    }

    /// <summary>An AI SDK type observed in code (not declared).</summary>
    public sealed class ObservedSdk
    {
        /// <summary>Metadata name, for example Microsoft.Extensions.AI.IChatClient.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>SDK family.</summary>
        public string Family { get; set; } = string.Empty;

        /// <summary>Third-party supplier.</summary>
        public string Supplier { get; set; } = string.Empty;

        /// <summary>generative, embedding, classical-ml, local-runtime or custom.</summary>
        public string Kind { get; set; } = string.Empty;
    }

    /// <summary>A type that belongs to an AI system, or an AI type that belongs to none.</summary>
    public sealed class ComponentRecord
    {
        /// <summary>Fully qualified type name.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>Documentation id (T:...).</summary>
        public string SymbolId { get; set; } = string.Empty;

        /// <summary>Project (assembly) name.</summary>
        public string Project { get; set; } = string.Empty;

        /// <summary>Files declaring the type.</summary>
        public List<SourceRef> Files { get; set; } = new List<SourceRef>();

        /// <summary>AI SDK types the type uses.</summary>
        public List<ObservedSdk> Sdks { get; set; } = new List<ObservedSdk>();

        /// <summary><c>suspected</c> when the type's only AI use is names that did not resolve (partial analysis); null when confirmed.</summary>
        public string? Confidence { get; set; }

        /// <summary>The target frameworks that have this entry, when a multi-targeted project has it for some of its frameworks only (code under #if, a package referenced for one framework); null when every framework analysed has it.</summary>
        public List<string>? TargetFrameworks { get; set; }

        /// <summary>Merged packs only (<c>policy merge</c>, schema 2.3): the pack and commit this entry comes from; null in a single repository's pack.</summary>
        public RecordOrigin? Origin { get; set; }
    }

    /// <summary>A function a model can call (a tool), as the code exposes it.</summary>
    public sealed class ToolRecord
    {
        /// <summary>The name the model sees.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The method (<c>Type.Method</c>, or <c>lambda in Type</c>).</summary>
        public string Method { get; set; } = string.Empty;

        /// <summary>How it is exposed: AIFunctionFactory, AIFunctionSubclass, SemanticKernelPlugin, AgentFramework or McpServer.</summary>
        public string Mechanism { get; set; } = string.Empty;

        /// <summary>Where the method is declared (a lambda: where it is registered).</summary>
        public SourceRef? Source { get; set; }

        /// <summary>Its parameters as declared (<c>int loanId</c>), in order.</summary>
        public List<string> Parameters { get; set; } = new List<string>();

        /// <summary>The data classes of the classified data it returns to the model (claims count as <c>policy.claims_class</c>).</summary>
        public List<string> DataClasses { get; set; } = new List<string>();

        /// <summary>True when a person must approve each call: wrapped in ApprovalRequiredAIFunction or [HumanOversight] on the method.</summary>
        public bool ApprovalGated { get; set; }

        /// <summary>How: <c>ApprovalRequiredAIFunction</c>, <c>HumanOversight</c> or <c>none</c>.</summary>
        public string Approval { get; set; } = "none";
    }

    /// <summary>An exemption, recorded as a risk acceptance.</summary>
    public sealed class ExemptionRecord
    {
        /// <summary>Exempted rule.</summary>
        public string RuleId { get; set; } = string.Empty;

        /// <summary>The symbol it stands on.</summary>
        public string Target { get; set; } = string.Empty;

        /// <summary>Why.</summary>
        public string? Justification { get; set; }

        /// <summary>Who accepted the risk.</summary>
        public string? ApprovedBy { get; set; }

        /// <summary>Last valid day.</summary>
        public string? Expires { get; set; }

        /// <summary>active, expired, malformed-expiry or unjustified.</summary>
        public string State { get; set; } = string.Empty;

        /// <summary>Systems it applies to (by location).</summary>
        public List<string> Systems { get; set; } = new List<string>();

        /// <summary>Where it is written.</summary>
        public SourceRef? Source { get; set; }

        /// <summary>Merged packs only (<c>policy merge</c>, schema 2.3): the pack and commit this entry comes from; null in a single repository's pack.</summary>
        public RecordOrigin? Origin { get; set; }
    }

    /// <summary>One finding, as the build reports it.</summary>
    public sealed class FindingRecord
    {
        /// <summary>Rule id.</summary>
        public string RuleId { get; set; } = string.Empty;

        /// <summary>error, warning, note (info) or none.</summary>
        public string Severity { get; set; } = string.Empty;

        /// <summary>The message.</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>Where.</summary>
        public SourceRef? Source { get; set; }

        /// <summary>The AI system concerned, if any.</summary>
        public string? SystemId { get; set; }

        /// <summary>Documentation id of the symbol the finding belongs to (the baseline key).</summary>
        public string? SymbolId { get; set; }

        /// <summary>open, baselined (listed in policy.baseline.txt) or exempted (an active [PolicyExemption]).</summary>
        public string State { get; set; } = "open";

        /// <summary>Project (assembly) name.</summary>
        public string Project { get; set; } = string.Empty;

        /// <summary>Text of the source line (for the SARIF fingerprint hash), trimmed; kept in memory only, never written to the pack.</summary>
        public string LineText { get; set; } = string.Empty;

        /// <summary>POL001: <c>confirmed</c>, or <c>suspected</c> when the AI type did not resolve (diagnostic property PolicyConfidence); null for other rules.</summary>
        public string? Confidence { get; set; }

        /// <summary>The target frameworks that have this entry, when a multi-targeted project has it for some of its frameworks only (code under #if, a package referenced for one framework); null when every framework analysed has it.</summary>
        public List<string>? TargetFrameworks { get; set; }

        /// <summary>
        /// The SARIF fingerprint (primaryLocationLineHash without its ":n" occurrence suffix) when the finding was read back
        /// from a pack (<c>policy diff</c>, <c>policy merge</c>): the writer then keeps it instead of hashing
        /// <see cref="LineText"/>, which a pack does not hold. In memory only, never written to inventory.json.
        /// </summary>
        public string? Fingerprint { get; set; }

        /// <summary>Merged packs only (<c>policy merge</c>, schema 2.3): the pack and commit this entry comes from; null in a single repository's pack.</summary>
        public RecordOrigin? Origin { get; set; }
    }

    /// <summary>One AI system of the inventory.</summary>
    public sealed class SystemRecord
    {
        /// <summary>Inventory id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Display name (defaults to the id).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Purpose.</summary>
        public string? Purpose { get; set; }

        /// <summary>Owner.</summary>
        public string? Owner { get; set; }

        /// <summary>Risk level.</summary>
        public string RiskLevel { get; set; } = "Unspecified";

        /// <summary>Intended use.</summary>
        public string? IntendedUse { get; set; }

        /// <summary>Makes automated decisions.</summary>
        public bool AutomatedDecisions { get; set; }

        /// <summary>Declared to process personal data.</summary>
        public bool ProcessesPersonalData { get; set; }

        /// <summary>Project (assembly) that declares it.</summary>
        public string Project { get; set; } = string.Empty;

        /// <summary>Where [AiSystem] is written.</summary>
        public SourceRef? Source { get; set; }

        /// <summary>Declarations required by the policy in force (HumanOversight, BiasEvaluation, ...).</summary>
        public List<string> Required { get; set; } = new List<string>();

        /// <summary>
        /// Required declarations that are missing (schema 1.1): exactly the kinds a requirement rule's finding (open,
        /// exempted or baselined) reports for the system. The pack never re-decides a requirement.
        /// </summary>
        public List<string> Missing { get; set; } = new List<string>();

        /// <summary>Governance declarations counting for the system (DeclarationIndex.Governance, each once).</summary>
        public List<DeclarationRecord> Declarations { get; set; } = new List<DeclarationRecord>();

        /// <summary>Types of the system.</summary>
        public List<ComponentRecord> Components { get; set; } = new List<ComponentRecord>();

        /// <summary>AI SDK types observed in its components, de-duplicated.</summary>
        public List<ObservedSdk> ObservedSdks { get; set; } = new List<ObservedSdk>();

        /// <summary>Data classes declared on the data its components handle.</summary>
        public List<string> DataClasses { get; set; } = new List<string>();

        /// <summary>The functions its model can call (schema 1.1).</summary>
        public List<ToolRecord> Tools { get; set; } = new List<ToolRecord>();

        /// <summary>Declared to interact with people directly (EU AI Act Art. 50(1)).</summary>
        public bool InteractsWithPeople { get; set; }

        /// <summary>Declared to generate synthetic content (EU AI Act Art. 50(2)).</summary>
        public bool GeneratesSyntheticContent { get; set; }

        /// <summary>The event-logging evidence found (POL015): declared [EventLogging] values and logging or telemetry observed in code.</summary>
        public List<EventLoggingRecord> EventLogging { get; set; } = new List<EventLoggingRecord>();

        /// <summary>The models the system's code states (constant ids, deployment names, model files, configuration keys).</summary>
        public List<ModelRecord> Models { get; set; } = new List<ModelRecord>();

        /// <summary>
        /// The referenced assembly that declares the system, when it is declared there and types of <see cref="Project"/>
        /// join it ([AiComponent]); null when declared in source. When the declaring project is analysed in the same run,
        /// its record holds these components instead.
        /// </summary>
        public string? DeclaredIn { get; set; }

        /// <summary>The target frameworks that declare the system, when a multi-targeted project declares it for some of its frameworks only; null when every framework analysed does.</summary>
        public List<string>? TargetFrameworks { get; set; }

        /// <summary>Merged packs only: true when another pack declares a system with the same id (both are kept, each with its origin).</summary>
        public bool? Conflict { get; set; }

        /// <summary>Merged packs only (<c>policy merge</c>, schema 2.3): the pack and commit this entry comes from; null in a single repository's pack.</summary>
        public RecordOrigin? Origin { get; set; }
    }

    /// <summary>One piece of event-logging evidence of a system.</summary>
    public sealed class EventLoggingRecord
    {
        /// <summary>"declared" ([EventLogging]) or "observed" (logging or telemetry built in code).</summary>
        public string Evidence { get; set; } = string.Empty;

        /// <summary>Declared: where records go ([EventLogging].Destination).</summary>
        public string? Destination { get; set; }

        /// <summary>Declared: retention in days (0 or absent = unspecified).</summary>
        public int? RetentionDays { get; set; }

        /// <summary>Observed: what builds the telemetry (UseOpenTelemetry, UseLogging, OpenTelemetryChatClient, a Semantic Kernel switch).</summary>
        public string? Method { get; set; }

        /// <summary>Where it is written.</summary>
        public SourceRef? Source { get; set; }
    }

    /// <summary>A model the system's code states.</summary>
    public sealed class ModelRecord
    {
        /// <summary>Who serves it: OpenAI, Azure OpenAI, Ollama, ONNX Runtime, ML.NET, or unspecified.</summary>
        public string Provider { get; set; } = string.Empty;

        /// <summary>The model id, deployment name or model file, when stated as a constant.</summary>
        public string? Model { get; set; }

        /// <summary>The configuration key it is read from, when the key is a constant ("from configuration: key").</summary>
        public string? ConfigurationKey { get; set; }

        /// <summary>The API that names it (GetChatClient, AddAzureOpenAIChatCompletion, ChatOptions.ModelId, new OllamaApiClient, ...).</summary>
        public string Api { get; set; } = string.Empty;

        /// <summary>Where it is written.</summary>
        public SourceRef? Source { get; set; }
    }

    /// <summary>The whole inventory of a solution: what inventory.json holds.</summary>
    public sealed class InventoryDocument
    {
        /// <summary>Version of the inventory.json schema (docs/evidence-format.md).</summary>
        public string SchemaVersion { get; set; } = "2.3";

        /// <summary>Tool name and version.</summary>
        public string Tool { get; set; } = "policy";

        /// <summary>Tool version.</summary>
        public string ToolVersion { get; set; } = string.Empty;

        /// <summary>Git commit of the analysed sources, when known.</summary>
        public string? Commit { get; set; }

        /// <summary>What was analysed (repository-relative path).</summary>
        public string Input { get; set; } = string.Empty;

        /// <summary>The date staleness and expiry were judged against (yyyy-MM-dd).</summary>
        public string? EvaluationDate { get; set; }

        /// <summary>Projects analysed.</summary>
        public List<string> Projects { get; set; } = new List<string>();

        /// <summary>The policy in force: key = value, sorted.</summary>
        public SortedDictionary<string, string> Policy { get; set; } = new SortedDictionary<string, string>(System.StringComparer.Ordinal);

        /// <summary>The AI systems, by id.</summary>
        public List<SystemRecord> Systems { get; set; } = new List<SystemRecord>();

        /// <summary>AI types that belong to no declared system: exactly the subjects of the POL001 findings.</summary>
        public List<ComponentRecord> Undeclared { get; set; } = new List<ComponentRecord>();

        /// <summary>All findings, sorted by path, line, rule.</summary>
        public List<FindingRecord> Findings { get; set; } = new List<FindingRecord>();

        /// <summary>All exemptions (risk acceptances).</summary>
        public List<ExemptionRecord> Exemptions { get; set; } = new List<ExemptionRecord>();

        /// <summary>Merged packs only (schema 2.3): the packs merged, sorted by the SHA-256 of their manifest.json.</summary>
        public List<SourcePack>? Sources { get; set; }

        /// <summary>Merged packs only: system ids declared by more than one pack.</summary>
        public List<SystemConflict>? Conflicts { get; set; }
    }

    /// <summary>Where an entry of a merged pack comes from.</summary>
    public sealed class RecordOrigin
    {
        /// <summary>The source pack's id: the first 12 hex digits of the SHA-256 of its manifest.json (<see cref="SourcePack.Id"/>).</summary>
        public string Pack { get; set; } = string.Empty;

        /// <summary>The commit the source pack was made from, when it says.</summary>
        public string? Commit { get; set; }

        /// <summary>The source pack's input (its solution or project, relative to its repository).</summary>
        public string Input { get; set; } = string.Empty;
    }

    /// <summary>One pack a merged pack was made from.</summary>
    public sealed class SourcePack
    {
        /// <summary>First 12 hex digits of <see cref="ManifestSha256"/>.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>SHA-256 of the source pack's manifest.json (which holds the SHA-256 of each of its files, verified on reading).</summary>
        public string ManifestSha256 { get; set; } = string.Empty;

        /// <summary>SHA-256 of the source pack's inventory.json.</summary>
        public string InventorySha256 { get; set; } = string.Empty;

        /// <summary>The source pack's input.</summary>
        public string Input { get; set; } = string.Empty;

        /// <summary>Its commit, when known.</summary>
        public string? Commit { get; set; }

        /// <summary>The tool version that wrote it.</summary>
        public string ToolVersion { get; set; } = string.Empty;

        /// <summary>Its evaluation date.</summary>
        public string? EvaluationDate { get; set; }

        /// <summary>How many systems it contributes.</summary>
        public int Systems { get; set; }

        /// <summary>How many findings it contributes.</summary>
        public int Findings { get; set; }
    }

    /// <summary>A system id declared by more than one merged pack.</summary>
    public sealed class SystemConflict
    {
        /// <summary>The id.</summary>
        public string SystemId { get; set; } = string.Empty;

        /// <summary>The ids of the packs that declare it, sorted.</summary>
        public List<string> Packs { get; set; } = new List<string>();
    }
}
