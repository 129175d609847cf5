#!/bin/bash
# A/B of two builds of Policy.Analyzers in the real command-line compiler, on one generated corpus, alternating A B A B.
# Each run is the compiler command line the benchmark's build mode logged (a cold csc, /reportanalyzer) with every
# /analyzer: replaced by Policy.Analyzers.dll and Policy.Model.dll of one directory, so nothing but our two builds differs.
# Prints the compiler's wall time and the time its ReportAnalyzer table charges each of our analyzers, per run, then the
# medians. Noise on a 2-core machine is +-30 % per run: compare medians of several pairs, never two single runs.
#
#   dotnet run -c Release --project bench/Policy.Benchmarks -- build --sizes 5000 --rounds 1   # once: writes the corpus and its log
#   bench/csc-ab.sh 5 /tmp/old-build /tmp/new-build            # each directory: Policy.Analyzers.dll + Policy.Model.dll
#
# Options (environment): CORPUS (default $TMPDIR/policy-bench/corpus-5000), CSCFLAGS (extra compiler switches).
# Do not pass -shared: the compiler server would inherit a caller's flock and keep it.
set -euo pipefail
pairs="${1:?usage: csc-ab.sh PAIRS DIR_A DIR_B}"
dir_a="$(cd "${2:?}" && pwd)"
dir_b="$(cd "${3:?}" && pwd)"
corpus="${CORPUS:-${TMPDIR:-/tmp}/policy-bench/corpus-5000}"
log="$corpus/last-build.log"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The compiler invocation of the logged B build, one argument per line ($csc, $work/base.rsp).
source "$(dirname "${BASH_SOURCE[0]}")/csc-command.sh"
csc_base_command csc-ab "$log" "$work"

run() { # label dir
  cp "$work/base.rsp" "$work/$1.rsp"
  printf '/analyzer:%s\n' "$2/Policy.Analyzers.dll" "$2/Policy.Model.dll" >> "$work/$1.rsp"
  local start end
  start=$(date +%s%N)
  (cd "$corpus" && "$csc" ${CSCFLAGS:-} @"$work/$1.rsp" > "$work/$1.out" 2>&1) || true
  end=$(date +%s%N)
  local total
  total=$(grep -m1 -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers, ' "$work/$1.out" | awk '{print $1}')
  printf '%s wall %.2f s  Policy.Analyzers %s s' "$1" "$(echo "($end - $start) / 1000000000" | bc -l)" "${total:-?}"
  grep -E '^ +[0-9.<]+ +[0-9<]+ +Policy\.Analyzers\.[A-Za-z]+Analyzer' "$work/$1.out" | awk '{printf "  %s %s", $3, $1}' | sed 's/Policy\.Analyzers\.//g'
  echo
  echo "${total:-nan}" >> "$work/${1%%[0-9]*}.totals"
}

for i in $(seq 1 "$pairs"); do
  run "A$i" "$dir_a"
  run "B$i" "$dir_b"
done

median() { sort -g "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
echo "median Policy.Analyzers: A $(median "$work/A.totals") s, B $(median "$work/B.totals") s ($pairs pairs; A = $dir_a, B = $dir_b)"
