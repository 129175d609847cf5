using System;
using System.IO;
using Xunit;

namespace Policy.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Golden (checked-in, generated) files. The one switch to regenerate them all: run the tests with
    /// <c>POLICY_UPDATE_GOLDEN=1</c> (CONTRIBUTING.md), then review the diff like code.
    /// </summary>
    public static class Golden
    {
        /// <summary>The environment variable that makes golden-file tests rewrite their files instead of comparing.</summary>
        public const string UpdateVariable = "POLICY_UPDATE_GOLDEN";

        /// <summary>True when the tests should rewrite the golden files.</summary>
        public static bool Update => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

        /// <summary>Compares <paramref name="actual"/> with the file byte for byte (or rewrites it under the switch).</summary>
        public static void Verify(string path, string actual)
        {
            if (Update)
            {
                File.WriteAllText(path, actual);
                return;
            }

            Assert.True(File.Exists(path), $"missing golden file {path}: run the tests with {UpdateVariable}=1 and review the diff");
            var expected = File.ReadAllText(path);
            Assert.True(expected == actual, $"{path} is out of date: run the tests with {UpdateVariable}=1 and review the diff.\n--- expected\n{expected}\n--- actual\n{actual}");
        }
    }
}
