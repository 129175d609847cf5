using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
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
        /// False when nothing in the compilation can be an AI type: it references only shared-framework assemblies and
        /// configures no <c>policy.ai_types</c> or <c>policy.ai_namespaces</c> (globally or for any file).
        /// </summary>
        public static bool MayUseAi(Compilation compilation, AnalyzerOptions options)
        {
            if (ReferencedTypes.ReferencesAnyNonPlatformAssembly(compilation))
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

            return false;
        }

        /// <summary>
        /// False when the compilation cannot hold Policy.Annotations declarations: it references only shared-framework
        /// assemblies and does not declare the attributes in its own source.
        /// </summary>
        public static bool MayDeclare(Compilation compilation) =>
            ReferencedTypes.ReferencesAnyNonPlatformAssembly(compilation) ||
            compilation.Assembly.GetTypeByMetadataName(PolicyAttributes.AiSystemMetadataName) != null;

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

        private static bool ConfiguresAiTypes(AnalyzerConfigOptions options) =>
            (options.TryGetValue(PolicySettings.AiTypesKey, out var types) && !string.IsNullOrWhiteSpace(types)) ||
            (options.TryGetValue(PolicySettings.AiNamespacesKey, out var namespaces) && !string.IsNullOrWhiteSpace(namespaces));
    }
}
