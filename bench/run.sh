#!/usr/bin/env bash
# One whole comparison run: the server with the project's interceptors on, then off, each on a
# fresh PostgreSQL database; prints the side-by-side table and writes bench/target/last-run.md.
#
#   bench/run.sh                 # full run: 200 care-home pushes, Synthea -p 50 -s 42
#   bench/run.sh --smoke         # quick end-to-end check (< 2 min of benchmark)
#   bench/run.sh [--smoke] [more carelink-bench compare options, e.g. --variants on]
#
# Sizes come from the environment (defaults = full run):
#   PUSHES=200 HOMES=4 SEED=42 CLIENTS=2 PATIENTS=50 ROUNDS=5 THROUGHPUT_SECONDS=10
#   SYNTHEA=1 SYNTHEA_P=50 SYNTHEA_S=42 SYNTHEA_AGES=   (SYNTHEA=0 skips the Synthea workload)
#   SERVER_JVM_OPTS=-Xmx1g SERVER_JAR=server/target/carelink-server.jar PG_PORT=5432
#   SERVER_ENV="KEY=VALUE,..." (extra server environment)
#   QUIET_LOAD=0.5 (before each variant, wait up to 10 min for the 1-min load average to drop below)
#   FAST_START=1 (launch like run-sandbox.sh: extracted jar + CDS archive from scripts/prepare-fast-start.sh)
# Authentication: tokens of the sandbox admin party from the server's /oauth2/token by default;
#   --token-url/--client-id/--client-secret (and --hospital-...) choose others, --token-url none none.
set -euo pipefail

if [ "${1:-}" = "--smoke" ]; then
  shift
  : "${PUSHES:=8}" "${SYNTHEA_P:=1}" "${SYNTHEA_S:=7}" "${SYNTHEA_AGES:=20-30}"
  : "${PATIENTS:=6}" "${ROUNDS:=3}" "${THROUGHPUT_SECONDS:=3}"
fi
PUSHES="${PUSHES:-200}"
HOMES="${HOMES:-4}"
SEED="${SEED:-42}"
CLIENTS="${CLIENTS:-2}"
PATIENTS="${PATIENTS:-50}"
ROUNDS="${ROUNDS:-5}"
THROUGHPUT_SECONDS="${THROUGHPUT_SECONDS:-10}"
SYNTHEA="${SYNTHEA:-1}"
SYNTHEA_P="${SYNTHEA_P:-50}"
SYNTHEA_S="${SYNTHEA_S:-42}"
SYNTHEA_AGES="${SYNTHEA_AGES:-}"

source "$(dirname "$0")/common.sh"
trap drop_run_databases EXIT

ensure_bench_jar
ensure_server_jar
SYNTHEA_ARGS=()
if [ "$SYNTHEA" = 1 ]; then
  SYNTHEA_DIR="$("$BENCH/synthea.sh" -p "$SYNTHEA_P" -s "$SYNTHEA_S" ${SYNTHEA_AGES:+-a "$SYNTHEA_AGES"} | tail -1)"
  SYNTHEA_ARGS=(--synthea-dir "$SYNTHEA_DIR")
fi

cd "$ROOT"
java -Xmx1g -jar "$BENCH_JAR" compare \
  --server-jar "$SERVER_UNDER_TEST" \
  --server-jvm-opts "$SERVER_JVM_OPTS" \
  --pg-port "$PG_PORT" \
  --run-id "$RUN_ID" \
  --pushes "$PUSHES" --homes "$HOMES" --seed "$SEED" --clients "$CLIENTS" \
  "${SYNTHEA_ARGS[@]}" \
  --patients "$PATIENTS" --rounds "$ROUNDS" --throughput-seconds "$THROUGHPUT_SECONDS" \
  ${SERVER_ENV:+--server-env "$SERVER_ENV"} \
  ${QUIET_LOAD:+--quiet-load "$QUIET_LOAD"} \
  --log-dir "$BENCH/target/logs" \
  --out "$BENCH/target/last-run.md" \
  "$@"
