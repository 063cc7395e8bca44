#!/usr/bin/env bash
# Runs the platform jar as in production: the JVM flags of platform/jvm.options (bounded heap,
# metaspace, code cache, direct memory, stacks; README "Operations", "Memory") and
# MALLOC_ARENA_MAX=2. The arguments go to the application. Runs in the current directory (the
# default H2 database is ./data) and ends by exec'ing java: the script's process id is the JVM's.
#
#   scripts/run-platform.sh [--spring.profiles.active=...] [--server.port=...] ...
#
# On JDK 25 and later the start-up uses an ahead-of-time cache (JEP 483, 514, 515: classes read,
# parsed and linked, and method profiles, from a training run). The first start with a given jar
# and JDK trains: the application starts with the same arguments and the same database, stops as
# soon as its context is refreshed (spring.context.exit=onRefresh, before the web server opens;
# Flyway has migrated by then, as it would anyway) and the JVM writes the cache. The real start
# follows and loads it; so do later starts. Several starts at once train only once (flock).
#
# Settings (environment):
#   PROPUSK_JAR       the platform jar (default platform/target/propusk-platform-*.jar, built when missing)
#   PROPUSK_RUN_DIR   where the extracted jar and the caches go (default platform/target/run)
#   PROPUSK_JVM_OPTS  more JVM options, after jvm.options, so that they win (e.g. -Xmx512m)
#   PROPUSK_AOT       off: no ahead-of-time cache
#   JAVA              the java (default: the newest JDK >= 21, scripts/jdk.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/jdk.sh"

JAR=${PROPUSK_JAR:-$(ls "$ROOT"/platform/target/propusk-platform-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -q -pl platform -am -DskipTests package) >&2
  JAR=$(ls "$ROOT"/platform/target/propusk-platform-*.jar | grep -v original | head -1)
fi
RUN_DIR=${PROPUSK_RUN_DIR:-$ROOT/platform/target/run}
read -ra EXTRA <<<"${PROPUSK_JVM_OPTS:-}"
OPTIONS=("@$ROOT/platform/jvm.options" "${EXTRA[@]}")
export MALLOC_ARENA_MAX=2

# The jar extracted (spring-boot-jarmode-tools: the application jar and lib/ beside it), once per
# jar content: classes straight from files load faster than from jars nested in a jar, and the
# ahead-of-time cache needs a plain class path.
APP_DIR=$RUN_DIR/$(sha256sum "$JAR" | cut -c1-16)
mkdir -p "$RUN_DIR"
exec 9>"$RUN_DIR/run.lock"
flock 9
if [ ! -d "$APP_DIR/app" ]; then
  rm -rf "$APP_DIR.tmp"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR.tmp/app" >&2
  mv "$APP_DIR.tmp" "$APP_DIR"
fi
APP=$(ls "$APP_DIR"/app/*.jar | head -1)

if [ "$JAVA_FEATURE" -ge 25 ] && [ "${PROPUSK_AOT:-on}" != off ]; then
  # one cache per JDK build: another build would not accept it
  CACHE=$APP_DIR/jdk-$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.vm.version/ {print $2}').aot
  if [ ! -f "$CACHE" ]; then
    echo "run-platform: training run for the ahead-of-time cache $CACHE" >&2
    # the JVM's notes on classes it leaves out of the cache (proxies, failed verifications) are many and harmless
    if "$JAVA" "${OPTIONS[@]}" -XX:AOTCacheOutput="$CACHE.tmp" -Xlog:aot=error,cds=error \
      -Dspring.context.exit=onRefresh -jar "$APP" "$@" >&2 &&
      [ -f "$CACHE.tmp" ]; then
      mv "$CACHE.tmp" "$CACHE"
    else
      # the start must not depend on the cache: without it, it is only slower
      echo "run-platform: the training run failed; starting without the cache" >&2
      rm -f "$CACHE.tmp"
    fi
  fi
  [ -f "$CACHE" ] && OPTIONS+=("-XX:AOTCache=$CACHE")
fi
exec 9>&-

exec "$JAVA" "${OPTIONS[@]}" -jar "$APP" "$@"
