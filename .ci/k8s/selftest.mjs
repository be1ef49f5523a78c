// Proves check.mjs can fail: each broken copy of the rendered prod overlay must be refused, naming the problem.
// Usage: kubectl kustomize k8s/overlays/prod | node .ci/k8s/selftest.mjs
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments, stringify } from 'yaml';

const good = parseAllDocuments(readFileSync(0, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const deployment = (docs) => docs.find((d) => d.kind === 'Deployment');
const breakages = {
  'writable root filesystem': (docs) => { deployment(docs).spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem = false; },
  'privilege escalation': (docs) => { deployment(docs).spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation = true; },
  'capabilities kept': (docs) => { deployment(docs).spec.template.spec.containers[0].securityContext.capabilities.drop = []; },
  'service account token mounted': (docs) => { deployment(docs).spec.template.spec.automountServiceAccountToken = true; },
  'no seccomp profile': (docs) => { delete deployment(docs).spec.template.spec.securityContext.seccompProfile; },
  'runs as root': (docs) => { deployment(docs).spec.template.spec.securityContext.runAsNonRoot = false; },
  'no readiness probe': (docs) => { delete deployment(docs).spec.template.spec.containers[0].readinessProbe; },
  'no memory limit': (docs) => { delete deployment(docs).spec.template.spec.containers[0].resources.limits.memory; },
  'a Secret with values': (docs) => { docs.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' }, stringData: { password: 'p' } }); },
  'a password in plain text': (docs) => { deployment(docs).spec.template.spec.containers[0].env.push({ name: 'QUARKUS_DATASOURCE_PASSWORD', value: 'p' }); },
  '/internal exposed': (docs) => {
    const ing = docs.find((d) => d.kind === 'Ingress');
    ing.spec.rules[0].http.paths.push({ path: '/internal', pathType: 'Prefix', backend: { service: { name: 'alert-service', port: { name: 'http' } } } });
  },
  'a prefix routed to the wrong service': (docs) => {
    const ing = docs.find((d) => d.kind === 'Ingress');
    ing.spec.rules[0].http.paths.find((p) => p.path === '/console').backend.service.name = 'alert-service';
  },
  'database reachable on any port': (docs) => {
    const p = docs.find((d) => d.metadata.name === 'cart-companion-service-egress');
    p.spec.egress.find((r) => r.ports.some((x) => x.port === 5432)).ports.push({ port: 22, protocol: 'TCP' });
  },
  'no default deny': (docs) => { docs.splice(docs.findIndex((d) => d.metadata.name === 'cart-companion-default-deny'), 1); },
  'one replica in production': (docs) => { deployment(docs).spec.replicas = 1; },
  'no TLS': (docs) => { delete docs.find((d) => d.kind === 'Ingress').spec.tls; },
  'a schema violation': (docs) => { deployment(docs).spec.template.spec.containers[0].ports[0].containerPort = 'http'; },
  'no alert for delayed pages': (docs) => {
    const rule = docs.find((d) => d.kind === 'PrometheusRule');
    for (const g of rule.spec.groups) g.rules = g.rules.filter((r) => r.alert !== 'CartPagesDelayed');
  },
  'a service not scraped': (docs) => { docs.splice(docs.findIndex((d) => d.kind === 'ServiceMonitor'), 1); },
  'an unknown kind': (docs) => { docs.push({ apiVersion: 'example.org/v1', kind: 'Mystery', metadata: { name: 'x' } }); },
};
let failures = 0;
for (const [what, breakIt] of Object.entries(breakages)) {
  const docs = structuredClone(good);
  breakIt(docs);
  const run = spawnSync('node', [new URL('./check.mjs', import.meta.url).pathname, 'prod'], {
    input: docs.map((d) => stringify(d)).join('---\n'), encoding: 'utf8',
  });
  if (run.status === 0) {
    console.error(`NOT CAUGHT: ${what}`);
    failures++;
  }
}
const clean = spawnSync('node', [new URL('./check.mjs', import.meta.url).pathname, 'prod'], {
  input: good.map((d) => stringify(d)).join('---\n'), encoding: 'utf8',
});
if (clean.status !== 0) {
  console.error('the unbroken overlay was refused:\n' + clean.stderr);
  failures++;
}
if (failures) process.exit(1);
console.log(`check.mjs refused all ${Object.keys(breakages).length} broken copies of the prod overlay and accepted the original`);
