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
# runs with DOTNET_PerfMapEnabled=1 so that re-JIT-compiled methods can be named (/tmp/perf-PID.map, removed after).
# Options (environment): CORPUS (default $TMPDIR/policy-bench/corpus-5000), FREQ (samples per second, default 1999).
set -euo pipefail
pairs="${1:?usage: csc-cpu.sh RUNS DIR_A [DIR_B]}"
dirs=("$(cd "${2:?}" && pwd)")
[ -n "${3:-}" ] && dirs+=("$(cd "$3" && pwd)")
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
freq="${FREQ:-1999}"
log="$corpus/last-build.log"
command -v perf > /dev/null || { echo "csc-cpu: perf is not installed" >&2; exit 2; }
command -v python3 > /dev/null || { echo "csc-cpu: python3 is not installed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

source "$(dirname "${BASH_SOURCE[0]}")/csc-command.sh"
csc_base_command csc-cpu "$log" "$work"

cat > "$work/share.py" <<'PY'
# stdin: `perf script -F tid,ip,sym,dso` of one run; argv: our directory, the perf map, the mmap list of the
# runtime's double-mapped code (offset -> address), the charge printed by the compiler.
import bisect, re, sys
ours_dir, perf_map, mmaps, charged = sys.argv[1:5]
methods = []
for line in open(perf_map):
    parts = line.rstrip('\n').split(' ', 2)
    if len(parts) == 3:
        try:
            methods.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
        except ValueError:
            pass
methods.sort()
method_starts = [m[0] for m in methods]
maps = []
for line in open(mmaps):
    start, length, offset = line.split()
    maps.append((int(offset, 16), int(start, 16), int(length, 16)))
maps.sort()
map_offsets = [m[0] for m in maps]
cache = {}

def is_ours_jitted(ip):
    # perf prints code in the runtime's double-mapped memory as an offset into that mapping; the perf map has addresses.
    if ip in cache:
        return cache[ip]
    offset = int(ip, 16)
    address = None
    j = bisect.bisect_right(map_offsets, offset) - 1
    while j >= 0 and address is None and map_offsets[j] + (1 << 26) > offset:
        start_offset, start, length = maps[j]
        if start_offset <= offset < start_offset + length:
            address = start + offset - start_offset
        j -= 1
    result = False
    if address is not None:
        i = bisect.bisect_right(method_starts, address) - 1
        if i >= 0 and methods[i][0] <= address < methods[i][0] + methods[i][1]:
            name = methods[i][2]
            result = '[Policy.Model]' in name or '[Policy.Analyzers]' in name
    cache[ip] = result
    return result

total = ours = 0
stack = []

def flush():
    global total, ours
    if not stack:
        return
    total += 1
    if any(ours_dir in dso or ('doublemapper' in dso and is_ours_jitted(ip)) for ip, dso in stack):
        ours += 1

for line in sys.stdin:
    if not line.strip() or not line[0].isspace():
        flush()
        stack.clear()
        continue
    m = re.match(r'\s*([0-9a-f]+) (.*?) \((.*)\)$', line.rstrip('\n'))
    if m:
        stack.append((m.group(1), m.group(3)))
flush()
rate = float(sys.argv[5])
print('charged %s s  our CPU %.0f ms of %.1f s = %.2f per mille' % (charged, ours * 1000.0 / rate, total / rate, 1000.0 * ours / max(total, 1)))
with open(sys.argv[6], 'a') as out:
    out.write('%.3f %s\n' % (1000.0 * ours / max(total, 1), charged))
PY

run() { # label dir
  cp "$work/base.rsp" "$work/$1.rsp"
  printf '/analyzer:%s\n' "$2/Policy.Analyzers.dll" "$2/Policy.Model.dll" >> "$work/$1.rsp"
  (cd "$corpus" && DOTNET_PerfMapEnabled=1 perf record -q -F "$freq" -g -o "$work/$1.data" -- "$csc" @"$work/$1.rsp" > "$work/$1.out" 2>&1) || true
  local pid
  pid="$(perf script -i "$work/$1.data" -F pid 2> /dev/null | awk 'NR == 1 { pid = $1 } END { print pid }')" # no early exit: pipefail
  perf script -i "$work/$1.data" --show-mmap-events 2> /dev/null | grep 'doublemapper' |
    sed -nE 's/.*\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0) .*/\1 \2 \3/p' | sort -u > "$work/$1.mmaps"
  local charged
  charged=$(grep -m1 -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers, ' "$work/$1.out" | awk '{print $1}')
  printf '%s ' "$1"
  perf script -i "$work/$1.data" -F tid,ip,sym,dso 2> /dev/null |
    python3 "$work/share.py" "$2/" "/tmp/perf-$pid.map" "$work/$1.mmaps" "${charged:-nan}" "$freq" "$work/${1%%[0-9]*}.results"
  # Methods the runtime JIT-compiled from scratch (not a tier-1 re-JIT) that involve our types: code our ReadyToRun
  # images could not hold (framework generics over our own value types), compiled inside our callbacks in every build.
  echo "   JIT-compiled methods involving our types: $(grep -v ' stub ' "/tmp/perf-$pid.map" 2> /dev/null | grep 'QuickJitted\]$' | grep -c 'Policy\.' || true)"
  rm -f "$work/$1.data" "/tmp/perf-$pid.map" "/tmp/perfinfo-$pid.map"
}

for i in $(seq 1 "$pairs"); do
  run "A$i" "${dirs[0]}"
  [ "${#dirs[@]}" -gt 1 ] && run "B$i" "${dirs[1]}"
done

median() { awk "{print \$$2}" "$1" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "median A: $(median "$work/A.results" 1) per mille of the compiler's CPU, charged $(median "$work/A.results" 2) s (${dirs[0]})"
[ "${#dirs[@]}" -gt 1 ] && echo "median B: $(median "$work/B.results" 1) per mille of the compiler's CPU, charged $(median "$work/B.results" 2) s (${dirs[1]})"
exit 0
