using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Catalogue
{
    /// <summary>
    /// Finds types by metadata name in the assemblies a compilation references, cheaply. Compilation.GetTypesByMetadataName
    /// asks every referenced assembly for every name, which makes each of them build namespace symbols (100+ ms per
    /// compilation with the .NET and ASP.NET reference packs). An assembly's namespace names (the identifiers that make
    /// up its namespaces) come straight from its metadata, shared between compilations, so an assembly is asked for a
    /// type only when every segment of the type's namespace occurs in it.
    /// </summary>
    public static class ReferencedTypes
    {
        /// <summary>The namespace at <paramref name="path"/> (name segments) under <paramref name="root"/>, or null.</summary>
        public static INamespaceSymbol? Namespace(INamespaceSymbol root, IReadOnlyList<string> path)
        {
            var current = root;
            foreach (var part in path)
            {
                INamespaceSymbol? next = null;
                foreach (var member in current.GetMembers(part))
                {
                    if (member is INamespaceSymbol child)
                    {
                        next = child;
                        break;
                    }
                }

                if (next is null)
                {
                    return null;
                }

                current = next;
            }

            return current;
        }

        /// <summary>Calls <paramref name="found"/> for each (name, type) with a type of that metadata name in a referenced assembly, in reference order.</summary>
        public static void Find(Compilation compilation, IReadOnlyList<string> metadataNames, Action<string, INamedTypeSymbol> found)
        {
            var byNamespace = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var namespaces = new List<(string Name, string[] Segments)>();
            foreach (var name in metadataNames)
            {
                var ns = NamespaceOf(name);
                if (!byNamespace.TryGetValue(ns, out var names))
                {
                    byNamespace.Add(ns, names = new List<string>());
                    namespaces.Add((ns, ns.Length == 0 ? Array.Empty<string>() : ns.Split('.')));
                }

                names.Add(name);
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (IsPlatformAssembly(assembly.Identity.Name))
                {
                    continue; // Never an AI SDK; skipping it spares reading its namespace names (the cold-start cost).
                }

                var assemblyNamespaces = assembly.NamespaceNames;
                foreach (var (ns, segments) in namespaces)
                {
                    if (!ContainsAll(assemblyNamespaces, segments))
                    {
                        continue;
                    }

                    foreach (var name in byNamespace[ns])
                    {
                        if (assembly.GetTypeByMetadataName(name) is { } type)
                        {
                            found(name, type);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// True when the compilation references an assembly outside the shared frameworks. Decided on the file names of
        /// the external references (and project references' assembly names) alone: <see cref="Compilation.ReferencedAssemblyNames"/>
        /// and <see cref="Compilation.References"/> make the compiler bind every reference first, which in a cold compiler
        /// at compilation start costs ~100 ms, charged to the analyzer that asked. An unknown kind counts as non-platform;
        /// <c>#r</c> directives (scripts) are not external references, so a script compilation is always looked at closer.
        /// </summary>
        public static bool ReferencesAnyNonPlatformAssembly(Compilation compilation)
        {
            if (compilation.Options.ScriptClassName is { Length: > 0 } && compilation.SyntaxTrees.Any(t => t.Options.Kind == SourceCodeKind.Script))
            {
                return true;
            }

            foreach (var reference in compilation.ExternalReferences)
            {
                var name = reference switch
                {
                    PortableExecutableReference file => System.IO.Path.GetFileNameWithoutExtension(file.FilePath ?? file.Display ?? string.Empty),
                    CompilationReference project => project.Compilation.AssemblyName ?? string.Empty,
                    _ => string.Empty,
                };
                if (name.Length == 0 || !IsPlatformAssembly(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True for an assembly of the .NET and ASP.NET Core shared frameworks (the reference packs every project
        /// references): none of them declares an AI SDK type or the Policy.Annotations attributes. Decided on the
        /// assembly name alone, so that a compilation which references nothing else exits without reading any
        /// assembly's metadata. Microsoft.Extensions.* counts only for the framework's own families (Configuration,
        /// Logging, ...): Microsoft.Extensions.AI and Microsoft.Extensions.ML are SDKs.
        /// </summary>
        public static bool IsPlatformAssembly(string name)
        {
            if (name == "mscorlib" || name == "netstandard" || name == "System" || name == "WindowsBase" ||
                name == "Microsoft.CSharp" || name == "Microsoft.VisualBasic" || name == "Microsoft.VisualBasic.Core" ||
                name == "Microsoft.JSInterop" || name == "Microsoft.Net.Http.Headers")
            {
                return true;
            }

            if (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) ||
                name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
            {
                return true;
            }

            const string Extensions = "Microsoft.Extensions.";
            if (!name.StartsWith(Extensions, StringComparison.Ordinal))
            {
                return false;
            }

            var end = name.IndexOf('.', Extensions.Length);
            var family = end < 0 ? name.Substring(Extensions.Length) : name.Substring(Extensions.Length, end - Extensions.Length);
            return Array.BinarySearch(PlatformExtensionFamilies, family, StringComparer.Ordinal) >= 0;
        }

        // The Microsoft.Extensions families of the shared frameworks (sorted ordinally for the binary search).
        private static readonly string[] PlatformExtensionFamilies =
        {
            "Caching", "Configuration", "DependencyInjection", "Diagnostics", "Features", "FileProviders", "FileSystemGlobbing",
            "Hosting", "Http", "Identity", "Localization", "Logging", "ObjectPool", "Options", "Primitives", "Validation", "WebEncoders",
        };

        /// <summary>True when the assembly's namespace identifiers include every segment (one loop, no LINQ: this runs per reference).</summary>
        public static bool ContainsAll(ICollection<string> namespaceNames, string[] segments)
        {
            foreach (var segment in segments)
            {
                if (!namespaceNames.Contains(segment))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when a referenced assembly or the compilation's own source declares a type of this metadata name.</summary>
        public static bool Exists(Compilation compilation, string metadataName)
        {
            if (compilation.Assembly.GetTypeByMetadataName(metadataName) != null)
            {
                return true;
            }

            var exists = false;
            Find(compilation, new[] { metadataName }, (_, _) => exists = true);
            return exists;
        }

        /// <summary>The namespace of a metadata name: <c>TorchSharp.torch+nn+Module</c> is in <c>TorchSharp</c>.</summary>
        public static string NamespaceOf(string metadataName)
        {
            var plus = metadataName.IndexOf('+');
            var topLevel = plus < 0 ? metadataName : metadataName.Substring(0, plus);
            var dot = topLevel.LastIndexOf('.');
            return dot < 0 ? string.Empty : topLevel.Substring(0, dot);
        }
    }
}
