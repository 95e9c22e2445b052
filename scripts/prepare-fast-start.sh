#!/usr/bin/env bash
# Prepares the server jar for a fast start: extracts it (classes load faster from plain jars than
# from a jar nested in the Spring Boot jar) and builds a class-data-sharing (CDS) archive of the
# classes loaded during start-up, so the JVM maps them instead of loading and verifying each one.
#
# usage: scripts/prepare-fast-start.sh SERVER_JAR OUT_DIR
# Produces OUT_DIR/carelink-server.jar (+ OUT_DIR/lib) and, if the JVM manages, OUT_DIR/carelink.jsa.
# Both are rebuilt only when SERVER_JAR is newer. Start with:
#   java -XX:SharedArchiveFile=OUT_DIR/carelink.jsa -jar OUT_DIR/carelink-server.jar
# The archive must be used by the same JVM that built it; the JVM ignores an archive that does not
# match and starts normally.
set -euo pipefail

server_jar=$(realpath "$1")
out=$(realpath -m "$2")
app_jar=$out/carelink-server.jar
archive=$out/carelink.jsa

if [[ ! -f $app_jar || $server_jar -nt $app_jar ]]; then
  rm -rf "$out"
  java -Djarmode=tools -jar "$server_jar" extract --destination "$out" >/dev/null
fi

if [[ -f $archive && ! $app_jar -nt $archive ]]; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Building a start-up class archive (once per build, about a minute)..."
# Training run: start the application context (embedded database in a scratch directory, no
# listening port) and exit, recording every class it loaded.
if ! java -Xmx512m -XX:DumpLoadedClassList="$work/classes.lst" -Dspring.context.exit=onRefresh \
    -jar "$app_jar" --carelink.storage.data-dir="$work/data" --server.port=0 \
    >"$work/training.log" 2>&1; then
  echo "Training run failed; starting without a class archive. Last lines:" >&2
  tail -5 "$work/training.log" >&2
  exit 0
fi
# Lambda-proxy entries make OpenJDK 17's archive dump crash (seen on Debian's 17.0.15): leave them out.
grep -v '^@' "$work/classes.lst" >"$work/classes-no-lambda.lst"
if ! java -Xshare:dump -XX:SharedClassListFile="$work/classes-no-lambda.lst" \
    -XX:SharedArchiveFile="$archive" -jar "$app_jar" >"$work/dump.log" 2>&1; then
  echo "Class archive dump failed; starting without it." >&2
  rm -f "$archive"
fi
