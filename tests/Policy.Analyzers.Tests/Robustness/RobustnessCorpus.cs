using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Policy.Analyzers.Tests.Infrastructure;

namespace Policy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The inputs the robustness suite mutates: every C# file of samples/ (compiled as their project, with the
    /// implicit usings the SDK would add) and every C# test input of this test project (the raw strings the verifier
    /// tests compile, markup removed), each compiled on its own.
    /// </summary>
    public static class RobustnessCorpus
    {
        /// <summary>The global usings the SDK generates for an ASP.NET Core project with ImplicitUsings enabled.</summary>
        public const string WebGlobalUsings = """
            global using global::Microsoft.AspNetCore.Builder;
            global using global::Microsoft.AspNetCore.Hosting;
            global using global::Microsoft.AspNetCore.Http;
            global using global::Microsoft.AspNetCore.Routing;
            global using global::Microsoft.Extensions.Configuration;
            global using global::Microsoft.Extensions.DependencyInjection;
            global using global::Microsoft.Extensions.Hosting;
            global using global::Microsoft.Extensions.Logging;
            global using global::System;
            global using global::System.Collections.Generic;
            global using global::System.IO;
            global using global::System.Linq;
            global using global::System.Net.Http;
            global using global::System.Net.Http.Json;
            global using global::System.Threading;
            global using global::System.Threading.Tasks;
            """;

        private static readonly Lazy<ImmutableArray<CorpusProject>> ProjectsLazy = new Lazy<ImmutableArray<CorpusProject>>(Load);

        /// <summary>The projects, sorted by name: each sample as one project, each test input as a one-file project.</summary>
        public static ImmutableArray<CorpusProject> Projects => ProjectsLazy.Value;

        /// <summary>The sample projects only.</summary>
        public static IEnumerable<CorpusProject> Samples => Projects.Where(p => p.IsSample);

        /// <summary>Removes Microsoft.CodeAnalysis.Testing markup: <c>{|#0:x|}</c>, <c>{|POL001:x|}</c>, <c>[|x|]</c>.</summary>
        public static string StripMarkup(string text)
        {
            text = Regex.Replace(text, @"\{\|[^:|{}]*:", string.Empty);
            return text.Replace("|}", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty);
        }

        private static ImmutableArray<CorpusProject> Load()
        {
            var projects = new List<CorpusProject>();
            foreach (var csproj in Directory.GetFiles(RepositoryPaths.Combine("samples"), "*.csproj", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
            {
                var directory = Path.GetDirectoryName(csproj)!;
                var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                    .Where(p => !IsBuildOutput(directory, p))
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => new CorpusFile(Relative(p), File.ReadAllText(p)))
                    .ToList();
                var web = File.ReadAllText(csproj).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal);
                var kind = files.Any(f => f.Path.EndsWith("Program.cs", StringComparison.Ordinal)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
                var implicitFiles = web ? new[] { new CorpusFile(Relative(Path.Combine(directory, "obj", "GlobalUsings.g.cs")), WebGlobalUsings) } : Array.Empty<CorpusFile>();
                projects.Add(new CorpusProject(Relative(csproj), files.ToImmutableArray(), implicitFiles.ToImmutableArray(), kind, isSample: true));
            }

            var testRoot = RepositoryPaths.Combine("tests", "Policy.Analyzers.Tests");
            foreach (var path in Directory.GetFiles(testRoot, "*.cs", SearchOption.AllDirectories)
                         .Where(p => !IsBuildOutput(testRoot, p) && !p.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                         .OrderBy(p => p, StringComparer.Ordinal))
            {
                var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path).GetRoot();
                var index = 0;
                foreach (var token in root.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) &&
                        !token.IsKind(SyntaxKind.StringLiteralToken))
                    {
                        continue;
                    }

                    var text = token.ValueText;
                    if (text.Length < 20 || !(text.Contains("class ", StringComparison.Ordinal) || text.Contains("[assembly", StringComparison.Ordinal) ||
                                              text.Contains("struct ", StringComparison.Ordinal) || text.Contains("interface ", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    var name = Relative(path) + "#" + index++;
                    var file = new CorpusFile("/src/" + Path.GetFileNameWithoutExtension(path) + index + ".cs", StripMarkup(text));
                    var kind = LooksLikeProgram(file.Text) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
                    projects.Add(new CorpusProject(name, ImmutableArray.Create(file), ImmutableArray<CorpusFile>.Empty, kind, isSample: false));
                }
            }

            return projects.ToImmutableArray();
        }

        private static bool LooksLikeProgram(string text)
        {
            var root = CSharpSyntaxTree.ParseText(text, PolicyAnalysis.ParseOptions).GetRoot();
            return root.ChildNodes().Any(n => n.IsKind(SyntaxKind.GlobalStatement));
        }

        private static bool IsBuildOutput(string root, string path)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) ||
                   relative.StartsWith(".packages/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) ||
                   relative.Contains("/obj/", StringComparison.Ordinal);
        }

        private static string Relative(string path) => "/" + Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
    }

    /// <summary>One source file.</summary>
    public sealed class CorpusFile
    {
        /// <summary>Creates a file.</summary>
        public CorpusFile(string path, string text)
        {
            Path = path;
            Text = text;
        }

        /// <summary>Its path (repository-relative, starting with '/').</summary>
        public string Path { get; }

        /// <summary>Its text.</summary>
        public string Text { get; }
    }

    /// <summary>A set of files compiled together.</summary>
    public sealed class CorpusProject
    {
        /// <summary>Creates a project.</summary>
        public CorpusProject(string name, ImmutableArray<CorpusFile> files, ImmutableArray<CorpusFile> implicitFiles, OutputKind outputKind, bool isSample)
        {
            Name = name;
            Files = files;
            ImplicitFiles = implicitFiles;
            OutputKind = outputKind;
            IsSample = isSample;
        }

        /// <summary>The project file, or the test file and the index of the input in it.</summary>
        public string Name { get; }

        /// <summary>The files that are mutated.</summary>
        public ImmutableArray<CorpusFile> Files { get; }

        /// <summary>Files the SDK would add (implicit global usings); never mutated.</summary>
        public ImmutableArray<CorpusFile> ImplicitFiles { get; }

        /// <summary>Library or executable.</summary>
        public OutputKind OutputKind { get; }

        /// <summary>True for a project of samples/.</summary>
        public bool IsSample { get; }

        /// <summary>The project's files with one of them replaced by <paramref name="text"/>.</summary>
        public IEnumerable<(string Path, string Text)> With(int fileIndex, string text) =>
            Files.Select((f, i) => (f.Path, i == fileIndex ? text : f.Text)).Concat(ImplicitFiles.Select(f => (f.Path, f.Text)));

        /// <summary>The project's files as they are.</summary>
        public IEnumerable<(string Path, string Text)> Original => With(-1, string.Empty);

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
