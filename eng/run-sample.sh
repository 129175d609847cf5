#!/usr/bin/env bash
# The main job on the bundled sample, the way a user meets the product:
#   1. pack Policy.Analyzers into the local feed artifacts/packages;
#   2. build samples/LendingService as declared: it must report no POL diagnostic;
#   3. build the same sample without its governance declarations (-p:IncludeGovernance=false): the POL warnings show;
#   4. write the evidence pack of the sample (once the policy CLI exists; see README).
# Exit code: 0 when the declared sample is clean and the undeclared one shows findings, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
config=${CONFIGURATION:-Release}
mkdir -p artifacts/logs

echo "==> Packing Policy.Analyzers into artifacts/packages"
rm -f artifacts/packages/Policy.Analyzers.*.nupkg
dotnet pack src/Policy.Analyzers.Package -c "$config" -o artifacts/packages -v:q -nologo
rm -rf samples/.packages/policy.analyzers

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
