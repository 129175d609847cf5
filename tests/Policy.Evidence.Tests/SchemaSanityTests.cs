namespace Policy.Evidence.Tests;

/// <summary>The validators are not vacuous: they reject broken documents, and the CycloneDX schema's external references (SPDX ids) are loaded.</summary>
public sealed class SchemaSanityTests
{
    [Fact]
    public async Task CycloneDx_schema_rejects_an_unknown_component_type_and_a_bad_serial_number()
    {
        const string json = """{"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:not-a-uuid","version":1,"components":[{"type":"ai-thing","name":"x"}]}""";
        var errors = Schemas.Errors(await Schemas.CycloneDx, json);
        Assert.Contains(errors, e => e.Contains("serialNumber", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("components[0].type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CycloneDx_schema_resolves_spdx_schema_json_beside_it()
    {
        const string valid = """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","licenses":[{"license":{"id":"MIT"}}]}]}""";
        const string invalid = """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","licenses":[{"license":{"id":"NOT-AN-SPDX-ID"}}]}]}""";
        Assert.Empty(Schemas.Errors(await Schemas.CycloneDx, valid));
        Assert.NotEmpty(Schemas.Errors(await Schemas.CycloneDx, invalid));
    }

    [Fact]
    public async Task Sarif_schema_rejects_a_result_without_message_and_a_bad_level()
    {
        const string json = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"POL001","level":"fatal"}]}]}""";
        var errors = Schemas.Errors(await Schemas.Sarif, json);
        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.Contains("level", StringComparison.Ordinal) || e.Contains("message", StringComparison.Ordinal));
    }
}
