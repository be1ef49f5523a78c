// Checks one rendered overlay (multi-document YAML on stdin) offline:
//   1. every document against its schema (kubernetes-models; CloudNativePG's for its resources);
//   2. the project's security and deployment invariants (README, "Deploying to Kubernetes").
// Usage: kubectl kustomize k8s/overlays/prod | node .ci/k8s/check.mjs prod
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const overlay = process.argv[2];
const kinds = { dev: 'jvm', prod: 'native', 'prod-external-db': 'native' };
if (!(overlay in kinds)) {
  console.error(`usage: node check.mjs (${Object.keys(kinds).join('|')}) < rendered.yaml`);
  process.exit(2);
}
const docs = parseAllDocuments(readFileSync(0, 'utf8')).map((d) => d.toJS()).filter(Boolean);
const problems = [];
const fail = (what, why) => problems.push(`${what}: ${why}`);
const name = (d) => `${d.kind}/${d.metadata?.name}`;

// --- 1. schemas ----------------------------------------------------------------------------------------------------
async function model(doc) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const crds = { 'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg', 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };
  const path = group in crds
    ? `${crds[group]}/${group}/${version}/${doc.kind}`
    : `kubernetes-models/${group ? group + '/' : ''}${version}/${doc.kind}`;
  try {
    return (await import(path))[doc.kind];
  } catch (e) {
    return null;
  }
}
for (const doc of docs) {
  const Model = await model(doc);
  if (!Model) {
    fail(name(doc), `no schema known for ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    fail(name(doc), `schema: ${e.message}`);
  }
}

// --- 2. invariants -------------------------------------------------------------------------------------------------
const services = ['patient-service', 'alert-service', 'care-team-service'];
const of = (kind) => docs.filter((d) => d.kind === kind);
const deployments = of('Deployment');

for (const d of of('Secret')) {
  if (d.data || d.stringData) fail(name(d), 'a Secret with values must not be in the manifests; reference it by name');
}
for (const sa of of('ServiceAccount')) {
  if (sa.automountServiceAccountToken !== false) fail(name(sa), 'automountServiceAccountToken must be false');
}
for (const s of services) {
  if (!deployments.some((d) => d.metadata.name === s)) fail(s, 'has no Deployment');
  if (!of('Service').some((d) => d.metadata.name === s)) fail(s, 'has no Service');
  if (!of('ConfigMap').some((d) => d.metadata.name === s)) fail(s, 'has no ConfigMap');
}
for (const d of deployments) {
  const pod = d.spec.template.spec;
  const annotations = d.spec.template.metadata?.annotations ?? {};
  if (pod.automountServiceAccountToken !== false) fail(name(d), 'pod automountServiceAccountToken must be false');
  if (pod.securityContext?.runAsNonRoot !== true) fail(name(d), 'pod securityContext.runAsNonRoot must be true');
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') fail(name(d), 'pod seccompProfile must be RuntimeDefault');
  if (annotations['prometheus.io/scrape'] !== 'true' || annotations['prometheus.io/path'] !== '/q/metrics') {
    fail(name(d), 'pods must carry the Prometheus scrape annotations for /q/metrics');
  }
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const where = `${name(d)} container ${c.name}`;
    const sc = c.securityContext ?? {};
    if (sc.allowPrivilegeEscalation !== false) fail(where, 'allowPrivilegeEscalation must be false');
    if (sc.readOnlyRootFilesystem !== true) fail(where, 'readOnlyRootFilesystem must be true');
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) fail(where, 'must drop ALL capabilities');
    if (sc.privileged) fail(where, 'must not be privileged');
    for (const [probe, path] of [['startupProbe', '/q/health/started'], ['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
      if (c[probe]?.httpGet?.path !== path) fail(where, `${probe} must GET ${path}`);
    }
    for (const kind of ['requests', 'limits']) {
      for (const r of ['cpu', 'memory']) {
        if (!c.resources?.[kind]?.[r]) fail(where, `resources.${kind}.${r} must be set`);
      }
    }
    for (const e of c.env ?? []) {
      if (/PASSWORD|SECRET|TOKEN|PRIVATE/i.test(e.name) && e.value !== undefined) fail(where, `${e.name} must come from a Secret, not a literal`);
    }
    const image = c.image ?? '';
    if (!image.endsWith(`-${kinds[overlay]}`)) fail(where, `the ${overlay} overlay runs ${kinds[overlay]} images, not ${image}`);
    if (overlay !== 'dev' && /:latest$|^[^:]+$/.test(image)) fail(where, 'images must be pinned to a tag');
  }
  const replicas = d.spec.replicas ?? 1;
  if (overlay === 'dev' && replicas !== 1) fail(name(d), 'dev runs one replica');
  if (overlay !== 'dev' && replicas < 2) fail(name(d), 'production runs at least two replicas');
}
for (const cm of of('ConfigMap')) {
  for (const key of Object.keys(cm.data ?? {})) {
    if (/PASSWORD|SECRET|PRIVATE_KEY/i.test(key)) fail(name(cm), `${key} belongs in a Secret`);
  }
}

// The Ingress routes exactly the public prefixes (API.md), each to the service that owns it, and never /internal or /q.
const owners = {
  '/api/v1/patients': 'patient-service', '/api/v1/me': 'patient-service', '/api/v1/triage-rules': 'patient-service',
  '/api/v1/invitations': 'patient-service', '/app': 'patient-service',
  '/api/v1/alerts': 'alert-service', '/api/v1/escalation-policies': 'alert-service', '/api/v1/sms': 'alert-service',
  '/api/v1/voice': 'alert-service', '/api/v1/test-pages': 'alert-service',
  '/api/v1/centers': 'care-team-service', '/api/v1/care-teams': 'care-team-service',
  '/api/v1/handoffs': 'care-team-service', '/api/v1/clinicians': 'care-team-service', '/console': 'care-team-service',
};
const ingresses = of('Ingress');
if (ingresses.length !== 1) fail('Ingress', `expected one, found ${ingresses.length}`);
for (const ing of ingresses) {
  const routed = {};
  for (const rule of ing.spec.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      routed[p.path] = p.backend.service?.name;
      if (/^\/(internal|q)(\/|$)/.test(p.path) || p.path === '/' || p.path === '/api' || p.path === '/api/v1') {
        fail(name(ing), `must not route ${p.path}`);
      }
      if (!(p.path in owners)) fail(name(ing), `routes ${p.path}, which is not a public prefix`);
    }
  }
  for (const [path, service] of Object.entries(owners)) {
    if (routed[path] !== service) fail(name(ing), `${path} must go to ${service}, goes to ${routed[path]}`);
  }
  if (overlay !== 'dev' && !(ing.spec.tls ?? []).length) fail(name(ing), 'production terminates TLS on the Ingress');
}

// Network policies: default deny; services only from the ingress controller and each other; database only on 5432.
const policies = of('NetworkPolicy');
const denyAll = policies.find((p) => p.spec.podSelector?.matchLabels?.['app.kubernetes.io/part-of'] === 'cart-companion'
  && !p.spec.ingress && !p.spec.egress && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)));
if (!denyAll) fail('NetworkPolicy', 'a default-deny policy for the system\'s pods (ingress and egress) is required');
for (const p of policies) {
  for (const rule of p.spec.ingress ?? []) {
    for (const from of rule.from ?? []) {
      if (from.ipBlock) fail(name(p), 'services take connections from pods only, never from an address block');
      if (from.namespaceSelector && !from.podSelector && !from.namespaceSelector.matchLabels) {
        fail(name(p), 'ingress from every namespace is not allowed');
      }
    }
  }
  for (const rule of p.spec.egress ?? []) {
    const ports = (rule.ports ?? []).map((x) => x.port);
    const toDatabase = (rule.to ?? []).some((t) => t.podSelector?.matchLabels?.['cart-companion/database'] === 'true');
    if (toDatabase && (ports.length !== 1 || ports[0] !== 5432)) fail(name(p), 'database egress must be port 5432 only');
    if (ports.length === 0) fail(name(p), 'egress rules must name their ports');
  }
}
const egress = policies.find((p) => p.metadata.name === 'cart-companion-service-egress');
const dbRule = egress?.spec.egress?.find((r) => (r.ports ?? []).some((x) => x.port === 5432));
if (!dbRule || dbRule.ports.length !== 1) fail('NetworkPolicy/cart-companion-service-egress', 'needs one rule for PostgreSQL on 5432 alone');

if (overlay !== 'dev') {
  for (const s of services) {
    const hpa = of('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === s);
    if (!hpa || hpa.spec.minReplicas < 2) fail(s, 'needs a HorizontalPodAutoscaler with minReplicas >= 2');
    if (!of('PodDisruptionBudget').some((b) => b.spec.selector?.matchLabels?.['app.kubernetes.io/name'] === s)) {
      fail(s, 'needs a PodDisruptionBudget');
    }
  }
}
const clusters = of('Cluster');
if (overlay === 'prod' && (clusters.length !== 1 || clusters[0].spec.instances < 3)) fail('Cluster', 'prod runs a three-instance CloudNativePG cluster');
if (overlay === 'prod-external-db' && clusters.length) fail('Cluster', 'the external-database overlay must not deploy PostgreSQL');
if (overlay !== 'prod-external-db') {
  const databases = new Set([clusters[0]?.spec.bootstrap?.initdb?.database, ...of('Database').map((d) => d.spec.name)]);
  for (const db of ['patient', 'alert', 'care_team']) if (!databases.has(db)) fail('Cluster', `no database ${db}`);
}

// Monitoring (production): every service scraped, the four alerts the operations team is paged by, the dashboard.
if (overlay !== 'dev') {
  for (const s of services) {
    if (!of('ServiceMonitor').some((m) => m.spec.selector?.matchLabels?.['app.kubernetes.io/name'] === s
      && m.spec.endpoints?.some((e) => e.port === 'http' && e.path === '/q/metrics'))) fail(s, 'needs a ServiceMonitor scraping /q/metrics');
  }
  const alerts = of('PrometheusRule').flatMap((r) => r.spec.groups.flatMap((g) => g.rules)).map((r) => r.alert);
  for (const a of ['CartPagesDelayed', 'CartOutboxStale', 'CartEscalationLate', 'CartServiceDown']) {
    if (!alerts.includes(a)) fail('PrometheusRule', `no alert ${a}`);
  }
  const dashboard = of('ConfigMap').find((c) => c.metadata.labels?.grafana_dashboard === '1');
  if (!dashboard) fail('ConfigMap', 'no Grafana dashboard (label grafana_dashboard: "1")');
  else {
    try {
      const panels = JSON.parse(Object.values(dashboard.data)[0]).panels;
      if (!panels?.length || panels.some((p) => !p.targets?.length)) fail(name(dashboard), 'a dashboard panel without a query');
    } catch (e) {
      fail(name(dashboard), `the dashboard is not JSON: ${e.message}`);
    }
  }
  if (!policies.some((p) => p.spec.ingress?.some((r) => r.from?.some((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'monitoring')))) {
    fail('NetworkPolicy', 'Prometheus (namespace monitoring) cannot reach the services');
  }
}

if (problems.length) {
  console.error(`k8s/overlays/${overlay}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`k8s/overlays/${overlay}: ${docs.length} documents valid against their schemas; security and deployment invariants hold`);
