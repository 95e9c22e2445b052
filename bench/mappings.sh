#!/usr/bin/env bash
# CSV mapping throughput (issue 7, acceptance 5), in rows/s:
#   1. mapping alone: the engine in-process (CSV checks + StructureMap + transaction assembly), no
#      server: `carelink-mappings-cli.jar time` on each sample and on a larger observations file;
#   2. map + validate + store: the server jar in sandbox mode (embedded PostgreSQL in a temporary
#      directory, 127.0.0.1 on a free port), POST /fhir/$ingest as the sandbox care home carehome-a,
#      first a file of new rows (creates), then the same file again (every row matched, unchanged).
# Prints a table and writes bench/target/mappings.md. COPIES (observation file = the sample's 366
# rows x COPIES, each copy's times shifted by a second so every row is new; default 10), REPEAT
# (mapping-alone repetitions, default 20). QUIET_LOAD=2.5 waits (at most 10 min) for the 1-minute
# load average to drop below that before measuring.
set -euo pipefail
source "$(dirname "$0")/common.sh"
COPIES="${COPIES:-10}"
REPEAT="${REPEAT:-20}"
CLI="$ROOT/mappings/target/carelink-mappings-cli.jar"
OUT="$BENCH/target/mappings.md"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  if [ -n "${UNDER_TEST_DIR:-}" ]; then rm -rf "$UNDER_TEST_DIR"; fi
}
trap cleanup EXIT

if [ ! -f "$CLI" ] || [ -n "$(find "$ROOT/mappings" -path "$ROOT/mappings/target" -prune -o -newer "$CLI" -type f -print -quit)" ]; then
  echo "building $CLI" >&2
  (cd "$ROOT" && mvn -B -q -pl mappings -am package -DskipTests) >&2
fi
ensure_server_jar

if [ -n "${QUIET_LOAD:-}" ]; then
  quiet=0
  for _ in $(seq 60); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v q="$QUIET_LOAD" 'BEGIN { exit !(l < q) }'; then quiet=1; break; fi
    echo "load $load >= $QUIET_LOAD, waiting" >&2
    sleep 10
  done
  if [ "$quiet" != 1 ]; then
    echo "the load stayed at or above $QUIET_LOAD for 10 minutes: not measuring (figures pending)" >&2
    exit 3
  fi
fi

# A larger daily-observations export: the sample COPIES times, copy k at second k (new keys).
OBS="$WORK/observations-x$COPIES.csv"
head -1 "$ROOT/mappings/daily-observations/sample/observations.csv" > "$OBS"
for k in $(seq 1 "$COPIES"); do
  tail -n +2 "$ROOT/mappings/daily-observations/sample/observations.csv" \
    | awk -F, -v OFS=, -v s="$(printf '%02d' "$k")" '{ sub(/\r$/, ""); $2 = $2 ":" s; print $0 "\r" }' >> "$OBS"
done
ROWS=$(( $(wc -l < "$OBS") - 1 ))

{
  echo "# CSV mapping throughput"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), JVM: $(java -version 2>&1 | head -1)"
  echo
  echo "## Mapping alone (no server; $REPEAT repetitions after warm-up)"
  echo
  echo "| format | rows | repetitions | seconds | rows/s |"
  echo "|---|---:|---:|---:|---:|"
} > "$OUT.tmp"
for f in resident-register:residents.csv daily-observations:observations.csv incidents:incidents.csv emar:administrations.csv; do
  format=${f%%:*}; file="$ROOT/mappings/$format/sample/${f#*:}"
  java -Xmx512m -jar "$CLI" time --format "$format" --repeat "$REPEAT" "$file" 2>/dev/null \
    | awk -F'\t' '{ split($2, a, " "); sub(/ s$/, "", $3); sub(/ rows\/s$/, "", $4); printf "| %s | %s | %s | %s | %s |\n", $1, a[1], a[4], $3, $4 }' >> "$OUT.tmp"
done
java -Xmx512m -jar "$CLI" time --format daily-observations --repeat 3 "$OBS" 2>/dev/null \
  | awk -F'\t' '{ split($2, a, " "); sub(/ s$/, "", $3); sub(/ rows\/s$/, "", $4); printf "| %s (x'"$COPIES"') | %s | %s | %s | %s |\n", $1, a[1], a[4], $3, $4 }' >> "$OUT.tmp"

# Map + validate + store through the server.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$BENCH/target/logs"
LOG="$BENCH/target/logs/mappings-server-$RUN_ID.log"
echo "starting $SERVER_UNDER_TEST on 127.0.0.1:$PORT (log $LOG)" >&2
# shellcheck disable=SC2086
java $SERVER_JVM_OPTS -jar "$SERVER_UNDER_TEST" --server.address=127.0.0.1 --server.port="$PORT" \
  --carelink.storage.data-dir="$WORK/data" > "$LOG" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 600); do
  if curl -sf "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server exited, see $LOG" >&2; exit 1; fi
  sleep 1
done
post() { # format file -> seconds (stderr of the CLI has "HTTP 200 in S s")
  java -Xmx256m -jar "$CLI" post --format "$1" --server "$BASE/fhir" \
    --client-id carehome-a --client-secret sandbox-secret "$2" 2>&1 >/dev/null \
    | awk '/^HTTP / { if ($2 != 200) { print "FAILED " $0 > "/dev/stderr"; exit 1 } print $4 }'
}
{
  echo
  echo "## Map + validate + store (POST /fhir/\$ingest, one transaction per file)"
  echo
  echo "| file | rows | path | seconds | rows/s |"
  echo "|---|---:|---|---:|---:|"
} >> "$OUT.tmp"
row() { awk -v n="$1" -v r="$2" -v p="$3" -v s="$4" 'BEGIN { printf "| %s | %d | %s | %.2f | %.0f |\n", n, r, p, s, r / s }'; }
s=$(post resident-register "$ROOT/mappings/resident-register/sample/residents.csv"); row residents.csv 24 "create (first ingest)" "$s" >> "$OUT.tmp"
s=$(post daily-observations "$OBS"); row "observations x$COPIES" "$ROWS" "create (first ingest)" "$s" >> "$OUT.tmp"
s=$(post daily-observations "$OBS"); row "observations x$COPIES" "$ROWS" "re-ingest (all unchanged)" "$s" >> "$OUT.tmp"
s=$(post emar "$ROOT/mappings/emar/sample/administrations.csv"); row administrations.csv 112 "create (first ingest)" "$s" >> "$OUT.tmp"
echo >> "$OUT.tmp"
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg). Server: $SERVER_UNDER_TEST, JVM options $SERVER_JVM_OPTS, sandbox world loaded." >> "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
