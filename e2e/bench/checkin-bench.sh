#!/usr/bin/env bash
# Check-in benchmark: patient-service's POST /check-ins against the machine's PostgreSQL 15, compared
# with pgbench running the same SQL transaction on the same server.
#
#   1. pgbench: the check-in's statements (reads, the check-in insert, one outbox insert in five, the
#      audit row) as one script, at the same client count the HTTP run uses;
#   2. the maximum check-in rate: wrk, closed model, every request with its own Idempotency-Key;
#   3. latency at half that rate: Gatling, open model (arrivals at a constant rate whatever the latency), after a
#      10-second warm-up at the same rate that is not counted.
#
# Prints pgbench's rate, the service's maximum rate, their ratio (target >= 0.6) and p50/p99 at half the
# maximum rate (target p99 <= 25 ms). Usage: e2e/bench/checkin-bench.sh [seconds per run, default 30]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SECONDS_PER_RUN=${1:-30}
CLIENTS=${BENCH_CLIENTS:-16}
STATE="$ROOT/e2e/target/bench"
LOGS="$STATE/logs"
mkdir -p "$LOGS"

# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"
require_free_ports checkin-bench 8081 8082 8083 15432 15433
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

say "== PostgreSQL 15 (database patient_bench)"
DB_USER=cart_bench
DB_PASSWORD=cart_bench_password
PG_PORT=$(.ci/postgres "$DB_USER" "$DB_PASSWORD" patient_bench)

say "== Building the services"
./mvnw -q -B package -DskipTests -pl patient-service,alert-service,care-team-service -am

local_keys "$STATE/keys"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
export QUARKUS_MAILER_MOCK=true


java -jar care-team-service/target/quarkus-app/quarkus-run.jar > "$LOGS/care-team-service.log" 2>&1 &
PIDS+=($!)
java -jar alert-service/target/quarkus-app/quarkus-run.jar > "$LOGS/alert-service.log" 2>&1 &
PIDS+=($!)
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/patient_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/patient_bench" \
  QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
  java -jar patient-service/target/quarkus-app/quarkus-run.jar > "$LOGS/patient-service.log" 2>&1 &
PIDS+=($!)
java "$ROOT/dev/DemoTool.java" wait 120 http://127.0.0.1:8081/q/health/ready http://127.0.0.1:8082/q/health/ready \
  http://127.0.0.1:8083/q/health/ready

say "== Seeding a center and a patient through the APIs"
DEMO_KEY_DIR="$STATE/keys" DEMO_STATE_DIR="$STATE" java "$ROOT/dev/DemoTool.java" seed > "$LOGS/seed.log"
# shellcheck disable=SC1091
source "$STATE/tokens.env"
PATIENT_ID=$DEMO_PATIENT_ID
CENTER_ID=$DEMO_CENTER_ID

say "== pgbench: the check-in transaction, $CLIENTS clients, ${SECONDS_PER_RUN}s"
cat > "$STATE/checkin.sql" <<SQL
\set fever random(1, 5)
SELECT id, center_id, subject, time_zone, infusion_date, product, birth_year FROM patient WHERE id = '$PATIENT_ID';
BEGIN;
SELECT id FROM check_in WHERE patient_id = '$PATIENT_ID' AND idempotency_key = md5(random()::text);
SELECT * FROM clinical_status WHERE patient_id = '$PATIENT_ID';
SELECT recorded_at, temperature_c FROM check_in WHERE patient_id = '$PATIENT_ID' AND temperature_c IS NOT NULL
  AND recorded_at >= now() - interval '3 hours' AND recorded_at < now() ORDER BY recorded_at DESC LIMIT 20;
SELECT version, thresholds FROM triage_threshold_override WHERE center_id = '$CENTER_ID' ORDER BY version DESC LIMIT 1;
INSERT INTO check_in (id, patient_id, idempotency_key, request_hash, reported_by, reporter_subject, recorded_at,
  received_at, temperature_value, temperature_unit, temperature_method, temperature_c, antipyretic_last_6h, spo2,
  heart_rate, symptoms, day_post_infusion, phase, disposition, fired_rules, rule_set_version, instructions,
  call_number, alert_requested)
VALUES (gen_random_uuid(), '$PATIENT_ID', md5(random()::text), md5(random()::text), 'PATIENT', 'demo-patient', now(),
  now(), 36.8, 'C', 'ORAL', 36.8, false, 97, 88, '', 5, 'P1_ACUTE', 'SELF_CARE', '', 'default-2',
  'Keep monitoring at home and check in again if anything changes.', '+15550199', false);
\if :fever = 1
INSERT INTO outbox_event (id, event_type, aggregate_id, payload, created_at, attempts, next_attempt_at)
VALUES (gen_random_uuid(), 'BENCH_EVENT', gen_random_uuid(), '{}', now(), 0, now() + interval '1 day');
\endif
COMMIT;
INSERT INTO audit_event (at, actor, roles, action, method, path, patient_id, status)
VALUES (now(), 'demo-patient', 'patient', 'CheckInResource.checkIn', 'POST', '/api/v1/patients/x/check-ins', '$PATIENT_ID', 201);
SQL
PGPASSWORD=$DB_PASSWORD pgbench -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" \
  -f "$STATE/checkin.sql" patient_bench > "$LOGS/pgbench.log" 2>&1
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$LOGS/pgbench.log" | tail -1)
PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -q patient_bench \
  -c "DELETE FROM outbox_event WHERE event_type = 'BENCH_EVENT'" >/dev/null

say "== wrk: maximum check-in rate, $CLIENTS connections, 15s warm-up + ${SECONDS_PER_RUN}s"
cat > "$STATE/checkin.lua" <<LUA
local counter = 0
local threadId = 0
setup = function(thread)
  thread:set("id", threadId)
  threadId = threadId + 1
end
init = function(args)
  math.randomseed(os.time() + id)
end
request = function()
  counter = counter + 1
  local fever = math.random(5) == 1
  local body = string.format('{"recordedAt":"%s","temperature":{"value":%s,"unit":"C","method":"ORAL"},'
    .. '"antipyreticLast6h":false,"vitals":{"spo2":97,"heartRate":88},"symptoms":%s}',
    os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 5), fever and "38.4" or "36.8", fever and '["RIGORS"]' or '[]')
  return wrk.format("POST", "/api/v1/patients/$PATIENT_ID/check-ins", {
    ["Authorization"] = "Bearer $TOKEN_PATIENT",
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
# A first, unreported run warms the JIT of the service under the same load; on two cores its compiler threads would
# otherwise take a large share of the measured run.
wrk -t 2 -c "$CLIENTS" -d 15s -s "$STATE/checkin.lua" http://127.0.0.1:8081 > "$LOGS/wrk-warm-up.log" 2>&1
wrk -t 2 -c "$CLIENTS" -d "${SECONDS_PER_RUN}s" --latency -s "$STATE/checkin.lua" http://127.0.0.1:8081 \
  > "$LOGS/wrk.log" 2>&1
MAX_RPS=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$LOGS/wrk.log")
NON_2XX=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$LOGS/wrk.log")

HALF_RATE=$(awk -v r="$MAX_RPS" 'BEGIN { printf "%d", r / 2 }')
say "== Gatling: open model at $HALF_RATE check-ins/s (half the maximum), 10s warm-up + ${SECONDS_PER_RUN}s"
./mvnw -q -B -pl e2e gatling:test -Dgatling.skip=false \
  -Dgatling.simulationClass=org.cartcompanion.e2e.bench.CheckInSimulation \
  -Dbench.baseUrl=http://127.0.0.1:8081 -Dbench.token="$TOKEN_PATIENT" -Dbench.patientId="$PATIENT_ID" \
  -Dbench.rate="$HALF_RATE" -Dbench.seconds="$SECONDS_PER_RUN" > "$LOGS/gatling.log" 2>&1 || true
# The figures of the measured run (after a warm-up), from the actual values of the simulation's assertions.
actual() { grep -E "^POST check-in: $1 percentile" "$LOGS/gatling.log" | tail -1 | sed -n 's/.*actual : \([0-9.]*\).*/\1/p'; }
P50=$(actual 50th)
P99=$(actual 99th)
FAILED=$(grep -E 'percentage of failed events' "$LOGS/gatling.log" | tail -1 | sed -n 's/.*actual : \([0-9.]*\).*/\1/p')

RATIO=$(awk -v a="$MAX_RPS" -v b="$PGBENCH_TPS" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
say ""
say "Check-in benchmark ($(nproc) cores, $CLIENTS clients, ${SECONDS_PER_RUN}s runs, PostgreSQL 15 on this machine)"
say "  pgbench, same SQL transaction:        ${PGBENCH_TPS} tx/s"
say "  patient-service, maximum (wrk):       ${MAX_RPS} check-ins/s (non-2xx: ${NON_2XX:-0})"
say "  ratio service/pgbench:                ${RATIO}   (target >= 0.6)"
say "  at ${HALF_RATE}/s, open model (Gatling):  p50 ${P50:-?} ms, p99 ${P99:-?} ms   (target p99 <= 25 ms)"
say "  failed requests in the Gatling run:   ${FAILED:-?} %"
say "Logs and reports: $LOGS, e2e/target/gatling/"
