using System;
using System.IO;

namespace Policy.Analyzers.Tests.Infrastructure
{
    /// <summary>Finds files of the repository from the test output folder.</summary>
    public static class RepositoryPaths
    {
        /// <summary>The repository root (the folder holding Policy.Analyzers.sln).</summary>
        public static string Root { get; } = FindRoot();

        /// <summary>A path under the root.</summary>
        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Policy.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Policy.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
