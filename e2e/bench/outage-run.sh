#!/usr/bin/env bash
# Paging without care-team-service: the three services from their packaged jars, one PostgreSQL and a real SMTP server
# (the e2e harness); care-team-service is killed and stays down for [minutes, default 10] while a fever check-in every 15 s
# opens an alert at one of two centers. Each alert must page the primary on call at once, the backup 30 s later and the
# hotline 30 s after that, from alert-service's stored paging directory; half-way through, a one-off primary shift saved
# before the outage takes over at the first center (CareTeamOutageRun).
#
# Prints check-in → primary page and the later steps' lateness (p50/p99/max, at the SMTP server) and any page missing or
# sent twice. Usage: e2e/bench/outage-run.sh [minutes]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
MINUTES=${1:-10}
LOGS="$ROOT/e2e/target/bench/logs"
mkdir -p "$LOGS"
# shellcheck source=e2e/bench/lib.sh
source "$ROOT/e2e/bench/lib.sh"

say "== care-team-service down for ${MINUTES} min while fevers keep coming"
./mvnw -B verify -pl e2e -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CareTeamOutageRun -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true \
  -Doutage.minutes="$MINUTES" > "$LOGS/outage-run.log" 2>&1 || {
  grep -E "Care-team outage run|^  |ERROR\]" "$LOGS/outage-run.log" | head -60 || true
  say "outage-run: the run failed; see $LOGS/outage-run.log and e2e/target/e2e/system-*/logs/" >&2
  exit 1
}
sed -n '/^Care-team outage run (/,/problems:/p' "$LOGS/outage-run.log"
say "Logs: $LOGS/outage-run.log, e2e/target/e2e/system-*/logs/"
