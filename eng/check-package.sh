#!/usr/bin/env bash
# Checks the layout of the packed Policy.Analyzers package (run after eng/run-sample.sh or dotnet pack).
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=$(ls -t artifacts/packages/Policy.Analyzers.*.nupkg | head -n 1)
listing=$(unzip -Z1 "$pkg")
status=0
for entry in \
  lib/netstandard2.0/Policy.Annotations.dll \
  lib/netstandard2.0/Policy.Annotations.xml \
  analyzers/dotnet/cs/Policy.Analyzers.dll \
  analyzers/dotnet/cs/Policy.Model.dll \
  analyzers/dotnet/cs/Policy.Analyzers.CodeFixes.dll \
  buildTransitive/Policy.Analyzers.props \
  build/Policy.Analyzers.props \
  build/Policy.Analyzers.targets \
  buildTransitive/Policy.Analyzers.targets \
  presets/default.globalconfig \
  presets/iso42001-strict.globalconfig \
  presets/eu-ai-act-high-risk.globalconfig \
  README.md; do
  if ! grep -qx "$entry" <<<"$listing"; then echo "missing: $entry"; status=1; fi
done
# The attributes must be a compile reference: no developmentDependency, and no analyzer assembly under lib/.
nuspec=$(unzip -p "$pkg" Policy.Analyzers.nuspec)
if grep -q "<developmentDependency>true" <<<"$nuspec"; then echo "package is a development dependency"; status=1; fi
if grep -qE "^lib/.*Policy\.(Analyzers|Model)" <<<"$listing"; then echo "analyzer assembly under lib/"; status=1; fi
[ $status -eq 0 ] || exit $status
echo "package layout OK: $pkg"

# The policy CLI packs as a .NET tool and installs from the local feed.
rm -f artifacts/packages/Policy.Cli.*.nupkg
dotnet pack src/Policy.Cli -c Release -o artifacts/packages -nologo -v:q -clp:NoSummary >/dev/null
rm -rf artifacts/tool
# The tool's cached copy is keyed by version: clear it so uncommitted work is never served from the cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/policy.cli"
dotnet tool install Policy.Cli --tool-path artifacts/tool --prerelease --add-source artifacts/packages >/dev/null
artifacts/tool/policy --help | head -n 3
echo "policy tool installs and runs from the local feed"
