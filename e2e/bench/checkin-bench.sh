#!/usr/bin/env bash
# Check-in benchmark: patient-service's POST /check-ins against the machine's PostgreSQL 15, compared
# with pgbench running the same SQL transaction on the same server (the ceiling).
#
#   1. the first 30 s after patient-service is ready, restarted after the enrolment so its JIT starts cold: wrk, closed model,
#      every request with its own Idempotency-Key; patient-service runs as its image does, on JDK 25 (JAVA25_HOME), first
#      without an AOT cache, then from one trained on a run of this load (BENCH_AOT_TRAINING, 60 s), and stays on it;
#   2. pgbench: the check-in's statements as patient-service sends them (CheckInStore: two pipelines of reads, the check-in
#      with one outbox event in five in one statement, the audit row), extended protocol, at the same client count, with
#      literal keys (a volatile expression such as md5(random()::text) in a WHERE clause defeats the index and measures a
#      table scan instead);
#   3. the steady maximum: wrk again after a warm-up (BENCH_WARMUP, 120 s), with a JFR recording of patient-service made into a
#      flame graph (e2e/target/bench/patient-service-flame.html; jfr-converter from Maven);
#   4. latency at half the ceiling (the target rate) and at half the steady maximum: Gatling, open model (arrivals at a
#      constant rate whatever the latency), each after a 10-second warm-up at its rate that is not counted.
#
# Prints the ceiling, the service's rates, their ratios and p50/p99 at each rate. Targets (issue 19): steady maximum
# >= 0.5 x the ceiling, p99 <= 50 ms at 0.5 x the ceiling, the first 30 s >= 0.5 x the steady maximum.
# Load: BENCH_PATIENTS (1000) patients enrolled for the run, each check-in for the next; fevers (one in five) from the
# first 50 of them, appended to their open alerts. Usage: e2e/bench/checkin-bench.sh [seconds per run, default 30]
set -euo pipefail
case "${PGBENCH_PROTOCOL:-extended}" in
  extended|prepared) ;;
  *) echo "PGBENCH_PROTOCOL must be extended or prepared (the script pipelines, as the service does)" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SECONDS_PER_RUN=${1:-30}
CLIENTS=${BENCH_CLIENTS:-16}
PATIENTS=${BENCH_PATIENTS:-1000}
# On two shared cores C2 still compiles for minutes: after 30 s of load it took 0.4 of a core in the measured run.
WARM_UP=${BENCH_WARMUP:-120}
FEBRILE=50
STATE="$ROOT/e2e/target/bench"
LOGS="$STATE/logs"
mkdir -p "$LOGS"

# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"
require_free_ports checkin-bench 8081 8082 8083 15432 15433
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

say "== PostgreSQL 15 (databases patient_bench, alert_bench, care_team_bench)"
DB_USER=cart_bench
DB_PASSWORD=cart_bench_password
PG_PORT=$(.ci/postgres "$DB_USER" "$DB_PASSWORD" patient_bench alert_bench care_team_bench)

say "== Building the services"
./mvnw -q -B package -DskipTests -pl patient-service,alert-service,care-team-service -am
# patient-service runs as its image does: on JDK 25, in the aot-jar packaging (classes on the class path, which an AOT cache
# can hold), cold without a cache and then from a cache trained on this load. Without JDK 25 it runs on the default JDK.
JAVA25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
APP="$ROOT/patient-service/target/quarkus-app"
if [ -x "$JAVA25" ]; then
  PATIENT_JAVA=$JAVA25
  ./mvnw -q -B package -DskipTests -Dquarkus.package.jar.type=aot-jar -pl service-support,patient-service
else
  PATIENT_JAVA=java
  say "(JDK 25 not found at $JAVA25: patient-service runs on $(java -version 2>&1 | head -1), without an AOT cache)"
fi
JCMD="$(dirname "$(readlink -f "$(command -v "$PATIENT_JAVA")")")/jcmd"

local_keys "$STATE/keys"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
export QUARKUS_MAILER_MOCK=true


# Every service on its own database of the same server (they start without one only in dev and tests).
on_db() { exec env QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/$1" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$1" \
  QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD "${@:2}"; }
on_db care_team_bench java -jar care-team-service/target/quarkus-app/quarkus-run.jar > "$LOGS/care-team-service.log" 2>&1 &
PIDS+=($!)
on_db alert_bench java -jar alert-service/target/quarkus-app/quarkus-run.jar > "$LOGS/alert-service.log" 2>&1 &
PIDS+=($!)
# start_patient [JVM options...]: starts patient-service (PIDS[2]), logging to patient-service.log.
start_patient() {
  on_db patient_bench "$PATIENT_JAVA" -XX:FlightRecorderOptions:stackdepth=256 "$@" -jar "$APP/quarkus-run.jar" \
    >> "$LOGS/patient-service.log" 2>&1 &
  PIDS[2]=$!
}
stop_patient() {
  kill "${PIDS[2]}" 2>/dev/null || say "(patient-service had already stopped: $LOGS/patient-service.log)"
  wait "${PIDS[2]}" 2>/dev/null || true
}
: > "$LOGS/patient-service.log"
start_patient
java "$ROOT/dev/DemoTool.java" wait 120 http://127.0.0.1:8081/q/health/ready http://127.0.0.1:8082/q/health/ready \
  http://127.0.0.1:8083/q/health/ready

say "== Seeding a center and a patient through the APIs"
DEMO_KEY_DIR="$STATE/keys" DEMO_STATE_DIR="$STATE" java "$ROOT/dev/DemoTool.java" seed > "$LOGS/seed.log"
# shellcheck disable=SC1091
source "$STATE/tokens.env"
CENTER_ID=$DEMO_CENTER_ID
say "== Enrolling $PATIENTS patients for the load (each check-in is for the next one, as a hospital's are spread)"
DEMO_KEY_DIR="$STATE/keys" java "$ROOT/dev/DemoTool.java" patients "$PATIENTS" "$STATE/patients.txt" > "$LOGS/patients.log"

cat > "$STATE/checkin.lua" <<LUA
local counter = 0
local threadId = 0
local patients = {}
setup = function(thread)
  thread:set("id", threadId)
  threadId = threadId + 1
end
init = function(args)
  math.randomseed(os.time() + id)
  for line in io.lines("$STATE/patients.txt") do
    local pid, token = line:match("^(%S+) (%S+)")
    if pid then patients[#patients + 1] = { pid, token } end
  end
end
request = function()
  counter = counter + 1
  local fever = math.random(5) == 1
  -- Fevers come from the first $FEBRILE patients (their open alerts take the later ones as appended events), so
  -- alert-service's work of opening and paging new alerts does not take this machine's cores from patient-service.
  local patient = fever and patients[(counter * 2 + id) % $FEBRILE + 1] or patients[(counter * 2 + id) % #patients + 1]
  local body = string.format('{"recordedAt":"%s","temperature":{"value":%s,"unit":"C","method":"ORAL"},'
    .. '"antipyreticLast6h":false,"vitals":{"spo2":97,"heartRate":88},"symptoms":%s}',
    os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 5), fever and "38.4" or "36.8", fever and '["RIGORS"]' or '[]')
  return wrk.format("POST", "/api/v1/patients/" .. patient[1] .. "/check-ins", {
    ["Authorization"] = "Bearer " .. patient[2],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", id, counter, os.time(), math.random(1000000000))
  }, body)
end
response = function(status, headers, body)
  if status ~= 201 then
    errors = (errors or 0) + 1
  end
end
LUA

rate() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
non_2xx() { sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$1"; }
wrk_run() { wrk -t 2 -c "$CLIENTS" -d "$1" --latency -s "$STATE/checkin.lua" http://127.0.0.1:8081 > "$2" 2>&1; }

# Enrolling went through patient-service and warmed its JIT: it is restarted, so the first run measures a cold start.
say "== Restarting patient-service, so the first run starts cold (no AOT cache)"
stop_patient
start_patient
java "$ROOT/dev/DemoTool.java" wait 120 http://127.0.0.1:8081/q/health/ready
say "== wrk: the first ${SECONDS_PER_RUN}s after patient-service is ready, $CLIENTS connections"
wrk_run "${SECONDS_PER_RUN}s" "$LOGS/wrk-first-cold.log"
FIRST_COLD_RPS=$(rate "$LOGS/wrk-first-cold.log")
FIRST_RPS=$FIRST_COLD_RPS
if [ "$PATIENT_JAVA" = "$JAVA25" ]; then
  # The cache the image would carry: trained on this very load (TRAINING seconds of check-ins), written when the JVM exits.
  TRAINING=${BENCH_AOT_TRAINING:-60}
  say "== AOT cache: a training run of ${TRAINING}s of check-ins under -XX:AOTCacheOutput"
  stop_patient
  rm -f "$APP/app.aot"
  start_patient -XX:AOTCacheOutput="$APP/app.aot"
  java "$ROOT/dev/DemoTool.java" wait 120 http://127.0.0.1:8081/q/health/ready
  wrk_run "${TRAINING}s" "$LOGS/wrk-training.log"
  stop_patient
  for _ in $(seq 1 600); do [ -s "$APP/app.aot" ] && break; sleep 0.2; done
  [ -s "$APP/app.aot" ] || { say "no AOT cache was written; see $LOGS/patient-service.log" >&2; exit 1; }
  say "   app.aot: $(du -h "$APP/app.aot" | cut -f1)"
  start_patient -XX:AOTCache="$APP/app.aot"
  java "$ROOT/dev/DemoTool.java" wait 120 http://127.0.0.1:8081/q/health/ready
  say "== wrk: the first ${SECONDS_PER_RUN}s after patient-service is ready from the AOT cache, $CLIENTS connections"
  wrk_run "${SECONDS_PER_RUN}s" "$LOGS/wrk-first.log"
else
  cp "$LOGS/wrk-first-cold.log" "$LOGS/wrk-first.log"
fi
FIRST_RPS=$(rate "$LOGS/wrk-first.log")

say "== pgbench: the check-in transaction, $CLIENTS clients, ${SECONDS_PER_RUN}s"
# The same patients: their ids in a table pgbench picks from (a scalar subquery is evaluated once per statement and the
# indexes on patient_id still serve).
PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -q patient_bench \
  -c "DROP TABLE IF EXISTS bench_patient" -c "CREATE TABLE bench_patient (n SERIAL PRIMARY KEY, id UUID NOT NULL)" >/dev/null
cut -d' ' -f1 "$STATE/patients.txt" | PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -q \
  patient_bench -c "COPY bench_patient (id) FROM STDIN" >/dev/null
P="(SELECT id FROM bench_patient WHERE n = :p)"
# The statements patient-service sends for a patient's check-in (CheckInStore), in the same protocol (extended, unnamed
# statements) and the same pipelines: the first reads together, the history together, then the check-in (with its outbox
# event in the same statement for one check-in in five), then the audit row.
cat > "$STATE/checkin.sql" <<SQL
\set fever random(1, 5)
\set key random(1, 1000000000000000)
\set p random(1, $PATIENTS)
\startpipeline
SELECT * FROM patient WHERE id = $P;
SELECT * FROM check_in WHERE patient_id = $P AND idempotency_key = 'pgbench-' || :key;
SELECT version, thresholds FROM triage_threshold_override
  WHERE center_id = (SELECT center_id FROM patient WHERE id = $P) ORDER BY version DESC LIMIT 1;
SELECT * FROM clinical_status WHERE patient_id = $P;
\endpipeline
\startpipeline
SELECT recorded_at, temperature_c, symptoms FROM check_in WHERE patient_id = $P
  AND recorded_at >= now() - interval '24 hours' AND recorded_at < now() ORDER BY recorded_at DESC LIMIT 50;
SELECT result_date, value FROM lab_result WHERE patient_id = $P AND type = 'ANC' AND result_date IS NOT NULL
  ORDER BY recorded_at DESC, id DESC LIMIT 10;
SELECT diagnosis_date, sites, same_infection_of FROM infection_event WHERE patient_id = $P
  AND diagnosis_date >= current_date - 182;
\endpipeline
\if :fever = 1
WITH stored AS (INSERT INTO check_in (id, patient_id, idempotency_key, request_hash, reported_by, reporter_subject,
  recorded_at, received_at, temperature_value, temperature_unit, temperature_method, temperature_c, antipyretic_last_6h,
  spo2, heart_rate, symptoms, day_post_infusion, phase, disposition, fired_rules, rule_set_version, instructions,
  call_number, alert_requested)
VALUES (gen_random_uuid(), $P, 'pgbench-' || :key, md5(random()::text), 'PATIENT', 'bench-patient', now(),
  now(), 38.6, 'C', 'ORAL', 38.6, false, 97, 88, '', 5, 'P1_ACUTE', 'CENTER_NOW', 'FEVER_P1', 'default-2',
  'Call your CAR-T center now.', '+15550199', true) RETURNING id)
INSERT INTO outbox_event (id, event_type, aggregate_id, payload, created_at, attempts, next_attempt_at)
SELECT gen_random_uuid(), 'BENCH_EVENT', stored.id, '{}', now(), 0, now() + interval '1 day' FROM stored;
\else
INSERT INTO check_in (id, patient_id, idempotency_key, request_hash, reported_by, reporter_subject, recorded_at,
  received_at, temperature_value, temperature_unit, temperature_method, temperature_c, antipyretic_last_6h, spo2,
  heart_rate, symptoms, day_post_infusion, phase, disposition, fired_rules, rule_set_version, instructions,
  call_number, alert_requested)
VALUES (gen_random_uuid(), $P, 'pgbench-' || :key, md5(random()::text), 'PATIENT', 'bench-patient', now(),
  now(), 36.8, 'C', 'ORAL', 36.8, false, 97, 88, '', 5, 'P1_ACUTE', 'SELF_CARE', '', 'default-2',
  'Keep monitoring at home and check in again if anything changes.', '+15550199', false);
\endif
INSERT INTO audit_event (at, actor, roles, action, method, path, patient_id, status)
VALUES (now(), 'bench-patient', 'patient', 'CheckInResource.checkIn', 'POST', '/api/v1/patients/x/check-ins', $P, 201);
SQL
PGPASSWORD=$DB_PASSWORD pgbench -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -n -M "${PGBENCH_PROTOCOL:-extended}" -c "$CLIENTS" -j 2 \
  -T "$SECONDS_PER_RUN" -f "$STATE/checkin.sql" patient_bench > "$LOGS/pgbench.log" 2>&1
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$LOGS/pgbench.log" | tail -1)
PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -q patient_bench \
  -c "DELETE FROM outbox_event WHERE event_type = 'BENCH_EVENT'" >/dev/null

say "== wrk: steady maximum, $CLIENTS connections, ${WARM_UP}s warm-up + ${SECONDS_PER_RUN}s (JFR recording)"
wrk_run "${WARM_UP}s" "$LOGS/wrk-warm-up.log"
PATIENT_PID=${PIDS[2]}
ALERT_PID=${PIDS[1]}
CARE_PID=${PIDS[0]}
# CPU seconds (user + system) of the given processes so far, from /proc (what they used, whatever top samples).
cpu_seconds() {
  local ticks=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}
postgres_pids() { pgrep -u postgres postgres | tr '\n' ' '; }
JFR="$STATE/patient-service.jfr"
rm -f "$JFR"
"$JCMD" "$PATIENT_PID" JFR.start name=bench settings=profile > /dev/null
CPU_BEFORE=("$(cpu_seconds "$PATIENT_PID")" "$(cpu_seconds "$ALERT_PID")" "$(cpu_seconds "$CARE_PID")" \
  "$(cpu_seconds $(postgres_pids))")
wrk_run "${SECONDS_PER_RUN}s" "$LOGS/wrk.log"
CPU_AFTER=("$(cpu_seconds "$PATIENT_PID")" "$(cpu_seconds "$ALERT_PID")" "$(cpu_seconds "$CARE_PID")" \
  "$(cpu_seconds $(postgres_pids))")
"$JCMD" "$PATIENT_PID" JFR.dump name=bench filename="$JFR" > /dev/null
"$JCMD" "$PATIENT_PID" JFR.stop name=bench > /dev/null
# Cores each used on average over the steady run (backends that ended during it are not counted).
share() { awk -v a="${CPU_BEFORE[$1]}" -v b="${CPU_AFTER[$1]}" -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.2f", (b - a) / s }'; }
CPU_LINE="patient-service $(share 0), alert-service $(share 1), care-team-service $(share 2), PostgreSQL $(share 3) of $(nproc) cores" 
MAX_RPS=$(rate "$LOGS/wrk.log")
NON_2XX=$(non_2xx "$LOGS/wrk.log")
CONVERTER="$HOME/.m2/repository/tools/profiler/jfr-converter/4.1/jfr-converter-4.1.jar"
[ -f "$CONVERTER" ] || ./mvnw -q -B dependency:get -Dartifact=tools.profiler:jfr-converter:4.1 -Dtransitive=false
java -jar "$CONVERTER" "$JFR" "$STATE/patient-service-flame.html" > "$LOGS/jfr-converter.log" 2>&1 \
  || say "(the flame graph could not be made: $LOGS/jfr-converter.log)"

# gatling_at RATE NAME: an open-model run at RATE check-ins/s offered; sets P50, P99 and FAILED (the share not answered 201,
# turned away included) of the measured run, not the warm-up, from its assertions' actual values.
gatling_at() {
  ./mvnw -q -B -pl e2e gatling:test -Dgatling.skip=false \
    -Dgatling.simulationClass=org.cartcompanion.e2e.bench.CheckInSimulation \
    -Dbench.baseUrl=http://127.0.0.1:8081 -Dbench.patients="$STATE/patients.txt" \
    -Dbench.rate="$1" -Dbench.seconds="$SECONDS_PER_RUN" > "$LOGS/gatling-$2.log" 2>&1 || true
  actual() { { grep -E "^POST check-in: $1 percentile" "$LOGS/gatling-$2.log" || true; } | tail -1 | sed -n 's/.*actual : \([0-9.]*\).*/\1/p'; }
  P50=$(actual 50th "$2")
  P99=$(actual 99th "$2")
  FAILED=$({ grep -E '^POST check-in: percentage of failed events' "$LOGS/gatling-$2.log" || true; } | tail -1 | sed -n 's/.*actual : \([0-9.]*\).*/\1/p')
}
TARGET_RATE=$(awk -v r="$PGBENCH_TPS" 'BEGIN { printf "%d", r / 2 }')
HALF_RATE=$(awk -v r="$MAX_RPS" 'BEGIN { printf "%d", r / 2 }')
# Half the maximum first: a target rate above what the service takes leaves it digesting a backlog for minutes.
say "== Gatling: open model at $HALF_RATE check-ins/s (half the steady maximum), 10s warm-up + ${SECONDS_PER_RUN}s"
gatling_at "$HALF_RATE" half
H_P50=$P50 H_P99=$P99 H_FAILED=$FAILED
say "== Gatling: open model at $TARGET_RATE check-ins/s (half the ceiling), 10s warm-up + ${SECONDS_PER_RUN}s"
gatling_at "$TARGET_RATE" target
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
RSS=$(ps -o rss= -p "$PATIENT_PID" | awk '{ printf "%d", $1 / 1024 }')
say ""
say "Check-in benchmark ($(nproc) cores, $CLIENTS clients, ${SECONDS_PER_RUN}s runs, PostgreSQL 15 on this machine)"
say "  ceiling: pgbench, same SQL transaction:   ${PGBENCH_TPS} tx/s"
say "  patient-service on:                       $("$PATIENT_JAVA" -version 2>&1 | head -1)"
say "  first ${SECONDS_PER_RUN}s after start, no cache (wrk):  ${FIRST_COLD_RPS} check-ins/s ($(ratio "$FIRST_COLD_RPS" "$MAX_RPS") of the steady maximum)"
[ "$PATIENT_JAVA" = "$JAVA25" ] && say "  first ${SECONDS_PER_RUN}s from the AOT cache (wrk):      ${FIRST_RPS} check-ins/s ($(ratio "$FIRST_RPS" "$MAX_RPS") of the steady maximum; target >= 0.5)"
say "  steady maximum (wrk):                     ${MAX_RPS} check-ins/s (non-2xx: ${NON_2XX:-0}); $(ratio "$MAX_RPS" "$PGBENCH_TPS") of the ceiling (target >= 0.5)"
say "  offered ${HALF_RATE}/s (half the maximum), Gatling:  p50 ${H_P50:-?} ms, p99 ${H_P99:-?} ms, failed ${H_FAILED:-?} %"
say "  offered ${TARGET_RATE}/s (half the ceiling), Gatling: p50 ${P50:-?} ms, p99 ${P99:-?} ms, failed ${FAILED:-?} % (target p99 <= 50 ms)"
say "  cores used during the steady run:          ${CPU_LINE}"
say "  patient-service resident memory:          ${RSS} MiB"
say "Logs and reports: $LOGS, e2e/target/gatling/; flame graph of the steady run: $STATE/patient-service-flame.html"
