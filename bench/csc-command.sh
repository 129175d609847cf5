# Sourced by csc-ab.sh and csc-cpu.sh: the compiler invocation the benchmark's build mode logged (-v:d prints it), as a
# response file without the analyzers and with the output in a scratch folder, so that a script can add the analyzer
# builds it compares.
#
#   csc_base_command SCRIPT LOG WORK   # sets $csc to the compiler, writes WORK/base.rsp (one argument per line)
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
