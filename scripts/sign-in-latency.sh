#!/usr/bin/env bash
# Sign-in latency against a database of generated accounts (issue 14, data scale): starts the
# platform jar on DB (profile dev, -Xmx512m as in two-nodes.sh, port 18280, loopback only), warms
# it up, runs org.propusk.bench.SignInLatency (CLIENTS threads signing in as random citizens among
# the first N logins, SECONDS measured) and stops the platform. Bounded: the platform gets at most
# 5 minutes to start, the load SECONDS plus its warm-up.
#
#   scripts/sign-in-latency.sh DB N [SECONDS] [CLIENTS]
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), DB filled by
# scripts/generate-accounts.sh DB N, a JDK >= 21, port 18280 free.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:?usage: scripts/sign-in-latency.sh DB N [SECONDS] [CLIENTS]}
ACCOUNTS=${2:?usage: scripts/sign-in-latency.sh DB N [SECONDS] [CLIENTS]}
SECONDS_MEASURED=${3:-60}
CLIENTS=${4:-4}
PORT=18280
WORK=$(mktemp -d /tmp/propusk-sign-in-latency.XXXXXX)
JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${v%%.*}" -ge 21 ] 2>/dev/null && echo "$j"; done | tail -1)
JAVA=${JAVA:-java}
PLATFORM=

cleanup() {
  if [ -n "$PLATFORM" ]; then kill "$PLATFORM" 2>/dev/null || true; wait "$PLATFORM" 2>/dev/null || true; fi
}
trap cleanup EXIT

JAR=$(ls platform/target/propusk-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -pl platform -am -DskipTests package
  JAR=$(ls platform/target/propusk-platform-*.jar | grep -v original | head -1)
fi
./mvnw -q -pl bench -am -DskipTests compile

echo "== $DB: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc 'select count(*) from account') accounts"
# started in a directory of its own: the dev profile writes its development CA under ./data
(cd "$WORK" && exec "$JAVA" -Xmx512m -jar "$OLDPWD/$JAR" \
  --spring.profiles.active=dev \
  --server.port=$PORT \
  --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --spring.datasource.username=postgres \
  --propusk.public-url=http://127.0.0.1:$PORT) >"$WORK/platform.log" 2>&1 &
PLATFORM=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$PLATFORM" 2>/dev/null || break
  sleep 2
done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "the platform did not start" >&2; tail -30 "$WORK/platform.log" >&2; exit 1; }

"$JAVA" -cp bench/target/classes org.propusk.bench.SignInLatency \
  "http://127.0.0.1:$PORT" "$ACCOUNTS" "$SECONDS_MEASURED" "$CLIENTS"
