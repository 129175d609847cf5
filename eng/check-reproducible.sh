#!/usr/bin/env bash
# Two clones of HEAD in two different folders pack byte-identical DLLs (Policy.Annotations, Policy.Model,
# Policy.Analyzers, Policy.Analyzers.CodeFixes): ContinuousIntegrationBuild maps source paths, the build is
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
  for pkg in "$work/$name/out"/*.nupkg; do unzip -q -o -j "$pkg" '*.dll' -d "$work/$name/dlls"; done
  python3 eng/inspect-dll.py --build-root "$work/$name" "$work/$name/dlls"/*.dll > "$work/$name.inspect" || { cat "$work/$name.inspect"; exit 1; }
done
status=0
for dll in "$work/first/dlls"/*.dll; do
  name=$(basename "$dll")
  a=$(sha256sum < "$dll" | cut -c1-64); b=$(sha256sum < "$work/second-clone-elsewhere/dlls/$name" | cut -c1-64)
  if [ "$a" = "$b" ]; then echo "    identical  $a  $name"; else echo "    DIFFERENT  $a / $b  $name"; status=1; fi
done
[ $status -eq 0 ] && echo "    $(ls "$work/first/dlls" | wc -l) DLLs byte-identical across $work/first and $work/second-clone-elsewhere (HEAD $(git rev-parse --short HEAD))"
exit $status
