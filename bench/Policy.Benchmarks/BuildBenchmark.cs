using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Policy.Benchmarks;

/// <summary>
/// Out-of-process measurement, the way the issue defines the targets: the corpus written as a project on disk and
/// built with <c>dotnet build --no-incremental -p:ReportAnalyzer=true -v:d</c>. One build carries Policy.Analyzers,
/// the no-op analyzer and Meziantou.Analyzer together (so all three are timed by the same compiler on the same code in
/// the same run); the paired build has <c>RunAnalyzers=false</c> and gives the compile time (the Csc task). Builds
/// alternate A B A B. The compiler runs cold in each build (UseSharedCompilation=false), like the reference figures.
/// </summary>
public static class BuildBenchmark
{
    public const string MeziantouVersion = "3.0.321";

    /// <summary>Measure the IL DLLs even where ReadyToRun images were made (<c>--il</c>).</summary>
    public static bool PreferIl { get; set; }

    /// <summary>
    /// Where the measured Policy.Analyzers.dll and Policy.Model.dll come from: the ReadyToRun images that this project's
    /// build makes next to its output (bin/.../r2r/, eng/ReadyToRun.targets: the form the package ships on linux-x64)
    /// when they exist, else the IL copies.
    /// </summary>
    public static string AnalyzerDirectory
    {
        get
        {
            var r2r = Path.Combine(AppContext.BaseDirectory, "r2r");
            return !PreferIl && File.Exists(Path.Combine(r2r, "Policy.Analyzers.dll")) && File.Exists(Path.Combine(r2r, "Policy.Model.dll"))
                ? r2r
                : AppContext.BaseDirectory;
        }
    }

    public static string AnalyzerForm => AnalyzerDirectory == AppContext.BaseDirectory
        ? "IL (" + (PreferIl ? "--il" : "no ReadyToRun images next to the benchmark: not linux-x64") + ")"
        : "ReadyToRun images (bin/.../r2r/, as the package ships them on linux-x64; --il measures the IL copies)";

    public sealed record Result(string Corpus, int Round, double CscWithoutAnalyzers, double CscWithAnalyzers, double TotalAnalyzers, IReadOnlyDictionary<string, double> ByAssembly, IReadOnlyDictionary<string, double> ByAnalyzer);

    /// <summary>Writes the corpus project (files + csproj) into <paramref name="directory"/>.</summary>
    public static void WriteProject(string directory, IReadOnlyList<(string Path, string Text)> files, bool withAi)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var bin = AppContext.BaseDirectory;
        var ai = withAi
            ? $"""
                <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />
                <PackageReference Include="Microsoft.ML" Version="5.0.1" />
                <Reference Include="Policy.Annotations" HintPath="{Path.Combine(bin, "Policy.Annotations.dll")}" />
              """
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "Corpus.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591;NU1603;NU1608;NU1701</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <UseSharedCompilation>false</UseSharedCompilation>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
            {ai}
              </ItemGroup>
              <ItemGroup Condition="'$(WithPolicy)' == 'true'">
                <Analyzer Include="{Path.Combine(AnalyzerDirectory, "Policy.Analyzers.dll")}" />
                <Analyzer Include="{Path.Combine(AnalyzerDirectory, "Policy.Model.dll")}" />
                <CompilerVisibleProperty Include="PolicyEvaluationDate" />
                <CompilerVisibleProperty Include="PolicyBenchmarkAnalyses" />
              </ItemGroup>
              <PropertyGroup Condition="'$(WithPolicy)' == 'true'">
                <PolicyEvaluationDate>2026-11-27</PolicyEvaluationDate>
              </PropertyGroup>
              <ItemGroup Condition="'$(WithNoop)' == 'true'">
                <Analyzer Include="{Path.Combine(bin, "Policy.Benchmarks.NoopAnalyzer.dll")}" />
              </ItemGroup>
              <ItemGroup>
                <!-- NuGet picks the build of Meziantou.Analyzer that matches the compiler (analyzers/dotnet/roslyn5.9). -->
                <PackageReference Include="Meziantou.Analyzer" Version="{MeziantouVersion}" PrivateAssets="all" />
              </ItemGroup>
              <Target Name="DropMeziantou" BeforeTargets="CoreCompile" Condition="'$(WithMeziantou)' != 'true'">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="$([System.String]::Copy('%(Identity)').Contains('meziantou.analyzer'))" />
                </ItemGroup>
              </Target>
            </Project>
            """);

        // Keep the repository's (or any parent's) Directory.Build.* and global.json out of the measurement.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
    }

    public static void Restore(string directory) => Run(directory, "restore", "-nologo", "-v:q");

    /// <summary>One round: A = RunAnalyzers=false, B = all three analyzer sets with ReportAnalyzer.</summary>
    public static Result Round(string directory, string corpus, int round, bool withAi)
    {
        var a = Run(directory, "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-v:n", "-clp:PerformanceSummary", "-p:RunAnalyzers=false");
        var b = Run(directory, "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-v:d", "-clp:PerformanceSummary",
            "-p:ReportAnalyzer=true", "-p:WithPolicy=true", "-p:WithNoop=true", "-p:WithMeziantou=true");
        return Parse(corpus, round, a, b);
    }

    /// <summary>
    /// One build of Policy.Analyzers alone with only <paramref name="analysis"/> enabled (the benchmark's switch,
    /// <see cref="Policy.Model.PolicyAnalysisSwitch.SwitchKey"/>), paired with its own A build.
    /// </summary>
    public static Result AnalysisRound(string directory, string corpus, int round, Policy.Model.PolicyAnalyses analysis)
    {
        var a = Run(directory, "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-v:n", "-clp:PerformanceSummary", "-p:RunAnalyzers=false");
        var b = Run(directory, "build", "--no-restore", "--no-incremental", "-nologo", "-nodeReuse:false", "-v:d", "-clp:PerformanceSummary",
            "-p:ReportAnalyzer=true", "-p:WithPolicy=true", "-p:PolicyBenchmarkAnalyses=" + analysis);
        return Parse(corpus, round, a, b);
    }

    private static Result Parse(string corpus, int round, string a, string b)
    {
        var byAssembly = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var byAnalyzer = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        foreach (var line in b.Split('\n'))
        {
            var trimmed = line.Trim();
            var totalMatch = Regex.Match(trimmed, @"^Total analyzer execution time: ([\d.]+) seconds");
            if (totalMatch.Success)
            {
                total = double.Parse(totalMatch.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }

            var row = Regex.Match(trimmed, @"^(<?[\d.]+)\s+<?\d+\s+([^,]+), Version=");
            if (row.Success)
            {
                var seconds = row.Groups[1].Value.StartsWith('<') ? 0.0005 : double.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
                byAssembly[row.Groups[2].Value] = byAssembly.GetValueOrDefault(row.Groups[2].Value) + seconds;
                continue;
            }

            // The analyzer rows under an assembly: "   0.412   2      Policy.Analyzers.AiInventoryAnalyzer".
            var analyzer = Regex.Match(trimmed, @"^(<?[\d.]+)\s+<?\d+\s+(Policy\.Analyzers\.\w+)( \(.*\))?$");
            if (analyzer.Success)
            {
                var seconds = analyzer.Groups[1].Value.StartsWith('<') ? 0.0005 : double.Parse(analyzer.Groups[1].Value, CultureInfo.InvariantCulture);
                var name = analyzer.Groups[2].Value["Policy.Analyzers.".Length..];
                byAnalyzer[name] = byAnalyzer.GetValueOrDefault(name) + seconds;
            }
        }

        return new Result(corpus, round, CscSeconds(a), CscSeconds(b), total, byAssembly, byAnalyzer);
    }

    private static double CscSeconds(string log)
    {
        // Task Performance Summary:   "     3456 ms  Csc                                        1 calls"
        var match = Regex.Matches(log, @"^\s*(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Multiline).LastOrDefault();
        return match is null ? double.NaN : int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
    }

    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        var text = output.ToString();
        File.WriteAllText(Path.Combine(directory, "last-" + arguments[0] + ".log"), text);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {directory}:\n{text[^Math.Min(text.Length, 4000)..]}");
        }

        return text;
    }
}
