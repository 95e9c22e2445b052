#!/usr/bin/env bash
# Cost of profile validation on ingest (issue 3, acceptance 5): starts the server jar twice, each on
# a throw-away PostgreSQL database, one validating writes and one with validation switched off, and
# posts the same profile-claiming care home pushes to both in turn. Prints and writes
# bench/target/validation-cost.md. PUSHES (per side, default 300), RESIDENTS (per push, default 10),
# WARMUP (pushes per side before measuring, default 200), BATCH (pushes sent to one side before the
# other gets them, default 1; above 1, both servers finish linking before each batch). The servers
# run with the JVM options the server ships with (ADR 19) unless SERVER_JVM_OPTS says otherwise.
set -euo pipefail
CALLER_JVM_OPTS="${SERVER_JVM_OPTS:-}"
PUSHES="${PUSHES:-300}"
WARMUP="${WARMUP:-200}"
RESIDENTS="${RESIDENTS:-10}"
BATCH="${BATCH:-1}"
source "$(dirname "$0")/common.sh"
if [ -z "$CALLER_JVM_OPTS" ] && [ -z "$SHIPPED_JVM_OPTS" ]; then
  echo "no default_opts=\"...\" line in run-sandbox.sh: set SERVER_JVM_OPTS" >&2
  exit 1
fi
SERVER_JVM_OPTS="${CALLER_JVM_OPTS:-$SHIPPED_JVM_OPTS}"
trap drop_run_databases EXIT

ensure_bench_jar
ensure_server_jar
cd "$ROOT"
java -Xmx512m -jar "$BENCH_JAR" validation \
  --server-jar "$SERVER_UNDER_TEST" \
  --server-jvm-opts "$SERVER_JVM_OPTS" \
  --pg-port "$PG_PORT" \
  --run-id "$RUN_ID" \
  --pushes "$PUSHES" --residents "$RESIDENTS" --warmup-pushes "$WARMUP" \
  --batch-pushes "$BATCH" \
  --log-dir "$BENCH/target/logs" \
  --out "$BENCH/target/validation-cost.md" \
  "$@"
