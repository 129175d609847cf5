#!/usr/bin/env bash
# Checks the packed packages the way users meet them (run after eng/run-sample.sh, or alone: it packs first).
#   1. layout and metadata of Policy.Annotations, Policy.Analyzers and Policy.Cli: files, nuspec dependencies, README,
#      icon, tags, title, release notes, no satellite resource assemblies in the tool;
#   2. the analyzer and attribute DLLs: deterministic, embedded PDB with SourceLink, no build-folder path (inspect-dll.py);
#   3. what flows: app -> library -> Policy.Analyzers, built from the packed packages (ProjectReference and the packed
#      library): POL diagnostics only where Policy.Analyzers is referenced, the attributes everywhere, and the app's
#      `policy inventory` resolves the library's [AiSystem] for its [AiComponent];
#   4. incremental builds: switching PolicyPreset without --no-incremental shows the preset's diagnostics;
#      CodeAnalysisTreatWarningsAsErrors=false keeps POL warnings warnings under TreatWarningsAsErrors=true;
#   5. the policy tool installs from the local feed globally (--tool-path) and as a local tool (tool manifest);
#   6. two clones of HEAD in different folders pack byte-identical DLLs (eng/check-reproducible.sh; skip: --fast).
# Options: --no-pack (use artifacts/packages as eng/run-sample.sh left it), --fast (skip 6).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
pack=1 reproducible=1
for arg in "$@"; do
  case $arg in --no-pack) pack=0 ;; --fast) reproducible=0 ;; *) echo "unknown option $arg" >&2; exit 2 ;; esac
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
feed=$root/artifacts/packages
mkdir -p artifacts/logs
[ $pack -eq 0 ] || bash eng/pack.sh "$feed" >/dev/null
status=0
fail() { echo "FAIL: $*"; status=1; }
newest() { ls -t "$feed"/$1.[0-9]*.nupkg 2>/dev/null | head -n 1; }

echo "==> 1. Package layout and metadata"
annotations=$(newest Policy.Annotations); analyzers=$(newest Policy.Analyzers); cli=$(newest Policy.Cli)
[ -n "$annotations" ] && [ -n "$analyzers" ] && [ -n "$cli" ] || { echo "FAIL: packages missing in $feed"; exit 1; }
version=$(basename "$analyzers" .nupkg); version=${version#Policy.Analyzers.}
has_entries() { # has_entries PKG ENTRY...
  local listing; listing=$(unzip -Z1 "$1"); local pkg=$1; shift
  for entry in "$@"; do grep -qx "$entry" <<<"$listing" || fail "$(basename "$pkg"): missing $entry"; done
}
has_entries "$annotations" lib/netstandard2.0/Policy.Annotations.dll lib/netstandard2.0/Policy.Annotations.xml PACKAGE.md icon.png
has_entries "$analyzers" analyzers/dotnet/cs/Policy.Analyzers.dll analyzers/dotnet/cs/Policy.Model.dll \
  analyzers/dotnet/cs/Policy.Analyzers.CodeFixes.dll build/Policy.Analyzers.props build/Policy.Analyzers.targets \
  buildTransitive/Policy.Analyzers.props buildTransitive/Policy.Analyzers.targets presets/default.globalconfig \
  presets/iso42001-strict.globalconfig presets/eu-ai-act-high-risk.globalconfig PACKAGE.md icon.png
has_entries "$cli" PACKAGE.md icon.png "tools/net10.0/any/policy.dll"
# Policy.Analyzers carries no lib/ (the attributes come from its dependency) and no analyzer in lib/ anywhere.
unzip -Z1 "$analyzers" | grep -q "^lib/" && fail "Policy.Analyzers has a lib/ folder"
unzip -Z1 "$annotations" | grep -qE "^(analyzers|build|buildTransitive)/" && fail "Policy.Annotations carries analyzers or build files"
satellites=$(unzip -Z1 "$cli" | grep -c '\.resources\.dll$' || true)
[ "$satellites" -eq 0 ] || fail "Policy.Cli carries $satellites satellite resource assemblies (SatelliteResourceLanguages=en?)"
echo "    Policy.Cli: $(stat -c %s "$cli") bytes packed, $(unzip -l "$cli" | tail -n 1 | awk '{print $1 " bytes in " $2 " files"}'), $satellites satellite assemblies"
for pkg in "$annotations" "$analyzers" "$cli"; do
  id=$(basename "$pkg" ".$version.nupkg")
  nuspec=$(unzip -p "$pkg" "$id.nuspec")
  for element in title tags icon readme releaseNotes repository; do
    grep -q "<$element[ >]" <<<"$nuspec" || fail "$id: no <$element> in the nuspec"
  done
  grep -q "<developmentDependency>true" <<<"$nuspec" && fail "$id is a development dependency (dotnet add package would drop compile assets)"
  # The package README is written for a package page: no relative links.
  relative=$(unzip -p "$pkg" PACKAGE.md | grep -oE '\]\([^)]+\)' | grep -vE '\]\(https://' || true)
  [ -z "$relative" ] || fail "$id: PACKAGE.md has relative links: $relative"
  # The icon is a real PNG.
  [ "$(unzip -p "$pkg" icon.png | head -c 8 | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "$id: icon.png is not a PNG"
done
deps=$(unzip -p "$analyzers" Policy.Analyzers.nuspec | grep -o '<dependency [^>]*>' || true)
grep -q "id=\"Policy.Annotations\" version=\"$version\"" <<<"$deps" || fail "Policy.Analyzers does not depend on Policy.Annotations $version: $deps"
[ "$(grep -c . <<<"$deps")" -eq 1 ] || fail "Policy.Analyzers has other dependencies: $deps"
grep -q "exclude=" <<<"$deps" && fail "Policy.Analyzers' dependency excludes assets: $deps"
[ $status -eq 0 ] && echo "    layout, dependencies (Policy.Analyzers -> Policy.Annotations $version only), README, icon, tags, release notes: OK"

echo "==> 2. DLLs: deterministic, embedded PDB with SourceLink, no build-folder path"
dlls=artifacts/check/dlls
rm -rf "$dlls" && mkdir -p "$dlls"
unzip -q -o -j "$analyzers" 'analyzers/dotnet/cs/*.dll' -d "$dlls"
unzip -q -o -j "$annotations" 'lib/netstandard2.0/*.dll' -d "$dlls"
unzip -q -o -j "$cli" 'tools/net10.0/any/policy.dll' 'tools/net10.0/any/Policy.Inventory.dll' 'tools/net10.0/any/Policy.Evidence.dll' -d "$dlls"
python3 eng/inspect-dll.py --build-root "$root" "$dlls"/*.dll | sed 's/^/    /' || fail "DLL inspection"

echo "==> 3. What flows: app -> library -> Policy.Analyzers, from the packed packages"
chain=$root/artifacts/chain
rm -rf "$chain" && mkdir -p "$chain/feed"
# Built like a user's repository: none of this repository's build settings, its own package folder.
echo '<Project />' > "$chain/Directory.Build.props"; echo '<Project />' > "$chain/Directory.Build.targets"
echo '<Project />' > "$chain/Directory.Packages.props"
cat > "$chain/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value=".packages" /></config>
  <packageSources>
    <add key="policy-local" value="$feed" />
    <add key="chain-local" value="$chain/feed" />
  </packageSources>
</configuration>
XML
project() { # project DIR REFERENCES-XML
  mkdir -p "$chain/$1"
  cat > "$chain/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <Version>1.0.0</Version>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
XML
}
ai='<PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />'
# The library: declares a system; RiskLevel Limited is complete under the default preset, not under iso42001-strict.
project SupportLib "    <PackageReference Include=\"Policy.Analyzers\" Version=\"$version\" />
    $ai"
cat > "$chain/SupportLib/SupportBot.cs" <<'CS'
using Microsoft.Extensions.AI;
using Policy.Annotations;

namespace SupportLib;

[AiSystem("support-bot", Purpose = "Answers customer questions about their orders", Owner = "support@contoso.com",
    RiskLevel = AiRiskLevel.Limited)]
public sealed class SupportBot(IChatClient chat)
{
    public IChatClient Chat { get; } = chat;
}

public sealed class UndeclaredSummarizer(IChatClient chat)   // POL001 here: the library references the package
{
    public IChatClient Chat { get; } = chat;
}
CS
# The app's code: a component of the library's system, and an undeclared AI type that POL001 would report.
app_source() {
  cat > "$chain/$1/SupportUi.cs" <<'CS'
using Microsoft.Extensions.AI;
using Policy.Annotations;

namespace SupportApp;

[AiComponent("support-bot")]   // the system is declared in SupportLib: a cross-assembly link
public sealed class SupportUi(IChatClient chat)
{
    public IChatClient Chat { get; } = chat;
}

public sealed class UndeclaredTranslator(IChatClient chat)
{
    public IChatClient Chat { get; } = chat;
}
CS
}
project AppViaProject "    <ProjectReference Include=\"../SupportLib/SupportLib.csproj\" />"
project AppViaPackage "    <PackageReference Include=\"SupportLib\" Version=\"1.0.0\" />"
project AppDirect "    <ProjectReference Include=\"../SupportLib/SupportLib.csproj\" />
    <PackageReference Include=\"Policy.Analyzers\" Version=\"$version\" />"
for app in AppViaProject AppViaPackage AppDirect; do app_source $app; done

pol() { grep -oE "(warning|error) POL[0-9]{3}" "$1" | sort -u | tr '\n' ' ' || true; }
build() { # build PROJECT LOG [ARGS...]: build (incrementally unless asked), keep the log
  local proj=$1 log=artifacts/logs/chain-$2.log; shift 2
  dotnet build "$chain/$proj" -nologo -v:q -clp:NoSummary "$@" > "$log" 2>&1
}
build SupportLib lib || { cat artifacts/logs/chain-lib.log; fail "the library does not build"; }
grep -q "SupportBot.cs.*warning POL001" artifacts/logs/chain-lib.log || fail "the library (references Policy.Analyzers) shows no POL001: $(pol artifacts/logs/chain-lib.log)"
echo "    SupportLib (PackageReference Policy.Analyzers): $(pol artifacts/logs/chain-lib.log)"
# ReadyToRun: on linux-x64 with the .NET compiler the analyzers load from the package's r2r/ images; opt-out keeps the IL.
analyzer_paths() { dotnet msbuild "$chain/SupportLib" -nologo -t:ResolveLockFileAnalyzers -getItem:Analyzer "$@" 2>/dev/null | grep -oE '"FullPath": "[^"]*Policy\.(Model|Analyzers|Analyzers\.CodeFixes)\.dll"' | sed 's/.*"\(.*\)"/\1/'; }
if [ "$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)" = "linux-x64" ]; then
  grep -qx "r2r/linux-x64/Policy.Model.dll" <<<"$(unzip -Z1 "$analyzers")" || fail "Policy.Analyzers packed on linux-x64 carries no r2r/linux-x64 images"
  r2r=$(analyzer_paths); il=$(analyzer_paths -p:PolicyReadyToRun=false)
  if [ "$(grep -c '/r2r/linux-x64/' <<<"$r2r")" -eq 3 ] && [ "$(grep -c '/analyzers/dotnet/cs/' <<<"$il")" -eq 3 ]; then
    echo "    ReadyToRun: the compiler gets r2r/linux-x64/Policy.Model.dll, Policy.Analyzers.dll (native images) and the code fixes beside them; -p:PolicyReadyToRun=false the IL copies"
  else
    fail "ReadyToRun swap: default [$(tr '\n' ' ' <<<"$r2r")], PolicyReadyToRun=false [$(tr '\n' ' ' <<<"$il")]"
  fi
fi
dotnet pack "$chain/SupportLib" -o "$chain/feed" -nologo -v:q -clp:NoSummary > artifacts/logs/chain-lib-pack.log 2>&1 || { cat artifacts/logs/chain-lib-pack.log; fail "the library does not pack"; }
libdeps=$(unzip -p "$chain/feed/SupportLib.1.0.0.nupkg" SupportLib.nuspec | grep -o '<dependency id="Policy[^>]*>' | tr '\n' ' ')
echo "    packed SupportLib depends on: $libdeps"
for app in AppViaProject AppViaPackage; do
  build $app "$app" || { cat "artifacts/logs/chain-$app.log"; fail "$app does not build (the attributes must reach it)"; continue; }
  if grep -qE "(warning|error) POL[0-9]{3}" "artifacts/logs/chain-$app.log"; then
    fail "$app got our analyzers through SupportLib: $(pol "artifacts/logs/chain-$app.log")"
  else
    echo "    $app: builds, no POL diagnostics (UndeclaredTranslator is not reported: the analyzers did not flow)"
  fi
done
# Control: NuGet and the SDK do hand our analyzers to the app (NuGet/Home#6279); buildTransitive/ takes them out.
if build AppViaProject forced -p:PolicyAnalyzersEnabled=true && grep -q "SupportUi.cs.*warning POL001" artifacts/logs/chain-forced.log; then
  echo "    control: AppViaProject with -p:PolicyAnalyzersEnabled=true reports $(pol artifacts/logs/chain-forced.log)(the analyzers do arrive; the gate removes them)"
else
  fail "control: -p:PolicyAnalyzersEnabled=true on AppViaProject shows no POL001: $(pol artifacts/logs/chain-forced.log)"
fi
build AppDirect AppDirect || { cat artifacts/logs/chain-AppDirect.log; fail "AppDirect does not build"; }
if grep -q "SupportUi.cs.*warning POL001" artifacts/logs/chain-AppDirect.log; then
  echo "    AppDirect (also references Policy.Analyzers itself): $(pol artifacts/logs/chain-AppDirect.log)"
else
  fail "AppDirect references Policy.Analyzers but shows no POL001: $(pol artifacts/logs/chain-AppDirect.log)"
fi
grep -q "POL009" artifacts/logs/chain-AppDirect.log && fail "AppDirect: the cross-assembly [AiComponent] link does not resolve (POL009)"
# The policy CLI on the app that does not reference the package: the library's system, with the app's component.
for app in AppViaProject AppViaPackage; do
  if dotnet run --project src/Policy.Cli -c Release -- inventory "$chain/$app" --format json --quiet > "artifacts/logs/chain-$app-inventory.json" 2> "artifacts/logs/chain-$app-inventory.err"; then
    python3 - "artifacts/logs/chain-$app-inventory.json" "$app" <<'PY' || fail "$app: policy inventory does not resolve SupportUi's [AiComponent(\"support-bot\")]"
import json, sys
doc = json.load(open(sys.argv[1]))
undeclared = [c["type"] for c in doc["undeclared"]]
pol009 = [f["message"] for f in doc["findings"] if f["ruleId"] == "POL009"]
ran = any(t.endswith("UndeclaredTranslator") for t in undeclared)          # the analysis did run on the app
linked = not any(t.endswith("SupportUi") for t in undeclared) and not pol009  # [AiComponent("support-bot")] resolved
print(f"    policy inventory {sys.argv[2]}: SupportUi -> support-bot (declared in SupportLib) "
      + ("resolved" if linked else f"NOT resolved {pol009}") + f"; undeclared: {undeclared}")
sys.exit(0 if ran and linked else 1)
PY
  else
    cat "artifacts/logs/chain-$app-inventory.err"; fail "policy inventory $app"
  fi
done

echo "==> 4. Incremental builds and warnings as errors (SupportLib, no --no-incremental)"
build SupportLib strict -p:PolicyPreset=iso42001-strict || true
if grep -qE "warning POL002|warning POL006" artifacts/logs/chain-strict.log; then
  echo "    PolicyPreset default -> iso42001-strict, incremental: $(pol artifacts/logs/chain-strict.log)"
else
  fail "switching PolicyPreset did not recompile (no POL002/POL006): $(pol artifacts/logs/chain-strict.log)"
fi
build SupportLib date -p:PolicyPreset=iso42001-strict -p:PolicyEvaluationDate=2031-01-01 || true
grep -q "POL00[12]" artifacts/logs/chain-date.log && echo "    PolicyEvaluationDate changed, incremental: recompiled, $(pol artifacts/logs/chain-date.log)" \
  || fail "changing PolicyEvaluationDate did not recompile: $(pol artifacts/logs/chain-date.log)"
if build SupportLib twae -p:TreatWarningsAsErrors=true; then
  fail "TreatWarningsAsErrors=true did not turn POL001 into an error"
else
  grep -q "error POL001" artifacts/logs/chain-twae.log || fail "TreatWarningsAsErrors=true: no error POL001: $(pol artifacts/logs/chain-twae.log)"
fi
if build SupportLib catwae -p:TreatWarningsAsErrors=true -p:CodeAnalysisTreatWarningsAsErrors=false; then
  grep -q "warning POL001" artifacts/logs/chain-catwae.log && echo "    TreatWarningsAsErrors=true: error POL001; with CodeAnalysisTreatWarningsAsErrors=false: warning POL001, build succeeds" \
    || fail "CodeAnalysisTreatWarningsAsErrors=false: no warning POL001: $(pol artifacts/logs/chain-catwae.log)"
else
  cat artifacts/logs/chain-catwae.log; fail "CodeAnalysisTreatWarningsAsErrors=false did not keep POL001 a warning"
fi

build SupportLib off --no-incremental -p:PolicyAnalyzersEnabled=false || { cat artifacts/logs/chain-off.log; fail "PolicyAnalyzersEnabled=false: the library does not build"; }
if grep -qE "(warning|error) POL[0-9]{3}" artifacts/logs/chain-off.log; then
  fail "PolicyAnalyzersEnabled=false did not switch the analyzers off: $(pol artifacts/logs/chain-off.log)"
else
  echo "    PolicyAnalyzersEnabled=false in the library (direct reference), --no-incremental: no POL diagnostics"
fi

echo "==> 5. The policy tool from the local feed: global (--tool-path) and local (tool manifest)"
tools=$root/artifacts/tool
rm -rf "$tools" && mkdir -p "$tools/local"
# Same version until the next commit: clear the cached copy so uncommitted work is never served from the cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/policy.cli"
dotnet tool install Policy.Cli --version "$version" --tool-path "$tools/global" --add-source "$feed" > artifacts/logs/tool-global.log 2>&1 || { cat artifacts/logs/tool-global.log; fail "global install"; }
"$tools/global/policy" --help > artifacts/logs/tool-help.log 2>&1 && echo "    global: $(head -n 2 artifacts/logs/tool-help.log | tail -n 1)" || fail "the installed tool does not run"
(
  cd "$tools/local"
  dotnet new tool-manifest > /dev/null
  dotnet tool install --local Policy.Cli --version "$version" --add-source "$feed" > "$root/artifacts/logs/tool-local.log" 2>&1
  dotnet tool run policy --help > /dev/null && dotnet policy --help > /dev/null
) && echo "    local: .config/dotnet-tools.json pins Policy.Cli $version; 'dotnet policy --help' runs" || { cat artifacts/logs/tool-local.log; fail "local tool install"; }

if [ $reproducible -eq 1 ]; then
  echo "==> 6. Reproducible: two clones of HEAD in different folders"
  bash eng/check-reproducible.sh || fail "the two clones pack different DLLs"
fi

[ $status -eq 0 ] && echo "==> package checks OK" || echo "==> package checks FAILED"
exit $status
