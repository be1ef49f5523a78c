#!/usr/bin/env bash
# The end-to-end benchmark: the three services from their packaged jars, one PostgreSQL and a real SMTP server
# (the e2e harness), check-ins at a fixed rate (open model) with a share of them alert-worthy, each of those paging
# the primary on call at once, the backup after 10 s and the hotline after 20 s (SystemBenchmark).
#
# Prints check-in p50/p99, check-in → the primary's page at the SMTP server p50/p99, the escalation steps' lateness,
# and first the pgbench ratio of the patient-service benchmark (e2e/bench/checkin-bench.sh; skip it with
# SKIP_CHECKIN_BENCH=1). Usage: e2e/bench/system-bench.sh [seconds, default 60] [check-ins/s, default 100]
# [alert-worthy share, default 0.2]. BENCH_JFR=1 records each service with JFR over the measured load (flame graphs in
# e2e/target/bench/jfr/).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SECONDS_OF_LOAD=${1:-60}
RATE=${2:-100}
SHARE=${3:-0.2}
LOGS="$ROOT/e2e/target/bench/logs"
mkdir -p "$LOGS"
# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"

RATIO_LINES=""
if [ "${SKIP_CHECKIN_BENCH:-0}" != 1 ]; then
  say "== The patient-service benchmark (pgbench ratio), 30 s runs"
  e2e/bench/checkin-bench.sh 30 | tee "$LOGS/checkin-bench-summary.log"
  RATIO_LINES=$(grep -E "ceiling:|patient-service on|after start|AOT cache|steady maximum|half the" "$LOGS/checkin-bench-summary.log" || true)
fi

# The services run on the JDK of their JVM images (25) when it is here, else on the build's JDK.
JAVA25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
SERVICE_JAVA=()
SERVICE_JAVA_BIN=java
if [ -x "$JAVA25" ]; then
  SERVICE_JAVA=(-De2e.service.java="$JAVA25")
  SERVICE_JAVA_BIN=$JAVA25
else
  say "(JDK 25 not found at $JAVA25: the services run on the build's JDK)"
fi

# BENCH_JFR=1: a JFR recording of each service over the measured load, made into flame graphs (e2e/target/bench/jfr/).
JFR_DIR="$ROOT/e2e/target/bench/jfr"
JFR_ARGS=()
if [ "${BENCH_JFR:-0}" = 1 ]; then
  rm -rf "$JFR_DIR" && mkdir -p "$JFR_DIR"
  JFR_ARGS=(-Dbench.jfr="$JFR_DIR")
fi

say "== The system under load: ${RATE} check-ins/s for ${SECONDS_OF_LOAD} s, share ${SHARE} alert-worthy"
./mvnw -B verify -pl e2e -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SystemBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  -Dbench.rate="$RATE" -Dbench.seconds="$SECONDS_OF_LOAD" -Dbench.alertShare="$SHARE" \
  -De2e.service.jvm="-Xmx512m" "${SERVICE_JAVA[@]}" "${JFR_ARGS[@]}" > "$LOGS/system-bench.log" 2>&1 || {
  grep -E "System benchmark|^  |ERROR\]" "$LOGS/system-bench.log" | head -60 || true
  say "system-bench: the run failed; see $LOGS/system-bench.log and e2e/target/e2e/system-*/logs/" >&2
  exit 1
}
say ""
say "  services on: $("$SERVICE_JAVA_BIN" -version 2>&1 | head -1)"
sed -n '/^System benchmark (/,/problems:/p' "$LOGS/system-bench.log"
grep -E "resident memory every" "$LOGS/system-bench.log" || true
grep -E "CPU during the load" "$LOGS/system-bench.log" || true
if [ "${BENCH_JFR:-0}" = 1 ]; then
  CONVERTER="$HOME/.m2/repository/tools/profiler/jfr-converter/4.1/jfr-converter-4.1.jar"
  [ -f "$CONVERTER" ] || ./mvnw -q -B dependency:get -Dartifact=tools.profiler:jfr-converter:4.1 -Dtransitive=false
  for jfr in "$JFR_DIR"/*.jfr; do
    [ -f "$jfr" ] || continue
    "$SERVICE_JAVA_BIN" -jar "$CONVERTER" "$jfr" "${jfr%.jfr}-flame.html" > "$LOGS/jfr-converter.log" 2>&1 \
      || say "(the flame graph of $jfr could not be made: $LOGS/jfr-converter.log)"
  done
  say "  flame graphs of the measured load: $JFR_DIR/*-flame.html"
fi
if [ -n "$RATIO_LINES" ]; then
  say "  patient-service benchmark (checkin-bench.sh 30, PostgreSQL 15):"
  say "$RATIO_LINES"
fi
say "Logs: $LOGS/system-bench.log, e2e/target/e2e/system-*/logs/"
