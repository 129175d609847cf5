using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.References;
using NJsonSchema.Validation;

namespace Policy.Evidence.Tests;

/// <summary>The official schemas (tests/schemas, copied beside the test assembly), loaded once, never from the network.</summary>
internal static class Schemas
{
    private static readonly Lazy<Task<JsonSchema>> CycloneDxSchema = new(() => Load(Path.Combine("cyclonedx-1.6", "bom-1.6.schema.json")));
    private static readonly Lazy<Task<JsonSchema>> SarifSchema = new(() => Load(Path.Combine("sarif", "sarif-schema-2.1.0.json")));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "schemas");

    public static Task<JsonSchema> CycloneDx => CycloneDxSchema.Value;

    public static Task<JsonSchema> Sarif => SarifSchema.Value;

    /// <summary>Validation errors, flattened (oneOf/anyOf children included) into readable lines.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        // Strings stay strings (no date parsing), so "format" checks see the text as written.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var token = JToken.ReadFrom(reader);
        var errors = schema.Validate(token);
        var lines = new List<string>();
        Flatten(errors, lines, string.Empty);
        return lines;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> lines, string indent)
    {
        foreach (var error in errors)
        {
            lines.Add(indent + error.Kind + " at " + error.Path + " (line " + error.LineNumber + ")");
            if (error is ChildSchemaValidationError child)
            {
                foreach (var (_, nested) in child.Errors)
                {
                    Flatten(nested, lines, indent + "  ");
                }
            }
            else if (error is MultiTypeValidationError multi)
            {
                foreach (var (_, nested) in multi.Errors)
                {
                    Flatten(nested, lines, indent + "  ");
                }
            }
        }
    }

    private static async Task<JsonSchema> Load(string relative)
    {
        var path = Path.Combine(Folder, relative);
        return await JsonSchema.FromFileAsync(path, schema => new LocalResolver(schema, Path.GetDirectoryName(path)!)).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves the schemas' external references (bom-1.6 refers to spdx.schema.json and jsf-0.82.schema.json, by
    /// relative path or through its http $id) to the files beside it; anything else fails instead of going online.
    /// </summary>
    private sealed class LocalResolver(JsonSchema root, string folder)
        : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        private static readonly string[] Known = ["spdx.schema.json", "jsf-0.82.schema.json"];

        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            await LoadLocal(filePath, cancellationToken).ConfigureAwait(false);

        public override async Task<IJsonReference> ResolveUrlReferenceAsync(string url, CancellationToken cancellationToken = default) =>
            await LoadLocal(url, cancellationToken).ConfigureAwait(false);

        private async Task<JsonSchema> LoadLocal(string reference, CancellationToken cancellationToken)
        {
            var name = reference.Split('#')[0].Replace('\\', '/').Split('/')[^1];
            if (!Known.Contains(name))
            {
                throw new InvalidOperationException("Schema reference '" + reference + "' is not one of the local schema files; the tests never fetch schemas online.");
            }

            var path = Path.Combine(folder, name);
            return await JsonSchema.FromFileAsync(path, schema => new LocalResolver(schema, folder), cancellationToken).ConfigureAwait(false);
        }
    }
}
