#!/usr/bin/env bash
# What one password sign-in costs besides its Argon2 run (issue 14): starts the platform jar on a
# PostgreSQL database of its own (recreated, ACCOUNTS bench citizens seeded by
# scripts/generate-accounts.sh), warms it up, then runs org.propusk.bench.SignInCost: per sign-in
# the database transactions, the rows written and the server's CPU milliseconds. With -j it records
# the measured sign-ins with JFR (profile settings) into FILE. Loopback only (port 28480), every step
# bounded in time; stops the platform and drops the database on exit.
#
#   scripts/perf/sign-in-cost.sh [-n SIGN_INS] [-c CLIENTS] [-a ACCOUNTS] [-j FILE.jfr]
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), a JDK >= 21, port 28480 free.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

SIGN_INS=500
CLIENTS=2
ACCOUNTS=1000
JFR=
while getopts n:c:a:j: option; do
  case $option in
    n) SIGN_INS=$OPTARG ;;
    c) CLIENTS=$OPTARG ;;
    a) ACCOUNTS=$OPTARG ;;
    j) JFR=$(realpath -m "$OPTARG") ;;
    *) exit 2 ;;
  esac
done

DB=signin_cost
PORT=28480
URL=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/propusk-sign-in-cost.XXXXXX)
. "$ROOT/scripts/jdk.sh"
PID=

cleanup() {
  if [ -n "$PID" ]; then
    kill -TERM "$PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAR=$(ls platform/target/propusk-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)
[ -n "$JAR" ] || { echo "no platform jar: ./mvnw -pl platform -am -DskipTests package" >&2; exit 1; }
JAR=$ROOT/$JAR
timeout 600 ./mvnw -q -B -ntp -pl bench -am -DskipTests compile
CLASSPATH_FILE=$ROOT/bench/target/generator.classpath # written by generate-accounts.sh

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)" -c "create database $DB"
# the dev profile for its trust of loopback proxies (a client address per sign-in); production's
# rate limits; its development CA goes under $WORK/data; production's JVM flags (run-platform.sh)
(cd "$WORK" && PROPUSK_JAR="$JAR" exec "$ROOT/scripts/run-platform.sh" \
  --spring.profiles.active=dev \
  --server.port=$PORT \
  --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --spring.datasource.username=postgres \
  --spring.thymeleaf.cache=true \
  --propusk.public-url=$URL) >"$WORK/platform.log" 2>&1 &
PID=$!
deadline=$(($(date +%s) + 300))
until curl -fs -o /dev/null "$URL/readyz"; do
  if ! kill -0 "$PID" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
    echo "the platform did not become ready; the end of $WORK/platform.log:" >&2
    tail -30 "$WORK/platform.log" >&2
    exit 1
  fi
  sleep 0.5
done
timeout 1200 scripts/generate-accounts.sh "$DB" "$ACCOUNTS"

cost() {
  timeout 1800 "$JAVA" -cp "bench/target/classes:$(cat "$CLASSPATH_FILE")" org.propusk.bench.SignInCost \
    --base "$URL" --db "$DB" --pid "$PID" --accounts "$ACCOUNTS" --clients "$CLIENTS" "$@"
}
echo "== warm-up: $((SIGN_INS / 2)) sign-ins"
cost --sign-ins $((SIGN_INS / 2)) --idle 1 >/dev/null
if [ -n "$JFR" ]; then
  "$(dirname "$JAVA")/jcmd" "$PID" JFR.start name=sign-in-cost settings=profile filename="$JFR" >/dev/null
fi
echo "== measured: $SIGN_INS sign-ins by $CLIENTS clients"
cost --sign-ins "$SIGN_INS"
if [ -n "$JFR" ]; then
  "$(dirname "$JAVA")/jcmd" "$PID" JFR.stop name=sign-in-cost >/dev/null
  echo "== JFR recording: $JFR"
fi
