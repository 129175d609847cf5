#!/bin/sh
# Runs a command under a concurrent CPU load: N busy-loop processes (default: one per core) at normal priority for the
# command's whole run, stopped by their process ids afterwards. Used for the "under load" figures of docs/performance.md:
#   bench/cpu-load.sh 2 dotnet run -c Release --project bench/Policy.Benchmarks -- build --sizes 5000 --rounds 1
set -eu
count="$1"
shift
pids=""
i=0
while [ "$i" -lt "$count" ]; do
  sh -c 'while :; do :; done' &
  pids="$pids $!"
  i=$((i + 1))
done
trap 'kill $pids 2>/dev/null || true' EXIT INT TERM
echo "cpu-load: $count busy processes ($pids) while running: $*" >&2
"$@"
