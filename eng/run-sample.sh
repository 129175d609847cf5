#!/usr/bin/env bash
# The main job on the bundled sample, the way a user meets the product:
#   1. pack Policy.Annotations, Policy.Analyzers and Policy.Cli into the local feed artifacts/packages (eng/pack.sh);
#   2. build samples/LendingService as declared: it must report no POL diagnostic;
#   3. build the same sample without its governance declarations (-p:IncludeGovernance=false): the POL warnings show;
#   4. switch the policy with one property (presets, evaluation date) and check the diagnostics change as documented;
#   5. build a fresh consumer project that has never seen the tests, from the package alone;
#   6. bootstrap a copy of the undeclared sample with `dotnet format analyzers --diagnostics POL001`: POL001 is gone,
#      POL007 lists the TODO values the fix wrote, and the code still compiles.
#   7. write the evidence pack of the sample with the policy CLI into artifacts/evidence.
# Exit code: 0 when the declared sample is clean and the undeclared one shows findings, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
config=${CONFIGURATION:-Release}
mkdir -p artifacts/logs

echo "==> Packing Policy.Annotations, Policy.Analyzers and Policy.Cli into artifacts/packages"
bash eng/pack.sh artifacts/packages | sed 's/^/    /'
# Same version until the next commit: never let the samples' package folder serve an older pack of uncommitted work.
rm -rf samples/.packages/policy.analyzers samples/.packages/policy.annotations

pol_lines() { grep -E "(warning|error) POL[0-9]{3}" "$1" | sed -E 's#^'"$root"'/##; s# \[/.*\]$##' | sort -u || true; }

echo "==> Building samples/LendingService (declared)"
dotnet build samples/LendingService -c "$config" --no-incremental -nologo -v:q -clp:NoSummary > artifacts/logs/sample-declared.log 2>&1 || { cat artifacts/logs/sample-declared.log; exit 1; }
declared=$(pol_lines artifacts/logs/sample-declared.log)
if [ -n "$declared" ]; then
  echo "$declared"
  echo "FAIL: the declared sample reports POL diagnostics (see above)."
  exit 1
fi
echo "    no POL diagnostics"

echo "==> Building samples/LendingService without its declarations (-p:IncludeGovernance=false)"
dotnet build samples/LendingService -c "$config" --no-incremental -nologo -v:q -clp:NoSummary -p:IncludeGovernance=false -o artifacts/sample-undeclared > artifacts/logs/sample-undeclared.log 2>&1 || true
undeclared=$(pol_lines artifacts/logs/sample-undeclared.log)
if [ -z "$undeclared" ]; then
  cat artifacts/logs/sample-undeclared.log
  echo "FAIL: the undeclared sample reports no POL diagnostic."
  exit 1
fi
echo "$undeclared" | sed 's/^/    /'
echo "    $(echo "$undeclared" | wc -l) POL diagnostics, as expected"

expect() { # expect LOG RULE... : every rule id must appear in the POL lines of LOG
  local log=$1; shift
  local lines; lines=$(pol_lines "$log")
  for rule in "$@"; do
    if ! grep -q "$rule" <<<"$lines"; then
      echo "$lines"; echo "FAIL: expected $rule in $log"; exit 1
    fi
  done
}

echo "==> Same sample under -p:PolicyPreset=iso42001-strict (Limited-risk systems need oversight and an impact assessment)"
dotnet build samples/LendingService -c "$config" --no-incremental -nologo -v:q -clp:NoSummary -p:PolicyPreset=iso42001-strict -o artifacts/sample-strict > artifacts/logs/sample-strict.log 2>&1 || true
expect artifacts/logs/sample-strict.log "warning POL002" "warning POL006"
pol_lines artifacts/logs/sample-strict.log | sed 's/^/    /'

echo "==> Same sample judged on -p:PolicyEvaluationDate=2028-01-01 (the bias evaluation is then stale)"
dotnet build samples/LendingService -c "$config" --no-incremental -nologo -v:q -clp:NoSummary -p:PolicyEvaluationDate=2028-01-01 -o artifacts/sample-2028 > artifacts/logs/sample-2028.log 2>&1 || true
expect artifacts/logs/sample-2028.log "warning POL004"
pol_lines artifacts/logs/sample-2028.log | sed 's/^/    /'

echo "==> A fresh consumer project (only a PackageReference to Policy.Analyzers)"
consumer=artifacts/consumer
rm -rf "$consumer" && mkdir -p "$consumer"
cp samples/nuget.config "$consumer/nuget.config"
sed -i 's#../artifacts/packages#../packages#' "$consumer/nuget.config"
cat > "$consumer/Consumer.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RestorePackagesPath>.packages/</RestorePackagesPath>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Policy.Analyzers" Version="*-*" />
  </ItemGroup>
</Project>
XML
cat > "$consumer/CreditScoring.cs" <<'CS'
using Policy.Annotations;

[AiSystem("credit-scoring", Purpose = "Scores consumer loan applications", Owner = "credit-risk", RiskLevel = AiRiskLevel.High,
    IntendedUse = "Consumer loans up to 50k")]
[BiasEvaluation(Report = "docs/bias.md", EvaluatedOn = "2026-10-01")]
[ExplainabilityRecord(Method = "Reason codes", Store = "decision log")]
[ImpactAssessment(Reference = "docs/aiia.md", AssessedOn = "2026-10-01")]
public sealed class CreditScoring
{
    [DataProvenance("Loan book 2015-2025")]
    public string? TrainingData { get; set; }
}
CS
dotnet build "$consumer" -nologo -v:q -clp:NoSummary > artifacts/logs/consumer-default.log 2>&1 || { cat artifacts/logs/consumer-default.log; echo "FAIL: consumer build"; exit 1; }
expect artifacts/logs/consumer-default.log "warning POL002"
echo "    default preset: $(pol_lines artifacts/logs/consumer-default.log | grep -o 'warning POL002.*' | head -1)"
if dotnet build "$consumer" --no-incremental -nologo -v:q -clp:NoSummary -p:PolicyPreset=eu-ai-act-high-risk > artifacts/logs/consumer-eu.log 2>&1; then
  cat artifacts/logs/consumer-eu.log; echo "FAIL: the EU AI Act preset must fail the build on POL002"; exit 1
fi
expect artifacts/logs/consumer-eu.log "error POL002"
echo "    eu-ai-act-high-risk preset: the build fails with $(pol_lines artifacts/logs/consumer-eu.log | grep -o 'error POL002' | head -1)"
if dotnet build "$consumer" -nologo -v:q -clp:NoSummary -p:PolicyPreset=no-such-preset > artifacts/logs/consumer-bad-preset.log 2>&1 || ! grep -q "POLICY091" artifacts/logs/consumer-bad-preset.log; then
  cat artifacts/logs/consumer-bad-preset.log; echo "FAIL: an unknown preset must fail the build with POLICY091"; exit 1
fi
echo "    unknown preset: the build fails with POLICY091"

echo "==> dotnet format analyzers --diagnostics POL001 on a copy of the undeclared sample (legacy bootstrap, README)"
formatted=artifacts/sample-format
rm -rf "$formatted" && mkdir -p "$formatted"
cp samples/Directory.Build.props samples/Directory.Build.targets samples/Directory.Packages.props samples/nuget.config "$formatted/"
sed -i 's#../artifacts/packages#../packages#' "$formatted/nuget.config"
cp -r samples/LendingService "$formatted/LendingService"
rm -rf "$formatted/LendingService/bin" "$formatted/LendingService/obj"
# dotnet format takes no -p: an environment variable is an MSBuild property too.
IncludeGovernance=false dotnet format analyzers "$formatted/LendingService/LendingService.csproj" --diagnostics POL001 --severity warn -v:n \
  > artifacts/logs/sample-format.log 2>&1 || { cat artifacts/logs/sample-format.log; echo "FAIL: dotnet format"; exit 1; }
grep -c "Formatted code file" artifacts/logs/sample-format.log | sed 's/^/    files changed: /'
dotnet build "$formatted/LendingService" -c "$config" --no-incremental -nologo -v:q -clp:NoSummary -p:IncludeGovernance=false \
  > artifacts/logs/sample-formatted.log 2>&1 || { cat artifacts/logs/sample-formatted.log; echo "FAIL: the formatted sample does not build"; exit 1; }
if grep -q "warning POL001" artifacts/logs/sample-formatted.log; then
  pol_lines artifacts/logs/sample-formatted.log; echo "FAIL: POL001 left after dotnet format"; exit 1
fi
expect artifacts/logs/sample-formatted.log "warning POL007"
echo "    no POL001 left; $(pol_lines artifacts/logs/sample-formatted.log | grep -c 'warning POL007') POL007 placeholders to fill in"

echo "==> Evidence pack of the sample: policy evidence samples/LendingService --out artifacts/evidence"
dotnet build src/Policy.Cli -c "$config" -nologo -v:q -clp:NoSummary > artifacts/logs/cli-build.log 2>&1 || { cat artifacts/logs/cli-build.log; exit 1; }
dotnet run --project src/Policy.Cli -c "$config" --no-build -- evidence samples/LendingService --out artifacts/evidence --quiet
for f in inventory.json inventory.csv controls.md findings.sarif aibom.cdx.json report.html manifest.json; do
  [ -s "artifacts/evidence/$f" ] || { echo "FAIL: artifacts/evidence/$f missing"; exit 1; }
done
ls -l artifacts/evidence | tail -n +2 | awk '{print "    " $NF " (" $5 " bytes)"}'
echo "    open it: artifacts/evidence/report.html (offline, no scripts); auditors' checklist: artifacts/evidence/controls.md"
echo "==> OK"
