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
        var error = Console.Error;
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
            error.WriteLine($"policy: warning: partial analysis: {partial.Count} of {coverage.Projects.Count} project(s) not fully analysed; AI uses in code that did not bind are reported as suspected, and AI use the tool could not see is missing:");
            foreach (var project in partial)
            {
                error.WriteLine($"  {project.Path}: {PolicyRun.StatusWords(project)}");
            }

            error.WriteLine("policy: use --require-build to refuse partial evidence; fix the restore or build for a complete inventory.");
        }
    }
}
