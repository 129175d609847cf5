using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;

namespace Policy.Model.Detection
{
    /// <summary>
    /// The names <see cref="AiReach"/> needs from an AI-related assembly, read from its metadata tables rather than through
    /// symbols (which would make the compiler build a symbol for every type of the assembly): the names of the types the
    /// source can write (top-level, public, or internal when the assembly grants access), and the member names of the
    /// static classes of the namespaces in scope (extension methods, and the members of C# 14 extension blocks).
    /// </summary>
    internal static class MetadataNames
    {
        private const TypeAttributes StaticClass = TypeAttributes.Abstract | TypeAttributes.Sealed;

        /// <summary>False when the assembly is not read from a file (the caller then reads its symbols).</summary>
        public static bool Add(Compilation compilation, IAssemblySymbol assembly, HashSet<string> namespacesInScope, AiReach.Builder builder)
        {
            if (compilation.GetMetadataReference(assembly) is not PortableExecutableReference file || file.GetMetadata() is not AssemblyMetadata metadata)
            {
                return false;
            }

            var internals = assembly.GivesAccessTo(compilation.Assembly);
            foreach (var module in metadata.GetModules())
            {
                var reader = module.GetMetadataReader();
                foreach (var handle in reader.TypeDefinitions)
                {
                    var type = reader.GetTypeDefinition(handle);
                    var visibility = type.Attributes & TypeAttributes.VisibilityMask;
                    if (!(visibility == TypeAttributes.Public || (internals && visibility == TypeAttributes.NotPublic)))
                    {
                        continue; // Nested types are named through their container; others cannot be named at all.
                    }

                    var name = reader.GetString(type.Name);
                    builder.AddType(AiReach.SimpleName(name));
                    if ((type.Attributes & StaticClass) == StaticClass && namespacesInScope.Contains(reader.GetString(type.Namespace)))
                    {
                        AddExtensions(reader, type, internals, builder);
                        if (builder.OffReason != null)
                        {
                            return true;
                        }
                    }
                }
            }

            return true;
        }

        private static void AddExtensions(MetadataReader reader, TypeDefinition type, bool internals, AiReach.Builder builder)
        {
            foreach (var handle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(handle);
                var access = method.Attributes & MethodAttributes.MemberAccessMask;
                if ((method.Attributes & MethodAttributes.Static) == 0 || !(access == MethodAttributes.Public || (internals && access is MethodAttributes.Assembly or MethodAttributes.FamORAssem)))
                {
                    continue;
                }

                var name = reader.GetString(method.Name);
                if (AiReach.IsImplicit(name) && IsExtension(reader, method))
                {
                    builder.OffReason ??= "an AI-related assembly declares an extension named " + name;
                    return;
                }

                builder.AddMember(name);
            }

            foreach (var nestedHandle in type.GetNestedTypes())
            {
                // A C# 14 extension block: a nested grouping type whose members are the extension members as written.
                var nested = reader.GetTypeDefinition(nestedHandle);
                if (!reader.GetString(nested.Name).StartsWith("<G>$", System.StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var handle in nested.GetMethods())
                {
                    var name = reader.GetString(reader.GetMethodDefinition(handle).Name);
                    if (AiReach.IsImplicit(name))
                    {
                        builder.OffReason ??= "an AI-related assembly declares an extension member named " + name;
                        return;
                    }

                    builder.AddMember(name);
                }

                foreach (var handle in nested.GetProperties())
                {
                    var name = reader.GetString(reader.GetPropertyDefinition(handle).Name);
                    if (AiReach.IsImplicit(name))
                    {
                        builder.OffReason ??= "an AI-related assembly declares an extension member named " + name;
                        return;
                    }

                    builder.AddMember(name);
                }
            }
        }

        private static bool IsExtension(MetadataReader reader, MethodDefinition method)
        {
            foreach (var handle in method.GetCustomAttributes())
            {
                var constructor = reader.GetCustomAttribute(handle).Constructor;
                StringHandle typeName = default;
                if (constructor.Kind == HandleKind.MemberReference)
                {
                    var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                    if (parent.Kind == HandleKind.TypeReference)
                    {
                        typeName = reader.GetTypeReference((TypeReferenceHandle)parent).Name;
                    }
                }
                else if (constructor.Kind == HandleKind.MethodDefinition)
                {
                    typeName = reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType()).Name;
                }

                if (!typeName.IsNil && reader.StringComparer.Equals(typeName, "ExtensionAttribute"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
