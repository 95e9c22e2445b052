#!/usr/bin/env bash
# Cost of consent enforcement on searches (consent issue, acceptance 6): starts the server jar once
# on a throw-away PostgreSQL database with the default sandbox world (its agreements and residents'
# Consents), then sends the same searches alternately as a party whose answers consent filters and
# as the service desk (whose requests skip consent). Prints and writes bench/target/consent-cost.md.
# ROUNDS (per search and side, default 100).
set -euo pipefail
ROUNDS="${ROUNDS:-100}"
source "$(dirname "$0")/common.sh"
trap drop_run_databases EXIT

ensure_bench_jar
ensure_server_jar
cd "$ROOT"
java -Xmx512m -jar "$BENCH_JAR" consent \
  --server-jar "$SERVER_UNDER_TEST" \
  --server-jvm-opts "$SERVER_JVM_OPTS" \
  --pg-port "$PG_PORT" \
  --run-id "$RUN_ID" \
  --rounds "$ROUNDS" \
  --log-dir "$BENCH/target/logs" \
  --out "$BENCH/target/consent-cost.md" \
  "$@"
