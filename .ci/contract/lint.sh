#!/usr/bin/env bash
# Lints the three services' OpenAPI documents (written by the build into */target/openapi/) with Spectral,
# ruleset .ci/contract/.spectral.yaml. Any error or warning fails. Run from anywhere: bash .ci/contract/lint.sh
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SERVICES=(patient-service alert-service care-team-service)

missing=0
for service in "${SERVICES[@]}"; do
  if [[ ! -s "$ROOT/$service/target/openapi/openapi.yaml" ]]; then
    echo "contract: $service/target/openapi/openapi.yaml is missing: build first (./mvnw package -DskipTests)" >&2
    missing=1
  fi
done
[[ $missing -eq 0 ]] || exit 2

install_tools

status=0
for service in "${SERVICES[@]}"; do
  document="$ROOT/$service/target/openapi/openapi.yaml"
  report="$(mktemp)"
  # Spectral reads the documents only; its JSON report goes to a temporary file, never next to the document.
  set +e
  "$HERE/node_modules/.bin/spectral" lint --ruleset "$HERE/.spectral.yaml" --fail-severity=warn \
    --format=json --output="$report" --quiet "$document" 2>"$report.err"
  rc=$?
  set -e
  if [[ ! -s "$report" ]]; then
    echo "$service: spectral failed (exit $rc)" >&2
    cat "$report.err" >&2
    rm -f "$report" "$report.err"
    status=1
    continue
  fi
  # One summary line per document, then each finding as file:line:col severity rule path message.
  node - "$report" "$service/target/openapi/openapi.yaml" <<'EOF'
const [reportFile, shown] = process.argv.slice(2);
const results = JSON.parse(require('node:fs').readFileSync(reportFile, 'utf8'));
const names = ['error', 'warning', 'info', 'hint'];
const count = [0, 0, 0, 0];
for (const r of results) count[r.severity]++;
const rules = [...new Set(results.map((r) => r.code))].sort();
console.log(`${shown}: ${count[0]} errors, ${count[1]} warnings, ${count[2]} infos, ${count[3]} hints` +
  (rules.length ? ` (${rules.join(', ')})` : ''));
for (const r of results) {
  const where = `${shown}:${r.range.start.line + 1}:${r.range.start.character + 1}`;
  console.log(`  ${where} ${names[r.severity]} ${r.code} ${r.path.join('.')}: ${r.message}`);
}
EOF
  if [[ $rc -ne 0 ]]; then
    status=1
  fi
  rm -f "$report" "$report.err"
done
exit $status
