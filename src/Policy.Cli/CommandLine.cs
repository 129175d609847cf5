using System.CommandLine;
using System.Globalization;
using Policy.Cli.Commands;

namespace Policy.Cli;

/// <summary>The verbs: check, inventory, evidence, baseline.</summary>
public static class CommandLine
{
    /// <summary>Parses and runs.</summary>
    public static int Run(string[] args)
    {
        var path = new Argument<string>("path") { Description = "A .sln/.slnx, a .csproj, or a folder holding exactly one of them." };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluation date (yyyy-MM-dd) for staleness and exemption expiry. Default: the build's date (check, inventory, baseline); for evidence: SOURCE_DATE_EPOCH, else the commit date, else today." };
        var format = new Option<string>("--format") { Description = "Output on stdout: table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress on stderr." };
        var property = new Option<string[]>("--property", "-p") { Description = "MSBuild property for loading projects, as Name=Value (repeatable), e.g. -p Configuration=Release." };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the evidence pack into (created; replaced atomically).", Required = true };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run 'dotnet restore' before loading (for CI jobs that restored already). A project never restored is then analysed with its references unresolved, and the coverage says so." };
        var requireBuild = new Option<bool>("--require-build") { Description = "Refuse partial analysis: exit 2 and write nothing when a project does not restore, load or compile cleanly." };
        var force = new Option<bool>("--force") { Description = "Rewrite the baseline from today's findings instead of only removing entries that no longer match." };

        var check = new Command("check", "Reports the findings, like the build. Exit 0: none at error severity; 1: some; 2: bad input.") { path, asOf, format, quiet, property, noRestore, requireBuild };
        check.SetAction((result, ct) => Execute(() => new CheckCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild)).RunAsync(ct)));

        var inventory = new Command("inventory", "Lists the AI systems with owner, risk, declarations and components.") { path, asOf, format, quiet, property, noRestore, requireBuild };
        inventory.SetAction((result, ct) => Execute(() => new InventoryCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild)).RunAsync(ct)));

        var evidence = new Command("evidence", "Writes the audit evidence pack (inventory.json, inventory.csv, controls.md, findings.sarif, aibom.cdx.json, report.html, manifest.json).") { path, output, asOf, quiet, property, noRestore, requireBuild };
        evidence.SetAction((result, ct) => Execute(() => new EvidenceCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild), result.GetValue(output)!).RunAsync(ct)));

        var baseline = new Command("baseline", "Writes policy.baseline.txt beside each project from today's findings, or shrinks an existing one.") { path, asOf, quiet, property, noRestore, requireBuild, force };
        baseline.SetAction((result, ct) => Execute(() => new BaselineCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild), result.GetValue(force)).RunAsync(ct)));

        var root = new RootCommand("policy: AI governance policy-as-code for C#. Checks a solution and writes the audit evidence pack (ISO/IEC 42001, ISO/IEC 27001:2022, EU AI Act).")
        {
            check, inventory, evidence, baseline,
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine("policy: " + error.Message);
            }

            Console.Error.WriteLine("Run 'policy --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke();
    }

    private static CommonOptions Options(ParseResult result, Argument<string> path, Option<string?> asOf, Option<string> format, Option<bool> quiet, Option<string[]> property, Option<bool> noRestore, Option<bool> requireBuild)
    {
        DateTime? date = null;
        var raw = result.GetValue(asOf);
        if (raw != null)
        {
            if (!DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new UsageException($"--as-of '{raw}' is not a yyyy-MM-dd date, for example --as-of 2026-11-27.");
            }

            date = parsed;
        }

        var properties = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in result.GetValue(property) ?? [])
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
            {
                throw new UsageException($"--property '{item}' is not Name=Value, for example -p Configuration=Release.");
            }

            properties[item[..equals].Trim()] = item[(equals + 1)..].Trim();
        }

        return new CommonOptions(result.GetValue(path)!, date, result.GetValue(format) ?? "table", result.GetValue(quiet), properties)
        {
            NoRestore = result.GetValue(noRestore),
            RequireBuild = result.GetValue(requireBuild),
        };
    }

    private static Task<int> Execute(Func<Task<int>> run)
    {
        return Guarded(run);

        static async Task<int> Guarded(Func<Task<int>> run)
        {
            try
            {
                return await run().ConfigureAwait(false);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine("policy: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Policy.Evidence.EvidenceException e)
            {
                Console.Error.WriteLine("policy: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("policy: cancelled; nothing was written.");
                return ExitCodes.BadInput;
            }
        }
    }
}

/// <summary>Options every verb shares.</summary>
public sealed record CommonOptions(string Path, DateTime? AsOf, string Format, bool Quiet, IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>--no-restore: load without running dotnet restore first.</summary>
    public bool NoRestore { get; init; }

    /// <summary>--require-build: exit 2 (nothing written) when the analysis would be partial.</summary>
    public bool RequireBuild { get; init; }
}
