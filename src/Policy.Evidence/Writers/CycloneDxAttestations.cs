using System.Globalization;
using System.Text.Json;
using Policy.Inventory;
using Policy.Model.Controls;

namespace Policy.Evidence.Writers;

/// <summary>
/// The AI-BOM's attestations (CycloneDX 1.6 <c>definitions.standards</c> and <c>declarations</c>), so a GRC tool can
/// import the pack as claims against ISO/IEC 42001 Annex A, ISO/IEC 27001:2022 Annex A and EU AI Act articles.
/// One truth: every claim is a cell of the control coverage matrix (<see cref="Coverage.Of"/>, the same computation as
/// controls.md and report.html). An evidenced cell is a claim backed by the declarations (file:line, commit) and the
/// documents they reference (SHA-256); a missing cell is a counter-claim (conformance score 0) with the findings as
/// counter-evidence; an exempted cell is a counter-claim with the findings as counter-evidence and the risk acceptance
/// as mitigation. A requirement a finding reports missing is never claimed as met. Not-applicable cells claim nothing.
/// </summary>
internal static class CycloneDxAttestations
{
    /// <summary>The standards the BOM defines: the frameworks GRC tools import (NIST AI RMF and the shared clauses stay in controls.md).</summary>
    public static IReadOnlyList<Framework> Standards { get; } = [Framework.Iso42001, Framework.Iso27001, Framework.EuAiAct];

    /// <summary>bom-ref of the one assessor: the organisation running the tool, assessing itself automatically.</summary>
    public const string AssessorRef = "assessor:policy";

    /// <summary>bom-ref of a standard.</summary>
    public static string StandardRef(Framework framework) => "standard:" + ControlCatalogue.Prefix(framework);

    /// <summary>bom-ref of a requirement (the control's tag, for example <c>requirement:ISO42001:A.9.2</c>).</summary>
    public static string RequirementRef(Control control) => "requirement:" + control.Tag;

    /// <summary>Writes <c>definitions</c> and, when anything is claimed, <c>declarations</c>.</summary>
    public static void Write(Utf8JsonWriter json, InventoryDocument document, EvidenceContext context, IReadOnlyList<(SystemRecord System, string Ref)> systems, string applicationRef)
    {
        WriteDefinitions(json);
        var built = Build(document, context, systems, applicationRef);
        if (built.Attestations.Count == 0)
        {
            return;
        }

        json.WriteStartObject("declarations");
        json.WriteStartArray("assessors");
        json.WriteStartObject();
        json.WriteString("bom-ref", AssessorRef);
        json.WriteBoolean("thirdParty", false);
        json.WriteStartObject("organization");
        json.WriteString("name", "Automated self-assessment with " + document.Tool + (string.IsNullOrEmpty(document.ToolVersion) ? string.Empty : " " + document.ToolVersion) + " (Policy.Analyzers static analysis of source code; no human review)");
        json.WriteStartArray("url");
        json.WriteStringValue("https://github.com/policy-analyzers/policy-analyzers");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("attestations");
        foreach (var attestation in built.Attestations)
        {
            json.WriteStartObject();
            json.WriteString("summary", attestation.Summary);
            json.WriteString("assessor", AssessorRef);
            json.WriteStartArray("map");
            foreach (var entry in attestation.Map)
            {
                json.WriteStartObject();
                json.WriteString("requirement", entry.Requirement);
                WriteRefs(json, entry.Met ? "claims" : "counterClaims", [entry.Claim]);
                json.WriteStartObject("conformance");
                if (entry.Score is { } score)
                {
                    json.WriteNumber("score", score);
                }

                json.WriteString("rationale", entry.Rationale);
                WriteRefs(json, "mitigationStrategies", entry.Mitigations);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("claims");
        foreach (var claim in built.Claims)
        {
            json.WriteStartObject();
            json.WriteString("bom-ref", claim.Ref);
            json.WriteString("target", claim.Target);
            json.WriteString("predicate", claim.Predicate);
            WriteRefs(json, "mitigationStrategies", claim.Mitigations);
            json.WriteString("reasoning", claim.Reasoning);
            WriteRefs(json, "evidence", claim.Evidence);
            WriteRefs(json, "counterEvidence", claim.CounterEvidence);
            if (claim.Documents.Count > 0)
            {
                json.WriteStartArray("externalReferences");
                foreach (var reference in claim.Documents)
                {
                    json.WriteStartObject();
                    json.WriteString("url", PathUrl(reference.Path!));
                    json.WriteString("comment", "Referenced by [" + reference.Kind + "]." + reference.Property + " at " + reference.DeclaredAt + " (repository-relative path)");
                    json.WriteString("type", "evidence");
                    json.WriteStartArray("hashes");
                    json.WriteStartObject();
                    json.WriteString("alg", "SHA-256");
                    json.WriteString("content", reference.Sha256);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("evidence");
        foreach (var evidence in built.Evidence.Values)
        {
            json.WriteStartObject();
            json.WriteString("bom-ref", evidence.Ref);
            json.WriteString("description", evidence.Description);
            json.WriteStartArray("data");
            foreach (var (name, content) in evidence.Data)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteStartObject("contents");
                json.WriteStartObject("attachment");
                json.WriteString("contentType", "text/plain");
                json.WriteString("content", content);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (evidence.Created != null)
            {
                json.WriteString("created", evidence.Created);
            }

            if (evidence.Expires != null)
            {
                json.WriteString("expires", evidence.Expires);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDefinitions(Utf8JsonWriter json)
    {
        json.WriteStartObject("definitions");
        json.WriteStartArray("standards");
        foreach (var framework in Standards)
        {
            var (name, version, owner, description, url) = Describe(framework);
            json.WriteStartObject();
            json.WriteString("bom-ref", StandardRef(framework));
            json.WriteString("name", name);
            json.WriteString("version", version);
            json.WriteString("description", description);
            json.WriteString("owner", owner);
            json.WriteStartArray("requirements");
            foreach (var control in Coverage.Controls(framework))
            {
                json.WriteStartObject();
                json.WriteString("bom-ref", RequirementRef(control));
                json.WriteString("identifier", control.Id);
                json.WriteString("title", control.Title);
                json.WriteStartArray("descriptions");
                json.WriteStringValue("Evidenced in code by the Policy.Analyzers rules " + string.Join(", ", Coverage.RulesOf(control)) + " (tag " + control.Tag + ")");
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (url != null)
            {
                json.WriteStartArray("externalReferences");
                json.WriteStartObject();
                json.WriteString("url", url);
                json.WriteString("type", "documentation");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (string Name, string Version, string Owner, string Description, string? Url) Describe(Framework framework) => framework switch
    {
        Framework.Iso42001 => ("ISO/IEC 42001", "2023", "ISO/IEC JTC 1/SC 42",
            "Information technology - Artificial intelligence - Management system, Annex A controls that Policy.Analyzers rules map to (identifiers and short titles only; the full texts are copyrighted by ISO)", null),
        Framework.Iso27001 => ("ISO/IEC 27001", "2022", "ISO/IEC JTC 1/SC 27",
            "Information security, cybersecurity and privacy protection - Information security management systems, Annex A controls that Policy.Analyzers rules map to (identifiers and short titles only; the full texts are copyrighted by ISO)", null),
        _ => ("EU AI Act", "Regulation (EU) 2024/1689", "European Union",
            "Regulation (EU) 2024/1689 laying down harmonised rules on artificial intelligence, the articles Policy.Analyzers rules map to", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"),
    };

    private sealed record Evidence(string Ref, string Description, IReadOnlyList<(string Name, string Content)> Data, string? Created, string? Expires);

    private sealed record Claim(string Ref, string Target, string Predicate, string Reasoning, IReadOnlyList<string> Evidence, IReadOnlyList<string> CounterEvidence,
        IReadOnlyList<string> Mitigations, IReadOnlyList<DocumentReferences.DocumentReference> Documents);

    private sealed record MapEntry(string Requirement, string Claim, bool Met, double? Score, string Rationale, IReadOnlyList<string> Mitigations);

    private sealed record Attestation(string Summary, IReadOnlyList<MapEntry> Map);

    private sealed record Built(IReadOnlyList<Attestation> Attestations, IReadOnlyList<Claim> Claims, SortedDictionary<string, Evidence> Evidence);

    private static Built Build(InventoryDocument document, EvidenceContext context, IReadOnlyList<(SystemRecord System, string Ref)> systems, string applicationRef)
    {
        var evidence = new SortedDictionary<string, Evidence>(StringComparer.Ordinal);
        var claims = new List<Claim>();
        var attestations = new List<Attestation>();
        var documents = DocumentReferences.Find(document, context).Where(d => d.Path != null && d.Sha256 != null).ToList();
        var findingRefs = FindingRefs(document);
        var partial = context.Coverage is { IsComplete: false }
            ? " The analysis was partial (see manifest.json coverage): AI use in code that did not load or bind may be missing."
            : string.Empty;
        var asOf = (document.EvaluationDate is { } date ? ", as of " + date : string.Empty) + (document.Commit is { } commit ? ", commit " + commit : string.Empty);

        foreach (var (system, systemRef) in systems)
        {
            var map = new List<MapEntry>();
            foreach (var framework in Standards)
            {
                foreach (var control in Coverage.Controls(framework))
                {
                    var cell = Coverage.Of(control, system, document);
                    if (cell.Status == CoverageStatus.NotApplicable)
                    {
                        continue;
                    }

                    var claimRef = "claim:" + systemRef + "/" + control.Tag;
                    var subject = "AI system '" + system.Id + "'";
                    map.Add(cell.Status == CoverageStatus.Evidenced
                        ? Evidenced(control, cell, system, systemRef, claimRef, subject, documents, evidence, claims, document.Commit)
                        : NotMet(control, cell, systemRef, claimRef, subject, system.Id, document, findingRefs, evidence, claims));
                }
            }

            if (map.Count > 0)
            {
                attestations.Add(new Attestation(
                    "Automated self-assessment of AI system '" + system.Id + "' (" + system.Name + ", risk level " + system.RiskLevel + ")" + asOf +
                    ": one entry per control a rule maps to and the system's declarations or findings touch. Claims are met as far as code can evidence them; counter-claims carry the findings that say the evidence is missing." + partial,
                    map));
            }
        }

        // Findings that belong to no declared system (POL001 undeclared AI use, POL009, ...) are gaps of the application.
        var applicationMap = new List<MapEntry>();
        foreach (var framework in Standards)
        {
            foreach (var control in Coverage.Controls(framework))
            {
                var cell = Coverage.OfApplication(control, document);
                if (cell.Status is CoverageStatus.Missing or CoverageStatus.Exempted)
                {
                    applicationMap.Add(NotMet(control, cell, applicationRef, "claim:" + applicationRef + "/" + control.Tag, "The application '" + document.Input + "'", null, document, findingRefs, evidence, claims));
                }
            }
        }

        if (applicationMap.Count > 0)
        {
            attestations.Add(new Attestation(
                "Automated self-assessment of '" + document.Input + "' outside its declared AI systems" + asOf +
                ": findings that belong to no declared system (for example AI use no [AiSystem] or [AiComponent] covers)." + partial,
                applicationMap));
        }

        return new Built(attestations, claims, evidence);
    }

    private static MapEntry Evidenced(Control control, CoverageCell cell, SystemRecord system, string systemRef, string claimRef, string subject,
        IReadOnlyList<DocumentReferences.DocumentReference> documents, SortedDictionary<string, Evidence> evidence, List<Claim> claims, string? commit)
    {
        var refs = new List<string>();
        var used = new List<DocumentReferences.DocumentReference>();
        foreach (var declaration in cell.Declarations)
        {
            refs.Add(AddDeclaration(declaration, evidence, commit));
            foreach (var reference in documents.Where(d => d.SystemId == system.Id && d.Kind == declaration.Kind && d.DeclaredAt == (declaration.Source?.ToString() ?? string.Empty)))
            {
                var documentRef = "evidence:document:" + reference.Path + "@" + reference.DeclaredAt;
                if (!evidence.ContainsKey(documentRef))
                {
                    evidence[documentRef] = new Evidence(documentRef,
                        "Document referenced by [" + reference.Kind + "]." + reference.Property + " at " + reference.DeclaredAt + ", hashed when the pack was written: " + reference.Path,
                        [("path", reference.Path!), ("sha256", reference.Sha256!), ("referencedBy", "[" + reference.Kind + "]." + reference.Property + " = " + reference.Reference), ("declaredAt", reference.DeclaredAt)],
                        DateOf(declaration), null);
                }

                refs.Add(documentRef);
                used.Add(reference);
            }
        }

        var kinds = string.Join(", ", cell.Declarations.Select(d => "[" + d.Kind + "]").Distinct(StringComparer.Ordinal));
        var rules = string.Join(", ", Coverage.RulesOf(control));
        claims.Add(new Claim(claimRef, systemRef,
            subject + " declares in code the evidence for " + Display(control) + " that the rules " + rules + " check: " + kinds,
            "No finding of " + rules + " is open, baselined or exempted for the system and the declarations are present. The rules check that declarations exist, are complete and are not stale; they do not assess the process or the documents the declarations describe.",
            refs.Distinct(StringComparer.Ordinal).ToList(), [], [], used));
        return new MapEntry(RequirementRef(control), claimRef, Met: true, Score: null,
            "Evidenced in code as far as the rules check (" + kinds + "). No score: the tool does not judge the organisational process behind the declarations.", []);
    }

    private static MapEntry NotMet(Control control, CoverageCell cell, string targetRef, string claimRef, string subject, string? systemId, InventoryDocument document,
        IReadOnlyDictionary<FindingRecord, string> findingRefs, SortedDictionary<string, Evidence> evidence, List<Claim> claims)
    {
        var counter = new List<string>();
        foreach (var finding in cell.Findings)
        {
            var findingRef = findingRefs[finding];
            evidence[findingRef] = new Evidence(findingRef,
                "Finding " + finding.RuleId + " (" + finding.State + ", " + finding.Severity + ") of the analysis: " + finding.Message,
                Data(("ruleId", finding.RuleId), ("severity", finding.Severity), ("state", finding.State), ("message", finding.Message),
                    ("location", finding.Source?.ToString()), ("symbolId", finding.SymbolId), ("project", finding.Project), ("commit", document.Commit)),
                IsoDate(document.EvaluationDate), null);
            counter.Add(findingRef);
        }

        var mitigations = new List<string>();
        if (cell.Status == CoverageStatus.Exempted)
        {
            foreach (var exemption in document.Exemptions.Where(e => e.State == "active" && cell.Findings.Any(f => f.RuleId == e.RuleId) && (systemId is null || e.Systems.Contains(systemId))))
            {
                var exemptionRef = "evidence:exemption:" + exemption.RuleId + "@" + (exemption.Source?.ToString() ?? exemption.Target);
                evidence[exemptionRef] = new Evidence(exemptionRef,
                    "Risk acceptance: [PolicyExemption(\"" + exemption.RuleId + "\")] on " + exemption.Target + (exemption.Source is { } at ? " at " + at : string.Empty),
                    Data(("ruleId", exemption.RuleId), ("target", exemption.Target), ("justification", exemption.Justification), ("approvedBy", exemption.ApprovedBy),
                        ("expires", exemption.Expires), ("state", exemption.State), ("declaredAt", exemption.Source?.ToString()), ("commit", document.Commit)),
                    null, IsoDate(exemption.Expires));
                mitigations.Add(exemptionRef);
            }
        }

        var rules = string.Join(", ", cell.Rules);
        var exempted = cell.Status == CoverageStatus.Exempted;
        claims.Add(new Claim(claimRef, targetRef,
            subject + " does not evidence " + Display(control) + " in code: " + rules + " report" + (cell.Rules.Count == 1 ? "s" : string.Empty) + " the evidence missing" + (exempted ? "; the gap is an accepted risk" : string.Empty),
            exempted
                ? "The findings are suppressed by an active [PolicyExemption] (a risk acceptance with approver and expiry): the requirement is not met, the risk is accepted."
                : "The findings are open or baselined: the requirement is not claimed as met.",
            [], counter, mitigations, []));
        return new MapEntry(RequirementRef(control), claimRef, Met: false, Score: 0,
            (exempted ? "Not met; risk accepted: " : "Not met as far as code shows: ") + cell.Findings.Count.ToString(CultureInfo.InvariantCulture) + " finding(s) of " + rules + " report the evidence missing.",
            mitigations);
    }

    private static string AddDeclaration(DeclarationRecord declaration, SortedDictionary<string, Evidence> evidence, string? commit)
    {
        var at = declaration.Source is { } source ? source.Path + ":" + source.Line.ToString(CultureInfo.InvariantCulture) + ":" + source.Column.ToString(CultureInfo.InvariantCulture) : declaration.Target;
        var reference = "evidence:declaration:" + declaration.Kind + "@" + at;
        if (!evidence.ContainsKey(reference))
        {
            var data = new List<(string, string)> { ("kind", declaration.Kind), ("target", declaration.Target) };
            if (declaration.Source != null)
            {
                data.Add(("declaredAt", declaration.Source.ToString()));
            }

            if (commit != null)
            {
                data.Add(("commit", commit));
            }

            data.AddRange(declaration.Values.Select(v => (declaration.Kind + "." + v.Key, v.Value)));
            evidence[reference] = new Evidence(reference,
                "[" + declaration.Kind + "] declared in source code on " + declaration.Target + (declaration.Source is { } s ? " at " + s : string.Empty) + (commit != null ? " (commit " + commit + ")" : string.Empty),
                data, DateOf(declaration), null);
        }

        return reference;
    }

    /// <summary>The date a declaration states for itself (EvaluatedOn, AssessedOn, AcquiredOn), as a CycloneDX date-time; null when it states none.</summary>
    private static string? DateOf(DeclarationRecord declaration)
    {
        foreach (var key in (string[])["EvaluatedOn", "AssessedOn", "AcquiredOn"])
        {
            if (declaration.Values.TryGetValue(key, out var value) && IsoDate(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static string? IsoDate(string? value) =>
        value != null && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value + "T00:00:00Z" : null;

    /// <summary>A stable bom-ref per finding: rule and location, "#2", "#3" for findings at the same place.</summary>
    private static Dictionary<FindingRecord, string> FindingRefs(InventoryDocument document)
    {
        var result = new Dictionary<FindingRecord, string>(ReferenceEqualityComparer.Instance);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in document.Findings)
        {
            var at = finding.Source is { } s ? s.Path + ":" + s.Line.ToString(CultureInfo.InvariantCulture) + ":" + s.Column.ToString(CultureInfo.InvariantCulture) : finding.SymbolId ?? string.Empty;
            var key = "evidence:finding:" + finding.RuleId + "@" + at + (finding.SystemId is { } system ? "/" + system : string.Empty);
            seen[key] = seen.TryGetValue(key, out var n) ? n + 1 : 1;
            result[finding] = seen[key] == 1 ? key : key + "#" + seen[key].ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static List<(string, string)> Data(params (string Name, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => (v.Name, v.Value!)).ToList();

    private static string Display(Control control) => ControlCatalogue.DisplayName(control.Framework) + " " + control.Id + " (" + control.Title + ")";

    /// <summary>A repository-relative path as a relative URI reference (each segment percent-encoded).</summary>
    private static string PathUrl(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static void WriteRefs(Utf8JsonWriter json, string name, IReadOnlyList<string> refs)
    {
        if (refs.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var reference in refs)
        {
            json.WriteStringValue(reference);
        }

        json.WriteEndArray();
    }
}
