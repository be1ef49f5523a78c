#!/usr/bin/env bash
# JVM startup with and without a JDK 25 AOT cache (JEP 483/514/515), measured in the same run on the same jar.
#
#   1. builds the service in Quarkus's aot-jar packaging;
#   2. a training run under JDK 25 with -XX:AOTCacheOutput: start, exercise the API, stop; the JVM writes app.aot;
#   3. starts the service RUNS times without the cache and RUNS times with it, alternating, and reports for each the
#      time from launch to the first 200 from /q/health/ready, Quarkus's own "started in", and the resident memory once
#      ready; then the medians and their ratios.
#
# Usage: e2e/bench/startup-bench.sh [service, default care-team-service] [runs, default 5]
# Needs JDK 25 (JAVA25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and the machine's PostgreSQL (.ci/postgres).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SERVICE=${1:-care-team-service}
RUNS=${2:-5}
JAVA25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
declare -A PORT=([patient-service]=8081 [alert-service]=8082 [care-team-service]=8083)
declare -A DB=([patient-service]=patient [alert-service]=alert [care-team-service]=care_team)
HTTP_PORT=${PORT[$SERVICE]}
STATE="$ROOT/e2e/target/startup-bench"
LOGS="$STATE/logs"
mkdir -p "$LOGS"

# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"
[ -x "$JAVA25" ] || { say "JDK 25 not found at $JAVA25 (set JAVA25_HOME)" >&2; exit 1; }
require_free_ports startup-bench "$HTTP_PORT"

say "== PostgreSQL 15 (database ${DB[$SERVICE]}_startup)"
DB_USER=cart_bench
DB_PASSWORD=cart_bench_password
PG_PORT=$(.ci/postgres "$DB_USER" "$DB_PASSWORD" "${DB[$SERVICE]}_startup")

say "== Building $SERVICE (aot-jar, real PostgreSQL only)"
./mvnw -q -B package -DskipTests -Dquarkus.package.jar.type=aot-jar -pl "service-support,$SERVICE"
APP="$SERVICE/target/quarkus-app"
local_keys "$STATE/keys"

export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/${DB[$SERVICE]}_startup"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/${DB[$SERVICE]}_startup"
export QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
URL="http://127.0.0.1:$HTTP_PORT"

now_ms() { date +%s%3N; }

# start LOG [JVM options...]: launches the service under JDK 25; sets STARTED_PID.
start() {
  local log=$1
  shift
  (cd "$APP" && exec "$JAVA25" -Xmx512m "$@" -jar quarkus-run.jar) > "$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

stop() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

say "== Training run (JDK 25, -XX:AOTCacheOutput)"
rm -f "$APP/app.aot"
start "$LOGS/training.log" -XX:AOTCacheOutput=app.aot
for _ in $(seq 1 600); do curl -fs -o /dev/null "$URL/q/health/ready" && break; sleep 0.1; done
TOKEN=$(java "$ROOT/dev/DemoTool.java" token bench-admin admin)
for _ in $(seq 1 20); do
  curl -fs -o /dev/null "$URL/q/health/ready"
  curl -fs -o /dev/null "$URL/q/openapi"
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL/api/v1/centers"
  curl -s -o /dev/null "$URL/api/v1/centers"
  [ "$SERVICE" = care-team-service ] && curl -fs -o /dev/null "$URL/console" || true
done
stop "$STARTED_PID"
for _ in $(seq 1 600); do [ -s "$APP/app.aot" ] && break; sleep 0.2; done
[ -s "$APP/app.aot" ] || { say "no AOT cache was written; see $LOGS/training.log" >&2; exit 1; }
say "   app.aot: $(du -h "$APP/app.aot" | cut -f1)"

# measure LABEL [JVM options...]: prints "ready_ms started_ms rss_kb".
measure() {
  local label=$1
  shift
  local log="$LOGS/$label.log"
  local t0
  t0=$(now_ms)
  start "$log" "$@"
  local pid=$STARTED_PID
  until curl -fs -o /dev/null "$URL/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { say "the service died; see $log" >&2; exit 1; }
    sleep 0.01
  done
  local ready=$(( $(now_ms) - t0 ))
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  local started
  started=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$log" | head -1)
  stop "$pid"
  echo "$ready $(awk -v s="$started" 'BEGIN { printf "%d", s * 1000 }') $rss"
}

say "== $RUNS starts without and $RUNS with the cache, alternating (time to ready, Quarkus's started-in, RSS)"
WITHOUT=()
WITH=()
for i in $(seq 1 "$RUNS"); do
  WITHOUT+=("$(measure "without-$i")")
  WITH+=("$(measure "with-$i" -XX:AOTCache=app.aot)")
  say "   run $i: without ${WITHOUT[-1]} | with ${WITH[-1]}"
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
column() { local n=$1; shift; printf '%s\n' "$@" | awk -v n="$n" '{ print $n }' | median; }
R0=$(column 1 "${WITHOUT[@]}"); R1=$(column 1 "${WITH[@]}")
S0=$(column 2 "${WITHOUT[@]}"); S1=$(column 2 "${WITH[@]}")
M0=$(column 3 "${WITHOUT[@]}"); M1=$(column 3 "${WITH[@]}")
say ""
say "$SERVICE on JDK 25, $RUNS runs each (medians):"
say "  time to ready:      without $R0 ms, with AOT cache $R1 ms (ratio $(awk -v a="$R1" -v b="$R0" 'BEGIN { printf "%.2f", a / b }'))"
say "  Quarkus started in: without $S0 ms, with AOT cache $S1 ms (ratio $(awk -v a="$S1" -v b="$S0" 'BEGIN { printf "%.2f", a / b }'))"
say "  RSS once ready:     without $((M0 / 1024)) MiB, with AOT cache $((M1 / 1024)) MiB (ratio $(awk -v a="$M1" -v b="$M0" 'BEGIN { printf "%.2f", a / b }'))"
