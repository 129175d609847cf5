#!/bin/bash
# Where our analyzers' CPU goes in the real command-line compiler, by method: one csc run of the logged compile under
# `perf record -g`, with every method JIT-compiled (DOTNET_ReadyToRun=0) so that the perf map names all of them, ours
# and the compiler's. Samples taken inside the JIT are left out (a ReadyToRun build does not pay them); what remains is
# split by the callback it ran in (the outermost frame of ours), by every method of ours on the stack (inclusive), by
# the first method outside our assemblies that ours called (which compiler API costs), and by the leaf. Absolute
# figures are those of JIT-compiled code; use the split, and bench/csc-cpu.sh for the share itself.
#
#   dotnet run -c Release --project bench/Policy.Benchmarks -- build --sizes 5000 --rounds 1   # once: writes the corpus and its log
#   bench/csc-profile.sh bench/Policy.Benchmarks/bin/Release/net10.0        # the IL builds of Policy.Analyzers + Policy.Model
#   FOCUS='TypeScope::OnEnd' bench/csc-profile.sh DIR                     # only the samples under that callback
#
# Needs perf and python3, like csc-cpu.sh. Options (environment): CORPUS (default $TMPDIR/policy-bench/corpus-5000),
# FREQ (default 1999), TOP (rows per table, default 25), FOCUS (a substring of the callback's name).
set -euo pipefail
dir="$(cd "${1:?usage: csc-profile.sh DIR}" && pwd)"
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
command -v perf > /dev/null || { echo "csc-profile: perf is not installed" >&2; exit 2; }
command -v python3 > /dev/null || { echo "csc-profile: python3 is not installed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/csc-command.sh"
csc_base_command csc-profile "$corpus/last-build.log" "$work"
cp "$work/base.rsp" "$work/run.rsp"
printf '/analyzer:%s\n' "$dir/Policy.Analyzers.dll" "$dir/Policy.Model.dll" >> "$work/run.rsp"
(cd "$corpus" && DOTNET_ReadyToRun=0 DOTNET_PerfMapEnabled=1 perf record -q -F "${FREQ:-1999}" -g -o "$work/p.data" -- "$csc" @"$work/run.rsp" > "$work/out.txt" 2>&1) || true
pid="$(perf script -i "$work/p.data" -F pid 2> /dev/null | awk 'NR == 1 { pid = $1 } END { print pid }')" # no early exit: pipefail
perf script -i "$work/p.data" --show-mmap-events 2> /dev/null | grep 'doublemapper' |
  sed -nE 's/.*\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0) .*/\1 \2 \3/p' | sort -u > "$work/mmaps"
mv "/tmp/perf-$pid.map" "$work/perf.map"
rm -f "/tmp/perfinfo-$pid.map"
echo "charged by the compiler's table (JIT-compiled run): $(grep -m1 -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers, ' "$work/out.txt" | awk '{print $1}') s"

cat > "$work/split.py" <<'PY'
# stdin: `perf script -F tid,ip,sym,dso`; argv: perf map, mmap list (offset in the double mapping -> address), top, focus.
import bisect, collections, re, sys
perf_map, mmaps, top, focus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
methods = []
for line in open(perf_map):
    parts = line.rstrip('\n').split(' ', 2)
    if len(parts) == 3:
        try:
            methods.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
        except ValueError:
            pass
methods.sort()
starts = [m[0] for m in methods]
maps = sorted((int(o, 16), int(s, 16), int(l, 16)) for s, l, o in (line.split() for line in open(mmaps)))
offsets = [m[0] for m in maps]
names = {}

def lookup(address):
    i = bisect.bisect_right(starts, address) - 1
    return methods[i][2] if i >= 0 and methods[i][0] <= address < methods[i][0] + methods[i][1] else None

def name(ip, sym, dso):
    key = (ip, dso)
    if key not in names:
        found = None
        if 'doublemapper' in dso:
            offset = int(ip, 16)
            j = bisect.bisect_right(offsets, offset) - 1
            while j >= 0 and found is None and offsets[j] + (1 << 26) > offset:
                start_offset, start, length = maps[j]
                if start_offset <= offset < start_offset + length:
                    found = lookup(start + offset - start_offset)
                j -= 1
        if found is None:
            found = (sym if sym and sym != '[unknown]' else '?') + ' (' + dso.rsplit('/', 1)[-1] + ')'
        # "instance class [Policy.Model] Policy.Model.X::M(args)[Optimized]" -> "Policy.Model.X::M"
        short = re.sub(r'\(.*$', '', found)
        short = short.split(' ')[-1] if '::' in short else found
        names[key] = (short, '[Policy.Model]' in found or '[Policy.Analyzers]' in found)
    return names[key]

tables = {t: collections.Counter() for t in ('callback', 'inclusive', 'api', 'leaf')}
total = ours = 0
stack = []

def flush():
    global total, ours
    if not stack:
        return
    total += 1
    if any('libclrjit' in dso for _, _, dso in stack):
        return
    frames = [name(*f) for f in stack]
    mine = [i for i, (_, is_ours) in enumerate(frames) if is_ours]
    if not mine or focus not in frames[mine[-1]][0]:
        return
    ours += 1
    tables['callback'][frames[mine[-1]][0]] += 1
    for n in {frames[i][0] for i in mine}:
        tables['inclusive'][n] += 1
    inner = mine[0]
    tables['api'][frames[inner][0].rsplit('.', 1)[-1] + ' -> ' + (frames[inner - 1][0] if inner > 0 else '(itself)')] += 1
    tables['leaf'][frames[0][0]] += 1

for line in sys.stdin:
    if not line.strip() or not line[0].isspace():
        flush()
        stack.clear()
        continue
    m = re.match(r'\s*([0-9a-f]+) (.*?) \((.*)\)$', line.rstrip('\n'))
    if m:
        stack.append((m.group(1), m.group(2), m.group(3)))
flush()
print('%d samples, %d with our code on the stack outside the JIT%s' % (total, ours, ' under ' + focus if focus else ''))
titles = {'callback': 'by callback (outermost method of ours)', 'inclusive': 'inclusive (any method of ours on the stack)',
          'api': 'innermost method of ours -> what it called', 'leaf': 'leaf (where the CPU was)'}
for key, title in titles.items():
    print('\n## ' + title)
    for n, k in tables[key].most_common(top):
        print('%6d %5.1f %%  %s' % (k, 100.0 * k / max(ours, 1), n[:160]))
PY
perf script -i "$work/p.data" -F tid,ip,sym,dso 2> /dev/null | python3 "$work/split.py" "$work/perf.map" "$work/mmaps" "${TOP:-25}" "${FOCUS:-}"
