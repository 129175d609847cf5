using System.IO.Compression;

namespace Policy.Cli.Tests;

/// <summary>
/// A repository of the project shapes users have, built OFFLINE: a local package feed made here (two tiny packages
/// whose dependency resolves to a higher version: NU1603; OpenAI 2.15.0 copied from the global packages folder) and a
/// nuget.config that clears every other source. Nothing is restored here: the tool restores, as `dotnet build` does.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Directory.Build.props: TreatWarningsAsErrors with NU1603, NU1608, NU1701 and POL001 kept as warnings; the analyzers and
/// attributes of this build wired in. Directory.Packages.props: central package management.</item>
/// <item>Good.sln, Good.slnx, Good.slnf (Chat + Console): Chat (net10.0 + netstandard2.0, NU1603, a declared system and an
/// undeclared type, the AI code for net10.0 only), Web (Razor component injecting an AI client), Console (one undeclared AI type).</item>
/// <item>Multi (net10.0 + netstandard2.0, ONNX Runtime for both): a shared AI type, one under #if for net10.0 only, a
/// system declared for both whose component exists for net10.0 only.</item>
/// <item>Joined/App and Joined/Binary: an [AiComponent] joining a system declared in Joined/Lib, referenced as a project
/// and as a built assembly.</item>
/// <item>fresh-a/Console and fresh-b/Console: never-restored copies of Console.</item>
/// <item>broken/Drift (code written against an older OpenAI API), broken/Missing (a package its feed does not have),
/// broken/Qualified (an AI SDK package the feed lacks, its types written fully qualified, no AI import),
/// broken/NoAi (unresolved names, none of them AI), Partial.slnx (names a project that does not exist),
/// pinned/ (a global.json that pins an SDK that is not installed), rolled/ (one whose rollForward lets the host move on).</item>
/// </list>
/// </remarks>
public sealed class LoadingFixture : IDisposable
{
    /// <summary>Creates the repository.</summary>
    public LoadingFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "policy-loading-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(Folder, "feed"));
        Package("Contoso.Core", "1.1.0");
        Package("Contoso.Widgets", "1.0.0", ("Contoso.Core", "1.0.0")); // Contoso.Core 1.0.0 is not in the feed: NU1603
        Package("Contoso.Strict", "1.0.0", ("Contoso.Core", "[1.0.0, 1.1.0)")); // with Contoso.Core 1.1.0 referenced: NU1608
        Package("Contoso.Legacy", "1.0.0", libFolder: "net48"); // .NET Framework only, used from net10.0: NU1701
        var openAi = Path.Combine(GlobalPackages, "openai", "2.15.0", "openai.2.15.0.nupkg");
        Assert.True(File.Exists(openAi), "OpenAI 2.15.0 is not in the global packages folder (the analyzer tests restore it): " + openAi);
        File.Copy(openAi, Path.Combine(Folder, "feed", "openai.2.15.0.nupkg"));

        // ONNX Runtime's managed package: its netstandard2.0 and net8.0 dependencies (System.Memory & co.) are in the global
        // packages folder after this repository's own restore, so a project can multi-target net10.0 and netstandard2.0
        // with an AI SDK for both, offline.
        var onnx = Path.Combine(GlobalPackages, "microsoft.ml.onnxruntime.managed", "1.31.1", "microsoft.ml.onnxruntime.managed.1.31.1.nupkg");
        Assert.True(File.Exists(onnx), "Microsoft.ML.OnnxRuntime.Managed 1.31.1 is not in the global packages folder (the analyzer tests restore it): " + onnx);
        File.Copy(onnx, Path.Combine(Folder, "feed", "microsoft.ml.onnxruntime.managed.1.31.1.nupkg"));

        Write("nuget.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="feed" />
              </packageSources>
            </configuration>
            """);
        Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);NU1603;NU1608;NU1701;POL001</WarningsNotAsErrors>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{CliRunner.Output("Policy.Annotations", "Policy.Annotations.dll")}" />
                <Analyzer Include="{CliRunner.Output("Policy.Analyzers", "Policy.Analyzers.dll")}" />
                <Analyzer Include="{CliRunner.Output("Policy.Analyzers", "Policy.Model.dll")}" />
                <CompilerVisibleProperty Include="PolicyEvaluationDate" />
              </ItemGroup>
            </Project>
            """);
        Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="OpenAI" Version="2.15.0" />
                <PackageVersion Include="Microsoft.ML.OnnxRuntime.Managed" Version="1.31.1" />
                <PackageVersion Include="Contoso.Widgets" Version="1.0.0" />
                <PackageVersion Include="Contoso.Strict" Version="1.0.0" />
                <PackageVersion Include="Contoso.Core" Version="1.1.0" />
                <PackageVersion Include="Contoso.Legacy" Version="1.0.0" />
                <PackageVersion Include="Contoso.PrivateAi.Gateway" Version="2.0.0" />
                <PackageVersion Include="Contoso.Payments.Private" Version="3.0.0" />
                <!-- An exact version nothing has: NuGet satisfies a plain minimum version from the shared global packages
                     folder without asking the feed (Azure.AI.OpenAI 2.1.0 lands there once any project on the machine
                     restores it), and the restore this fixture needs to fail would succeed. -->
                <PackageVersion Include="Azure.AI.OpenAI" Version="[0.0.1-policy-tests-missing]" />
              </ItemGroup>
            </Project>
            """);

        // Chat: multi-targeted, NU1603, one declared system and one undeclared AI type.
        Write("Chat/Chat.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Contoso.Widgets" />
              </ItemGroup>
              <!-- The AI SDK only for .NET 10 (offline, the feed has no netstandard2.0 dependencies of OpenAI). -->
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="OpenAI" />
              </ItemGroup>
            </Project>
            """);
        Write("Chat/ChatBot.cs", """
            #if NET10_0_OR_GREATER
            using OpenAI.Chat;
            using Policy.Annotations;

            namespace Chat
            {
                [AiSystem("chat", Name = "Chat", Purpose = "Answers product questions", Owner = "support", RiskLevel = AiRiskLevel.Minimal)]
                public sealed class ChatBot
                {
                    private readonly ChatClient _client;

                    public ChatBot(ChatClient client) { _client = client; }

                    public ChatClient Client => _client;
                }

                public sealed class Drafts
                {
                    private readonly ChatClient _client;

                    public Drafts(ChatClient client) { _client = client; }

                    public ChatClient Client => _client;
                }
            }
            #endif
            """);

        // Multi: multi-targeted with the AI SDK for both frameworks: one AI type both frameworks compile, one under #if
        // for .NET 10 only, and a declared system whose component exists for .NET 10 only.
        Write("Multi/Multi.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.ML.OnnxRuntime.Managed" />
              </ItemGroup>
            </Project>
            """);
        Write("Multi/Scoring.cs", """
            using Microsoft.ML.OnnxRuntime;
            using Policy.Annotations;

            namespace Multi
            {
                public sealed class Scorer
                {
                    private readonly InferenceSession _session;

                    public Scorer(InferenceSession session) { _session = session; }

                    public InferenceSession Session => _session;
                }

            #if NET10_0_OR_GREATER
                public sealed class FastScorer
                {
                    private readonly InferenceSession _session;

                    public FastScorer(InferenceSession session) { _session = session; }

                    public InferenceSession Session => _session;
                }

                [AiComponent("ranking")]
                public sealed class Reranker
                {
                    public InferenceSession Session { get; set; }
                }
            #endif

                [AiSystem("ranking", Name = "Ranking", Purpose = "Ranks search results", Owner = "search", RiskLevel = AiRiskLevel.Minimal)]
                public sealed class Ranking
                {
                    public InferenceSession Session { get; set; }
                }
            }
            """);

        // Joined: an app whose [AiComponent] joins a system declared in a library, referenced as a project (App) and as
        // a built assembly (Binary: the test builds Lib first).
        Write("Joined/Lib/Lib.csproj", Project(null));
        Write("Joined/Lib/Search.cs", """
            using Policy.Annotations;

            namespace Lib;

            [AiSystem("search", Name = "Search", Purpose = "Ranks documents", Owner = "search", RiskLevel = AiRiskLevel.Minimal)]
            public sealed class SearchSystem
            {
            }
            """);
        Write("Joined/App/App.csproj", Project("OpenAI").Replace("</Project>", """
              <ItemGroup>
                <ProjectReference Include="../Lib/Lib.csproj" />
              </ItemGroup>
            </Project>
            """));
        Write("Joined/Binary/Binary.csproj", Project("OpenAI").Replace("</Project>", """
              <ItemGroup>
                <Reference Include="../Lib/bin/Debug/net10.0/Lib.dll" />
              </ItemGroup>
            </Project>
            """));
        foreach (var name in new[] { "App", "Binary" })
        {
            Write($"Joined/{name}/QueryRewriter.cs", $$"""
                using OpenAI.Chat;
                using Policy.Annotations;

                namespace {{name}};

                [AiComponent("search")]
                public sealed class QueryRewriter(ChatClient chat)
                {
                    public ChatClient Chat => chat;
                }
                """);
        }

        // Web: a Razor component (source-generated C#) that injects an AI client.
        Write("Web/Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Razor">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="OpenAI" />
              </ItemGroup>
            </Project>
            """);
        Write("Web/Assistant.razor", """
            @using OpenAI.Chat
            @inject ChatClient Chat

            <p>@Greeting</p>

            @code {
                private string Greeting => "Ask me anything";
            }
            """);

        foreach (var folder in new[] { "Console", "fresh-a/Console", "fresh-b/Console" })
        {
            Write(folder + "/Console.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="OpenAI" />
                    <PackageReference Include="Contoso.Widgets" />
                    <PackageReference Include="Contoso.Strict" />
                    <PackageReference Include="Contoso.Core" />
                    <PackageReference Include="Contoso.Legacy" />
                  </ItemGroup>
                </Project>
                """);
            Write(folder + "/Assistant.cs", """
                using OpenAI.Chat;

                namespace Console;

                public sealed class Assistant(ChatClient client)
                {
                    public string Ask(string question) => client.CompleteChat(question).Value.Content[0].Text;
                }

                public sealed class OpenAiHelper
                {
                    public string Name => "not AI: only the name says so";
                }
                """);
        }

        Write("Good.sln", """

            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Chat", "Chat\Chat.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Web", "Web\Web.csproj", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Console", "Console\Console.csproj", "{33333333-3333-3333-3333-333333333333}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            		Release|Any CPU = Release|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{11111111-1111-1111-1111-111111111111}.Release|Any CPU.ActiveCfg = Release|Any CPU
            		{11111111-1111-1111-1111-111111111111}.Release|Any CPU.Build.0 = Release|Any CPU
            		{22222222-2222-2222-2222-222222222222}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{22222222-2222-2222-2222-222222222222}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{22222222-2222-2222-2222-222222222222}.Release|Any CPU.ActiveCfg = Release|Any CPU
            		{22222222-2222-2222-2222-222222222222}.Release|Any CPU.Build.0 = Release|Any CPU
            		{33333333-3333-3333-3333-333333333333}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{33333333-3333-3333-3333-333333333333}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{33333333-3333-3333-3333-333333333333}.Release|Any CPU.ActiveCfg = Release|Any CPU
            		{33333333-3333-3333-3333-333333333333}.Release|Any CPU.Build.0 = Release|Any CPU
            	EndGlobalSection
            EndGlobal
            """);
        Write("solutions/Good.slnx", """
            <Solution>
              <Project Path="../Chat/Chat.csproj" />
              <Project Path="../Web/Web.csproj" />
              <Project Path="../Console/Console.csproj" />
            </Solution>
            """);
        Write("Good.slnf", """
            {
              "solution": {
                "path": "Good.sln",
                "projects": [ "Chat\\Chat.csproj", "Console\\Console.csproj" ]
              }
            }
            """);
        Write("solutions/Partial.slnx", """
            <Solution>
              <Project Path="../Console/Console.csproj" />
              <Project Path="../Ghost/Ghost.csproj" />
            </Solution>
            """);

        // Code that does not build here.
        Write("broken/Drift/Drift.csproj", Project("OpenAI"));
        Write("broken/Drift/Voice.cs", """
            using OpenAI.Chat;
            using OpenAI.RealtimeConversation;

            namespace Drift;

            // Written against OpenAI 2.1 betas: the RealtimeConversation namespace is gone in 2.15.
            public sealed class VoiceAgent(RealtimeConversationClient client)
            {
                public RealtimeConversationClient Client => client;
            }

            public sealed class Summariser(ChatClient chat)
            {
                public string Run(string text) => chat.CompleteChat(text).Value.Content[0].Text;
            }
            """);
        // The company's private AI gateway package (which would bring OllamaSharp) is not in the feed: restore fails.
        // Not OllamaSharp itself: NuGet also takes versions from the machine's global packages folder, where another
        // project may have put it.
        Write("broken/Missing/Missing.csproj", Project("Contoso.PrivateAi.Gateway"));
        Write("broken/Missing/LocalAssistant.cs", """
            using OllamaSharp;

            namespace Missing;

            public sealed class LocalAssistant
            {
                private readonly OllamaApiClient _client = new OllamaApiClient("http://localhost:11434");

                public OllamaApiClient Client => _client;
            }

            public sealed class OpenAiHelper
            {
                public string Name => "not AI: only the name says so";
            }
            """);
        // An AI SDK package the feed lacks, and code that names its types only fully qualified (no AI using anywhere):
        // the package reference is what makes the unresolved names suspected. The project restores into a packages folder
        // of its own: the machine's global packages folder may hold Azure.AI.OpenAI (any restore of it on this machine puts
        // it there), and NuGet would take it from there even though the feed lacks it.
        Write("broken/Qualified/Qualified.csproj", Project("Azure.AI.OpenAI").Replace(
            "<Nullable>enable</Nullable>",
            "<Nullable>enable</Nullable>\n    <RestorePackagesPath>$(MSBuildThisFileDirectory)../../isolated-packages</RestorePackagesPath>"));
        Write("broken/Qualified/Gateway.cs", """
            namespace Qualified;

            public sealed class Gateway
            {
                private readonly Azure.AI.OpenAI.AzureOpenAIClient _client = null!;

                public Azure.AI.OpenAI.AzureOpenAIClient Client => _client;
            }

            public sealed class Ledger
            {
                public Contoso.Payments.PaymentClient Payments { get; } = null!;
            }
            """);
        Write("broken/NoAi/NoAi.csproj", Project("Contoso.Payments.Private"));
        Write("broken/NoAi/Payments.cs", """
            using Contoso.Payments;
            using Newtonsoft.Json.Linq;

            namespace NoAi;

            public sealed class OpenAiHelper
            {
                private readonly PaymentClient _payments = new PaymentClient();

                public JObject Describe() => new JObject();

                public ChatGptPrompt? Prompt { get; set; }

                public LlmClient? Client { get; set; }
            }
            """);

        // A global.json whose policy lets the host roll forward from an SDK that is not installed (10.0.100) to the
        // installed 10.0 SDK: dotnet build works, so must the tool, and it says which SDK it used.
        Write("rolled/global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""");
        Write("rolled/App/App.csproj", Project("OpenAI"));
        Write("rolled/App/Assistant.cs", """
            using OpenAI.Chat;

            namespace App;

            public sealed class Assistant(ChatClient client)
            {
                public ChatClient Client => client;
            }
            """);
        Write("pinned/global.json", """{ "sdk": { "version": "9.0.100", "rollForward": "disable" } }""");
        Write("pinned/App/App.csproj", Project("OpenAI"));
        Write("pinned/App/App.cs", "namespace App;\npublic sealed class Nothing { }\n");

        CliRunner.Run("git", Folder, ["init", "-q"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A"]);
        CliRunner.Run("git", Folder, ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "fixture"]);
    }

    /// <summary>The repository folder.</summary>
    public string Folder { get; }

    /// <summary>A path inside the repository.</summary>
    public string this[string relative] => Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string GlobalPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Project(string? package) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {(package is null ? string.Empty : $"<PackageReference Include=\"{package}\" />")}
          </ItemGroup>
        </Project>
        """;

    private void Write(string relative, string text)
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Writes a tiny package (a nuspec and an empty lib folder) into the local feed.</summary>
    private void Package(string id, string version, params (string Id, string Version)[] dependencies) => Package(id, version, "netstandard2.0", dependencies);

    private void Package(string id, string version, string libFolder, params (string Id, string Version)[] dependencies)
    {
        var path = Path.Combine(Folder, "feed", $"{id.ToLowerInvariant()}.{version}.nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var entries = string.Concat(dependencies.Select(d => $"<dependency id=\"{d.Id}\" version=\"{d.Version}\" />"));
        using (var writer = new StreamWriter(zip.CreateEntry(id + ".nuspec").Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{id}</id>
                    <version>{version}</version>
                    <authors>tests</authors>
                    <description>Test package made by the fixture.</description>
                    <dependencies><group targetFramework="{libFolder}">{entries}</group></dependencies>
                  </metadata>
                </package>
                """);
        }

        zip.CreateEntry($"lib/{libFolder}/_._");
    }
}
