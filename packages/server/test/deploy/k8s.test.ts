/**
 * k8s/: every manifest validated strictly against the Kubernetes schemas (support/k8s-schema.ts;
 * broken variants must fail), the kustomization built by `kubectl kustomize`, and what the issue
 * asks of the objects: no secrets in the ConfigMap, probes, resources, replicas, Services that
 * select pods and name their ports, an Ingress with TLS and the WebSocket path, PDBs, HPAs, the
 * restricted pod security settings, and NetworkPolicies that allow exactly the needed flows.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_PORTS, parseServiceRole } from '../../src/config/service-role.js';
import { checkServerEnv, SAMPLE_MEMORY_KEY } from './support/env-check.js';
import { validateManifest } from './support/k8s-schema.js';
import { flowAllowed, type Endpoint, type NetworkPolicy } from './support/network-policy.js';
import { readRepoFile, repoPath, runTool } from './support/tools.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML trees */
type Manifest = Record<string, any>;

const NAMESPACE = 'dashboard-system';
const files = (): string[] => readdirSync(repoPath('k8s')).filter((f) => f.endsWith('.yaml')).sort();

function load(file: string): Manifest[] {
  return parseAllDocuments(readRepoFile('k8s', file)).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS() as Manifest;
  });
}

let all: Manifest[];
const objects = (kind: string): Manifest[] => all.filter((m) => m.kind === kind);
const named = (kind: string, name: string): Manifest => {
  const found = all.find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};
const workloads = (): Manifest[] => all.filter((m) => ['Deployment', 'StatefulSet'].includes(m.kind));

beforeAll(() => {
  all = files()
    .filter((f) => f !== 'kustomization.yaml')
    .flatMap(load);
});

describe('schema validation (Kubernetes OpenAPI schemas, strict)', () => {
  it.each(files().filter((f) => f !== 'kustomization.yaml'))('%s is valid', async (file) => {
    const problems = (await Promise.all(load(file).map(validateManifest))).flat();
    expect(problems).toEqual([]);
  });

  it('rejects broken manifests: a typo, a wrong type, a missing field, a retired API, an unknown kind', async () => {
    const deployment = (): Manifest => structuredClone(named('Deployment', 'dashboard-frontend'));
    const typo = deployment();
    typo.spec.template.spec.containers[0].livenesProbe = typo.spec.template.spec.containers[0].livenessProbe;
    const wrongType = deployment();
    wrongType.spec.replicas = 'two';
    const missing = deployment();
    delete missing.spec.selector;
    const badPort = deployment();
    badPort.spec.template.spec.containers[0].ports[0].containerPort = '3000';
    const wrongLevel = deployment();
    wrongLevel.spec.template.spec.readOnlyRootFilesystem = true;
    const retired = structuredClone(named('PodDisruptionBudget', 'dashboard-backend-pdb'));
    retired.apiVersion = 'policy/v1beta1';
    const unknownKind = { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } };

    const cases: Array<[string, unknown, RegExp]> = [
      ['typo', typo, /livenesProbe.*unknown field|unknown field/],
      ['wrong type', wrongType, /integer/],
      ['missing', missing, /selector/],
      ['port as string', badPort, /integer/],
      ['field at the wrong level', wrongLevel, /unknown field/],
      ['retired API', retired, /removed from Kubernetes/],
      ['unknown kind', unknownKind, /unknown apiVersion/],
    ];
    for (const [name, doc, pattern] of cases) {
      const problems = await validateManifest(doc);
      expect(problems.length, name).toBeGreaterThan(0);
      expect(problems.map((p) => `${p.path} ${p.message}`).join('\n'), name).toMatch(pattern);
    }
    const typoProblems = await validateManifest(typo);
    expect(typoProblems).toContainEqual({ object: 'Deployment/dashboard-frontend', path: '/spec/template/spec/containers/0/livenesProbe', message: 'unknown field' });
  });

  it('kubectl kustomize builds k8s/ from every manifest except the Secret template', () => {
    const res = runTool('kubectl', ['kustomize', repoPath('k8s')]);
    expect(res.code, res.output).toBe(0);
    const built = parseAllDocuments(res.stdout).map((d) => d.toJS() as Manifest);
    const expected = all.filter((m) => m.kind !== 'Secret');
    expect(built.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual(expected.map((m) => `${m.kind}/${m.metadata.name}`).sort());
    const listed = (load('kustomization.yaml')[0]?.resources ?? []) as string[];
    expect([...listed].sort()).toEqual(files().filter((f) => !['kustomization.yaml', 'secret.example.yaml'].includes(f)));
  });
});

describe('configuration and secrets', () => {
  it('the ConfigMap holds no credentials', () => {
    const data = named('ConfigMap', 'dashboard-config').data as Record<string, string>;
    for (const [key, value] of Object.entries(data)) {
      expect(key).not.toMatch(/PASSWORD|SECRET|TOKEN|API_KEY|ENCRYPTION_KEY|DATABASE_URL|REDIS_URL/);
      expect(value, key).not.toMatch(/:\/\/[^/@\s]*:[^/@\s]*@/);
    }
  });

  it('every Secret key and ConfigMap a workload reads is defined (Secret: in the template)', () => {
    const secret = named('Secret', 'dashboard-secrets');
    const secretKeys = Object.keys(secret.stringData as object);
    expect(secretKeys).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'MEMORY_ENCRYPTION_KEY', 'ANTHROPIC_API_KEY']));
    for (const w of workloads()) {
      for (const c of w.spec.template.spec.containers as Manifest[]) {
        for (const env of (c.env ?? []) as Manifest[]) {
          const ref = env.valueFrom?.secretKeyRef;
          if (ref) {
            expect(ref.name).toBe('dashboard-secrets');
            expect(secretKeys, `${w.metadata.name} ${env.name}`).toContain(ref.key);
          }
        }
        for (const from of (c.envFrom ?? []) as Manifest[]) expect(from.configMapRef?.name).toBe('dashboard-config');
      }
    }
  });
});

describe('workloads', () => {
  const container = (w: Manifest): Manifest => w.spec.template.spec.containers[0] as Manifest;
  const env = (w: Manifest, name: string): Manifest | undefined => (container(w).env as Manifest[]).find((e) => e.name === name);

  it('runs 3 backend replicas (StatefulSet: stable NODE_ID) and 2 frontends', () => {
    const backend = named('StatefulSet', 'dashboard-backend');
    expect(backend.spec.replicas).toBe(3);
    expect(env(backend, 'NODE_ID')?.valueFrom?.fieldRef?.fieldPath).toBe('metadata.name');
    expect(backend.spec.serviceName).toBe('dashboard-backend-headless');
    expect(named('Deployment', 'dashboard-frontend').spec.replicas).toBe(2);
  });

  it('gives each role of the backend image its SERVICE_ROLE, the port of that role, and the same port everywhere', () => {
    const roles: Record<string, string> = { 'dashboard-backend': 'all', 'memory-api': 'memory', 'api-bridge': 'bridge' };
    for (const [name, roleName] of Object.entries(roles)) {
      const w = workloads().find((x) => x.metadata.name === name);
      expect(w, name).toBeDefined();
      const role = parseServiceRole(env(w as Manifest, 'SERVICE_ROLE')?.value as string);
      expect(role?.name, name).toBe(roleName);
      const port = DEFAULT_PORTS[role?.name ?? 'all'];
      expect(env(w as Manifest, 'PORT')?.value, name).toBe(String(port));
      expect(container(w as Manifest).ports[0].containerPort, name).toBe(port);
      expect(container(w as Manifest).image, name).toMatch(/^dashboard\/backend:/);
    }
  });

  it("gives each server role an environment the server's config loader accepts, with no unknown variable", () => {
    const config = named('ConfigMap', 'dashboard-config').data as Record<string, string>;
    const secret = named('Secret', 'dashboard-secrets').stringData as Record<string, string>;
    const samples: Record<string, string> = {
      DATABASE_URL: 'postgresql://dashboard_user:pw@postgres-service:5432/dashboard',
      REDIS_URL: 'redis://:pw@redis-service:6379',
      MEMORY_ENCRYPTION_KEY: SAMPLE_MEMORY_KEY,
      ANTHROPIC_API_KEY: 'sk-test',
      DASHBOARD_ADMIN_PASSWORD: 'a-long-enough-password',
    };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(secret).sort());
    for (const w of workloads().filter((x) => x.metadata.name !== 'dashboard-frontend')) {
      const env: Record<string, string> = { ...config };
      for (const e of container(w).env as Manifest[]) {
        if (e.value !== undefined) env[e.name] = String(e.value);
        else if (e.valueFrom?.secretKeyRef) env[e.name] = samples[e.valueFrom.secretKeyRef.key] ?? '';
        else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.name') env[e.name] = `${w.metadata.name}-0`;
        else throw new Error(`${w.metadata.name}: unhandled env ${e.name}`);
      }
      expect(checkServerEnv(env), w.metadata.name).toEqual({ unknown: [], issues: [] });
    }
  });

  it('probes: readiness and startup on /ready, liveness that does not restart replicas for a database outage', () => {
    for (const w of workloads().filter((x) => x.metadata.name !== 'dashboard-frontend')) {
      const c = container(w);
      expect(c.readinessProbe.httpGet.path, w.metadata.name).toBe('/ready');
      expect(c.startupProbe.httpGet.path, w.metadata.name).toBe('/ready');
      // Any answer from /health (even 503) means alive.
      const script = (c.livenessProbe.exec.command as string[]).join(' ');
      expect(script).toContain(`/health')`);
      expect(script).toContain('.then(()=>process.exit(0)');
    }
    const frontend = container(named('Deployment', 'dashboard-frontend'));
    expect(frontend.readinessProbe.httpGet.path).toBe('/healthz');
    expect(frontend.livenessProbe.httpGet.path).toBe('/healthz');
  });

  it('every container has requests and limits, and the grace period outlasts FORCE_EXIT_TIMEOUT', () => {
    const force = named('ConfigMap', 'dashboard-config').data.FORCE_EXIT_TIMEOUT as string;
    expect(force).toMatch(/^\d+s$/);
    for (const w of workloads()) {
      for (const c of w.spec.template.spec.containers as Manifest[]) {
        for (const k of ['cpu', 'memory']) {
          expect(c.resources?.requests?.[k], `${w.metadata.name} request ${k}`).toBeDefined();
          expect(c.resources?.limits?.[k], `${w.metadata.name} limit ${k}`).toBeDefined();
        }
      }
      if (w.metadata.name !== 'dashboard-frontend') expect(w.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(Number.parseInt(force, 10));
    }
  });

  it('meets the restricted pod security standard the namespace enforces', () => {
    expect(named('Namespace', NAMESPACE).metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const w of workloads()) {
      const pod = w.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, w.metadata.name).toBe(true);
      expect(pod.securityContext.runAsUser, w.metadata.name).toBeGreaterThan(0);
      expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers as Manifest[]) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        // A read-only root needs a writable /tmp.
        expect((c.volumeMounts as Manifest[]).map((v) => v.mountPath)).toContain('/tmp');
      }
    }
  });

  it('every object lives in the dashboard namespace', () => {
    for (const m of all.filter((x) => x.kind !== 'Namespace')) expect(m.metadata.namespace, `${m.kind}/${m.metadata.name}`).toBe(NAMESPACE);
  });
});

describe('Services, Ingress, PDBs and autoscalers point at what exists', () => {
  const podLabels = (w: Manifest): Record<string, string> => w.spec.template.metadata.labels as Record<string, string>;
  const selecting = (selector: Record<string, string>): Manifest[] =>
    workloads().filter((w) => Object.entries(selector).every(([k, v]) => podLabels(w)[k] === v));

  it('each Service selects exactly one workload and targets a port its container declares', () => {
    for (const svc of objects('Service')) {
      const [target, ...others] = selecting(svc.spec.selector as Record<string, string>);
      expect(target, svc.metadata.name).toBeDefined();
      expect(others, svc.metadata.name).toEqual([]);
      const ports = (target?.spec.template.spec.containers as Manifest[]).flatMap((c) => c.ports as Manifest[]);
      for (const p of svc.spec.ports as Manifest[]) {
        expect(ports.some((cp) => cp.name === p.targetPort || cp.containerPort === p.targetPort), `${svc.metadata.name} -> ${p.targetPort}`).toBe(true);
      }
    }
  });

  it('the Services have the names the ConfigMap and the nginx config use', () => {
    const data = named('ConfigMap', 'dashboard-config').data as Record<string, string>;
    expect(data.MEMORY_API_URL).toBe(`http://${named('Service', 'memory-api-service').metadata.name}:3333`);
    expect(data.API_BRIDGE_URL).toBe(`http://${named('Service', 'api-bridge-service').metadata.name}:3002`);
    expect(readRepoFile('nginx', 'frontend.conf')).toContain('server dashboard-backend-service:8080');
    expect(named('Service', 'dashboard-backend-service').spec.ports[0].port).toBe(8080);
  });

  it('the Ingress terminates TLS and routes /api and /ws to the backend, the rest to the frontend', () => {
    const ingress = named('Ingress', 'dashboard-ingress');
    expect(ingress.spec.tls[0].secretName).toBeTruthy();
    expect(ingress.spec.tls[0].hosts).toContain(ingress.spec.rules[0].host);
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']).toBe('true');
    // WebSocket: ingress-nginx passes upgrades; the timeouts must outlast idle feed periods.
    expect(Number(ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'])).toBeGreaterThanOrEqual(3600);
    const routes = new Map((ingress.spec.rules[0].http.paths as Manifest[]).map((p) => [p.path, p.backend.service]));
    expect(routes.get('/api')).toEqual({ name: 'dashboard-backend-service', port: { number: 8080 } });
    expect(routes.get('/ws')).toEqual({ name: 'dashboard-backend-service', port: { number: 8080 } });
    expect(routes.get('/')).toEqual({ name: 'dashboard-frontend-service', port: { number: 3000 } });
    for (const svc of routes.values()) expect(named('Service', svc.name as string).spec.ports.map((p: Manifest) => p.port)).toContain(svc.port.number);
  });

  it('each PDB selects a workload and still lets a node drain (minAvailable below replicas)', () => {
    expect(objects('PodDisruptionBudget').length).toBe(4);
    for (const pdb of objects('PodDisruptionBudget')) {
      const [w] = selecting(pdb.spec.selector.matchLabels as Record<string, string>);
      expect(w, pdb.metadata.name).toBeDefined();
      expect(pdb.spec.minAvailable, pdb.metadata.name).toBeLessThan(w?.spec.replicas as number);
    }
  });

  it('each HPA scales an existing workload from at least its replicas', () => {
    expect(objects('HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name)).toContain('dashboard-backend');
    for (const hpa of objects('HorizontalPodAutoscaler')) {
      const target = named(hpa.spec.scaleTargetRef.kind as string, hpa.spec.scaleTargetRef.name as string);
      expect(hpa.spec.minReplicas).toBe(target.spec.replicas);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas as number);
    }
  });
});

describe('NetworkPolicies allow exactly the needed flows', () => {
  const pod = (app: string, namespace = NAMESPACE, extra: Record<string, string> = {}): Endpoint => ({ pod: { app, ...extra }, namespace });
  const backend = pod('dashboard-backend');
  const frontend = pod('dashboard-frontend');
  const memory = pod('memory-api');
  const bridge = pod('api-bridge');
  const postgres = pod('postgres');
  const redis = pod('redis');
  const ingressController = { pod: { 'app.kubernetes.io/name': 'ingress-nginx' }, namespace: 'ingress-nginx' };
  const prometheus = { pod: { 'app.kubernetes.io/name': 'prometheus' }, namespace: 'monitoring' };
  const collector = { pod: { app: 'otel-collector' }, namespace: 'monitoring' };
  const dns = { pod: { 'k8s-app': 'kube-dns' }, namespace: 'kube-system' };
  const modelApi = { ip: '160.79.104.10' };

  let policies: NetworkPolicy[];
  beforeAll(() => {
    policies = objects('NetworkPolicy') as NetworkPolicy[];
  });

  const needed: Array<[string, Endpoint, Endpoint, number, ('TCP' | 'UDP')?]> = [
    ['ingress controller -> backend', ingressController, backend, 8080],
    ['ingress controller -> frontend', ingressController, frontend, 3000],
    ['frontend nginx -> backend', frontend, backend, 8080],
    ['backend -> PostgreSQL', backend, postgres, 5432],
    ['backend -> Redis', backend, redis, 6379],
    ['backend -> memory API', backend, memory, 3333],
    ['backend -> API bridge', backend, bridge, 3002],
    ['backend -> model API (HTTPS)', backend, modelApi, 443],
    ['backend -> OTLP collector', backend, collector, 4318],
    ['backend -> DNS (UDP)', backend, dns, 53, 'UDP'],
    ['backend -> DNS (TCP)', backend, dns, 53, 'TCP'],
    ['frontend -> DNS', frontend, dns, 53, 'UDP'],
    ['memory API -> PostgreSQL', memory, postgres, 5432],
    ['memory API -> Redis', memory, redis, 6379],
    ['memory API -> DNS', memory, dns, 53, 'UDP'],
    ['memory API -> embeddings API (HTTPS)', memory, modelApi, 443],
    ['API bridge -> PostgreSQL', bridge, postgres, 5432],
    ['API bridge -> Redis', bridge, redis, 6379],
    ['Prometheus -> backend', prometheus, backend, 8080],
    ['Prometheus -> memory API', prometheus, memory, 3333],
    ['Prometheus -> API bridge', prometheus, bridge, 3002],
    ['exporter -> PostgreSQL', { pod: { app: 'postgres-exporter' }, namespace: 'monitoring' }, postgres, 5432],
  ];
  const denied: Array<[string, Endpoint, Endpoint, number]> = [
    ['frontend -> PostgreSQL', frontend, postgres, 5432],
    ['frontend -> Redis', frontend, redis, 6379],
    ['frontend -> internet', frontend, modelApi, 443],
    ['frontend -> memory API', frontend, memory, 3333],
    ['ingress controller -> memory API', ingressController, memory, 3333],
    ['ingress controller -> API bridge', ingressController, bridge, 3002],
    ['ingress controller -> PostgreSQL', ingressController, postgres, 5432],
    ['backend -> private network', backend, { ip: '10.20.30.40' }, 443],
    ['backend -> cloud metadata', backend, { ip: '169.254.169.254' }, 80],
    ['backend -> internet on another port', backend, modelApi, 80],
    ['backend -> PostgreSQL on the Redis port', backend, postgres, 6379],
    ['memory API -> API bridge', memory, bridge, 3002],
    ['memory API -> backend', memory, backend, 8080],
    ['API bridge -> internet', bridge, modelApi, 443],
    ['a pod in another namespace -> backend', pod('something', 'default'), backend, 8080],
    ['a pod of this namespace without a role -> backend', pod('debug'), backend, 8080],
    ['a pod of this namespace without a role -> PostgreSQL', pod('debug'), postgres, 5432],
    ['Prometheus -> frontend', prometheus, frontend, 3000],
  ];

  it.each(needed)('allows %s', (_name, from, to, port, protocol) => {
    expect(flowAllowed(policies, { from, to, port, ...(protocol && { protocol }) })).toBe(true);
  });

  it.each(denied)('denies %s', (_name, from, to, port) => {
    expect(flowAllowed(policies, { from, to, port })).toBe(false);
  });

  it("denies the seed's missing flows without our policies, and allows everything with none (the evaluator can tell)", () => {
    const seedPolicy = load('network-policies.yaml').find((p) => p.metadata.name === 'default-deny-all') as NetworkPolicy;
    expect(flowAllowed([seedPolicy], { from: backend, to: postgres, port: 5432 })).toBe(false);
    expect(flowAllowed([], { from: frontend, to: postgres, port: 5432 })).toBe(true);
  });
});
