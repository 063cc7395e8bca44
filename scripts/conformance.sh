#!/usr/bin/env bash
# Runs the OpenID Foundation conformance suite's Basic OP plan against Propusk, offline on loopback
# (ADR 6, "Conformance suite"): builds the jar, starts it with the profiles dev,conformance
# (scripts/conformance/application-conformance.yaml) on https://localhost:$PROPUSK_CONFORMANCE_PORT
# with a fresh embedded H2 and a self-signed certificate in a temporary directory, fills the
# suite's config template, runs the suite's run.sh, stops Propusk and prints the summary. The last
# line is "N passed, M failed[, K skipped]"; the exit status is 0 only when nothing failed.
#
# usage: scripts/conformance.sh
# env: CONFORMANCE_KIT   the suite's offline runner (default /work/shared/oidc-conformance; see its README)
#      PLAN              suite plan (default: Basic OP, discovery, static client; append ":module" for one module)
#      PLAN_TIMEOUT      seconds for the plan (default 1800); PROPUSK_CONFORMANCE_PORT (default 9443)
#      SKIP_BUILD=1      use the jar already in platform/target
#      CONFORMANCE_OUT   where Propusk's log, the config and the summary are kept (default platform/target/conformance)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KIT=${CONFORMANCE_KIT:-/work/shared/oidc-conformance}
export PLAN=${PLAN:-'oidcc-basic-certification-test-plan[server_metadata=discovery][client_registration=static_client]'}
export PLAN_TIMEOUT=${PLAN_TIMEOUT:-1800}
export PROPUSK_CONFORMANCE_PORT=${PROPUSK_CONFORMANCE_PORT:-9443}
OUT=${CONFORMANCE_OUT:-$ROOT/platform/target/conformance}
ISSUER=https://localhost:$PROPUSK_CONFORMANCE_PORT
log() { echo "[conformance.sh $(date +%H:%M:%S)] $*" >&2; }

# A Java of at least 21 for the jar (Maven's toolchain finds its own for the build).
java_21() {
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$(command -v java || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${version:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
  done
  log "no Java 21 or newer found (set JAVA_HOME)"; exit 2
}
JAVA=$(java_21)

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_busy "$PROPUSK_CONFORMANCE_PORT"; then log "port $PROPUSK_CONFORMANCE_PORT is in use"; exit 3; fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building Propusk"
  (cd "$ROOT" && timeout 900 ./mvnw -q -B package -pl platform -am -DskipTests)
fi
JAR=$(ls "$ROOT"/platform/target/propusk-platform-*.jar | grep -v '\.original$' | head -1)

# Everything of this run that holds a key or a password lives here and is removed at the end.
export PROPUSK_CONFORMANCE_DIR=$(mktemp -d /tmp/propusk-conformance.XXXXXX)
PROPUSK_PID=
stop_propusk() {
  if [ -n "$PROPUSK_PID" ] && kill -0 "$PROPUSK_PID" 2>/dev/null; then
    kill -TERM "$PROPUSK_PID"
    for _ in $(seq 1 30); do kill -0 "$PROPUSK_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$PROPUSK_PID" 2>/dev/null && kill -KILL "$PROPUSK_PID"
    log "Propusk stopped"
  fi
  PROPUSK_PID=
}
cleanup() {
  stop_propusk
  rm -rf "$PROPUSK_CONFORMANCE_DIR"
}
trap cleanup EXIT

mkdir -p "$PROPUSK_CONFORMANCE_DIR/tls" "$PROPUSK_CONFORMANCE_DIR/data" "$OUT"
CERT=$PROPUSK_CONFORMANCE_DIR/tls/localhost.crt
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$PROPUSK_CONFORMANCE_DIR/tls/localhost.key" -out "$CERT" 2>/dev/null

random() { openssl rand -base64 24 | tr '+/' '-_' | tr -d '='; }
export PROPUSK_CONFORMANCE_USER=+79990000001
export PROPUSK_CONFORMANCE_PASSWORD=$(random)
export PROPUSK_CONFORMANCE_CLIENT_SECRET=$(random)
export PROPUSK_CONFORMANCE_CLIENT2_SECRET=$(random)
export PROPUSK_CONFORMANCE_CLIENT_POST_SECRET=$(random)

log "starting Propusk on $ISSUER"
"$JAVA" -Xmx768m -jar "$JAR" \
  --spring.profiles.active=dev,conformance \
  --spring.config.additional-location="optional:file:$ROOT/scripts/conformance/" \
  > "$OUT/propusk.log" 2>&1 < /dev/null &
PROPUSK_PID=$!
up=0
for _ in $(seq 1 180); do
  if [ "$(curl -s --cacert "$CERT" -o /dev/null -w '%{http_code}' "$ISSUER/.well-known/openid-configuration")" = 200 ]; then up=1; break; fi
  kill -0 "$PROPUSK_PID" 2>/dev/null || break
  sleep 1
done
if [ $up != 1 ]; then log "Propusk did not start; see $OUT/propusk.log"; tail -30 "$OUT/propusk.log" >&2; exit 5; fi

# The browser script finds the sign-in form by the ids of authentication/sign-in.html; the page
# texts are headings of the sign-in and error pages (the browser matches the page text, not the
# title: a 400 page says "Некорректный запрос"), in Russian and English.
/usr/bin/python3 - "$KIT/op-config-template.json" "$OUT/op-config.json" <<EOF
import json, sys
values = {
    "OP_ISSUER": "$ISSUER",
    "OP_AUTHORIZATION_ENDPOINT": "$ISSUER/oauth2/authorize",
    "OP_ORIGIN_AND_PATH_PREFIX": "$ISSUER",
    "CLIENT1_ID": "client", "CLIENT1_SECRET": "$PROPUSK_CONFORMANCE_CLIENT_SECRET",
    "CLIENT2_ID": "client2", "CLIENT2_SECRET": "$PROPUSK_CONFORMANCE_CLIENT2_SECRET",
    "USERNAME_INPUT_ID": "login", "PASSWORD_INPUT_ID": "password", "SUBMIT_BUTTON_ID": "sign-in-submit",
    "TEST_USER": "$PROPUSK_CONFORMANCE_USER", "TEST_PASSWORD": "$PROPUSK_CONFORMANCE_PASSWORD",
    "LOGIN_PAGE_TEXT_REGEX": "Вход|Sign in",
    "ERROR_PAGE_TEXT_REGEX": "Некорректный запрос|Bad request|Что-то пошло не так|Something went wrong|Страница не найдена|Page not found",
}
text = open(sys.argv[1], encoding="utf-8").read()
# longest first, so that no placeholder is replaced inside a longer one
for name in sorted(values, key=len, reverse=True):
    text = text.replace(name, json.dumps(values[name], ensure_ascii=False)[1:-1])
config = json.loads(text)
# the template gives client_secret_post the first client; Propusk registers one method per client
config["client_secret_post"] = {"client_id": "client-post", "client_secret": "$PROPUSK_CONFORMANCE_CLIENT_POST_SECRET"}
json.dump(config, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
EOF

log "running $PLAN (at most ${PLAN_TIMEOUT}s)"
set +e
"$KIT/run.sh" "$OUT/op-config.json" "$CERT" > "$OUT/summary.txt"
rc=$?
set -e
stop_propusk
cat "$OUT/summary.txt"
log "exit $rc; Propusk's log, the config and the summary are in $OUT; the suite's logs under ${OIDC_WORK:-/tmp/oidc-checks}/conformance-runs/"
exit $rc
