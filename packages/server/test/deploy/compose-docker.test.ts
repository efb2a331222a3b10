/**
 * docker-compose.yml, .env.example and the Dockerfiles, checked without a Docker engine: Compose
 * parsed (anchors and merge keys as Compose reads them) and interpolated from .env.example, each
 * service's environment accepted by the server's own config loader, the dependency conditions,
 * health checks and mounts; the Dockerfiles' stages, users and COPY sources against the repository
 * and .dockerignore; and the image's HEALTHCHECK command (and the Kubernetes liveness command) run
 * against a real server, healthy and with its queue down.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_PORTS, parseServiceRole } from '../../src/config/service-role.js';
import { freePort, startServer, type SpawnedServer } from '../support/server-process.js';
import { checkServerEnv, SAMPLE_MEMORY_KEY } from './support/env-check.js';
import { readRepoFile, repoPath, runToolAsync } from './support/tools.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- Compose and manifests are untyped YAML trees */
type Tree = Record<string, any>;

/** .env.example as a map (comments and blank lines skipped). */
function envExample(): Map<string, string> {
  const entries = readRepoFile('.env.example')
    .split('\n')
    .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]);
  return new Map(entries);
}

/** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$. */
function interpolate(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (whole === '$$') return '$';
    const value = vars.get(name ?? '');
    const empty = value === undefined || (op?.startsWith(':') === true && value === '');
    if (op === ':?' || op === '?') {
      if (empty) throw new Error(`required variable ${name} is missing: ${arg}`);
      return value ?? '';
    }
    if (op === ':-' || op === '-') return empty ? (arg ?? '') : (value ?? '');
    return value ?? '';
  });
}

/** Variables whose values are filled in for the test (.env.example leaves secrets empty). */
const FILLED = new Map([
  ['DB_PASSWORD', 'compose-test-password'],
  ['MEMORY_ENCRYPTION_KEY', SAMPLE_MEMORY_KEY],
  ['DASHBOARD_ADMIN_PASSWORD', 'a-long-enough-password'],
]);

function compose(vars: ReadonlyMap<string, string> = new Map([...envExample(), ...FILLED])): Tree {
  return parse(interpolate(readRepoFile('docker-compose.yml'), vars), { merge: true }) as Tree;
}

const CORE = ['redis', 'database', 'backend', 'frontend', 'memory-api', 'api-bridge', 'nginx'];

describe('docker-compose.yml', () => {
  it('has the services of the seed, the monitoring stack behind a profile, and no obsolete version key', () => {
    const doc = compose();
    expect(doc.version).toBeUndefined();
    const services = doc.services as Record<string, Tree>;
    for (const name of CORE) {
      expect(services[name], name).toBeDefined();
      expect(services[name]?.profiles, name).toBeUndefined();
      expect(services[name]?.restart, name).toBe('unless-stopped');
    }
    const optional = Object.keys(services).filter((n) => !CORE.includes(n));
    expect(optional.sort()).toEqual(['alertmanager', 'grafana', 'jaeger', 'loki', 'postgres-exporter', 'prometheus', 'promtail', 'redis-exporter']);
    for (const name of optional) expect(services[name]?.profiles, name).toEqual(['monitoring']);
  });

  it('refuses to start without the required secrets (DB_PASSWORD, MEMORY_ENCRYPTION_KEY)', () => {
    expect(() => compose(envExample())).toThrow(/DB_PASSWORD|MEMORY_ENCRYPTION_KEY/);
    const vars = new Map([...envExample(), ...FILLED]);
    vars.delete('MEMORY_ENCRYPTION_KEY');
    expect(() => compose(vars)).toThrow(/MEMORY_ENCRYPTION_KEY/);
  });

  it('documents in .env.example every variable the file interpolates', () => {
    const used = new Set([...readRepoFile('docker-compose.yml').matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));
    const documented = envExample();
    for (const name of used) expect(documented.has(name ?? ''), `${name} is not in .env.example`).toBe(true);
  });

  it('persists Redis (appendonly) and checks Redis and PostgreSQL 15 (with pgvector) health; neither is published on the host', () => {
    const { redis, database } = compose().services as Record<string, Tree>;
    expect(redis?.image).toMatch(/^redis:7/);
    expect((redis?.command as string[]).join(' ')).toContain('--appendonly yes');
    expect(redis?.healthcheck.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(database?.image).toBe('pgvector/pgvector:0.8.0-pg15');
    expect(database?.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(redis?.ports).toBeUndefined();
    expect(database?.ports).toBeUndefined();
  });

  it('starts each service after what it needs is healthy', () => {
    const services = compose().services as Record<string, Tree>;
    const conditions = (name: string): Record<string, string> =>
      Object.fromEntries(Object.entries((services[name]?.depends_on ?? {}) as Record<string, { condition: string }>).map(([k, v]) => [k, v.condition]));
    expect(conditions('backend')).toEqual({ redis: 'service_healthy', database: 'service_healthy', 'memory-api': 'service_healthy' });
    expect(conditions('memory-api')).toEqual({ redis: 'service_healthy', database: 'service_healthy' });
    expect(conditions('api-bridge')).toEqual({ redis: 'service_healthy', database: 'service_healthy' });
    expect(conditions('frontend')).toEqual({ backend: 'service_healthy' });
    expect(conditions('nginx')).toEqual({ frontend: 'service_healthy', backend: 'service_healthy' });
    // Every service_healthy target has a health check (its own or its image's).
    for (const name of ['redis', 'database', 'nginx']) expect(services[name]?.healthcheck, name).toBeDefined();
    expect(readRepoFile('Dockerfile.backend')).toMatch(/^HEALTHCHECK /m);
    expect(readRepoFile('Dockerfile.frontend')).toMatch(/^HEALTHCHECK /m);
  });

  it('runs every role from the one backend image, each on the port of its SERVICE_ROLE, with an environment the server accepts', () => {
    const services = compose().services as Record<string, Tree>;
    const expected: Record<string, string> = { backend: 'all', 'memory-api': 'memory', 'api-bridge': 'bridge' };
    for (const [name, roleName] of Object.entries(expected)) {
      const service = services[name] as Tree;
      expect(service.build).toEqual({ context: '.', dockerfile: 'Dockerfile.backend' });
      expect(service.image).toBe(services.backend?.image);
      // A key without a value takes the host's variable in Compose; here, where it is unset, it is absent.
      const entries = Object.entries(service.environment as Record<string, string | number | null>);
      const env = Object.fromEntries(entries.filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)]));
      const role = parseServiceRole(env.SERVICE_ROLE ?? '');
      expect(role?.name, name).toBe(roleName);
      expect(env.PORT, name).toBe(String(DEFAULT_PORTS[roleName as keyof typeof DEFAULT_PORTS]));
      const problems = checkServerEnv(env);
      expect(problems, name).toEqual({ unknown: [], issues: [] });
    }
    const backendEnv = services.backend?.environment as Record<string, string>;
    expect(backendEnv.MEMORY_API_URL).toBe(`http://memory-api:${DEFAULT_PORTS.memory}`);
    expect(backendEnv.API_BRIDGE_URL).toBe(`http://api-bridge:${DEFAULT_PORTS.bridge}`);
  });

  it('the environment check catches a misspelt variable and a bad value (the check can fail)', () => {
    expect(checkServerEnv({ NODE_ENV: 'production', MEMORY_ENCRYPTION_KEY: SAMPLE_MEMORY_KEY, REDIS_URLL: 'redis://x' }).unknown).toEqual(['REDIS_URLL']);
    expect(checkServerEnv({ SERVICE_ROLE: 'memroy' }).issues.map((i) => i.variable)).toEqual(['SERVICE_ROLE']);
  });

  it('answers under the Kubernetes Service names too, so nginx/frontend.conf and nginx/edge.conf work unchanged', () => {
    const services = compose().services as Record<string, Tree>;
    const aliases = (name: string): string[] => services[name]?.networks?.default?.aliases ?? [];
    expect(aliases('backend')).toContain('dashboard-backend-service');
    expect(aliases('frontend')).toContain('dashboard-frontend-service');
    for (const file of ['nginx/frontend.conf', 'nginx/edge.conf']) {
      for (const [, host] of readRepoFile(file).matchAll(/^\s*server ([a-z0-9.-]+):\d+/gm)) {
        expect(Object.keys(services).some((s) => aliases(s).includes(host ?? '')), `${file}: ${host}`).toBe(true);
      }
    }
  });

  it('publishes nginx on 80 and 443 with the edge config, and mounts only files that exist', () => {
    const services = compose().services as Record<string, Tree>;
    expect(services.nginx?.ports).toEqual(['80:80', '443:443']);
    expect(services.nginx?.image).toBe('nginx:1.24-alpine');
    expect(services.nginx?.volumes).toContain('./nginx/edge.conf:/etc/nginx/nginx.conf:ro');
    for (const [name, service] of Object.entries(services)) {
      for (const volume of (service.volumes ?? []) as string[]) {
        const source = volume.split(':')[0] ?? '';
        if (!source.startsWith('./')) continue;
        // ./ssl (the operator's certificates) and ./backups (made by the first backup) are created at install.
        if (['./ssl', './backups'].includes(source)) continue;
        expect(existsSync(repoPath(source)), `${name}: ${source}`).toBe(true);
      }
    }
  });
});

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions by stage (continuation lines joined, comments dropped). */
function dockerStages(file: string): Array<{ from: string; name: string | null; steps: Instruction[] }> {
  const text = readRepoFile(file).replace(/\\\n/g, ' ');
  const args = new Map<string, string>();
  const stages: Array<{ from: string; name: string | null; steps: Instruction[] }> = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [op = '', ...rest] = trimmed.split(/\s+/);
    const argText = rest.join(' ');
    if (op === 'ARG' && stages.length === 0) {
      const [k, v = ''] = argText.split('=');
      args.set(k ?? '', v);
    } else if (op === 'FROM') {
      const [image = '', as, name] = argText.split(/\s+/);
      const resolved = image.replace(/\$\{([A-Z_]+)\}/g, (_w, n: string) => args.get(n) ?? '');
      stages.push({ from: resolved, name: as?.toUpperCase() === 'AS' ? (name ?? null) : null, steps: [] });
    } else {
      stages.at(-1)?.steps.push({ op, args: argText });
    }
  }
  return stages;
}

/** .dockerignore patterns that exclude `path` (the simple forms the file uses). */
function ignoredByDockerignore(path: string): boolean {
  const patterns = readRepoFile('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  return patterns.some((p) => {
    const bare = p.replace(/^\*\*\//, '');
    return p.startsWith('**/') ? path.split('/').includes(bare) : path === p || path.startsWith(`${p}/`);
  });
}

describe('Dockerfiles', () => {
  it.each(['Dockerfile.backend', 'Dockerfile.frontend'])('%s copies only files that exist and the build context keeps', (file) => {
    for (const stage of dockerStages(file)) {
      for (const step of stage.steps.filter((s) => s.op === 'COPY' && !s.args.includes('--from='))) {
        const parts = step.args.split(/\s+/).filter((p) => !p.startsWith('--'));
        for (const source of parts.slice(0, -1)) {
          expect(existsSync(repoPath(source)), `${file}: COPY ${source}`).toBe(true);
          expect(ignoredByDockerignore(source), `${file}: COPY ${source} is excluded by .dockerignore`).toBe(false);
        }
      }
    }
  });

  it('backend: multi-stage on node:20-alpine, dumb-init, user 1001, HEALTHCHECK on /health, runs the built server', () => {
    const stages = dockerStages('Dockerfile.backend');
    expect(stages.map((s) => s.from)).toEqual(['node:20-alpine', 'node:20-alpine']);
    const final = stages.at(-1)?.steps ?? [];
    const last = (op: string): string => [...final].reverse().find((s) => s.op === op)?.args ?? '';
    expect(last('USER')).toBe('1001:1001');
    expect(final.find((s) => s.op === 'RUN')?.args).toMatch(/adduser -S -u 1001/);
    expect(last('ENTRYPOINT')).toBe('["dumb-init", "--"]');
    expect(JSON.parse(last('CMD'))).toEqual(['node', 'packages/server/dist/main.js']);
    expect((parse(readRepoFile('packages', 'server', 'package.json')) as { main: string }).main).toBe('./dist/main.js');
    expect(last('HEALTHCHECK')).toContain('/health');
    // The build stage installs dev dependencies (the build needs them), the runtime prunes them.
    expect(stages[0]?.steps.map((s) => s.args).join('\n')).toMatch(/npm ci --no-audit --no-fund\n[^]*npm prune --omit=dev/);
  });

  it('frontend: nginx 1.24 on 3000 with the committed nginx/frontend.conf, not as root', () => {
    const stages = dockerStages('Dockerfile.frontend');
    expect(stages.at(-1)?.from).toBe('nginx:1.24-alpine');
    const final = stages.at(-1)?.steps ?? [];
    expect(final.find((s) => s.op === 'COPY' && s.args.startsWith('nginx/'))?.args).toBe('nginx/frontend.conf /etc/nginx/nginx.conf');
    expect(final.find((s) => s.op === 'EXPOSE')?.args).toBe('3000');
    expect(final.find((s) => s.op === 'USER')?.args).toBe('nginx');
    expect(readRepoFile('nginx', 'frontend.conf')).toMatch(/listen 3000;/);
    expect(final.find((s) => s.op === 'HEALTHCHECK')?.args).toContain('http://127.0.0.1:3000/healthz');
  });
});

describe('health check commands against a real server', () => {
  let server: SpawnedServer | null = null;
  afterEach(async () => {
    await server?.stop();
    server = null;
  });

  /** The argv of the image's HEALTHCHECK (exec form). */
  function healthcheckArgv(): string[] {
    const hc = dockerStages('Dockerfile.backend')
      .at(-1)
      ?.steps.find((s) => s.op === 'HEALTHCHECK')?.args ?? '';
    return JSON.parse(hc.slice(hc.indexOf('CMD') + 3).trim()) as string[];
  }

  /** The backend's liveness exec command, aimed at `port`. */
  function livenessArgv(port: number): string[] {
    const sts = parseAllDocuments(readRepoFile('k8s', 'backend-statefulset.yaml'))[0]?.toJS() as Tree;
    const argv = sts.spec.template.spec.containers[0].livenessProbe.exec.command as string[];
    return argv.map((a) => a.replace('127.0.0.1:8080', `127.0.0.1:${port}`));
  }

  const exitCode = async (argv: string[], port: number): Promise<number | null> => {
    const [cmd = '', ...args] = argv;
    expect(cmd).toBe('node');
    return (await runToolAsync(process.execPath, args, { env: { PATH: process.env.PATH ?? '', PORT: String(port) } })).code;
  };

  it('both pass against a healthy server and fail when nothing answers', async () => {
    server = await startServer();
    expect(await exitCode(healthcheckArgv(), server.port)).toBe(0);
    expect(await exitCode(livenessArgv(server.port), server.port)).toBe(0);
    const closed = await freePort();
    expect(await exitCode(healthcheckArgv(), closed)).toBe(1);
    expect(await exitCode(livenessArgv(closed), closed)).toBe(1);
  });

  it('with Redis down, the Docker health check reports unhealthy but liveness does not restart the replica', async () => {
    const deadRedis = await freePort();
    server = await startServer({ env: { REDIS_URL: `redis://127.0.0.1:${deadRedis}` } });
    const health = await server.api('/health');
    expect(health.status).toBe(503);
    expect(await exitCode(healthcheckArgv(), server.port)).toBe(1);
    expect(await exitCode(livenessArgv(server.port), server.port)).toBe(0);
  });
});
