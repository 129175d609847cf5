# Sourced by csc-ab.sh, csc-cpu.sh and csc-profile.sh: the compiler invocation the benchmark's build mode logged (-v:d prints it), as a
# response file without the analyzers and with the output in a scratch folder, so that a script can add the analyzer
# builds it compares.
#
#   csc_base_command SCRIPT LOG WORK   # sets $csc to the compiler, writes WORK/base.rsp (one argument per line)
#   csc_perf_tools SCRIPT   # exits 2 with a message unless perf and python3 are installed
#   csc_perf_record LABEL DIR [NAME=VALUE...]   # one run of it under perf (below)
csc_base_command() {
  local script="$1" log="$2" work="$3" command_line
  command_line="$(grep -m1 -E '^ *[^ ]*/(bincore/csc|csc\.dll|csc\.exe) ' "$log" | sed 's/^ *//')" || {
    echo "$script: no compiler command line in $log (run the build mode once first)" >&2
    exit 2
  }
  csc="${command_line%% *}"
  echo "${command_line#* }" | tr ' ' '\n' | grep -v -e '^/analyzer:' -e '^/refout:' -e '^$' |
    sed "s#^/out:.*#/out:$work/out.dll#" > "$work/base.rsp"
}

csc_perf_tools() {
  local tool
  for tool in perf python3; do
    command -v "$tool" > /dev/null || { echo "$1: $tool is not installed" >&2; exit 2; }
  done
}

# csc_perf_record LABEL DIR [NAME=VALUE...]: the base command with DIR's Policy.Analyzers.dll + Policy.Model.dll under
# `perf record -g` (FREQ samples a second, default 1999), the runtime's perf map on, extra environment as given. Leaves
# $work/LABEL.data (the samples), LABEL.out (the compiler's output), LABEL.map (the perf map) and LABEL.mmaps (the
# double-mapped code's mmap events as "address length offset", for bench/perfmap.py). Needs $csc, $work and $corpus.
csc_perf_record() {
  local label="$1" dir="$2" pid
  shift 2
  cp "$work/base.rsp" "$work/$label.rsp"
  printf '/analyzer:%s\n' "$dir/Policy.Analyzers.dll" "$dir/Policy.Model.dll" >> "$work/$label.rsp"
  (cd "$corpus" && env DOTNET_PerfMapEnabled=1 "$@" perf record -q -F "${FREQ:-1999}" -g -o "$work/$label.data" -- "$csc" @"$work/$label.rsp" > "$work/$label.out" 2>&1) || true
  pid="$(perf script -i "$work/$label.data" -F pid 2> /dev/null | awk 'NR == 1 { pid = $1 } END { print pid }')" # no early exit: pipefail
  perf script -i "$work/$label.data" --show-mmap-events 2> /dev/null | grep 'doublemapper' |
    sed -nE 's/.*\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0) .*/\1 \2 \3/p' | sort -u > "$work/$label.mmaps"
  mv "/tmp/perf-$pid.map" "$work/$label.map" 2> /dev/null || : > "$work/$label.map"
  rm -f "/tmp/perfinfo-$pid.map"
}
