using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Policy.Model.Baseline;
using Policy.Model.Catalogue;
using Policy.Model.Declarations;
using Policy.Model.Settings;

namespace Policy.Model
{
    /// <summary>
    /// The questions each analyzer asks first, at compilation start, answered from assembly names, configuration keys
    /// and file names only: in a compilation that references nothing but the shared framework (most projects of a
    /// solution) the analyzers register nothing without building the per-compilation <see cref="PolicyContext"/>, the
    /// catalogue or any settings, so a cold compiler does not even JIT them. A true answer only means "look closer".
    /// </summary>
    public static class PolicyGate
    {
        /// <summary>
        /// False when nothing in the compilation can be an AI type: it references only shared-framework assemblies,
        /// configures no <c>policy.ai_types</c> or <c>policy.ai_namespaces</c> (globally or for any file) and no file
        /// imports an AI SDK namespace (which, unresolved, would make a suspected use).
        /// </summary>
        public static bool MayUseAi(Compilation compilation, AnalyzerOptions options)
        {
            var facts = Facts.Get(compilation);
            if (facts.ReferencesNonPlatform)
            {
                return true;
            }

            var provider = options.AnalyzerConfigOptionsProvider;
            if (ConfiguresAiTypes(provider.GlobalOptions))
            {
                return true;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (ConfiguresAiTypes(provider.GetOptions(tree)))
                {
                    return true;
                }
            }

            // Code whose packages did not resolve (never restored, restore failed) references only the framework but may
            // still name AI SDK types: a file that imports an AI SDK namespace opens the suspected-use path (syntax only).
            return facts.ImportsAiNamespace;
        }

        /// <summary>
        /// False when the compilation cannot hold Policy.Annotations declarations: it references only shared-framework
        /// assemblies and does not declare the attributes in its own source.
        /// </summary>
        /// <remarks>
        /// The source check reads syntax only: a file that declares the namespace Policy.Annotations (a copy of the
        /// attributes compiled into the project). Asking the compiler for the type instead would make it build its
        /// declarations first, which at compilation start in a cold compiler costs tens of milliseconds.
        /// </remarks>
        public static bool MayDeclare(Compilation compilation)
        {
            var facts = Facts.Get(compilation);
            return facts.ReferencesNonPlatform || facts.DeclaresAnnotations;
        }

        /// <summary>
        /// The answers that depend on the compilation alone, computed once per compilation: each analyzer asks at its own
        /// compilation start, and in a project without AI (where every analyzer asks and then registers nothing) the syntax
        /// scans would otherwise run once per analyzer.
        /// </summary>
        private sealed class Facts
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Facts> Cache =
                new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Facts>();

            private readonly Compilation _compilation;
            private readonly Catalogue.Once<bool> _referencesNonPlatform;
            private readonly Catalogue.Once<bool> _importsAiNamespace;
            private readonly Catalogue.Once<bool> _declaresAnnotations;

            private Facts(Compilation compilation)
            {
                _compilation = compilation;
                _referencesNonPlatform = new Catalogue.Once<bool>(() => ReferencedTypes.ReferencesAnyNonPlatformAssembly(_compilation), Catalogue.OnceMode.Publication);
                _importsAiNamespace = new Catalogue.Once<bool>(() => Catalogue.UnresolvedAiNames.ImportsAiNamespace(_compilation), Catalogue.OnceMode.Publication);
                _declaresAnnotations = new Catalogue.Once<bool>(() => DeclaresAnnotationsNamespace(_compilation), Catalogue.OnceMode.Publication);
            }

            public bool ReferencesNonPlatform => _referencesNonPlatform.Value;

            public bool ImportsAiNamespace => _importsAiNamespace.Value;

            public bool DeclaresAnnotations => _declaresAnnotations.Value;

            public static Facts Get(Compilation compilation) => Cache.GetValue(compilation, c => new Facts(c));
        }

        /// <summary>True when a <c>policy.baseline.txt</c> is among the additional files (by name).</summary>
        public static bool HasBaselineFile(AnalyzerOptions options)
        {
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(Path.GetFileName(file.Path), PolicyBaseline.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresAnnotationsNamespace(Compilation compilation)
        {
            // Two lists as one stack: a stack of tuples is framework code over a value type, JIT-compiled in every build.
            var nodes = new System.Collections.Generic.List<SyntaxNode>();
            var prefixes = new System.Collections.Generic.List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                nodes.Add(tree.GetRoot());
                prefixes.Add(string.Empty);
                while (nodes.Count > 0)
                {
                    var node = nodes[nodes.Count - 1];
                    var prefix = prefixes[prefixes.Count - 1];
                    nodes.RemoveAt(nodes.Count - 1);
                    prefixes.RemoveAt(prefixes.Count - 1);
                    var members = node switch
                    {
                        CompilationUnitSyntax unit => unit.Members,
                        BaseNamespaceDeclarationSyntax ns => ns.Members,
                        _ => default,
                    };
                    foreach (var member in members)
                    {
                        if (member is BaseNamespaceDeclarationSyntax ns)
                        {
                            var name = prefix + ns.Name.ToString().Replace(" ", string.Empty);
                            if (name == PolicyAttributes.Namespace || name == "global::" + PolicyAttributes.Namespace)
                            {
                                return true;
                            }

                            if (PolicyAttributes.Namespace.StartsWith(name + ".", StringComparison.Ordinal))
                            {
                                nodes.Add(ns);
                                prefixes.Add(name + ".");
                            }
                        }
                    }
                }
            }

            return false;
        }

        private static bool ConfiguresAiTypes(AnalyzerConfigOptions options) =>
            (options.TryGetValue(PolicySettings.AiTypesKey, out var types) && !string.IsNullOrWhiteSpace(types)) ||
            (options.TryGetValue(PolicySettings.AiNamespacesKey, out var namespaces) && !string.IsNullOrWhiteSpace(namespaces));
    }
}
