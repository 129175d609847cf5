using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Policy.Evidence;
using Policy.Cli.Commands;

namespace Policy.Cli;

/// <summary>The verbs: check, inventory, evidence, baseline, diff, merge.</summary>
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
        var output = new Option<string>("--out", "-o") { Description = "Folder for the evidence pack: new, empty, or an earlier pack (replaced atomically; anything else is refused).", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "On a failure, also print the details (exception type and stack trace) after the one-line message.", Recursive = true };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run 'dotnet restore' before loading (for CI jobs that restored already). A project never restored is then analysed with its references unresolved, and the coverage says so." };
        var requireBuild = new Option<bool>("--require-build") { Description = "Refuse partial analysis: exit 2 and write nothing when a project does not restore, load or compile cleanly." };
        var force = new Option<bool>("--force") { Description = "Rewrite the baseline from today's findings instead of only removing entries that no longer match." };

        var check = new Command("check", "Reports the findings, like the build. Exit 0: none at error severity; 1: some; 2: bad input.") { path, asOf, format, quiet, property, noRestore, requireBuild };
        check.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new CheckCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild)).RunAsync(ct)));

        var inventory = new Command("inventory", "Lists the AI systems with owner, risk, declarations and components.") { path, asOf, format, quiet, property, noRestore, requireBuild };
        inventory.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new InventoryCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild)).RunAsync(ct)));

        var evidence = new Command("evidence", "Writes the audit evidence pack (inventory.json, inventory.csv, controls.md, findings.sarif, aibom.cdx.json, report.html, manifest.json).") { path, output, asOf, quiet, property, noRestore, requireBuild };
        evidence.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new EvidenceCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild), result.GetValue(output)!).RunAsync(ct)));

        var baseline = new Command("baseline", "Writes policy.baseline.txt beside each project from today's findings, or shrinks an existing one.") { path, asOf, quiet, property, noRestore, requireBuild, force };
        baseline.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new BaselineCommand(Options(result, path, asOf, format, quiet, property, noRestore, requireBuild), result.GetValue(force)).RunAsync(ct)));

        var inputs = new Argument<string[]>("inputs") { Description = "Two evidence packs (folders or manifest.json files), old then new; or, with --from/--to, one .sln/.slnx, .csproj or folder in a git repository.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string?>("--from") { Description = "Old git revision (with --to): both are checked out into temporary worktrees and analysed like 'policy evidence'." };
        var to = new Option<string?>("--to") { Description = "New git revision (with --from)." };
        var diffFormat = new Option<string>("--format") { Description = "Output on stdout: table (default), md (a pull request comment) or json (docs/schemas/diff.schema.json).", DefaultValueFactory = _ => "table" };
        diffFormat.AcceptOnlyFromAmong("table", "md", "json");
        var diff = new Command("diff", "Lists the governance-relevant changes between two evidence packs or two git revisions. Exit 0: no changes; 1: changes; 2: bad input.") { inputs, from, to, diffFormat, asOf, quiet, property, noRestore, requireBuild };
        diff.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new DiffCommand(
            Options(result, path: null, asOf, diffFormat, quiet, property, noRestore, requireBuild), result.GetValue(inputs) ?? [], result.GetValue(from), result.GetValue(to)).RunAsync(ct)));

        var packs = new Argument<string[]>("packs") { Description = "The evidence packs (folders or manifest.json files) to merge, at least two.", Arity = ArgumentArity.OneOrMore };
        var mergeOutput = new Option<string>("--out", "-o") { Description = "Folder for the merged pack: new, empty, or an earlier pack (replaced atomically; anything else is refused).", Required = true };
        var merge = new Command("merge", "Merges many repositories' evidence packs into one organisation-wide pack. Exit 0: written; 1: written, with system id conflicts; 2: bad input.") { packs, mergeOutput, quiet };
        merge.SetAction((result, ct) => Execute(result.GetValue(verbose), () => new MergeCommand(result.GetValue(packs) ?? [], result.GetValue(mergeOutput)!, result.GetValue(quiet)).RunAsync(ct)));

        var root = new RootCommand("policy: AI governance policy-as-code for C#. Checks a solution and writes the audit evidence pack (ISO/IEC 42001, ISO/IEC 27001:2022, EU AI Act).")
        {
            check, inventory, evidence, baseline, diff, merge, verbose,
        };

        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = new EscapingWriter(Console.Out), Error = new EscapingWriter(Console.Error) };
        if (parse.Errors.Count > 0)
        {
            var verb = parse.CommandResult.Command is RootCommand ? "policy" : "policy " + parse.CommandResult.Command.Name;
            if (parse.Errors.Count > MaxParseErrors)
            {
                // Twenty thousand stray arguments are not twenty thousand lines.
                foreach (var error in parse.Errors.Take(MaxParseErrors))
                {
                    configuration.Error.WriteLine(error.Message);
                }

                configuration.Error.WriteLine($"... and {parse.Errors.Count - MaxParseErrors} more errors. Run '{verb} --help' for usage.");
                return ExitCodes.BadInput;
            }

            // System.CommandLine's own handling (errors and "did you mean" suggestions); the usage is one line away.
            if (parse.Action is ParseErrorAction action)
            {
                action.ShowHelp = false;
                action.ShowTypoCorrections = true;
            }

            parse.Invoke(configuration);
            configuration.Error.WriteLine($"Run '{verb} --help' for usage.");
            return ExitCodes.BadInput;
        }

        return parse.Invoke(configuration);
    }

    private const int MaxParseErrors = 3;

    private static CommonOptions Options(ParseResult result, Argument<string>? path, Option<string?> asOf, Option<string> format, Option<bool> quiet, Option<string[]> property, Option<bool> noRestore, Option<bool> requireBuild)
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

        return new CommonOptions(path is null ? string.Empty : result.GetValue(path)!, date, result.GetValue(format) ?? "table", result.GetValue(quiet), properties)
        {
            NoRestore = result.GetValue(noRestore),
            RequireBuild = result.GetValue(requireBuild),
        };
    }

    /// <summary>Runs a verb: every failure is one line on stderr and a documented exit code (details with --verbose).</summary>
    private static async Task<int> Execute(bool verbose, Func<Task<int>> run)
    {
        try
        {
            // Fault injection for the out-of-process test of the top-level handler (tests/Policy.Cli.Tests).
            if (Environment.GetEnvironmentVariable("POLICY_TEST_FAULT") == "internal")
            {
                throw new InvalidOperationException("fault injected by POLICY_TEST_FAULT");
            }

            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (e is UsageException or EvidenceException)
        {
            return Fail(verbose, e, e.Message, ExitCodes.BadInput);
        }
        catch (OperationCanceledException e)
        {
            return Fail(verbose, e, "cancelled; no evidence pack or baseline was written.", ExitCodes.Cancelled);
        }
        catch (Exception e)
        {
            return Fail(verbose, e, InternalError(e, verbose), ExitCodes.InternalError);
        }
    }

    /// <summary>The one line of an unexpected failure.</summary>
    public static string InternalError(Exception e, bool verbose) =>
        $"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0].Trim().TrimEnd('.')}. " +
        (verbose ? "Please report it with the details above." : "Run again with --verbose for the details, and please report it.");

    /// <summary>Prints the details (with --verbose) and the one line; returns the exit code.</summary>
    public static int Fail(bool verbose, Exception e, string message, int exitCode)
    {
        if (verbose)
        {
            Console.Error.WriteLine(e.ToString());
        }

        Console.Error.WriteLine("policy: " + SafeText.Escape(message.ReplaceLineEndings(" ")));
        return exitCode;
    }

    /// <summary>Writes through to a console stream with control characters escaped (line breaks kept).</summary>
    private sealed class EscapingWriter(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value is '\n' or '\r' || !SafeText.IsUnsafe(value))
            {
                inner.Write(value);
            }
            else
            {
                inner.Write(SafeText.Escape(value.ToString()));
            }
        }

        public override void Write(string? value)
        {
            inner.Write(string.Join('\n', (value ?? string.Empty).Split('\n').Select(l => string.Join('\r', l.Split('\r').Select(SafeText.Escape)))));
        }

        public override void Flush() => inner.Flush();
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
