#!/bin/bash
# The CPU our analyzers take in the real command-line compiler, measured with `perf` instead of the compiler's
# ReportAnalyzer table. The table charges each analyzer the wall time of its callbacks (with every GC pause,
# preemption and lock wait that lands inside them: +-30 % run to run on a 2-core machine); the CPU samples that have a
# method of Policy.Analyzers or Policy.Model on their stack (our code and the compiler APIs it calls, ReadyToRun or
# re-JIT-compiled) are the work itself. Prints, per run, the table's charge and our share of the whole compiler's CPU
# samples (per mille; a ratio within one run, like "% of compile") and how many methods involving our types the runtime
# had to JIT-compile (code the ReadyToRun images lack; deterministic, unlike the timings), then the medians.
#
#   dotnet run -c Release --project bench/Policy.Benchmarks -- build --sizes 5000 --rounds 1   # once: writes the corpus and its log
#   bench/csc-cpu.sh 3 /tmp/old-build /tmp/new-build            # each directory: Policy.Analyzers.dll + Policy.Model.dll
#   bench/csc-cpu.sh 3 bench/Policy.Benchmarks/bin/Release/net10.0/r2r   # one build only
#
# Needs perf (linux-perf) with user-space sampling allowed (kernel.perf_event_paranoid <= 2) and python3. The compiler
# runs with DOTNET_PerfMapEnabled=1 so that re-JIT-compiled methods can be named (/tmp/perf-PID.map, moved into the scratch folder and removed after; bench/perfmap.py reads it).
# Options (environment): CORPUS (default $TMPDIR/policy-bench/corpus-5000), FREQ (samples per second, default 1999).
set -euo pipefail
pairs="${1:?usage: csc-cpu.sh RUNS DIR_A [DIR_B]}"
dirs=("$(cd "${2:?}" && pwd)")
[ -n "${3:-}" ] && dirs+=("$(cd "$3" && pwd)")
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
freq="${FREQ:-1999}"
log="$corpus/last-build.log"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/csc-command.sh"
csc_perf_tools csc-cpu
csc_base_command csc-cpu "$log" "$work"

cat > "$work/share.py" <<'PY'
# stdin: `perf script -F tid,ip,sym,dso` of one run; argv: our directory, the perf map, the mmap list of the runtime's
# double-mapped code, the charge printed by the compiler, the sampling rate, the results file.
import sys
from perfmap import Names, is_ours, samples
ours_dir, perf_map, mmaps, charged, rate, results = sys.argv[1:7]
rate = float(rate)
names = Names(perf_map, mmaps)
total = ours = 0
for stack in samples(sys.stdin):
    total += 1
    # Our ReadyToRun code is attributed to our DLLs; re-JIT-compiled methods of ours are named by the perf map.
    if any(ours_dir in dso or is_ours(names.method(ip, dso)) for ip, _, dso in stack):
        ours += 1
print('charged %s s  our CPU %.0f ms of %.1f s = %.2f per mille' % (charged, ours * 1000.0 / rate, total / rate, 1000.0 * ours / max(total, 1)))
with open(results, 'a') as out:
    out.write('%.3f %s\n' % (1000.0 * ours / max(total, 1), charged))
PY

run() { # label dir
  csc_perf_record "$1" "$2"
  local charged
  charged=$(grep -m1 -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers, ' "$work/$1.out" | awk '{print $1}')
  printf '%s ' "$1"
  perf script -i "$work/$1.data" -F tid,ip,sym,dso 2> /dev/null |
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$bench" python3 "$work/share.py" "$2/" "$work/$1.map" "$work/$1.mmaps" "${charged:-nan}" "$freq" "$work/${1%%[0-9]*}.results"
  # Methods the runtime JIT-compiled from scratch (not a tier-1 re-JIT) that involve our types: code our ReadyToRun
  # images could not hold (framework generics over our own value types), compiled inside our callbacks in every build.
  echo "   JIT-compiled methods involving our types: $(grep -v ' stub ' "$work/$1.map" | grep 'QuickJitted\]$' | grep -c 'Policy\.' || true)"
  rm -f "$work/$1.data" "$work/$1.map"
}

for i in $(seq 1 "$pairs"); do
  run "A$i" "${dirs[0]}"
  [ "${#dirs[@]}" -gt 1 ] && run "B$i" "${dirs[1]}"
done

median() { awk "{print \$$2}" "$1" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "median A: $(median "$work/A.results" 1) per mille of the compiler's CPU, charged $(median "$work/A.results" 2) s (${dirs[0]})"
[ "${#dirs[@]}" -gt 1 ] && echo "median B: $(median "$work/B.results" 1) per mille of the compiler's CPU, charged $(median "$work/B.results" 2) s (${dirs[1]})"
exit 0
