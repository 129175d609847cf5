#!/bin/bash
# The methods the runtime JIT-compiles in a cold csc because of our analyzers: the logged compile of the build mode run
# once with the no-op analyzer (the same registrations as ours, bench/Policy.Benchmarks.NoopAnalyzer) and once with
# Policy.Analyzers.dll + Policy.Model.dll of DIR, each with the runtime's perf map on; the methods compiled at tier 0
# (from scratch: no ReadyToRun code for them) in the second run and not in the first. Each costs JIT time, type loading
# and slow tier-0 code inside our callbacks, in every build. Most are framework generics over value types that no
# ReadyToRun image holds: Lazy<bool>, ConcurrentDictionary<K, ImmutableArray<V>>, List<(int, T)>, SortedDictionary<K, V>
# (KeyValuePair inside), LINQ over dictionary pairs (docs/performance.md, "Session 12"). Some are the compiler's own,
# on paths only findings take (pragma and SuppressMessage state, suppressions): the same for any analyzer that reports.
# The count is deterministic up to a few methods (the runtime's tiering races), unlike the timings.
#
#   dotnet run -c Release --project bench/Policy.Benchmarks -- build --sizes 5000 --rounds 1   # once: writes the corpus and its log
#   bench/csc-jit.sh bench/Policy.Benchmarks/bin/Release/net10.0/r2r [DIR_B]   # prints the count (and B's) and writes the lists
#
# Options (environment): CORPUS (default $TMPDIR/policy-bench/corpus-5000), OUT (folder for the lists, default a temporary
# one that is printed), NOOP (the no-op analyzer DLL, default the benchmark's build output).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dirs=("$(cd "${1:?usage: csc-jit.sh DIR [DIR_B]}" && pwd)")
[ -n "${2:-}" ] && dirs+=("$(cd "$2" && pwd)")
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
noop="${NOOP:-$bench/Policy.Benchmarks/bin/Release/net10.0/Policy.Benchmarks.NoopAnalyzer.dll}"
[ -f "$noop" ] || { echo "csc-jit: no no-op analyzer at $noop (build bench/Policy.Benchmarks first)" >&2; exit 2; }
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$bench/csc-command.sh"
csc_base_command csc-jit "$corpus/last-build.log" "$work"

# jitted LABEL ANALYZER_DLL...: one compile with the perf map on; writes OUT/LABEL.jit (the tier-0 compiled methods, sorted)
jitted() {
  local label="$1" map
  shift
  cp "$work/base.rsp" "$work/$label.rsp"
  printf '/analyzer:%s\n' "$@" >> "$work/$label.rsp"
  mkdir -p "$work/$label"
  (cd "$corpus" && TMPDIR="$work/$label" DOTNET_PerfMapEnabled=3 DOTNET_PerfMapJitDumpPath="$work/$label" "$csc" @"$work/$label.rsp" > "$work/$label.out" 2>&1) || true
  map="$(ls "$work/$label"/perf-*.map 2> /dev/null | head -1 || true)" # DOTNET_PerfMapJitDumpPath: the map's folder
  if [ -z "$map" ]; then
    echo "csc-jit: the runtime wrote no perf map for $label" >&2
    exit 2
  fi
  cut -d' ' -f3- "$map" | grep -v ' stub ' | grep 'QuickJitted\]$' | sort -u > "$out/$label.jit"
  rm -f "$work/$label"/perf-*.map "$work/$label"/perfinfo-*.map
}

jitted noop "$noop"
labels=(A B)
for i in "${!dirs[@]}"; do
  label="${labels[$i]}"
  jitted "$label" "${dirs[$i]}/Policy.Analyzers.dll" "${dirs[$i]}/Policy.Model.dll"
  comm -13 "$out/noop.jit" "$out/$label.jit" > "$out/$label.extra"
  echo "$label: $(wc -l < "$out/$label.extra") methods JIT-compiled with our analyzers and not with the no-op (${dirs[$i]}); list: $out/$label.extra"
done
