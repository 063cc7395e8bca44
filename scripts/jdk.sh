# Sourced by the scripts that run Java: sets JAVA to the newest JDK >= 21 under /usr/lib/jvm (by
# its java.specification.version), or to `java` on the PATH when there is none; a JAVA already set
# in the environment is kept. Also sets JAVA_FEATURE, the JDK's feature release (21, 25, ...).
#
#   . scripts/jdk.sh    (from the repository's root)

java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print v[1] }'
}

if [ -z "${JAVA:-}" ]; then
  JAVA=$(for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    feature=$(java_feature "$candidate")
    [ "${feature:-0}" -ge 21 ] 2>/dev/null && echo "$feature $candidate"
  done | sort -n | tail -1 | cut -d' ' -f2-)
  JAVA=${JAVA:-java}
fi
JAVA_FEATURE=$(java_feature "$JAVA")
