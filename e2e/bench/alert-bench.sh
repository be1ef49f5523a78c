#!/usr/bin/env bash
# Alert benchmark: alert-service's intake → page email, and escalation timers under load.
#
#   1. Gatling posts triage events at an open-model rate (default 100/s for 30 s), each for a new patient: every event
#      opens an alert and pages its first level at once;
#   2. the center's policy pages clinician A, then B after 30 s, then exhausts to the fallback after 30 s more, so
#      thousands of alerts are open while their timers fire;
#   3. the figures come from the service's own records on PostgreSQL: intake (the event's receivedAt) → the SMTP
#      server's acceptance of the first page (the notification's sent_at), and each step's lateness against its due time.
#
# Targets (issue 5): intake → email p50 <= 150 ms, p99 <= 1 s at 100 events/s; escalation steps <= 2 s late with 1,000
# open alerts. With the channel "sms" (issue 18) the clinicians are woken by SMS only, through the provider's stand-in
# (dev/PhoneStandIn.java, as Twilio's API), and the figure is intake → the first SMS accepted by the provider (the
# notification's sent_at: when the provider answered 201, just after the request reached it); target p99 <= 1 s at
# 20 alerts/s. Usage: e2e/bench/alert-bench.sh [seconds of load, default 30] [events per second, default 100]
# [channel: email (default) or sms]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SECONDS_OF_LOAD=${1:-30}
RATE=${2:-100}
CHANNEL=$(echo "${3:-email}" | tr '[:lower:]' '[:upper:]')
case "$CHANNEL" in EMAIL | SMS) ;; *) echo "alert-bench: the channel is email or sms" >&2; exit 2 ;; esac
PHONE_PORT=8186
LEVEL_TIMEOUT=30
WARM_UP_SECONDS=${BENCH_WARM_UP_SECONDS:-20}
SMTP_PORT=2526
MAIL_API_PORT=8026
STATE="$ROOT/e2e/target/alert-bench"
LOGS="$STATE/logs"
mkdir -p "$LOGS" "$STATE/lib"

# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"
require_free_ports alert-bench 8082 8083 15433 $SMTP_PORT $MAIL_API_PORT $PHONE_PORT

say "== PostgreSQL 15 (databases alert_bench, care_team_bench)"
DB_USER=cart_bench
DB_PASSWORD=cart_bench_password
PG_PORT=$(.ci/postgres "$DB_USER" "$DB_PASSWORD" alert_bench care_team_bench)
sql() { PGPASSWORD=$DB_PASSWORD psql -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -qAt alert_bench -c "$1"; }

say "== Building the services"
./mvnw -q -B package -DskipTests -pl alert-service,care-team-service -am
GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)
DEPENDENCY_PLUGIN=$(sed -n 's:.*<dependency-plugin.version>\(.*\)</dependency-plugin.version>.*:\1:p' pom.xml)
GREENMAIL_JAR="$STATE/lib/greenmail-standalone-$GREENMAIL_VERSION.jar"
if [ ! -f "$GREENMAIL_JAR" ]; then
  ./mvnw -q -B "org.apache.maven.plugins:maven-dependency-plugin:$DEPENDENCY_PLUGIN:copy" \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$STATE/lib"
fi

local_keys "$STATE/keys"
export QUARKUS_LOG_CONSOLE_JSON_ENABLED=false


java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port=$SMTP_PORT -Dgreenmail.api.hostname=127.0.0.1 \
  -Dgreenmail.api.port=$MAIL_API_PORT -Dgreenmail.auth.disabled -jar "$GREENMAIL_JAR" > "$LOGS/greenmail.log" 2>&1 &
PIDS+=($!)
if [ "$CHANNEL" = SMS ]; then
  # The provider's stand-in; alert-service sends it SMS as it would Twilio.
  SMS_ACCOUNT=ACbench000000000000000000000000000
  SMS_TOKEN=bench-$(date +%s%N)
  java "$ROOT/dev/PhoneStandIn.java" $PHONE_PORT $SMS_ACCOUNT "$SMS_TOKEN" http://127.0.0.1:8082/api/v1/sms/inbound \
    > "$LOGS/phone-stand-in.log" 2>&1 &
  PIDS+=($!)
  export ALERT_SMS_BASE_URL=http://127.0.0.1:$PHONE_PORT ALERT_SMS_ACCOUNT_SID=$SMS_ACCOUNT ALERT_SMS_AUTH_TOKEN=$SMS_TOKEN
  export ALERT_SMS_FROM=+15550001000 ALERT_SMS_INBOUND_URL=http://127.0.0.1:8082/api/v1/sms/inbound
fi
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/care_team_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/care_team_bench" \
  QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
  QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT \
  java -jar care-team-service/target/quarkus-app/quarkus-run.jar > "$LOGS/care-team-service.log" 2>&1 &
PIDS+=($!)
QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/alert_bench" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/alert_bench" \
  QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
  QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$SMTP_PORT \
  java -jar alert-service/target/quarkus-app/quarkus-run.jar > "$LOGS/alert-service.log" 2>&1 &
PIDS+=($!)
READY=("http://127.0.0.1:$MAIL_API_PORT/api/configuration" http://127.0.0.1:8082/q/health/ready
  http://127.0.0.1:8083/q/health/ready)
if [ "$CHANNEL" = SMS ]; then READY+=("http://127.0.0.1:$PHONE_PORT/api/messages"); fi
java "$ROOT/dev/DemoTool.java" wait 120 "${READY[@]}"

say "== Two centers (warm-up and measured), two on-call clinicians each and their policies, through the APIs"
token() { java "$ROOT/dev/DemoTool.java" token "$@"; }
ADMIN=$(token bench-admin admin)
SERVICE=$(token patient-service service)
json_id() { sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1; }
center() {
  curl -sS --fail-with-body -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"timeZone\":\"America/Chicago\",\"phone\":\"+15550199\",\"hotlineEmail\":\"hotline@bench.example\"}" \
    http://127.0.0.1:8083/api/v1/centers | json_id
}
clinician() {
  curl -sS --fail-with-body -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"subject\":\"$2\",\"name\":\"$3\",\"email\":\"$2@bench.example\",\"phone\":\"+15550111\",\"role\":\"$4\"}" \
    "http://127.0.0.1:8083/api/v1/centers/$1/clinicians" | json_id
}
# sms_only CLINICIAN NUMBER: the clinician is woken by SMS to NUMBER only.
sms_only() {
  curl -sS --fail-with-body -o /dev/null -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "[{\"type\":\"SMS\",\"address\":\"$2\",\"delaySeconds\":0}]" \
    "http://127.0.0.1:8083/api/v1/clinicians/$1/contact-methods"
}
# policy CENTER TIMEOUT: clinician A, then B after TIMEOUT, then the fallback after TIMEOUT more.
policy() {
  clinician "$1" "bench-coordinator-$1" "Bench Coordinator" COORDINATOR > /dev/null
  local a b coordinator
  coordinator=$(token "bench-coordinator-$1" coordinator)
  a=$(clinician "$1" "bench-a-$1" "Dr A" PHYSICIAN)
  b=$(clinician "$1" "bench-b-$1" "Dr B" PHYSICIAN)
  if [ "$CHANNEL" = SMS ]; then
    sms_only "$a" +15550100001
    sms_only "$b" +15550100002
  fi
  curl -sS --fail-with-body -o /dev/null -X PUT -H "Authorization: Bearer $coordinator" -H 'Content-Type: application/json' -d "{\"levels\":[
    {\"targets\":[\"CLINICIAN:$a\"],\"ackTimeoutSeconds\":$2},
    {\"targets\":[\"CLINICIAN:$b\"],\"ackTimeoutSeconds\":$2}],
    \"repeat\":0,\"fallbackEmail\":\"fallback@bench.example\",\"exhaustedRepageSeconds\":3600}" \
    "http://127.0.0.1:8082/api/v1/escalation-policies/$1"
}
WARM_UP_CENTER=$(center "Bench warm-up center")
policy "$WARM_UP_CENTER" 3600
CENTER_ID=$(center "Bench CAR-T Center")
policy "$CENTER_ID" "$LEVEL_TIMEOUT"

# An unreported warm-up at the same rate (its alerts wait an hour, so they add open alerts but no steps): on two cores
# the JIT of a freshly started service would otherwise take a large share of the measured run.
say "== Warm-up: $RATE triage events/s for ${WARM_UP_SECONDS}s on the warm-up center"
gatling() {
  ./mvnw -q -B -pl e2e gatling:test -Dgatling.skip=false \
    -Dgatling.simulationClass=org.cartcompanion.e2e.bench.TriageEventSimulation \
    -Dbench.baseUrl=http://127.0.0.1:8082 -Dbench.token="$SERVICE" -Dbench.centerId="$1" \
    -Dbench.rate="$RATE" -Dbench.seconds="$2" > "$3" 2>&1 || true
}
gatling "$WARM_UP_CENTER" "$WARM_UP_SECONDS" "$LOGS/gatling-warm-up.log"
sleep 5

say "== Gatling: $RATE triage events/s for ${SECONDS_OF_LOAD}s (open model), each opening an alert"
gatling "$CENTER_ID" "$SECONDS_OF_LOAD" "$LOGS/gatling.log"
EXPECTED=$(awk -v r="$RATE" -v s="$SECONDS_OF_LOAD" 'BEGIN { printf "%d", r * s }')

say "== Waiting for every alert to run its chain (page A, B after ${LEVEL_TIMEOUT}s, fallback after $((2 * LEVEL_TIMEOUT))s)"
for _ in $(seq 1 $((4 * LEVEL_TIMEOUT + 60))); do
  done_count=$(sql "SELECT count(*) FROM alert WHERE center_id = '$CENTER_ID' AND status = 'EXHAUSTED'
    AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.alert_id = alert.id AND n.status = 'PENDING')")
  [ "$done_count" -ge "$EXPECTED" ] && break
  sleep 1
done

ALERTS=$(sql "SELECT count(*) FROM alert WHERE center_id = '$CENTER_ID'")
PEAK_OPEN=$(sql "SELECT count(*) FROM alert")
INTAKE=$(sql "WITH first_page AS (
    SELECT e.received_at, min(n.sent_at) AS sent_at FROM alert a
    JOIN triage_event e ON e.alert_id = a.id
    JOIN notification n ON n.alert_id = a.id AND n.level = 1 AND n.purpose = 'PAGE' AND n.status = 'SENT'
      AND n.channel = '$CHANNEL'
    WHERE a.center_id = '$CENTER_ID' GROUP BY a.id, e.received_at)
  SELECT count(*) || ' pages: p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric) || ' ms, p99 '
    || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric) || ' ms, max ' || round(max(ms)::numeric) || ' ms'
  FROM (SELECT extract(epoch FROM sent_at - received_at) * 1000 AS ms FROM first_page) x")
LATENESS=$(sql "WITH steps AS (
    SELECT t.at, lag(t.at) OVER (PARTITION BY t.alert_id ORDER BY t.at, t.seq) AS previous
    FROM alert_timeline t JOIN alert a ON a.id = t.alert_id
    WHERE a.center_id = '$CENTER_ID' AND t.type IN ('LEVEL_PAGED', 'EXHAUSTED'))
  SELECT count(*) || ' steps: p50 ' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric) || ' ms, p99 '
    || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric) || ' ms, max ' || round(max(ms)::numeric) || ' ms'
  FROM (SELECT extract(epoch FROM at - (previous + interval '$LEVEL_TIMEOUT seconds')) * 1000 AS ms FROM steps
        WHERE previous IS NOT NULL) x")
SENT=$(sql "SELECT count(*) FROM notification n JOIN alert a ON a.id = n.alert_id WHERE a.center_id = '$CENTER_ID'
  AND n.status = 'SENT' AND n.purpose NOT IN ('PATIENT_ACK', 'PATIENT_NO_ANSWER')")
TOLD=$(sql "SELECT count(*) FROM notification n JOIN alert a ON a.id = n.alert_id WHERE a.center_id = '$CENTER_ID'
  AND n.purpose = 'PATIENT_NO_ANSWER'")
ATTEMPTS_FAILED=$(sql "SELECT count(*) FROM alert_timeline t JOIN alert a ON a.id = t.alert_id
  WHERE a.center_id = '$CENTER_ID' AND t.type = 'NOTIFICATION_FAILED'")
FAILED_REQUESTS=$(grep -E 'percentage of failed events' "$LOGS/gatling.log" | tail -1 | sed -n 's/.*actual : \([0-9.]*\).*/\1/p')

say ""
say "Alert benchmark ($(nproc) cores, PostgreSQL 15 on this machine, GreenMail as the SMTP server; pages by $CHANNEL)"
say "  load:                           $RATE events/s for ${SECONDS_OF_LOAD}s -> $ALERTS alerts (expected $EXPECTED); failed requests ${FAILED_REQUESTS:-?} %"
say "  open alerts while timers fired: $PEAK_OPEN (warm-up and measured alerts stay open through their chains)"
if [ "$CHANNEL" = SMS ]; then
  say "  intake -> first SMS accepted by the provider: $INTAKE   (target p99 <= 1000 ms at 20 alerts/s)"
else
  say "  intake -> first page accepted by SMTP: $INTAKE   (target p50 <= 150 ms, p99 <= 1000 ms)"
fi
say "  escalation step lateness:       $LATENESS   (target <= 2000 ms)"
say "  pages sent: $SENT (expected $((3 * EXPECTED)): the two levels by $CHANNEL, the fallback by email); failed send attempts: $ATTEMPTS_FAILED"
if [ "$CHANNEL" = SMS ]; then
  say "  patients told by SMS that nobody answered: $TOLD (patient-service is not running here: the check-in's phone)"
fi
say "Logs: $LOGS"
