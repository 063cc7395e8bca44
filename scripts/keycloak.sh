#!/usr/bin/env bash
# Keycloak 26.7.3 beside Propusk for the benchmarks (issue 14): production mode on the local
# PostgreSQL, loopback only, passwords hashed with Argon2id at Propusk's cost.
#
#   scripts/keycloak.sh fetch        the distribution from Maven Central, unpacked under bench/target/keycloak
#   scripts/keycloak.sh setup        database bench_keycloak (recreated), conf/keycloak.conf, kc.sh build
#   scripts/keycloak.sh start        kc.sh start --optimized; waits for readiness, prints start-up time and memory
#   scripts/keycloak.sh stop         SIGTERM, then SIGKILL after STOP_TIMEOUT
#   scripts/keycloak.sh provision N  realm bench, clients bench-rp and bench-service, N citizens (default 10000)
#
# Ports: 18180 (HTTP), 19000 (management: health). Needs PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust), a JDK >= 21 (or JAVA=...), curl, jq, unzip, psql.
# env: START_TIMEOUT (s, default 300), STOP_TIMEOUT (s, default 30), BATCH (users per partial
#      import, default 500), PARALLEL (partial imports at once, default 4)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

VERSION=26.7.3
BASE=$ROOT/bench/target/keycloak
KC_HOME=$BASE/keycloak-$VERSION
PID_FILE=$BASE/keycloak.pid
LOG=$BASE/keycloak.log
DB=bench_keycloak
URL=http://127.0.0.1:18180
MANAGEMENT=http://127.0.0.1:19000
# the bootstrap administrator of this throwaway, loopback-only server
ADMIN=bench-admin
ADMIN_PASSWORD=bench-admin-password

# the benchmark contract (bench/README or issue 14): accounts and clients, the same on both systems
PASSWORD=Slow-Birch-Harbour-2026
LAST_NAME=Нагрузкин
FIRST_NAME=Тест
REDIRECT_URI=http://127.0.0.1:18099/callback
RP_SECRET=bench-rp-secret-0123456789abcdef0123456789
SERVICE_SECRET=bench-service-secret-0123456789abcdef012345

# Propusk's Argon2id cost, read from its configuration so that both systems stay at the same cost;
# hash and salt lengths are fixed in PasswordHashing (32 and 16 bytes), as they are in Keycloak
argon2() {
  awk -v key="$1" '/^ *argon2:/ { in_argon2 = 1; next }
    in_argon2 && $1 == key ":" { print $2; exit }' platform/src/main/resources/application.yaml
}
ARGON2_MEMORY_KIB=$(argon2 memory-kib)
ARGON2_ITERATIONS=$(argon2 iterations)
ARGON2_PARALLELISM=$(argon2 parallelism)
ARGON2_HASH_LENGTH=32
ARGON2_SALT_LENGTH=16
# Keycloak lets at most this many hashes run at once (a semaphore; its default is the core count):
# named here so that the report can say so; Propusk has no such limit
ARGON2_CPU_CORES=$(nproc)

. scripts/jdk.sh
export JAVA

now_ms() { date +%s%3N; }
seconds_since() { awk -v ms=$(($(now_ms) - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'; }
rss() { awk '/^VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$1/status"; }
running_pid() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && cat "$PID_FILE"; }

fetch() {
  if running_pid >/dev/null; then echo "Keycloak is running: scripts/keycloak.sh stop first" >&2; exit 1; fi
  local started
  started=$(now_ms)
  mkdir -p "$BASE"
  ./mvnw -q -N dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip \
    -DoutputDirectory="$BASE"
  rm -rf "$KC_HOME"
  unzip -q "$BASE/keycloak-quarkus-dist-$VERSION.zip" -d "$BASE"
  echo "Keycloak $VERSION in $KC_HOME ($(seconds_since "$started") s to fetch and unpack)"
}

setup() {
  [ -x "$KC_HOME/bin/kc.sh" ] || fetch
  if running_pid >/dev/null; then echo "Keycloak is running: scripts/keycloak.sh stop first" >&2; exit 1; fi
  local started
  started=$(now_ms)
  psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
  # Build-time options (db, cache, health) are baked in by kc.sh build; the others are read from
  # this file at every start. A single node: a local cache instead of a cluster looking for
  # peers on the network.
  cat >"$KC_HOME/conf/keycloak.conf" <<EOF
db=postgres
db-url=jdbc:postgresql://127.0.0.1:5432/$DB
db-username=postgres
cache=local
health-enabled=true
http-enabled=true
http-host=127.0.0.1
http-port=18180
http-management-host=127.0.0.1
http-management-port=19000
hostname=$URL
spi-password-hashing--argon2--type=id
spi-password-hashing--argon2--version=1.3
spi-password-hashing--argon2--memory=$ARGON2_MEMORY_KIB
spi-password-hashing--argon2--iterations=$ARGON2_ITERATIONS
spi-password-hashing--argon2--parallelism=$ARGON2_PARALLELISM
spi-password-hashing--argon2--hash-length=$ARGON2_HASH_LENGTH
spi-password-hashing--argon2--cpu-cores=$ARGON2_CPU_CORES
EOF
  "$KC_HOME/bin/kc.sh" build
  echo "database $DB recreated, Keycloak built ($(seconds_since "$started") s); Argon2id" \
    "m=$ARGON2_MEMORY_KIB KiB, t=$ARGON2_ITERATIONS, p=$ARGON2_PARALLELISM," \
    "$ARGON2_HASH_LENGTH-byte hash, at most $ARGON2_CPU_CORES at once"
}

stop() {
  local pid
  pid=$(running_pid) || { echo "Keycloak is not running"; rm -f "$PID_FILE"; return 0; }
  kill -TERM "$pid"
  for _ in $(seq 1 "${STOP_TIMEOUT:-30}"); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "Keycloak (pid $pid) did not stop within ${STOP_TIMEOUT:-30} s: SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$PID_FILE"
  echo "Keycloak stopped"
}

start() {
  [ -x "$KC_HOME/bin/kc.sh" ] || { echo "no Keycloak: scripts/keycloak.sh fetch and setup first" >&2; exit 1; }
  if running_pid >/dev/null; then echo "Keycloak is already running (pid $(cat "$PID_FILE"))" >&2; exit 1; fi
  local started pid deadline
  started=$(now_ms)
  deadline=$(($(date +%s) + ${START_TIMEOUT:-300}))
  STARTED=0
  # its own session, so that it outlives this script; until it is ready, this script stops it
  # when interrupted or when it does not become ready in time
  KC_BOOTSTRAP_ADMIN_USERNAME=$ADMIN KC_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD PRINT_ENV=true \
    setsid "$KC_HOME/bin/kc.sh" start --optimized </dev/null >"$LOG" 2>&1 &
  LAUNCHER=$!
  trap 'exit 130' INT TERM
  trap '[ "$STARTED" = 1 ] || { stop; kill "$LAUNCHER" 2>/dev/null || true; }' EXIT
  # kc.sh runs the JVM as its child: the JVM is what is measured and stopped
  until pid=$(pgrep -P "$LAUNCHER" -f QuarkusEntryPoint); do
    if ! kill -0 "$LAUNCHER" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Keycloak did not launch; see $LOG" >&2
      tail -20 "$LOG" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$pid" >"$PID_FILE"
  until curl -fs --max-time 5 -o /dev/null "$MANAGEMENT/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      echo "Keycloak did not become ready; see $LOG" >&2
      tail -30 "$LOG" >&2
      exit 1
    fi
    sleep 1
  done
  STARTED=1
  trap - INT TERM EXIT
  echo "Keycloak $VERSION ready at $URL after $(seconds_since "$started") s (launch to ready;" \
    "its own log: $(grep -o 'started in [0-9.]*s' "$LOG" | head -1)); pid $pid in $PID_FILE; log $LOG"
  echo "JVM: $("$JAVA" -version 2>&1 | head -1); kc.sh's options: $(sed -n 's/^Using JAVA_OPTS: //p' "$LOG" | grep -o -- '-Xm[sx][^ ]*' | tr '\n' ' ')"
  echo "heap in effect: $("$(dirname "$JAVA")/jcmd" "$pid" VM.flags 2>/dev/null | tr ' ' '\n' |
    grep -E 'InitialHeapSize|MaxHeapSize|MinHeapSize|UseG1GC|MaxMetaspaceSize' | tr '\n' ' ')"
  echo "resident memory after start: $(rss "$pid")"
}

admin_token() {
  curl -fsS --max-time 30 "$URL/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" | jq -r .access_token
}

# admin METHOD PATH [JSON]: an admin REST call with a fresh token (they last a minute)
admin() {
  local method=$1 path=$2
  shift 2
  curl -fsS --max-time "${ADMIN_TIMEOUT:-120}" -X "$method" "$URL/admin/realms$path" \
    -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' "$@"
}

login() { printf '+7900%07d' "$1"; }

# import_users FIRST LAST CREDENTIAL: citizens FIRST..LAST-1 through the realm's partial import
import_users() {
  local added
  # the credential through the environment: awk -v would unescape its quotes
  added=$(CREDENTIAL=$3 awk -v first="$1" -v last="$2" -v first_name="$FIRST_NAME" -v last_name="$LAST_NAME" 'BEGIN {
      printf "{\"ifResourceExists\": \"FAIL\", \"users\": ["
      for (i = first; i < last; i++)
        printf "%s{\"username\": \"+7900%07d\", \"enabled\": true, \"firstName\": \"%s\", \"lastName\": \"%s\", \"credentials\": [%s]}",
          (i > first ? "," : ""), i, first_name, last_name, ENVIRON["CREDENTIAL"]
      printf "]}"
    }' | ADMIN_TIMEOUT=600 admin POST /bench/partialImport -d @- | jq .added)
  [ "$added" = $(($2 - $1)) ] || { echo "partial import of citizens $1..$(($2 - 1)) added $added" >&2; return 1; }
}

provision() {
  local n=${1:-10000} batch=${BATCH:-500} pid started
  pid=$(running_pid) || { echo "Keycloak is not running: scripts/keycloak.sh start first" >&2; exit 1; }
  started=$(now_ms)
  if admin GET /bench -o /dev/null 2>/dev/null; then
    echo "deleting the previous realm bench"
    ADMIN_TIMEOUT=3600 admin DELETE /bench
  fi
  # Token lifetimes as Propusk's: access tokens 5 min, codes 60 s, refresh tokens rotated (the
  # old one refused) and idle for at most an hour. Brute-force detection stays off, its default.
  admin POST "" -d @- <<EOF
{"realm": "bench", "enabled": true, "registrationAllowed": true, "bruteForceProtected": false,
 "passwordPolicy": "hashAlgorithm(argon2)", "accessTokenLifespan": 300, "accessCodeLifespan": 60,
 "revokeRefreshToken": true, "refreshTokenMaxReuse": 0, "ssoSessionIdleTimeout": 3600}
EOF
  # Propusk's service scope, asked for by bench-service's client-credentials requests
  admin POST /bench/client-scopes -d @- <<'EOF'
{"name": "api", "protocol": "openid-connect",
 "attributes": {"include.in.token.scope": "true", "display.on.consent.screen": "false"}}
EOF
  admin POST /bench/clients -d @- <<EOF
{"clientId": "bench-rp", "enabled": true, "protocol": "openid-connect", "publicClient": false,
 "clientAuthenticatorType": "client-secret", "secret": "$RP_SECRET",
 "redirectUris": ["$REDIRECT_URI"], "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
 "implicitFlowEnabled": false, "serviceAccountsEnabled": false, "consentRequired": false,
 "attributes": {"pkce.code.challenge.method": "S256"},
 "defaultClientScopes": ["basic", "profile"], "optionalClientScopes": []}
EOF
  admin POST /bench/clients -d @- <<EOF
{"clientId": "bench-service", "enabled": true, "protocol": "openid-connect", "publicClient": false,
 "clientAuthenticatorType": "client-secret", "secret": "$SERVICE_SECRET",
 "standardFlowEnabled": false, "directAccessGrantsEnabled": false, "serviceAccountsEnabled": true,
 "defaultClientScopes": ["basic"], "optionalClientScopes": ["api"]}
EOF
  # Accounts have a phone for a username and no e-mail: Keycloak's user profile requires an
  # e-mail of users (registration, and a "verify profile" step at sign-in) unless told otherwise
  admin GET /bench/users/profile | jq 'del(.attributes[] | select(.name == "email") | .required)' |
    admin PUT /bench/users/profile -d @- -o /dev/null
  echo "realm bench and its clients created ($(seconds_since "$started") s)"

  # The first citizen gets a plain password, which Keycloak hashes under the realm's policy: its
  # stored parameters show whether the Argon2 settings took effect.
  admin POST /bench/users -d @- <<EOF
{"username": "$(login 0)", "enabled": true, "firstName": "$FIRST_NAME", "lastName": "$LAST_NAME",
 "credentials": [{"type": "password", "value": "$PASSWORD", "temporary": false}]}
EOF
  local row secret_data credential_data
  row=$(psql -h 127.0.0.1 -U postgres -d $DB -AtF $'\t' -c "select c.secret_data, c.credential_data
    from credential c join user_entity u on u.id = c.user_id join realm r on r.id = u.realm_id
    where r.name = 'bench' and u.username = '$(login 0)' and c.type = 'password'")
  secret_data=${row%%$'\t'*}
  credential_data=${row#*$'\t'}
  echo "stored credential: $credential_data"
  local expected actual salt_bytes hash_bytes
  expected="argon2 id 1.3 m=$ARGON2_MEMORY_KIB t=$ARGON2_ITERATIONS p=$ARGON2_PARALLELISM hash=$ARGON2_HASH_LENGTH salt=$ARGON2_SALT_LENGTH"
  salt_bytes=$(jq -r .salt <<<"$secret_data" | base64 -d | wc -c)
  hash_bytes=$(jq -r .value <<<"$secret_data" | base64 -d | wc -c)
  actual=$(jq -r --arg salt "$salt_bytes" '"\(.algorithm) \(.additionalParameters.type[0]) \(.additionalParameters.version[0]) m=\(.additionalParameters.memory[0]) t=\(.hashIterations) p=\(.additionalParameters.parallelism[0]) hash=\(.additionalParameters.hashLength[0]) salt=\($salt)"' <<<"$credential_data")
  if [ "$actual" != "$expected" ] || [ "$hash_bytes" != "$ARGON2_HASH_LENGTH" ]; then
    echo "Keycloak hashed with $actual ($hash_bytes-byte hash), not $expected" >&2
    exit 1
  fi
  echo "Argon2 in effect: $actual, $hash_bytes-byte hash"

  # The others carry that hash (one salt for all: checking a password costs the same, and hashing
  # a million passwords at ~20/s would take half a day), imported in batches, PARALLEL at a time:
  # an import waits on PostgreSQL most of the time, and batches of a few hundred go faster per
  # user than large ones.
  local credential first=1 running=0 imported=1 importing
  importing=$(now_ms)
  credential=$(jq -nc --arg s "$secret_data" --arg c "$credential_data" \
    '{type: "password", secretData: $s, credentialData: $c, temporary: false}')
  trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
  while [ "$first" -lt "$n" ] || [ "$running" -gt 0 ]; do
    if [ "$first" -lt "$n" ] && [ "$running" -lt "${PARALLEL:-4}" ]; then
      import_users "$first" $((first + batch < n ? first + batch : n)) "$credential" &
      running=$((running + 1))
      first=$((first + batch))
      continue
    fi
    wait -n
    running=$((running - 1))
    imported=$((imported + batch < n ? imported + batch : n))
    echo "users $imported/$n, $(awk -v n=$((imported - 1)) -v ms=$(($(now_ms) - importing)) \
      'BEGIN { printf "%.0f", n * 1000 / ms }') imported a second, $(seconds_since "$started") s so far"
  done
  trap - EXIT
  echo "realm bench provisioned with $n citizens in $(seconds_since "$started") s;" \
    "resident memory of Keycloak (pid $pid): $(rss "$pid")"
}

case "${1:-}" in
  fetch) fetch ;;
  setup) setup ;;
  start) start ;;
  stop) stop ;;
  provision) provision "${2:-10000}" ;;
  *)
    echo "usage: $0 fetch|setup|start|stop|provision [N]" >&2
    exit 2
    ;;
esac
