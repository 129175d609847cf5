using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Policy.Cli.Tests;

/// <summary>
/// The assemblies form layers (docs/design.md): Annotations and Model at the bottom; the analyzers and code fixes
/// on the model; Model &lt;- Inventory &lt;- Evidence/Cli. Read from the built assemblies' reference tables, so a
/// project reference that nothing uses does not count and a reference that slipped in through a package does.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string, string, string[], string[]> Layers() => new()
    {
        // assembly, target framework, Policy.* assemblies it may reference, assembly-name prefixes it must not reference
        { "Policy.Annotations", "netstandard2.0", [], ["Microsoft.CodeAnalysis"] },
        { "Policy.Model", "netstandard2.0", [], ["Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces"] },
        { "Policy.Analyzers", "netstandard2.0", ["Policy.Model"], ["Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces"] },
        { "Policy.Analyzers.CodeFixes", "netstandard2.0", ["Policy.Model", "Policy.Analyzers"], [] },
        { "Policy.Inventory", "netstandard2.0", ["Policy.Model"], ["Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces"] },
        { "Policy.Evidence", "net10.0", ["Policy.Model", "Policy.Inventory"], ["Microsoft.CodeAnalysis"] },
        { "policy", "net10.0", ["Policy.Model", "Policy.Analyzers", "Policy.Inventory", "Policy.Evidence"], [] },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Assembly_ReferencesOnlyItsLowerLayers(string assembly, string framework, string[] allowed, string[] forbidden)
    {
        var project = assembly == "policy" ? "Policy.Cli" : assembly;
        var path = Path.Combine(CliRunner.Root, "src", project, "bin", CliRunner.Configuration, framework, assembly + ".dll");
        Assert.True(File.Exists(path), "not built: " + path);
        var references = References(path);
        var policy = references.Where(r => r.StartsWith("Policy.", StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal).ToList();
        Assert.All(policy, r => Assert.True(allowed.Contains(r), $"{assembly} references {r}; it may reference only {string.Join(", ", allowed.DefaultIfEmpty("no Policy assembly"))}"));
        Assert.All(references, r => Assert.False(forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal)), $"{assembly} references {r}"));
    }

    private static List<string> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
