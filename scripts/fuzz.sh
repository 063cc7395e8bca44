#!/usr/bin/env bash
# Fuzzes the Jazzer targets (@FuzzTest methods) one after another, each in its own Maven run with
# the fuzz profile (Jazzer fuzzes one target per JVM), and prints per target the inputs tried, the
# seconds and the outcome. A finding is written by Jazzer as a file next to the target's stored
# inputs (src/test/resources/.../<Class>Inputs/<target>/crash-*), so the ordinary build replays it.
#
# usage: scripts/fuzz.sh [target-pattern]   e.g. scripts/fuzz.sh 'JsonApiFuzzTests#(registrations|session)$'
# env:   FUZZ_DURATION  time per target (default 5m; Jazzer's syntax: 30s, 5m, 1h)
#        FUZZ_RUNS      stop a target after this many inputs (default 0: until FUZZ_DURATION)
#        FUZZ_OUT       logs, the summary and the JSON API's answers by status (default target/fuzz)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PATTERN=${1:-.}
DURATION=${FUZZ_DURATION:-5m}
RUNS=${FUZZ_RUNS:-0}
OUT=${FUZZ_OUT:-$ROOT/target/fuzz}
mkdir -p "$OUT"
cd "$ROOT"

# "module Class#method" for every @FuzzTest, read from the sources so that a new target is fuzzed too.
targets() {
  grep -rl --include='*.java' '@FuzzTest' identifiers/src/test platform/src/test | sort | while read -r file; do
    class=$(basename "$file" .java)
    awk -v class="${file%%/*} $class" '/@FuzzTest/ { want = 1; next }
      want && /void [A-Za-z0-9_]+\(/ { match($0, /void [A-Za-z0-9_]+\(/); print class "#" substr($0, RSTART + 5, RLENGTH - 6); want = 0 }' "$file"
  done
}

printf '%-60s %10s %8s  %s\n' target inputs seconds outcome | tee "$OUT/summary.txt"
: >"$OUT/statuses.txt"
targets | grep -E -- "$PATTERN" | while read -r module target; do
  log="$OUT/${target/\#/.}.log"
  tally=platform/target/fuzz/api-endpoints.txt  # written by JsonApiFuzzTests, per run
  rm -f "$tally"
  started=$(date +%s)
  # identifiers is built in the reactor, never installed: the platform's targets need both modules
  modules=$([ "$module" = identifiers ] && echo identifiers || echo identifiers,platform)
  if nice -n 10 ./mvnw -Pfuzz -pl "$modules" test -Dtest="$target" \
      -Djazzer.max_duration="$DURATION" -Djazzer.max_executions="$RUNS" </dev/null >"$log" 2>&1; then
    outcome=passed
  else
    outcome="FINDING or failure, see $log"
  fi
  inputs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || true)
  seconds=$(grep -o 'runs in [0-9]* second' "$log" | tail -1 | grep -o '[0-9]*' || echo "$(( $(date +%s) - started ))")
  printf '%-60s %10s %8s  %s\n' "$target" "${inputs:-?}" "$seconds" "$outcome" | tee -a "$OUT/summary.txt"
  if [ -f "$tally" ]; then cat "$tally" >>"$OUT/statuses.txt"; fi
done
# the loop runs in a pipeline's subshell: the summary tells whether anything failed
! grep -q FINDING "$OUT/summary.txt"
