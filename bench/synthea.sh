#!/usr/bin/env bash
# Generates the outside workload: Synthea 3.3.0 (Maven Central) FHIR R4 transaction bundles.
#
#   bench/synthea.sh [-p 50] [-s 42] [-a MIN-MAX] [--force]
#
# (-a restricts ages, e.g. -a 20-40 for a small smoke data set: young patients have short records.)
#
# 1. Copies org.mitre.synthea:synthea:3.3.0 and its runtime dependencies into
#    bench/target/synthea/lib (bench/synthea/pom.xml is a stand-alone helper pom, not a module).
# 2. Runs it offline (inside an empty network namespace when `unshare -n` is allowed) with FHIR R4
#    export only, into bench/target/synthea/output/p<P>-s<S>/fhir/.
# Prints the output directory on the last line. Skips generation when that directory is complete.
set -euo pipefail

P=50
S=42
AGES=""
FORCE=0
while [ $# -gt 0 ]; do
  case "$1" in
    -p) P="$2"; shift 2 ;;
    -s) S="$2"; shift 2 ;;
    -a) AGES="$2"; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "usage: $0 [-p population] [-s seed] [-a MIN-MAX] [--force]" >&2; exit 2 ;;
  esac
done

BENCH="$(cd "$(dirname "$0")" && pwd)"
HOME_DIR="$BENCH/target/synthea"
LIB="$HOME_DIR/lib"
NAME="p$P-s$S${AGES:+-a$AGES}"
OUT="$HOME_DIR/output/$NAME"
AGE_ARGS=()
if [ -n "$AGES" ]; then AGE_ARGS=(-a "$AGES"); fi
# A fixed reference date and clinician seed make the data set the same whatever the day.
REFERENCE_DATE="${SYNTHEA_REFERENCE_DATE:-20250101}"

if [ ! -f "$LIB/synthea-3.3.0.jar" ]; then
  echo "fetching Synthea 3.3.0 and its dependencies from Maven Central into $LIB" >&2
  mvn -B -q -f "$BENCH/synthea/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$LIB" >&2
fi

if [ "$FORCE" = 1 ]; then rm -rf "$OUT"; fi
if [ -f "$OUT/.complete" ]; then
  echo "Synthea data already present: $OUT" >&2
  echo "$OUT"
  exit 0
fi
rm -rf "$OUT"
mkdir -p "$OUT"

OFFLINE=()
if unshare -n true 2>/dev/null; then
  OFFLINE=(unshare -n)
elif unshare -rn true 2>/dev/null; then
  OFFLINE=(unshare -rn)
else
  echo "note: cannot isolate the network (unshare); Synthea does not need it anyway" >&2
fi

echo "running Synthea -p $P -s $S -cs $S -r $REFERENCE_DATE ${AGE_ARGS[*]} ${OFFLINE[*]:+(no network)}" >&2
start=$(date +%s)
(
  cd "$OUT"
  "${OFFLINE[@]}" java -Xmx2g -cp "$LIB/*" App -p "$P" -s "$S" -cs "$S" -r "$REFERENCE_DATE" "${AGE_ARGS[@]}" \
    --exporter.baseDirectory "$OUT/" \
    --exporter.fhir.export true \
    --exporter.fhir.transaction_bundle true \
    --exporter.hospital.fhir.export true \
    --exporter.practitioner.fhir.export true \
    --exporter.fhir_stu3.export false \
    --exporter.fhir_dstu2.export false \
    --exporter.ccda.export false \
    --exporter.csv.export false \
    --exporter.cpcds.export false \
    --exporter.text.export false \
    --exporter.metadata.export false \
    --exporter.groups.fhir.export false \
    --exporter.fhir.bulk_data false
) > "$HOME_DIR/synthea-$NAME.log" 2>&1 || {
  echo "Synthea failed; see $HOME_DIR/synthea-$NAME.log" >&2
  tail -20 "$HOME_DIR/synthea-$NAME.log" >&2
  exit 1
}
files=$(find "$OUT/fhir" -name '*.json' | wc -l)
echo "Synthea wrote $files bundles ($(du -sh "$OUT/fhir" | cut -f1)) in $(( $(date +%s) - start )) s" >&2
grep -E '^Records:' "$HOME_DIR/synthea-$NAME.log" >&2 || true
touch "$OUT/.complete"
echo "$OUT"
