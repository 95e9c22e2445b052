#!/usr/bin/env bash
# Runs a local Keycloak with the project's realm (docker/keycloak/carelink-realm.json), for the
# end-to-end test of the prod profile and for trying prod mode without Docker.
#
#   scripts/keycloak.sh start    # download (once), start on 127.0.0.1:$KEYCLOAK_PORT, wait until ready
#   scripts/keycloak.sh stop     # stop the instance started from this checkout
#   scripts/keycloak.sh status   # print the issuer URL if it runs
#
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist:26.5.6:zip, via the local
# Maven repository) and is unpacked under target/keycloak/. Every start uses a fresh data directory,
# so the realm file is always imported as it is now. Development mode (HTTP, embedded H2): never
# expose it. Settings: KEYCLOAK_PORT (default 18081), KEYCLOAK_HEAP (default -Xms64m -Xmx384m),
# KEYCLOAK_READY_TIMEOUT seconds (default 180).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=26.5.6
ARTIFACT="org.keycloak:keycloak-quarkus-dist:$VERSION:zip"
WORK="$ROOT/target/keycloak"
HOME_DIR="$WORK/keycloak-$VERSION"
PID_FILE="$WORK/keycloak.pid"
LOG_FILE="$WORK/keycloak.log"
PORT="${KEYCLOAK_PORT:-18081}"
REALM_FILE="$ROOT/docker/keycloak/carelink-realm.json"
ISSUER="http://127.0.0.1:$PORT/realms/carelink"

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

unpack() {
  [ -x "$HOME_DIR/bin/kc.sh" ] && return
  mkdir -p "$WORK"
  local zip
  zip="$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.zip 2>/dev/null || true)"
  if [ -z "$zip" ]; then
    echo "downloading $ARTIFACT from Maven Central" >&2
    mvn -B -q -ntp dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$WORK" >&2
    zip="$WORK/keycloak-quarkus-dist-$VERSION.zip"
  fi
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$zip" -d "$WORK"
  else
    (cd "$WORK" && jar xf "$zip" && chmod +x "$HOME_DIR"/bin/*.sh)
  fi
}

start() {
  if running; then
    echo "$ISSUER"
    return
  fi
  unpack
  # Fresh data directory: the realm is imported only into an empty database.
  rm -rf "$HOME_DIR/data"
  mkdir -p "$HOME_DIR/data/import"
  cp "$REALM_FILE" "$HOME_DIR/data/import/"
  JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx384m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid "$HOME_DIR/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$PORT" --hostname-strict=false \
      >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  local deadline=$((SECONDS + ${KEYCLOAK_READY_TIMEOUT:-180}))
  until curl -fsS -o /dev/null "$ISSUER/.well-known/openid-configuration" 2>/dev/null; do
    if ! running; then
      echo "Keycloak exited; last log lines:" >&2
      tail -30 "$LOG_FILE" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "Keycloak not ready after ${KEYCLOAK_READY_TIMEOUT:-180} s; see $LOG_FILE" >&2
      stop
      exit 1
    fi
    sleep 1
  done
  echo "$ISSUER"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$PID_FILE")"
    # kc.sh runs java as its child: signal the whole session started above.
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 30); do running || break; sleep 1; done
    running && kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "$ISSUER"; else echo "not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
