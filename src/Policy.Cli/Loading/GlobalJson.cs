using System.Text.Json;
using Microsoft.Build.Locator;

namespace Policy.Cli.Loading;

/// <summary>
/// The global.json in effect for a folder (the nearest one above it, as the .NET host looks for it) and what its
/// <c>rollForward</c> policy allows. The tool never bypasses it: MSBuildWorkspace's build host resolves the SDK for the
/// project's folder through the .NET host (hostfxr), exactly as <c>dotnet build</c> does, so the SDK a run uses is the
/// one the host rolls forward to; this class only says which one, and why a run could not load.
/// </summary>
/// <param name="Path">The global.json file.</param>
/// <param name="Version">The SDK version it asks for.</param>
/// <param name="RollForward">Its rollForward policy (the host's default when absent: <c>patch</c> with a version).</param>
/// <param name="PolicyWritten">False when rollForward is not written (the default applies).</param>
internal sealed record GlobalJson(string Path, string Version, string RollForward, bool PolicyWritten)
{
    /// <summary>The global.json with an SDK version that applies to <paramref name="folder"/>, or null.</summary>
    public static GlobalJson? Find(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory != null; directory = directory.Parent)
        {
            var file = System.IO.Path.Combine(directory.FullName, "global.json");
            if (!File.Exists(file))
            {
                continue;
            }

            // The host uses the nearest global.json; one it cannot read or without an sdk version pins nothing.
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("sdk", out var sdk) || sdk.ValueKind != JsonValueKind.Object ||
                    !sdk.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(version.GetString()))
                {
                    return null;
                }

                var written = sdk.TryGetProperty("rollForward", out var policy) && policy.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(policy.GetString());
                return new GlobalJson(file, version.GetString()!.Trim(), written ? policy.GetString()!.Trim() : "patch", written);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>What the policy accepts, in words (the .NET host's rules for rollForward).</summary>
    public string Allows()
    {
        var parts = Version.Split('-')[0].Split('.');
        var major = parts.Length > 0 ? parts[0] : "?";
        var minor = parts.Length > 1 ? parts[1] : "?";
        var band = parts.Length > 2 && parts[2].Length == 3 ? parts[2][0] + "xx" : "?";
        return RollForward.ToLowerInvariant() switch
        {
            "disable" => $"only {Version}",
            "patch" or "latestpatch" => $"{major}.{minor}.{band} at {Version} or later",
            "feature" or "latestfeature" => $"{major}.{minor}.x at {Version} or later",
            "minor" or "latestminor" => $"{major}.x at {Version} or later",
            "major" or "latestmajor" => $"any SDK at {Version} or later",
            _ => "what the host accepts",
        };
    }

    /// <summary>"rollForward 'x'" or "rollForward 'patch' (the default)".</summary>
    public string PolicyWords => $"rollForward '{RollForward}'{(PolicyWritten ? string.Empty : " (the default)")}";

    /// <summary>
    /// When the SDK the .NET host selects for <paramref name="folder"/> is not the version this global.json names (it was
    /// rolled forward), a note saying so; null when it is the same or cannot be told.
    /// </summary>
    public static string? RollForwardNote(string folder, Func<string, string> relative)
    {
        if (Find(folder) is not { } globalJson)
        {
            return null;
        }

        VisualStudioInstance? used;
        try
        {
            used = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions { DiscoveryTypes = DiscoveryType.DotNetSdk, WorkingDirectory = folder })
                .FirstOrDefault();
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        if (used is null || !System.Version.TryParse(globalJson.Version.Split('-')[0], out var requested) || requested == used.Version)
        {
            return null;
        }

        return $"{relative(globalJson.Path)} asks for the .NET SDK {globalJson.Version} ({globalJson.PolicyWords}: {globalJson.Allows()}); " +
               $"the projects were loaded with the SDK {used.Version}, the one the .NET host rolls forward to, as for 'dotnet build'.";
    }
}
