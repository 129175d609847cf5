using Policy.Cli.Loading;
using Policy.Evidence;

namespace Policy.Cli.Output;

/// <summary>
/// The console's last lines (stderr): what the run analysed, per project, and a warning naming the projects analysed
/// only partly, so that no partial inventory reads as complete. The per-project lines are left out with --quiet; the
/// warning never is.
/// </summary>
public static class CoverageReport
{
    /// <summary>Writes the coverage to stderr.</summary>
    public static void Write(AnalysisCoverage coverage, bool quiet)
    {
        var error = new Escaped(Console.Error);
        if (!quiet)
        {
            var (analysed, total) = coverage.SourceFiles;
            error.WriteLine($"policy: coverage: restore {coverage.Restore}; {coverage.Projects.Count} project(s); {analysed}/{total} source file(s) analysed.");
            foreach (var note in coverage.Notes)
            {
                error.WriteLine("policy: note: " + note);
            }

            foreach (var project in coverage.Projects)
            {
                error.WriteLine("  " + project.Describe());
            }
        }

        if (coverage.Restore == "failed")
        {
            error.WriteLine("policy: warning: dotnet restore failed (" + (coverage.RestoreErrors.FirstOrDefault() ?? "see dotnet restore") + "); the analysis continued with what resolved.");
        }

        var partial = coverage.Partial.ToList();
        if (partial.Count > 0)
        {
            // The last lines: which projects are partial, then the verdict.
            foreach (var project in partial)
            {
                error.WriteLine($"policy: warning: project '{project.Path}' was not analysed completely ({PolicyRun.StatusWords(project)}).");
            }

            error.WriteLine($"policy: warning: the analysis is partial: {partial.Count} of {coverage.Projects.Count} project(s) not analysed completely; AI use in code that did not bind is reported as suspected, AI use the tool could not see is missing (--require-build refuses partial evidence).");
        }
    }

    /// <summary>Every line from user data (paths, reasons, compiler messages) goes out with control characters escaped.</summary>
    private sealed class Escaped(TextWriter inner)
    {
        public void WriteLine(string line) => inner.WriteLine(SafeText.Escape(line.ReplaceLineEndings(" ")));
    }
}
