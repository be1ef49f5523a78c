// Writes what promtool checks from the rendered prod overlay (stdin) into the directory given:
//   rules.yaml             the PrometheusRule's groups, as a Prometheus rules file;
//   dashboard-queries.yaml every query of the Grafana dashboard as a recording rule, so promtool parses them too.
// Usage: kubectl kustomize k8s/overlays/prod | node .ci/k8s/rules.mjs <dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { parseAllDocuments, stringify } from 'yaml';

const dir = process.argv[2];
const docs = parseAllDocuments(readFileSync(0, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const rules = docs.filter((d) => d.kind === 'PrometheusRule');
writeFileSync(`${dir}/rules.yaml`, stringify({ groups: rules.flatMap((r) => r.spec.groups) }));
const dashboard = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.labels?.grafana_dashboard === '1');
const panels = JSON.parse(Object.values(dashboard.data)[0]).panels;
const queries = panels.flatMap((p) => p.targets.map((t) => ({ record: `dashboard:panel_${p.id}_${t.refId}`, expr: t.expr })));
writeFileSync(`${dir}/dashboard-queries.yaml`, stringify({ groups: [{ name: 'dashboard', rules: queries }] }));
console.log(`${rules.length} PrometheusRule(s), ${queries.length} dashboard queries written to ${dir}`);
