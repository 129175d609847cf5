using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Policy.Inventory;

namespace Policy.Evidence.Writers;

/// <summary>
/// aibom.cdx.json: a CycloneDX 1.6 AI bill of materials. One <c>machine-learning-model</c> component per AI system
/// (properties for the declared facts, a model card built from the governance declarations), one <c>library</c>
/// component per observed AI SDK family, one service per hosted AI supplier, the dependency graph between them, and
/// the attestations (standards, claims, evidence) derived from the control coverage (<see cref="CycloneDxAttestations"/>).
/// Every value from source code is written verbatim; everything is sorted; no clock and no randomness
/// (see docs/evidence-format.md).
/// </summary>
public sealed class CycloneDxWriter : IEvidenceWriter
{
    /// <summary>The namespace of our property names (CycloneDX property taxonomy: an organisation prefix).</summary>
    public const string PropertyPrefix = "policy:";

    /// <summary>bom-ref prefix of an AI system.</summary>
    public const string SystemRefPrefix = "ai-system:";

    /// <summary>bom-ref prefix of an AI SDK family.</summary>
    public const string SdkRefPrefix = "ai-sdk:";

    /// <summary>bom-ref prefix of a hosted AI service (supplier).</summary>
    public const string ServiceRefPrefix = "ai-service:";

    /// <summary>bom-ref prefix of a model the code states (provider/model id).</summary>
    public const string ModelRefPrefix = "ai-model:";

    /// <inheritdoc />
    public string FileName => "aibom.cdx.json";

    /// <inheritdoc />
    public void Write(InventoryDocument document, EvidenceContext context, Stream output)
    {
        var systems = SystemRefs(document);
        var sdks = SdkFamilies(document);
        var services = HostedServices(document);
        var applicationRef = "application:" + document.Input;

        using var json = new Utf8JsonWriter(output, EvidenceJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.6");
        json.WriteString("serialNumber", SerialNumber(document));
        json.WriteNumber("version", 1);

        WriteMetadata(json, document, applicationRef);

        json.WriteStartArray("components");
        var components = new List<(string Ref, Action Write)>();
        foreach (var (system, bomRef) in systems)
        {
            components.Add((bomRef, () => WriteSystem(json, system, bomRef)));
        }

        foreach (var family in sdks)
        {
            components.Add((family.Ref, () => WriteSdk(json, family)));
        }

        foreach (var (modelRef, uses) in Models(document))
        {
            components.Add((modelRef, () => WriteModel(json, modelRef, uses)));
        }

        foreach (var (_, write) in components.OrderBy(c => c.Ref, StringComparer.Ordinal))
        {
            write();
        }

        json.WriteEndArray();

        var tools = ToolServices(systems);
        if (services.Count > 0 || tools.Count > 0)
        {
            json.WriteStartArray("services");
            var all = new List<(string Ref, Action Write)>();
            foreach (var service in services)
            {
                all.Add((service.Ref, () => WriteService(json, service)));
            }

            foreach (var tool in tools)
            {
                all.Add((tool.Ref, () => WriteToolService(json, tool)));
            }

            foreach (var (_, write) in all.OrderBy(s => s.Ref, StringComparer.Ordinal))
            {
                write();
            }

            json.WriteEndArray();
        }

        WriteDependencies(json, document, applicationRef, systems, sdks, services, tools);
        CycloneDxAttestations.Write(json, document, context, systems, applicationRef);

        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// The BOM's serial number: a name-based UUID (version-5 layout, SHA-256 instead of SHA-1) of the commit, the
    /// input and the evaluation date; without a commit, of the whole evidence model instead, so two different
    /// working trees never share a serial number. Same inputs, same serial number.
    /// </summary>
    public static string SerialNumber(InventoryDocument document)
    {
        var identity = document.Commit is { Length: > 0 } commit
            ? "commit:" + commit
            : "model:" + Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document, EvidenceJson.Options))).ToLowerInvariant();
        var seed = "policy-aibom/1\n" + identity + "\n" + document.Input + "\n" + (document.EvaluationDate ?? string.Empty);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5 (name-based)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
        return "urn:uuid:" + hex[..8] + "-" + hex[8..12] + "-" + hex[12..16] + "-" + hex[16..20] + "-" + hex[20..32];
    }

    /// <summary>True when the SDK runs the model in process (no hosted supplier): local runtimes and classical ML.</summary>
    public static bool IsLocal(ObservedSdk sdk) => sdk.Kind is "local-runtime" or "classical-ml";

    private static void WriteMetadata(Utf8JsonWriter json, InventoryDocument document, string applicationRef)
    {
        json.WriteStartObject("metadata");
        if (IsIsoDate(document.EvaluationDate))
        {
            // The date the pack was judged against, never the wall clock: same inputs, same bytes.
            json.WriteString("timestamp", document.EvaluationDate + "T00:00:00Z");
        }

        json.WriteStartArray("lifecycles");
        json.WriteStartObject();
        json.WriteString("phase", "pre-build");
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("bom-ref", "tool:" + document.Tool);
        json.WriteString("group", "Policy.Analyzers");
        json.WriteString("name", document.Tool);
        if (!string.IsNullOrEmpty(document.ToolVersion))
        {
            json.WriteString("version", document.ToolVersion);
        }

        json.WriteString("description", "Policy.Analyzers command-line tool: AI governance policy as code for C#");
        json.WriteStartArray("externalReferences");
        json.WriteStartObject();
        json.WriteString("type", "website");
        json.WriteString("url", "https://github.com/policy-analyzers/policy-analyzers");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("component");
        json.WriteString("type", "application");
        json.WriteString("bom-ref", applicationRef);
        json.WriteString("name", document.Input);
        var properties = new List<(string, string)>();
        if (document.Commit != null)
        {
            properties.Add(("commit", document.Commit));
        }

        if (document.EvaluationDate != null)
        {
            properties.Add(("evaluationDate", document.EvaluationDate));
        }

        properties.AddRange(document.Projects.Select(p => ("project", p)));
        properties.AddRange(document.Undeclared.Select(c => (c.Confidence == "suspected" ? "suspectedAiComponent" : "undeclaredAiComponent", c.Confidence == "suspected" ? c.Type + " (suspected: " + string.Join(", ", c.Sdks.Select(s => s.Type)) + " did not resolve)" : c.Type)));
        WriteProperties(json, properties);
        json.WriteEndObject();

        WriteProperties(json, document.Policy.Select(p => (p.Key, p.Value)));
        json.WriteEndObject();
    }

    private static void WriteSystem(Utf8JsonWriter json, SystemRecord system, string bomRef)
    {
        json.WriteStartObject();
        json.WriteString("type", "machine-learning-model");
        json.WriteString("bom-ref", bomRef);
        json.WriteString("name", system.Name);
        if (system.Purpose != null)
        {
            json.WriteString("description", system.Purpose);
        }

        var properties = new List<(string, string)>
        {
            ("aiSystemId", system.Id),
            ("riskLevel", system.RiskLevel),
            ("automatedDecisions", system.AutomatedDecisions ? "true" : "false"),
            ("processesPersonalData", system.ProcessesPersonalData ? "true" : "false"),
            ("project", system.Project),
        };
        if (system.Owner != null)
        {
            properties.Add(("owner", system.Owner));
        }

        if (system.IntendedUse != null)
        {
            properties.Add(("intendedUse", system.IntendedUse));
        }

        if (system.Source != null)
        {
            properties.Add(("declaredAt", system.Source.ToString()));
        }

        properties.AddRange(system.Required.Select(r => ("required", r)));
        properties.AddRange(system.Missing.Select(r => ("missing", r)));
        properties.AddRange(system.DataClasses.Select(d => ("dataClass", d)));
        properties.AddRange(system.Components.Select(c => ("component", c.Type)));
        properties.Add(("interactsWithPeople", system.InteractsWithPeople ? "true" : "false"));
        properties.Add(("generatesSyntheticContent", system.GeneratesSyntheticContent ? "true" : "false"));
        properties.AddRange(system.EventLogging.Select(e => ("eventLogging", e.Evidence == "declared"
            ? "declared: " + (e.Destination ?? string.Empty) + (e.RetentionDays is { } days ? " (" + days.ToString(CultureInfo.InvariantCulture) + " days)" : string.Empty)
            : "observed: " + e.Method + (e.Source != null ? " at " + e.Source : string.Empty))));
        properties.AddRange(system.Models.Where(m => m.Model is null).Select(m => ("modelFromConfiguration", m.Provider + ": " + m.ConfigurationKey)));

        WriteModelCard(json, system, bomRef);
        WriteProperties(json, properties);
        json.WriteEndObject();
    }

    private static void WriteModelCard(Utf8JsonWriter json, SystemRecord system, string bomRef)
    {
        var useCases = new List<string>();
        if (!string.IsNullOrEmpty(system.IntendedUse))
        {
            useCases.Add(system.IntendedUse);
        }

        var users = new SortedSet<string>(StringComparer.Ordinal);
        var ethical = new List<(string Name, string? Mitigation)>();
        var fairness = new List<(string? Group, string Mitigation)>();
        var datasets = new List<DeclarationRecord>();
        var cardProperties = new List<(string, string)>();

        foreach (var declaration in system.Declarations)
        {
            var values = declaration.Values;
            string? Value(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
            var at = declaration.Source?.ToString();
            switch (declaration.Kind)
            {
                case "HumanOversight":
                    {
                        var name = "Human oversight (" + (Value("Mode") ?? "mode not declared") + ")" + (Value("Role") is { } role ? ": " + role : string.Empty);
                        ethical.Add((name, Value("Procedure") is { } procedure ? "Oversight procedure: " + procedure : null));
                        if (Value("Role") is { } r)
                        {
                            users.Add(r);
                        }

                        break;
                    }

                case "ExplainabilityRecord":
                    {
                        var parts = new List<string>();
                        if (Value("Method") is { } method)
                        {
                            parts.Add("Method: " + method);
                        }

                        if (Value("Store") is { } store)
                        {
                            parts.Add("Records kept in: " + store);
                        }

                        ethical.Add(("Explainability of automated decisions", parts.Count > 0 ? string.Join(". ", parts) : null));
                        break;
                    }

                case "ImpactAssessment":
                    {
                        var parts = new List<string>();
                        if (Value("Reference") is { } reference)
                        {
                            parts.Add("Impact assessment: " + reference);
                        }

                        if (Value("AssessedOn") is { } assessed)
                        {
                            parts.Add("assessed on " + assessed);
                        }

                        ethical.Add(("Impact on individuals, groups and society", parts.Count > 0 ? string.Join(", ", parts) : null));
                        break;
                    }

                case "BiasEvaluation":
                    {
                        var parts = new List<string>();
                        if (Value("Report") is { } report)
                        {
                            parts.Add("Bias evaluation report: " + report);
                        }

                        if (Value("EvaluatedOn") is { } evaluated)
                        {
                            parts.Add("evaluated on " + evaluated);
                        }

                        var mitigation = parts.Count > 0 ? string.Join(", ", parts) : "Bias evaluation declared";
                        // Array values travel item by item (never joined and split again: a group may contain a comma).
                        var groups = declaration.Lists.TryGetValue("ProtectedAttributes", out var list) ? list.Where(g => g.Length > 0).ToList() : [];
                        if (groups.Count == 0)
                        {
                            fairness.Add((null, mitigation));
                        }

                        foreach (var group in groups)
                        {
                            fairness.Add((group, mitigation));
                        }

                        break;
                    }

                case "DataProvenance":
                    datasets.Add(declaration);
                    break;
            }

            if (declaration.Kind != "AiSystem")
            {
                // Every declared value, verbatim, with where it is written.
                foreach (var pair in values)
                {
                    cardProperties.Add((declaration.Kind + "." + pair.Key, pair.Value));
                }

                if (at != null)
                {
                    cardProperties.Add((declaration.Kind + ".declaredAt", at));
                }
            }
        }

        if (useCases.Count == 0 && users.Count == 0 && ethical.Count == 0 && fairness.Count == 0 && datasets.Count == 0 && cardProperties.Count == 0)
        {
            return;
        }

        json.WriteStartObject("modelCard");
        json.WriteString("bom-ref", "model-card:" + bomRef);
        if (datasets.Count > 0)
        {
            json.WriteStartObject("modelParameters");
            json.WriteStartArray("datasets");
            foreach (var dataset in datasets)
            {
                json.WriteStartObject();
                json.WriteString("type", "dataset");
                json.WriteString("name", dataset.Values.TryGetValue("Source", out var source) ? source : dataset.Target);
                var contents = dataset.Values.Where(p => p.Key != "Source").Select(p => (p.Key, p.Value)).ToList();
                contents.Add(("target", dataset.Target));
                if (dataset.Source != null)
                {
                    contents.Add(("declaredAt", dataset.Source.ToString()));
                }

                json.WriteStartObject("contents");
                WriteProperties(json, contents);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var considerations = users.Count > 0 || useCases.Count > 0 || ethical.Count > 0 || fairness.Count > 0;
        if (considerations)
        {
            json.WriteStartObject("considerations");
        }

        if (users.Count > 0)
        {
            json.WriteStartArray("users");
            foreach (var user in users)
            {
                json.WriteStringValue(user);
            }

            json.WriteEndArray();
        }

        if (useCases.Count > 0)
        {
            json.WriteStartArray("useCases");
            foreach (var useCase in useCases)
            {
                json.WriteStringValue(useCase);
            }

            json.WriteEndArray();
        }

        if (ethical.Count > 0)
        {
            json.WriteStartArray("ethicalConsiderations");
            foreach (var (name, mitigation) in ethical)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                if (mitigation != null)
                {
                    json.WriteString("mitigationStrategy", mitigation);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (fairness.Count > 0)
        {
            json.WriteStartArray("fairnessAssessments");
            foreach (var (group, mitigation) in fairness)
            {
                json.WriteStartObject();
                if (group != null)
                {
                    json.WriteString("groupAtRisk", group);
                }

                json.WriteString("mitigationStrategy", mitigation);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (considerations)
        {
            json.WriteEndObject();
        }

        WriteProperties(json, cardProperties);
        json.WriteEndObject();
    }

    /// <summary>The bom-ref of a model the code states as a constant.</summary>
    public static string ModelRef(ModelRecord model) => ModelRefPrefix + model.Provider + "/" + model.Model;

    /// <summary>Every model stated as a constant, by bom-ref, with the systems and places that use it.</summary>
    private static SortedDictionary<string, List<(SystemRecord System, ModelRecord Model)>> Models(InventoryDocument document)
    {
        var result = new SortedDictionary<string, List<(SystemRecord, ModelRecord)>>(StringComparer.Ordinal);
        foreach (var system in document.Systems)
        {
            foreach (var model in system.Models.Where(m => m.Model != null))
            {
                var key = ModelRef(model);
                if (!result.TryGetValue(key, out var uses))
                {
                    result[key] = uses = new List<(SystemRecord, ModelRecord)>();
                }

                uses.Add((system, model));
            }
        }

        return result;
    }

    private static void WriteModel(Utf8JsonWriter json, string bomRef, List<(SystemRecord System, ModelRecord Model)> uses)
    {
        var first = uses[0].Model;
        json.WriteStartObject();
        json.WriteString("type", "machine-learning-model");
        json.WriteString("bom-ref", bomRef);
        json.WriteString("name", first.Model);
        json.WriteStartObject("supplier");
        json.WriteString("name", first.Provider);
        json.WriteEndObject();
        json.WriteString("description", "Model stated in code (" + first.Provider + "), used by " +
            string.Join(", ", uses.Select(u => u.System.Id).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal)));
        var properties = new List<(string, string)> { ("model.provider", first.Provider) };
        properties.AddRange(uses.Select(u => u.Model.Api).Distinct(StringComparer.Ordinal).Select(a => ("model.api", a)));
        properties.AddRange(uses.Where(u => u.Model.ConfigurationKey != null).Select(u => u.Model.ConfigurationKey!).Distinct(StringComparer.Ordinal).Select(k => ("model.configurationKey", k)));
        properties.AddRange(uses.Where(u => u.Model.Source != null).Select(u => u.Model.Source!.ToString()).Distinct(StringComparer.Ordinal).Select(l => ("model.statedAt", l)));
        WriteProperties(json, properties);
        json.WriteEndObject();
    }

    private static void WriteSdk(Utf8JsonWriter json, SdkFamily family)
    {
        json.WriteStartObject();
        json.WriteString("type", "library");
        json.WriteString("bom-ref", family.Ref);
        json.WriteString("name", family.Name);
        json.WriteString("scope", "required");
        json.WriteString("description", family.Local
            ? "AI SDK observed in code; runs models in process (" + string.Join(", ", family.Suppliers) + ")"
            : "AI SDK observed in code; client of hosted AI services (" + string.Join(", ", family.Suppliers) + ")");
        var properties = new List<(string, string)>();
        properties.AddRange(family.Kinds.Select(k => ("sdk.kind", k)));
        properties.AddRange(family.Suppliers.Select(s => ("sdk.supplier", s)));
        properties.AddRange(family.Types.Select(t => ("sdk.type", t)));
        WriteProperties(json, properties);
        json.WriteEndObject();
    }

    private static void WriteService(Utf8JsonWriter json, HostedService service)
    {
        json.WriteStartObject();
        json.WriteString("bom-ref", service.Ref);
        json.WriteString("name", service.Supplier);
        json.WriteString("description", "AI model provider reached through " + string.Join(", ", service.Families) + " (observed in code; the endpoint is configured outside the code analysed)");
        var properties = new List<(string, string)>();
        properties.AddRange(service.Kinds.Select(k => ("sdk.kind", k)));
        properties.AddRange(service.Families.Select(f => ("sdk.family", f)));
        WriteProperties(json, properties);
        json.WriteEndObject();
    }

    private static void WriteDependencies(Utf8JsonWriter json, InventoryDocument document, string applicationRef,
        IReadOnlyList<(SystemRecord System, string Ref)> systems, IReadOnlyList<SdkFamily> sdks, IReadOnlyList<HostedService> services,
        IReadOnlyList<ToolService> tools)
    {
        var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        SortedSet<string> Node(string bomRef) =>
            graph.TryGetValue(bomRef, out var set) ? set : graph[bomRef] = new SortedSet<string>(StringComparer.Ordinal);

        var application = Node(applicationRef);
        foreach (var (system, bomRef) in systems)
        {
            application.Add(bomRef);
            var edges = Node(bomRef);
            foreach (var model in system.Models.Where(m => m.Model != null))
            {
                edges.Add(ModelRef(model));
                Node(ModelRef(model));
            }

            foreach (var sdk in system.ObservedSdks)
            {
                edges.Add(SdkRefPrefix + sdk.Family);
                if (!IsLocal(sdk))
                {
                    edges.Add(ServiceRefPrefix + sdk.Supplier);
                }
            }
        }

        foreach (var sdk in document.Undeclared.SelectMany(c => c.Sdks))
        {
            // AI use outside any declared system still belongs to the application's supply chain.
            application.Add(SdkRefPrefix + sdk.Family);
        }

        foreach (var family in sdks)
        {
            var edges = Node(family.Ref);
            foreach (var service in family.Services)
            {
                edges.Add(service);
            }
        }

        foreach (var service in services)
        {
            Node(service.Ref);
        }

        foreach (var tool in tools)
        {
            Node(tool.SystemRef).Add(tool.Ref); // The model of the system calls the tool.
            Node(tool.Ref);
        }

        json.WriteStartArray("dependencies");
        foreach (var (bomRef, dependsOn) in graph)
        {
            json.WriteStartObject();
            json.WriteString("ref", bomRef);
            json.WriteStartArray("dependsOn");
            foreach (var target in dependsOn)
            {
                json.WriteStringValue(target);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Properties sorted by name (stable: equal names keep their order), names in our namespace.</summary>
    private static void WriteProperties(Utf8JsonWriter json, IEnumerable<(string Name, string Value)> properties)
    {
        var list = properties.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartArray("properties");
        foreach (var (name, value) in list)
        {
            json.WriteStartObject();
            json.WriteString("name", PropertyPrefix + name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Each system with a unique bom-ref ("ai-system:id"; a duplicated id, POL008, gets "#2", "#3", ...).</summary>
    private static List<(SystemRecord System, string Ref)> SystemRefs(InventoryDocument document)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<(SystemRecord, string)>();
        foreach (var system in document.Systems.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Project, StringComparer.Ordinal))
        {
            var bomRef = SystemRefPrefix + system.Id;
            seen[bomRef] = seen.TryGetValue(bomRef, out var n) ? n + 1 : 1;
            result.Add((system, seen[bomRef] == 1 ? bomRef : bomRef + "#" + seen[bomRef].ToString(CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private sealed record SdkFamily(string Name, string Ref, bool Local, IReadOnlyList<string> Kinds, IReadOnlyList<string> Suppliers, IReadOnlyList<string> Types, IReadOnlyList<string> Services);

    /// <summary>A tool of a system, as a CycloneDX service the system's model component depends on ("tool:system/name").</summary>
    private sealed record ToolService(string Ref, string SystemRef, ToolRecord Tool);

    private static List<ToolService> ToolServices(IReadOnlyList<(SystemRecord System, string Ref)> systems)
    {
        var result = new List<ToolService>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (system, systemRef) in systems)
        {
            foreach (var tool in system.Tools)
            {
                var bomRef = "tool:" + systemRef.Substring(SystemRefPrefix.Length) + "/" + tool.Name;
                var unique = bomRef;
                for (var n = 2; !seen.Add(unique); n++)
                {
                    unique = bomRef + "#" + n.ToString(CultureInfo.InvariantCulture);
                }

                result.Add(new ToolService(unique, systemRef, tool));
            }
        }

        return result;
    }

    private static void WriteToolService(Utf8JsonWriter json, ToolService service)
    {
        var tool = service.Tool;
        json.WriteStartObject();
        json.WriteString("bom-ref", service.Ref);
        json.WriteString("name", tool.Name);
        json.WriteString("description", "Tool the model of " + service.SystemRef + " can call: " + tool.Method);
        if (tool.DataClasses.Count > 0)
        {
            // What the tool hands to the model, by class (outbound from the tool's point of view).
            json.WriteStartArray("data");
            foreach (var dataClass in tool.DataClasses)
            {
                json.WriteStartObject();
                json.WriteString("flow", "outbound");
                json.WriteString("classification", dataClass);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
        var properties = new List<(string, string)>
        {
            ("tool.method", tool.Method),
            ("tool.mechanism", tool.Mechanism),
            ("tool.approvalGated", tool.ApprovalGated ? "true" : "false"),
            ("tool.approval", tool.Approval),
        };
        if (tool.Source != null)
        {
            properties.Add(("tool.source", tool.Source.ToString()));
        }

        properties.AddRange(tool.Parameters.Select(p => ("tool.parameter", p)));
        properties.AddRange(tool.DataClasses.Select(d => ("tool.dataClass", d)));
        WriteProperties(json, properties);
        json.WriteEndObject();
    }

    private sealed record HostedService(string Supplier, string Ref, IReadOnlyList<string> Kinds, IReadOnlyList<string> Families);

    private static IEnumerable<ObservedSdk> AllSdks(InventoryDocument document) =>
        document.Systems.SelectMany(s => s.ObservedSdks).Concat(document.Undeclared.SelectMany(c => c.Sdks));

    private static List<SdkFamily> SdkFamilies(InventoryDocument document) =>
        AllSdks(document)
            .GroupBy(s => s.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SdkFamily(
                g.Key,
                SdkRefPrefix + g.Key,
                g.All(IsLocal),
                Sorted(g.Select(s => s.Kind)),
                Sorted(g.Select(s => s.Supplier)),
                Sorted(g.Select(s => s.Type)),
                Sorted(g.Where(s => !IsLocal(s)).Select(s => ServiceRefPrefix + s.Supplier))))
            .ToList();

    private static List<HostedService> HostedServices(InventoryDocument document) =>
        AllSdks(document)
            .Where(s => !IsLocal(s))
            .GroupBy(s => s.Supplier, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HostedService(g.Key, ServiceRefPrefix + g.Key, Sorted(g.Select(s => s.Kind)), Sorted(g.Select(s => s.Family))))
            .ToList();

    private static List<string> Sorted(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();

    private static bool IsIsoDate(string? value) =>
        value != null && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
