#!/usr/bin/env bash
# Packs the three packages into artifacts/packages (or $1) the way a release is packed:
#   Policy.Annotations (the attributes), Policy.Analyzers (analyzers, code fixes, presets; depends on Policy.Annotations),
#   Policy.Cli (the `policy` dotnet tool).
# ContinuousIntegrationBuild=true: deterministic source paths (/_/), so the same commit packs byte-identical DLLs in any
# folder; the PDBs are embedded in the DLLs with SourceLink to the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/packages}
config=${CONFIGURATION:-Release}
mkdir -p "$out"
rm -f "$out"/Policy.Annotations.*.nupkg "$out"/Policy.Analyzers.*.nupkg "$out"/Policy.Cli.*.nupkg
for project in src/Policy.Annotations src/Policy.Analyzers.Package src/Policy.Cli; do
  dotnet pack "$project" -c "$config" -o "$out" -nologo -v:q -clp:NoSummary -p:ContinuousIntegrationBuild=true
done
ls "$out"/Policy.*.nupkg
