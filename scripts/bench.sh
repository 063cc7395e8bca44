#!/usr/bin/env bash
# The benchmark of issue 14: Propusk and Keycloak 26.7.3 side by side on this machine, one system at
# a time, the same Gatling scenarios (bench/src/test/java/org/propusk/bench) against each, and a
# Markdown report with the ratios, the hash-bound limit, start-up and memory:
# bench/target/bench-report.md, with Gatling's HTML reports under bench/target/gatling/.
# Loopback only; every step is bounded in time, and the servers are stopped on exit, however it comes.
#
#   scripts/bench.sh
#
# Settings (environment):
#   BENCH_SYSTEMS    the systems, in order (default "propusk keycloak")
#   BENCH_SCENARIOS  the simulations without "Simulation" (default: all seven, see below)
#   BENCH_SECONDS    measured seconds per scenario (default 60)
#   BENCH_WARMUP     warm-up seconds per scenario, before the measured ones (default 15)
#   BENCH_ACCOUNTS   citizens on each system (default 10000; 1000000 for the scale run)
#   BENCH_USERS      concurrent users in every scenario (default: each scenario's own, per core)
#   PROPUSK_JVM_OPTS JVM options for Propusk on top of the production ones (platform/jvm.options through
#                    scripts/run-platform.sh, README "Operations"); default none
#   START_TIMEOUT    seconds a server has to become ready (default 300)
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, as in .ci/run), a JDK >= 21, curl;
# ports 18080 and 18081 (Propusk), 18180 and 19000 (Keycloak) free. Recreates the databases
# bench_propusk (here) and bench_keycloak (scripts/keycloak.sh setup).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SYSTEMS=${BENCH_SYSTEMS:-propusk keycloak}
SCENARIOS=${BENCH_SCENARIOS:-NoOp SignIn Registration AuthorizationCode Refresh ClientCredentials UserInfo}
MEASURED=${BENCH_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-15}
ACCOUNTS=${BENCH_ACCOUNTS:-10000}
export PROPUSK_JVM_OPTS=${PROPUSK_JVM_OPTS:-}
START_TIMEOUT=${START_TIMEOUT:-300}
# bounds of the steps that are not servers: builds, one Gatling run beyond its own time, seeding
BUILD_TIMEOUT=1800
GATLING_SLACK=600
SEED_TIMEOUT=7200

OUT=$ROOT/bench/target
RUNS=$OUT/bench-runs.tsv
FACTS=$OUT/bench-facts.properties
HASH=$OUT/hash-bound.properties
CLASSPATH_FILE=$OUT/bench.classpath
PROPUSK_WORK=$OUT/propusk # Propusk's working directory (the dev profile's ./data) and its log
PROPUSK_DB=bench_propusk
PROPUSK_URL=http://127.0.0.1:18080
KEYCLOAK_PID_FILE=$OUT/keycloak/keycloak.pid # written by scripts/keycloak.sh start

. scripts/jdk.sh

PROPUSK_PID=
KEYCLOAK_STARTED=0
SAMPLER=

step() { echo "== $(date +%T) $*"; }
fact() { echo "$1=$2" >>"$FACTS"; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v ms=$(($(now_ms) - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mib() { awk -v kib="$1" 'BEGIN { printf "%.0f", kib / 1024 }'; }
# the heap, collector and cache flags the JVM was started with (argument files expanded)
jvm_options() {
  "$(dirname "$JAVA")/jcmd" "$1" VM.command_line 2>/dev/null | sed -n 's/^jvm_args: //p' | tr ' ' '\n' |
    grep -E '^-Xm[sx]|RAMPercentage|^-XX:\+Use.*GC$|^-XX:AOTCache=' | sed 's/^\(-XX:AOTCache\)=.*/\1/' | tr '\n' ' ' | sed 's/ $//'
}
# Propusk's Argon2id cost, as the platform is configured (the hash-bound limit is measured at it)
argon2() {
  awk -v key="$1" '/^ *argon2:/ { inside = 1; next } inside && $1 == key ":" { print $2; exit }' \
    platform/src/main/resources/application.yaml
}

stop_sampler() {
  if [ -n "$SAMPLER" ]; then kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=; fi
}

# the highest VmRSS (KiB) of the process, checked every second while it lives, into a file
start_sampler() {
  local pid=$1 file=$2
  echo 0 >"$file"
  (
    max=0
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(rss_kib "$pid")
      if [ "${rss:-0}" -gt "$max" ]; then max=$rss; echo "$max" >"$file"; fi
      sleep 1
    done
  ) &
  SAMPLER=$!
}

propusk_start() {
  mkdir -p "$PROPUSK_WORK"
  # as in production (scripts/run-platform.sh: platform/jvm.options, the ahead-of-time cache, whose
  # training run the first start, the one that creates the schema, does); the dev profile for its
  # development outbox and its trust of loopback proxies; the bench's own settings (database, ports
  # on loopback, clients) on top
  (cd "$PROPUSK_WORK" && PROPUSK_JAR="$JAR" exec "$ROOT/scripts/run-platform.sh" \
    --spring.profiles.active=dev \
    --spring.config.additional-location="file:$ROOT/bench/propusk-bench.yaml" \
    >>"$PROPUSK_WORK/propusk.log" 2>&1) &
  PROPUSK_PID=$!
  local deadline=$(($(date +%s) + START_TIMEOUT))
  until curl -fs -o /dev/null "$PROPUSK_URL/readyz"; do
    if ! kill -0 "$PROPUSK_PID" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Propusk did not become ready; the end of $PROPUSK_WORK/propusk.log:" >&2
      tail -30 "$PROPUSK_WORK/propusk.log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

propusk_stop() {
  [ -n "$PROPUSK_PID" ] || return 0
  kill -TERM "$PROPUSK_PID" 2>/dev/null || true
  # graceful shutdown gives requests in flight 20 s
  for _ in $(seq 1 40); do kill -0 "$PROPUSK_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL "$PROPUSK_PID" 2>/dev/null || true
  wait "$PROPUSK_PID" 2>/dev/null || true
  PROPUSK_PID=
}

keycloak_stop() {
  if [ "$KEYCLOAK_STARTED" = 1 ]; then scripts/keycloak.sh stop || true; KEYCLOAK_STARTED=0; fi
}

cleanup() {
  stop_sampler
  propusk_stop
  keycloak_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU time so far in ticks (1/100 s): the server's process, PostgreSQL's (its processes, and in the
# postmaster's children totals the backends that have ended), and the whole machine's busy time
cpu_ticks() {
  local server postgres=0 busy pid
  server=$(awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0)
  for pid in $(pgrep -x postgres); do
    postgres=$((postgres + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  busy=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
  echo "$server $postgres $busy"
}

# Propusk's password hashes so far (its metrics on the management port): how many, their seconds
# from turn to end, and the CPU seconds their threads spent on them; "0 0 0" for another system
hash_counters() {
  [ "$1" = propusk ] || { echo "0 0 0"; return; }
  { curl -fs "http://127.0.0.1:18081/actuator/prometheus" || true; } | awk '
    /^propusk_password_hashing_duration_seconds_count/ {count = $2}
    /^propusk_password_hashing_duration_seconds_sum/ {sum = $2}
    /^propusk_password_hashing_cpu_seconds_total/ {cpu = $2}
    END {printf "%d %s %s\n", count, sum + 0, cpu + 0}'
}

# Where the cores went during a scenario's measured seconds (from the simulation's start, which its
# log announces with "bench: ", plus the warm-up): the server, PostgreSQL, and everything else (the
# load generator first of all), each in cores used on average, as facts for the report
measure_cpu() {
  local system=$1 scenario=$2 pid=$3 log=$4 before after hashes_before hashes_after
  for _ in $(seq 1 600); do grep -q '^bench: ' "$log" 2>/dev/null && break; sleep 0.5; done
  sleep "$WARMUP"
  before=$(cpu_ticks "$pid")
  hashes_before=$(hash_counters "$system")
  sleep "$MEASURED"
  after=$(cpu_ticks "$pid")
  hashes_after=$(hash_counters "$system")
  awk -v before="$before" -v after="$after" -v seconds="$MEASURED" -v key="$system.$scenario" \
    -v hashes_before="$hashes_before" -v hashes_after="$hashes_after" 'BEGIN {
    split(before, b, " "); split(after, a, " ")
    server = (a[1] - b[1]) / 100 / seconds; postgres = (a[2] - b[2]) / 100 / seconds; busy = (a[3] - b[3]) / 100 / seconds
    printf "%s.cpu-server=%.2f\n%s.cpu-postgres=%.2f\n%s.cpu-rest=%.2f\n", key, server, key, postgres, key, busy - server - postgres
    split(hashes_before, hb, " "); split(hashes_after, ha, " ")
    if (ha[1] > hb[1]) {
      n = ha[1] - hb[1]
      printf "%s.hash-ms=%.1f\n%s.hash-cpu-ms=%.1f\n", key, 1000 * (ha[2] - hb[2]) / n, key, 1000 * (ha[3] - hb[3]) / n
    }
  }' >>"$FACTS"
}

# Each scenario against the running system; appends its line to the runs (report directory "-"
# when the run failed). A Gatling run is bounded by its own time (it stops the users) and by timeout.
run_scenarios() {
  local system=$1 pid=$2 scenario load log dir users cpu_meter
  start_sampler "$pid" "$OUT/$system-rss-peak-kib"
  for scenario in $SCENARIOS; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    log=$OUT/gatling-$system-$scenario.log
    step "$system: ${scenario}Simulation, $WARMUP s warm-up and $MEASURED s measured (load average $load)"
    rm -f "$log"
    measure_cpu "$system" "$scenario" "$pid" "$log" &
    cpu_meter=$!
    if ! timeout $((WARMUP + MEASURED + GATLING_SLACK)) ./mvnw -q -pl bench gatling:test \
      -Dgatling.simulationClass="org.propusk.bench.${scenario}Simulation" \
      -Dbench.target="$system" -Dbench.seconds="$MEASURED" -Dbench.warmup="$WARMUP" -Dbench.accounts="$ACCOUNTS" \
      ${BENCH_USERS:+-Dbench.users="$BENCH_USERS"} 2>&1 | tee "$log"; then
      echo "!! ${scenario}Simulation failed on $system (see $log)"
      kill "$cpu_meter" 2>/dev/null || true # no measured seconds to account for
    fi
    wait "$cpu_meter" 2>/dev/null || true
    dir=$(sed -n 's|.*please open the following file: file://\(.*\)/index\.html.*|\1|p' "$log" | tail -1)
    users=$(sed -n 's/^bench: .*, \([0-9]*\) users,.*/\1/p' "$log" | head -1)
    printf '%s\t%s\t%s\t%s\t%s\n' "$system" "${scenario}Simulation" "${users:-0}" "$load" "${dir:--}" >>"$RUNS"
  done
  stop_sampler
  fact "$system.rss-peak-mib" "$(mib "$(cat "$OUT/$system-rss-peak-kib")")"
}

# start-up (launch to ready) and resident memory once settled, of a start with the accounts in place
measure_start() {
  local system=$1 pid=$2 started=$3
  fact "$system.startup-seconds" "$(seconds_since "$started")"
  sleep 10
  fact "$system.rss-idle-mib" "$(mib "$(rss_kib "$pid")")"
  fact "$system.jvm-options" "$(jvm_options "$pid")"
  step "$system ready: start-up $(grep "^$system.startup-seconds=" "$FACTS" | cut -d= -f2) s, resident when idle $(grep "^$system.rss-idle-mib=" "$FACTS" | cut -d= -f2) MiB"
}

bench_propusk() {
  step "propusk: database $PROPUSK_DB recreated, first start (schema)"
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $PROPUSK_DB with (force)" -c "create database $PROPUSK_DB"
  propusk_start
  step "propusk: $ACCOUNTS citizens"
  timeout "$SEED_TIMEOUT" scripts/generate-accounts.sh "$PROPUSK_DB" "$ACCOUNTS"
  propusk_stop
  step "propusk: started again, with the accounts (platform/jvm.options${PROPUSK_JVM_OPTS:+ $PROPUSK_JVM_OPTS})"
  local started
  started=$(now_ms)
  propusk_start
  measure_start propusk "$PROPUSK_PID" "$started"
  run_scenarios propusk "$PROPUSK_PID"
  step "propusk: stopping"
  propusk_stop
}

bench_keycloak() {
  step "keycloak: setup (database bench_keycloak recreated), first start, $ACCOUNTS citizens"
  timeout "$BUILD_TIMEOUT" scripts/keycloak.sh setup
  KEYCLOAK_STARTED=1
  timeout "$((START_TIMEOUT + 60))" scripts/keycloak.sh start
  timeout "$SEED_TIMEOUT" scripts/keycloak.sh provision "$ACCOUNTS"
  keycloak_stop
  step "keycloak: started again, with the accounts"
  local started
  started=$(now_ms)
  KEYCLOAK_STARTED=1
  timeout "$((START_TIMEOUT + 60))" scripts/keycloak.sh start
  measure_start keycloak "$(cat "$KEYCLOAK_PID_FILE")" "$started"
  run_scenarios keycloak "$(cat "$KEYCLOAK_PID_FILE")"
  step "keycloak: stopping"
  keycloak_stop
}

for system in $SYSTEMS; do
  case $system in
    propusk) [ -x scripts/generate-accounts.sh ] || { echo "scripts/generate-accounts.sh (the account generator) is missing" >&2; exit 1; } ;;
    keycloak) [ -x scripts/keycloak.sh ] || { echo "scripts/keycloak.sh is missing: run with BENCH_SYSTEMS=propusk" >&2; exit 1; } ;;
    *) echo "unknown system $system (propusk, keycloak)" >&2; exit 1 ;;
  esac
done

step "build: the platform jar and the benchmark module"
timeout "$BUILD_TIMEOUT" ./mvnw -q -pl platform -am -DskipTests package
timeout "$BUILD_TIMEOUT" ./mvnw -q -pl bench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -DincludeScope=test
JAR=$ROOT/$(ls platform/target/propusk-platform-*.jar | grep -v original | head -1)
for system in $SYSTEMS; do
  target=$(tr '[:lower:]' '[:upper:]' <<<"${system:0:1}")${system:1}Target
  [ -f "$OUT/test-classes/org/propusk/bench/$target.class" ] || { echo "no $target in the benchmark module" >&2; exit 1; }
done

rm -rf "$OUT/gatling" "$RUNS" "$FACTS" "$HASH" "$OUT/bench-report.md"
fact run.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
fact run.seconds "$MEASURED"
fact run.warmup "$WARMUP"
fact run.accounts "$ACCOUNTS"
fact machine.cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
fact machine.cores "$(nproc)"
fact machine.memory-gib "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
fact machine.os "$(uname -sr)"
fact machine.java "$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vendor.version/ {print "Java " $2}')"
fact machine.postgresql "$(psql -h 127.0.0.1 -U postgres -tAc 'show server_version')"

step "hash-bound limit: Argon2id at the platform's cost on every core, nothing else running of ours"
timeout 120 "$JAVA" -cp "$OUT/classes:$(cat "$CLASSPATH_FILE")" org.propusk.bench.HashBound \
  --memory-kib "$(argon2 memory-kib)" --iterations "$(argon2 iterations)" --parallelism "$(argon2 parallelism)" \
  --warmup 5 --seconds 15 --out "$HASH"

for system in $SYSTEMS; do
  "bench_$system"
done

step "report"
"$JAVA" -cp "$OUT/test-classes:$OUT/classes:$(cat "$CLASSPATH_FILE")" org.propusk.bench.Report \
  "$RUNS" "$OUT/bench-report.md" "$FACTS" "$HASH"
step "written: bench/target/bench-report.md and Gatling's reports under bench/target/gatling/"
