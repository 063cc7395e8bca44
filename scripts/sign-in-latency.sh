#!/usr/bin/env bash
# Sign-in latency against databases of generated accounts (issue 14, data scale): starts the
# platform jar on each DB (profile dev, production JVM flags through scripts/run-platform.sh, ports
# 18280, 18281, ... on loopback), runs org.propusk.bench.SignInLatency (CLIENTS threads signing in
# as random citizens among each database's first N logins, taking the platforms in turn, SECONDS
# measured after a 15 s warm-up) and stops the platforms. Bounded: each platform gets at most 5 minutes to start.
#
#   scripts/sign-in-latency.sh [-s SECONDS] [-c CLIENTS] DB:N [DB:N ...]
#   e.g. scripts/sign-in-latency.sh scale_10k:10000 bench_scale:1000000
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), each DB filled by
# scripts/generate-accounts.sh DB N, a JDK >= 21, the ports free.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SECONDS_MEASURED=60
CLIENTS=4
while getopts s:c: option; do
  case $option in
    s) SECONDS_MEASURED=$OPTARG ;;
    c) CLIENTS=$OPTARG ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: scripts/sign-in-latency.sh [-s SECONDS] [-c CLIENTS] DB:N [DB:N ...]" >&2; exit 2; }

WORK=$(mktemp -d /tmp/propusk-sign-in-latency.XXXXXX)
. scripts/jdk.sh
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

JAR=$(ls platform/target/propusk-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -pl platform -am -DskipTests package
  JAR=$(ls platform/target/propusk-platform-*.jar | grep -v original | head -1)
fi
JAR=$PWD/$JAR
./mvnw -q -pl bench -am -DskipTests compile

TARGETS=()
PORT=18280
for spec in "$@"; do
  db=${spec%%:*}
  echo "== $db: $(psql -h 127.0.0.1 -U postgres -d "$db" -tAc 'select count(*) from account') accounts, platform on port $PORT"
  # each in a directory of its own: the dev profile writes its development CA under ./data
  mkdir -p "$WORK/$PORT"
  (cd "$WORK/$PORT" && PROPUSK_JAR="$JAR" exec "$ROOT/scripts/run-platform.sh" \
    --spring.profiles.active=dev \
    --server.port=$PORT \
    --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --spring.datasource.username=postgres \
    --propusk.public-url=http://127.0.0.1:$PORT) >"$WORK/platform-$PORT.log" 2>&1 &
  PIDS+=($!)
  TARGETS+=("${spec##*:}@http://127.0.0.1:$PORT")
  PORT=$((PORT + 1))
done
for target in "${TARGETS[@]}"; do
  url=${target#*@}
  for _ in $(seq 1 150); do
    curl -fs "$url/readyz" >/dev/null 2>&1 && break
    sleep 2
  done
  curl -fs "$url/readyz" >/dev/null || { echo "the platform at $url did not start (logs in $WORK)" >&2; exit 1; }
done

"$JAVA" -cp bench/target/classes org.propusk.bench.SignInLatency \
  --seconds "$SECONDS_MEASURED" --clients "$CLIENTS" "${TARGETS[@]}"
