#!/usr/bin/env bash
# Two clones of HEAD in two different folders pack byte-identical DLLs (Policy.Annotations, Policy.Model,
# Policy.Analyzers, Policy.Analyzers.CodeFixes, and the ReadyToRun images under r2r/): ContinuousIntegrationBuild maps source paths, the build is
# deterministic, and the embedded PDBs carry no folder name. Prints the SHA-256 of each DLL of both clones.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/policy-repro.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Nerdbank.GitVersioning needs the history for the version height: a full clone (a clone of a shallow repository is
# shallow too; .ci/run then sets NBGV_GitEngine=Disabled, which this script inherits).
for name in first second-clone-elsewhere; do
  git clone --quiet --no-hardlinks . "$work/$name/policy"
  (cd "$work/$name/policy" && for project in src/Policy.Annotations src/Policy.Analyzers.Package; do
     dotnet pack "$project" -c Release -o "$work/$name/out" -nologo -v:q -clp:NoSummary -p:ContinuousIntegrationBuild=true > "$work/$name.log" 2>&1 \
       || { cat "$work/$name.log"; exit 1; }
   done)
  mkdir -p "$work/$name/dlls"
  # Paths kept (the ReadyToRun images under r2r/ share their file names with the IL copies under analyzers/).
  for pkg in "$work/$name/out"/*.nupkg; do id=$(basename "$pkg" .nupkg); unzip -q -o "$pkg" '*.dll' -d "$work/$name/dlls/${id%%.[0-9]*}"; done
  python3 eng/inspect-dll.py --build-root "$work/$name" $(find "$work/$name/dlls" -name '*.dll' | sort) > "$work/$name.inspect" || { cat "$work/$name.inspect"; exit 1; }
done
status=0
count=0
for dll in $(cd "$work/first/dlls" && find . -name '*.dll' | sort); do
  a=$(sha256sum < "$work/first/dlls/$dll" | cut -c1-64); b=$(sha256sum < "$work/second-clone-elsewhere/dlls/$dll" 2>/dev/null | cut -c1-64 || true)
  if [ "$a" = "$b" ]; then echo "    identical  $a  ${dll#./}"; else echo "    DIFFERENT  $a / ${b:-missing}  ${dll#./}"; status=1; fi
  count=$((count + 1))
done
[ $status -eq 0 ] && echo "    $count DLLs byte-identical across $work/first and $work/second-clone-elsewhere (HEAD $(git rev-parse --short HEAD))"
exit $status
