#!/usr/bin/env bash
# Start-to-ready time and RSS only: RUNS starts against a fresh PostgreSQL database and RUNS
# against the embedded default (no SPRING_DATASOURCE_URL, CARELINK_STORAGE_DATADIR in a temp directory).
# Writes bench/target/startup.md. Target: ready in <= 20 s, RSS <= 800 MiB.
#
#   bench/startup.sh             # RUNS=3 MODES=postgres,embedded SERVER_JVM_OPTS=-Xmx1g
#                                # QUIET_LOAD=0.5: wait (<= 10 min) for an idle machine per start
#                                # FAST_START=1: extracted jar + CDS archive, as run-sandbox.sh
set -euo pipefail
RUNS="${RUNS:-3}"
MODES="${MODES:-postgres,embedded}"

source "$(dirname "$0")/common.sh"
trap drop_run_databases EXIT

ensure_bench_jar
ensure_server_jar
cd "$ROOT"
java -jar "$BENCH_JAR" startup \
  --server-jar "$SERVER_UNDER_TEST" \
  --server-jvm-opts "$SERVER_JVM_OPTS" \
  --pg-port "$PG_PORT" \
  --run-id "$RUN_ID" \
  --runs "$RUNS" --modes "$MODES" \
  ${QUIET_LOAD:+--quiet-load "$QUIET_LOAD"} \
  --log-dir "$BENCH/target/logs" \
  --out "$BENCH/target/startup.md" \
  "$@"
