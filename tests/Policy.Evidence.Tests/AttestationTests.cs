using System.Security.Cryptography;
using System.Text.Json;
using Policy.Evidence.Writers;
using Policy.Inventory;
using Policy.Model.Controls;

namespace Policy.Evidence.Tests;

/// <summary>The AI-BOM's definitions.standards and declarations (attestations, claims, evidence): derived from the coverage matrix, never re-decided.</summary>
public sealed class AttestationTests
{
    private static JsonElement Bom(InventoryDocument document, EvidenceContext? context = null)
    {
        using var stream = new MemoryStream();
        new CycloneDxWriter().Write(document, context ?? Write.Context, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static JsonElement Declarations(JsonElement bom) => bom.GetProperty("declarations");

    private static JsonElement Attestation(JsonElement bom, string systemId) =>
        Declarations(bom).GetProperty("attestations").EnumerateArray().Single(a => a.GetProperty("summary").GetString()!.Contains("AI system '" + systemId + "'", StringComparison.Ordinal));

    private static JsonElement? Entry(JsonElement attestation, string tag) =>
        attestation.GetProperty("map").EnumerateArray().Where(m => m.GetProperty("requirement").GetString() == "requirement:" + tag).Select(m => (JsonElement?)m).SingleOrDefault();

    private static JsonElement Claim(JsonElement bom, string bomRef) =>
        Declarations(bom).GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == bomRef);

    private static JsonElement Evidence(JsonElement bom, string bomRef) =>
        Declarations(bom).GetProperty("evidence").EnumerateArray().Single(c => c.GetProperty("bom-ref").GetString() == bomRef);

    private static List<string> Refs(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(r => r.GetString()!).ToList() : [];

    private static Dictionary<string, string> Data(JsonElement evidence) =>
        evidence.GetProperty("data").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("contents").GetProperty("attachment").GetProperty("content").GetString()!);

    [Fact]
    public async Task Bom_with_declarations_is_valid_CycloneDX_1_6()
    {
        foreach (var document in new[] { Documents.Realistic(), Documents.Hostile() })
        {
            var bom = Write.Text(new CycloneDxWriter(), document);
            Assert.Contains("\"declarations\"", bom, StringComparison.Ordinal);
            var errors = Schemas.Errors(await Schemas.CycloneDx, bom);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Fact]
    public void Standards_define_the_requirements_the_rules_map_to_with_ids_and_titles()
    {
        var standards = Bom(Documents.Realistic()).GetProperty("definitions").GetProperty("standards").EnumerateArray().ToList();
        Assert.Equal(["standard:ISO42001", "standard:ISO27001", "standard:EUAIA"], standards.Select(s => s.GetProperty("bom-ref").GetString()));
        Assert.Equal(["ISO/IEC 42001", "ISO/IEC 27001", "EU AI Act"], standards.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["2023", "2022", "Regulation (EU) 2024/1689"], standards.Select(s => s.GetProperty("version").GetString()));
        Assert.All(standards, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("owner").GetString())));

        var iso42001 = standards[0].GetProperty("requirements").EnumerateArray().ToList();
        Assert.Equal(Coverage.Controls(Framework.Iso42001).Select(c => c.Id), iso42001.Select(r => r.GetProperty("identifier").GetString()));
        var oversight = iso42001.Single(r => r.GetProperty("identifier").GetString() == "A.9.2");
        Assert.Equal("requirement:ISO42001:A.9.2", oversight.GetProperty("bom-ref").GetString());
        Assert.Equal("Processes for responsible use of AI systems", oversight.GetProperty("title").GetString());
        Assert.Contains("POL002", oversight.GetProperty("descriptions")[0].GetString());
        Assert.Contains(standards[2].GetProperty("requirements").EnumerateArray(), r => r.GetProperty("identifier").GetString() == "Art. 14");

        // Only requirements some rule maps to: an organisational control (A.2.2 AI policy) is not defined, so never claimed.
        Assert.DoesNotContain(iso42001, r => r.GetProperty("identifier").GetString() == "A.2.2");
    }

    [Fact]
    public void Every_reference_resolves_and_every_bom_ref_is_unique()
    {
        foreach (var document in new[] { Documents.Realistic(), Documents.Hostile() })
        {
            var bom = Bom(document);
            var text = bom.GetRawText();
            var refs = new List<string>();
            Collect(bom, refs);
            Assert.Equal(refs.Count, refs.Distinct(StringComparer.Ordinal).Count());
            var known = refs.Append("application:" + document.Input).ToHashSet(StringComparer.Ordinal);
            var declarations = Declarations(bom);
            foreach (var attestation in declarations.GetProperty("attestations").EnumerateArray())
            {
                Assert.Contains(attestation.GetProperty("assessor").GetString()!, known);
                foreach (var entry in attestation.GetProperty("map").EnumerateArray())
                {
                    Assert.Contains(entry.GetProperty("requirement").GetString()!, known);
                    Assert.All(Refs(entry, "claims").Concat(Refs(entry, "counterClaims")).Concat(Refs(entry.GetProperty("conformance"), "mitigationStrategies")), r => Assert.Contains(r, known));
                }
            }

            foreach (var claim in declarations.GetProperty("claims").EnumerateArray())
            {
                Assert.Contains(claim.GetProperty("target").GetString()!, known);
                Assert.All(Refs(claim, "evidence").Concat(Refs(claim, "counterEvidence")).Concat(Refs(claim, "mitigationStrategies")), r => Assert.Contains(r, known));
            }
        }
    }

    /// <summary>
    /// One truth: for every system and requirement, a requirement is claimed as met only when no finding (open,
    /// baselined or exempted) of a rule that maps to it exists for the system; otherwise it is a counter-claim with
    /// conformance 0 whose counter-evidence names exactly those findings.
    /// </summary>
    [Fact]
    public void A_requirement_a_finding_reports_missing_is_never_claimed_as_met()
    {
        var document = Documents.Realistic();
        var bom = Bom(document);
        foreach (var system in document.Systems)
        {
            var attestation = Attestation(bom, system.Id);
            foreach (var framework in new[] { Framework.Iso42001, Framework.Iso27001, Framework.EuAiAct })
            {
                foreach (var control in Coverage.Controls(framework))
                {
                    var rules = Coverage.RulesOf(control);
                    var findings = document.Findings.Where(f => f.SystemId == system.Id && rules.Contains(f.RuleId)).ToList();
                    var entry = Entry(attestation, control.Tag);
                    if (findings.Count == 0)
                    {
                        Assert.True(entry is null || Refs(entry.Value, "counterClaims").Count == 0, $"{system.Id} {control.Tag}: counter-claim without a finding");
                        continue;
                    }

                    Assert.True(entry is not null, $"{system.Id} {control.Tag}: a finding, but no attestation entry");
                    Assert.Empty(Refs(entry!.Value, "claims"));
                    Assert.Equal(0, entry.Value.GetProperty("conformance").GetProperty("score").GetDouble());
                    var claim = Claim(bom, Assert.Single(Refs(entry.Value, "counterClaims")));
                    Assert.Empty(Refs(claim, "evidence"));
                    var counter = Refs(claim, "counterEvidence").Select(r => Data(Evidence(bom, r))).ToList();
                    // Open or baselined findings make the gap; only when all are exempted is it an accepted risk.
                    var behind = findings.Any(f => f.State != "exempted") ? findings.Where(f => f.State != "exempted") : findings;
                    Assert.Equal(behind.Select(f => f.RuleId + "@" + f.Source), counter.Select(d => d["ruleId"] + "@" + d["location"]));
                }
            }
        }
    }

    [Fact]
    public void Missing_oversight_is_a_counter_claim_with_the_finding_as_counter_evidence()
    {
        var bom = Bom(Documents.Realistic());
        var entry = Entry(Attestation(bom, "support-chat"), "ISO42001:A.9.2")!.Value;
        Assert.False(entry.TryGetProperty("claims", out _));
        Assert.Equal(0, entry.GetProperty("conformance").GetProperty("score").GetDouble());
        var claim = Claim(bom, Refs(entry, "counterClaims").Single());
        Assert.Equal("ai-system:support-chat", claim.GetProperty("target").GetString());
        Assert.Contains("does not evidence", claim.GetProperty("predicate").GetString());
        var finding = Evidence(bom, Refs(claim, "counterEvidence").Single());
        var data = Data(finding);
        Assert.Equal("POL002", data["ruleId"]);
        Assert.Equal("open", data["state"]);
        Assert.Equal("src/Api/Governance/Support.cs:15", data["location"]);
        Assert.Equal("2026-11-27T00:00:00Z", finding.GetProperty("created").GetString()); // the evaluation date: when the analysis judged it

        // A stale bias evaluation (POL004 open) is not claimed either, although [BiasEvaluation] is declared.
        var stale = Entry(Attestation(bom, "loan-underwriting"), "ISO42001:A.6.2.4")!.Value;
        Assert.False(stale.TryGetProperty("claims", out _));
        Assert.Equal("POL004", Data(Evidence(bom, Refs(Claim(bom, Refs(stale, "counterClaims").Single()), "counterEvidence").Single()))["ruleId"]);
    }

    [Fact]
    public void Exempted_gap_is_a_counter_claim_mitigated_by_the_risk_acceptance()
    {
        var bom = Bom(Documents.Realistic());
        var entry = Entry(Attestation(bom, "support-chat"), "ISO42001:A.3.2")!.Value; // POL007, exempted
        Assert.False(entry.TryGetProperty("claims", out _));
        var conformance = entry.GetProperty("conformance");
        Assert.Equal(0, conformance.GetProperty("score").GetDouble());
        Assert.StartsWith("Not met; risk accepted", conformance.GetProperty("rationale").GetString());
        var exemption = Evidence(bom, Refs(conformance, "mitigationStrategies").Single());
        Assert.Equal("CISO (ciso@example.com)", Data(exemption)["approvedBy"]);
        Assert.Equal("2027-03-31T00:00:00Z", exemption.GetProperty("expires").GetString());
        var claim = Claim(bom, Refs(entry, "counterClaims").Single());
        Assert.Equal(Refs(conformance, "mitigationStrategies"), Refs(claim, "mitigationStrategies"));
        Assert.Equal("exempted", Data(Evidence(bom, Refs(claim, "counterEvidence").Single()))["state"]);
    }

    [Fact]
    public void Evidenced_requirement_is_a_claim_backed_by_the_declaration_with_file_line_commit_and_its_own_date()
    {
        var bom = Bom(Documents.Realistic());
        var attestation = Attestation(bom, "loan-underwriting");
        var entry = Entry(attestation, "ISO42001:A.5.3")!.Value; // impact assessment present, nothing open
        Assert.False(entry.TryGetProperty("counterClaims", out _));
        Assert.False(entry.GetProperty("conformance").TryGetProperty("score", out _)); // no score: the tool does not judge the process
        var claim = Claim(bom, Refs(entry, "claims").Single());
        Assert.Equal("ai-system:loan-underwriting", claim.GetProperty("target").GetString());
        var declaration = Evidence(bom, Refs(claim, "evidence").Single());
        var data = Data(declaration);
        Assert.Equal("ImpactAssessment", data["kind"]);
        Assert.Equal("src/Underwriting/Governance/Underwriting.cs:22", data["declaredAt"]);
        Assert.Equal("3f2a9c1d0b8e7f6a5c4d3e2f1a0b9c8d7e6f5a4b", data["commit"]);
        Assert.Equal("docs/assessments/loan-underwriting-aiia.md", data["ImpactAssessment.Reference"]);
        Assert.Equal("2026-08-14T00:00:00Z", declaration.GetProperty("created").GetString()); // AssessedOn, not the generation date

        // Oversight states no date of its own: no created (the BOM's timestamp is the generation date, kept apart).
        var oversight = Claim(bom, Refs(Entry(attestation, "ISO42001:A.9.2")!.Value, "claims").Single());
        var oversightEvidence = Evidence(bom, Refs(oversight, "evidence").Single());
        Assert.False(oversightEvidence.TryGetProperty("created", out _));

        // Another evaluation date moves the findings' dates and the BOM's timestamp, never a declaration's own date.
        var later = Documents.Realistic();
        later.EvaluationDate = "2027-01-15";
        var laterBom = Bom(later);
        Assert.Equal("2027-01-15T00:00:00Z", laterBom.GetProperty("metadata").GetProperty("timestamp").GetString());
        Assert.Equal("2026-08-14T00:00:00Z", Evidence(laterBom, declaration.GetProperty("bom-ref").GetString()!).GetProperty("created").GetString());
    }

    [Fact]
    public void Referenced_document_is_evidence_with_its_SHA_256()
    {
        var root = Path.Combine(Path.GetTempPath(), "policy-attestation-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var bytes = "# Credit review\n\nA credit officer confirms every recommendation.\n"u8.ToArray();
            Directory.CreateDirectory(Path.Combine(root, "docs", "procedures"));
            File.WriteAllBytes(Path.Combine(root, "docs", "procedures", "credit-review.md"), bytes);
            var sha256 = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

            var bom = Bom(Documents.Realistic(), new EvidenceContext(root, []));
            var claim = Claim(bom, Refs(Entry(Attestation(bom, "loan-underwriting"), "ISO42001:A.9.2")!.Value, "claims").Single());
            var reference = claim.GetProperty("externalReferences").EnumerateArray().Single();
            Assert.Equal("evidence", reference.GetProperty("type").GetString());
            Assert.Equal("docs/procedures/credit-review.md", reference.GetProperty("url").GetString());
            var hash = reference.GetProperty("hashes").EnumerateArray().Single();
            Assert.Equal("SHA-256", hash.GetProperty("alg").GetString());
            Assert.Equal(sha256, hash.GetProperty("content").GetString());

            var document = Refs(claim, "evidence").Select(r => Evidence(bom, r)).Single(e => e.GetProperty("bom-ref").GetString()!.StartsWith("evidence:document:", StringComparison.Ordinal));
            Assert.Equal(sha256, Data(document)["sha256"]);
            Assert.Equal("docs/procedures/credit-review.md", Data(document)["path"]);

            // Without the file there is nothing to hash: no document evidence, no external reference.
            var unresolved = Bom(Documents.Realistic());
            var bare = Claim(unresolved, Refs(Entry(Attestation(unresolved, "loan-underwriting"), "ISO42001:A.9.2")!.Value, "claims").Single());
            Assert.False(bare.TryGetProperty("externalReferences", out _));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Findings_outside_any_system_are_counter_claims_of_the_application()
    {
        var bom = Bom(Documents.Realistic());
        var application = Declarations(bom).GetProperty("attestations").EnumerateArray().Single(a => a.GetProperty("summary").GetString()!.Contains("outside its declared AI systems", StringComparison.Ordinal));
        var entry = Entry(application, "ISO42001:A.4.2")!.Value; // POL001: undeclared AI use
        var claim = Claim(bom, Refs(entry, "counterClaims").Single());
        Assert.Equal("application:src/Contoso.Lending.sln", claim.GetProperty("target").GetString());
        var rules = Refs(claim, "counterEvidence").Select(r => Data(Evidence(bom, r))["ruleId"]).ToList();
        Assert.Contains("POL001", rules);
        Assert.DoesNotContain(application.GetProperty("map").EnumerateArray(), m => m.TryGetProperty("claims", out _));
    }

    [Fact]
    public void Assessor_is_an_automated_self_assessment()
    {
        var assessor = Declarations(Bom(Documents.Realistic())).GetProperty("assessors").EnumerateArray().Single();
        Assert.False(assessor.GetProperty("thirdParty").GetBoolean());
        Assert.Contains("Automated self-assessment", assessor.GetProperty("organization").GetProperty("name").GetString());
        Assert.Contains("0.1.11-alpha", assessor.GetProperty("organization").GetProperty("name").GetString());
    }

    [Fact]
    public void Nothing_to_claim_means_no_declarations_but_the_standards_are_defined()
    {
        var bom = Bom(new InventoryDocument { Input = "app.csproj" });
        Assert.False(bom.TryGetProperty("declarations", out _));
        Assert.Equal(3, bom.GetProperty("definitions").GetProperty("standards").GetArrayLength());
    }

    [Fact]
    public async Task Golden_AI_BOMs_with_declarations_are_valid_CycloneDX_1_6()
    {
        var expected = Path.Combine(RepositoryRoot(), "tests", "Policy.Cli.Tests", "Golden", "expected");
        var files = Directory.GetFiles(expected, "aibom.cdx.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Contains("\"attestations\"", text, StringComparison.Ordinal);
            var errors = Schemas.Errors(await Schemas.CycloneDx, text);
            Assert.True(errors.Count == 0, file + ":\n" + string.Join("\n", errors));
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Policy.Analyzers.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Policy.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Collect(JsonElement element, List<string> refs)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "bom-ref")
                {
                    refs.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, refs);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, refs);
            }
        }
    }
}
