#!/usr/bin/env bash
# Runs the CareLink server in sandbox mode: embedded PostgreSQL persisted under ./data, bound to
# 127.0.0.1:8080. Builds the jar first when it is missing or older than the sources.
# Extra arguments go to Spring Boot, e.g. ./run-sandbox.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"

jar=server/target/carelink-server.jar
if [[ ! -f $jar || -n "$(find pom.xml server/pom.xml server/src -newer "$jar" -print -quit)" ]]; then
  echo "Building the server (the first build downloads dependencies and takes a few minutes)..."
  mvn -B -ntp -q -pl server -am package -DskipTests
fi

# Heap and metaspace bounds keep the sandbox within ~800 MiB RSS (figures in bench/README.md).
default_opts="-Xms256m -Xmx512m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError"
echo "Starting CareLink at http://127.0.0.1:8080/fhir (ready when /actuator/health/readiness is UP)"
exec java ${JAVA_OPTS:-$default_opts} -jar "$jar" "$@"
