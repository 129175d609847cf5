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
# FREQ (default 1999), TOP (rows per table, default 25), FOCUS (a substring of the callback's name). The compiler inherits
# the environment: DOTNET_TieredCompilation=0 makes every method optimized at its first call (tier-0 code is slow and
# inflates one-time work; optimized code is what the ReadyToRun images run).
set -euo pipefail
dir="$(cd "${1:?usage: csc-profile.sh DIR}" && pwd)"
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$bench/csc-command.sh"
csc_perf_tools csc-profile
csc_base_command csc-profile "$corpus/last-build.log" "$work"
csc_perf_record run "$dir" DOTNET_ReadyToRun=0
echo "charged by the compiler's table (JIT-compiled run): $(grep -m1 -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers, ' "$work/run.out" | awk '{print $1}') s"

cat > "$work/split.py" <<'PY'
# stdin: `perf script -F tid,ip,sym,dso`; argv: perf map, mmap list, rows per table, focus.
import collections, re, sys
from perfmap import Names, is_ours, samples
perf_map, mmaps, top, focus = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
names = Names(perf_map, mmaps)
short_names = {}

def name(ip, sym, dso):
    # "instance class [Policy.Model] Policy.Model.X::M(args)[Optimized]" -> ("Policy.Model.X::M", ours)
    key = (ip, dso)
    if key not in short_names:
        found = names.method(ip, dso)
        ours = is_ours(found)
        if found is None:
            found = (sym if sym and sym != '[unknown]' else '?') + ' (' + dso.rsplit('/', 1)[-1] + ')'
        else:
            found = re.sub(r'\(.*$', '', found).split(' ')[-1]
        short_names[key] = (found, ours)
    return short_names[key]

tables = {t: collections.Counter() for t in ('callback', 'inclusive', 'api', 'leaf')}
total = ours = 0
for stack in samples(sys.stdin):
    total += 1
    if any('libclrjit' in dso for _, _, dso in stack):
        continue  # the JIT itself: a ReadyToRun build does not pay it
    frames = [name(*frame) for frame in stack]
    mine = [i for i, (_, is_mine) in enumerate(frames) if is_mine]
    if not mine or focus not in frames[mine[-1]][0]:
        continue
    ours += 1
    tables['callback'][frames[mine[-1]][0]] += 1
    for n in {frames[i][0] for i in mine}:
        tables['inclusive'][n] += 1
    inner = mine[0]
    tables['api'][frames[inner][0].rsplit('.', 1)[-1] + ' -> ' + (frames[inner - 1][0] if inner > 0 else '(itself)')] += 1
    tables['leaf'][frames[0][0]] += 1
print('%d samples, %d with our code on the stack outside the JIT%s' % (total, ours, ' under ' + focus if focus else ''))
titles = {'callback': 'by callback (outermost method of ours)', 'inclusive': 'inclusive (any method of ours on the stack)',
          'api': 'innermost method of ours -> what it called', 'leaf': 'leaf (where the CPU was)'}
for key, title in titles.items():
    print('\n## ' + title)
    for n, k in tables[key].most_common(top):
        print('%6d %5.1f %%  %s' % (k, 100.0 * k / max(ours, 1), n[:160]))
PY
perf script -i "$work/run.data" -F tid,ip,sym,dso 2> /dev/null | PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$bench" python3 "$work/split.py" "$work/run.map" "$work/run.mmaps" "${TOP:-25}" "${FOCUS:-}"
