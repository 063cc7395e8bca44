#!/usr/bin/env bash
# Writes the benchmark's citizens (logins +79000000000, +79000000001, ..., see
# org.propusk.bench.BenchAccounts) straight into a Propusk database on the local PostgreSQL, then
# ANALYZEs it so that the planner knows the tables' new sizes. The platform must have started on
# that database once (its migrations create the schema). Logins that have an account already are
# left alone: run it again to resume, or with FROM to skip what is done.
#
#   scripts/generate-accounts.sh DB N [FROM]
#
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, as in .ci/run), a JDK >= 21.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:?usage: scripts/generate-accounts.sh DB N [FROM]}
ACCOUNTS=${2:?usage: scripts/generate-accounts.sh DB N [FROM]}
FROM=${3:-0}
. scripts/jdk.sh

CLASSPATH_FILE=bench/target/generator.classpath
./mvnw -q -pl bench -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CLASSPATH_FILE" -DincludeScope=runtime
"$JAVA" -cp "bench/target/classes:$(cat "$CLASSPATH_FILE")" org.propusk.bench.AccountGenerator \
  --url "jdbc:postgresql://127.0.0.1:5432/$DB" --user postgres --accounts "$ACCOUNTS" --from "$FROM"
psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "analyze account" -c "analyze account_consent"
echo "analyzed account and account_consent"
