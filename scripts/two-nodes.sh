#!/usr/bin/env bash
# Two Propusk nodes on the local PostgreSQL behind HAProxy (Debian's package), all on loopback; a
# small registration and sign-in load through it without sticky sessions; one node is stopped
# (SIGTERM, graceful) two thirds of the way through. Prints the load's summary and its failed requests.
# Bounded in time: the load runs SECONDS (default 90), and the whole script stops by itself.
#
#   scripts/two-nodes.sh [SECONDS] [CITIZENS]
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, as in .ci/run), a JDK >= 21,
# ports 18090 (balancer), 18091, 18092 (nodes), 18093 (HAProxy's statistics) free. Uses the database propusk_two_nodes (recreated).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TOTAL=${1:-90}
CITIZENS=${2:-4}
WORK=$(mktemp -d /tmp/propusk-two-nodes.XXXXXX)
DB=propusk_two_nodes
. scripts/jdk.sh
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v haproxy >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq haproxy >/dev/null
fi

JAR=$(ls platform/target/propusk-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -pl platform -am -DskipTests package
  JAR=$(ls platform/target/propusk-platform-*.jar | grep -v original | head -1)
fi

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"

# the dev profile for its development outbox (the load reads the SMS codes there) and its trust
# of loopback proxies (HAProxy's X-Forwarded-For); the production JVM flags (scripts/run-platform.sh,
# whose first start trains the ahead-of-time cache while the second waits for it)
start_node() {
  local port=$1
  PROPUSK_JAR="$JAR" scripts/run-platform.sh \
    --spring.profiles.active=dev \
    --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --spring.datasource.username=postgres \
    --propusk.public-url=http://127.0.0.1:18090 \
    >"$WORK/node-$port.log" 2>&1 &
  PIDS+=($!)
  echo $! >"$WORK/node-$port.pid"
}

echo "== starting two nodes (logs in $WORK)"
start_node 18091
sleep 20 # the first node creates the schema; the second then finds it migrated
start_node 18092
for port in 18091 18092; do
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 2
  done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "node $port did not start" >&2; tail -30 "$WORK/node-$port.log" >&2; exit 1; }
  echo "node $port ready"
done

cat >"$WORK/haproxy.cfg" <<'EOF'
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # a request whose connection failed goes to the other node (it never reached the first)
  retries 2
  retry-on conn-failure empty-response
  option redispatch
frontend balancer
  bind 127.0.0.1:18090
  option forwardfor
  default_backend propusk
backend propusk
  balance roundrobin
  # /readyz answers 503 as soon as a node begins its graceful shutdown
  option httpchk GET /readyz
  default-server inter 1s fall 1 rise 2
  server a 127.0.0.1:18091 check
  server b 127.0.0.1:18092 check
listen statistics
  bind 127.0.0.1:18093
  stats enable
  stats uri /stats
EOF
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
sleep 2

echo "== load: $CITIZENS citizens for $SECONDS_TOTAL s through http://127.0.0.1:18090"
# late enough that sessions opened on either node go on at the other
STOP_AT=$((SECONDS_TOTAL * 2 / 3))
(
  sleep "$STOP_AT"
  echo "== $(date -u +%FT%T.%NZ) stopping node 18092 (SIGTERM)"
  kill "$(cat "$WORK/node-18092.pid")"
) &
STOPPER=$!
timeout $((SECONDS_TOTAL + 120)) "$JAVA" scripts/two-nodes/Load.java http://127.0.0.1:18090 "$SECONDS_TOTAL" "$CITIZENS" | tee "$WORK/load.txt"
wait "$STOPPER" || true

echo "== node 18092's shutdown"
grep -E "graceful shutdown|Graceful shutdown" "$WORK/node-18092.log" | sed 's/^/  /' || true
echo "== per node, as HAProxy counted them"
curl -fs "http://127.0.0.1:18093/stats;csv" |
  awk -F, '$1 == "propusk" && ($2 == "a" || $2 == "b") {printf "  node %s: %s, requests %s, 2xx %s, 4xx %s, 5xx %s, retried %s, redispatched %s\n", $2, $18, $8, $41, $43, $44, $16, $17}'
echo "== sessions in the database: $(psql -h 127.0.0.1 -U postgres -d $DB -tAc 'select count(*) from spring_session')"
