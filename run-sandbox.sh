#!/usr/bin/env bash
# Runs the CareLink server in sandbox mode: embedded PostgreSQL persisted under ./data, bound to
# 127.0.0.1:8080. Builds the jar first when it is missing or older than the sources, and prepares
# it for a fast start (scripts/prepare-fast-start.sh).
# On first start it loads the synthetic sandbox world (docs/sandbox-world.md); later starts reuse it.
#   ./run-sandbox.sh --reset   deletes ./data (the embedded database) first: a fresh world
# Other arguments go to Spring Boot, e.g. ./run-sandbox.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"

if [[ ${1:-} == --reset ]]; then
  shift
  echo "Resetting the sandbox: deleting ./data"
  rm -rf data
fi

jar=server/target/carelink-server.jar
if [[ ! -f $jar || -n "$(find pom.xml server/pom.xml server/src -newer "$jar" -print -quit)" ]]; then
  echo "Building the server (the first build downloads dependencies and takes a few minutes)..."
  mvn -B -ntp -q -pl server -am package -DskipTests
fi
app=server/target/fast-start
scripts/prepare-fast-start.sh "$jar" "$app"

# ParallelGC, heap from 512 MiB up to 1 GiB (a validating server keeps ~380 MiB live under ingest),
# huge methods compiled (the HL7 validator's checkPrimitive is one): ADR 19, bench/README.md.
default_opts="-Xms512m -Xmx1g -XX:MaxMetaspaceSize=256m -XX:+UseParallelGC -XX:-DontCompileHugeMethods -XX:+ExitOnOutOfMemoryError"
archive_opt=()
[[ -f $app/carelink.jsa ]] && archive_opt=(-XX:SharedArchiveFile="$PWD/$app/carelink.jsa")
echo "Starting CareLink at http://127.0.0.1:8080/fhir (ready when /actuator/health/readiness is UP)"
echo "Tokens: curl -s -u carehome-a:sandbox-secret -d grant_type=client_credentials http://127.0.0.1:8080/oauth2/token (parties in README.md)"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-$default_opts} "${archive_opt[@]}" -jar "$PWD/$app/carelink-server.jar" "$@"
