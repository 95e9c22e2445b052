# Shared by run.sh and startup.sh (sourced, not executed).
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
BENCH_JAR="$BENCH/target/carelink-bench.jar"
# The JVM options the server ships with (run-sandbox.sh's default_opts; the Docker image carries the
# same, which docker/'s tests check). validation.sh runs with them unless SERVER_JVM_OPTS is set.
SHIPPED_JVM_OPTS="$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$ROOT/run-sandbox.sh")"
SERVER_JVM_OPTS="${SERVER_JVM_OPTS:--Xmx1g}"
PG_PORT="${PG_PORT:-5432}"
RUN_ID="${RUN_ID:-$(date -u +%Y%m%d_%H%M%S)}"

# Builds the bench jar when it is missing or older than its sources.
ensure_bench_jar() {
  if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$BENCH/src/main" "$BENCH/pom.xml" -newer "$BENCH_JAR" -print -quit)" ]; then
    echo "building $BENCH_JAR" >&2
    (cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests) >&2
  fi
}

# Builds the server jar when missing, then copies it so that a rebuild during the run cannot
# change the jar under test. Sets SERVER_UNDER_TEST.
ensure_server_jar() {
  local jar="${SERVER_JAR:-$ROOT/server/target/carelink-server.jar}"
  if [ ! -f "$jar" ]; then
    echo "building $jar" >&2
    (cd "$ROOT" && mvn -B -q -pl server -am package -DskipTests) >&2
  fi
  UNDER_TEST_DIR="$BENCH/target/under-test-$RUN_ID"
  SERVER_UNDER_TEST="$UNDER_TEST_DIR/carelink-server.jar"
  mkdir -p "$UNDER_TEST_DIR"
  cp "$jar" "$SERVER_UNDER_TEST"
  echo "server under test: $jar (copied to $SERVER_UNDER_TEST, $(stat -c %y "$jar" | cut -d. -f1))" >&2
  if [ "${FAST_START:-0}" = 1 ]; then
    # The launch run-sandbox.sh uses: extracted jar + class-data-sharing archive
    # (scripts/prepare-fast-start.sh, about a minute once per jar).
    FAST_START_DIR="$UNDER_TEST_DIR/fast-start"
    "$ROOT/scripts/prepare-fast-start.sh" "$SERVER_UNDER_TEST" "$FAST_START_DIR" >&2
    SERVER_UNDER_TEST="$FAST_START_DIR/carelink-server.jar"
    if [ -f "$FAST_START_DIR/carelink.jsa" ]; then
      SERVER_JVM_OPTS="$SERVER_JVM_OPTS -XX:SharedArchiveFile=$FAST_START_DIR/carelink.jsa"
    fi
    echo "fast start: $SERVER_UNDER_TEST, JVM options $SERVER_JVM_OPTS" >&2
  fi
}

# Drops this run's throw-away databases (after a crash or Ctrl-C; normally the bench drops them).
drop_run_databases() {
  local db
  for db in $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -w -X -t -A -d postgres \
      -c "select datname from pg_database where datname like 'carelink_bench_${RUN_ID}%'" 2>/dev/null); do
    echo "dropping leftover database $db" >&2
    dropdb -h 127.0.0.1 -p "$PG_PORT" -U postgres -w --if-exists "$db" || true
  done
  if [ -n "${UNDER_TEST_DIR:-}" ]; then rm -rf "$UNDER_TEST_DIR"; fi
}
