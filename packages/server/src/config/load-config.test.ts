import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { formatConfigIssues, loadConfig, type ConfigContext } from './load-config.js';
import { maskCredentials } from './mask-secrets.js';

/** 32 bytes, base64. */
const MEMORY_KEY = 'q83vEjRWeJC6/BEiM0RVZneImaq7zN3u/wAREiIzRFU=';

const ctx: ConfigContext = {
  cwd: '/srv/dash',
  hostname: 'box',
  pid: 42,
  defaultWebDistDir: '/opt/dash/web/dist',
  defaultRegistryDir: '/opt/dash/ai-employees',
};

function ok(env: Record<string, string>) {
  const result = loadConfig(env, ctx);
  if (!result.ok) throw new Error(formatConfigIssues(result.issues));
  return result.config;
}

function errorText(env: Record<string, string>): string {
  const result = loadConfig(env, ctx);
  if (result.ok) throw new Error('expected the configuration to be rejected');
  return formatConfigIssues(result.issues);
}

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    expect(ok({})).toEqual({
      nodeEnv: 'development',
      nodeId: 'box',
      http: { host: '127.0.0.1', port: 8080 },
      web: { serve: true, distDir: '/opt/dash/web/dist' },
      dataDir: '/srv/dash/data',
      databaseUrl: null,
      redisUrl: null,
      log: { level: 'info' },
      lifecycle: { drainTimeoutMs: 30_000, forceExitTimeoutMs: 45_000 },
      health: { timeoutMs: 2_000 },
      services: { memoryApiUrl: null, apiBridgeUrl: null },
      agents: {
        maxConcurrentProcesses: 20,
        workdirRoots: ['/srv/dash/data/workspaces'],
        binaries: { 'claude-code': 'claude', codex: 'codex', gemini: 'gemini' },
        idleTimeoutMs: 30 * 60_000,
        wallTimeoutMs: 4 * 3600_000,
        stopGraceMs: 5_000,
        maxRestarts: 2,
        restartBackoffMs: 2_000,
        runLogCapBytes: 50 * 1024 * 1024,
      },
      employees: { registryDir: '/opt/dash/ai-employees' },
      queue: { prefix: 'dash' },
      memory: {
        encryptionKey: null,
        keyFile: '/srv/dash/data/memory.key',
        vectorFile: '/srv/dash/data/memory-vectors.sqlite',
        vectorIndex: 'auto',
        embeddings: { provider: 'use-lite', url: null, model: null, dim: null, apiKey: null },
      },
      dispatch: { tickMs: 2_000, leaseMs: 30_000, retryBackoffMs: 10_000 },
    });
  });

  it('parses every variable when set', () => {
    const config = ok({
      NODE_ENV: 'production',
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://dash:pw@db:5432/dash',
      REDIS_URL: 'rediss://cache:6380',
      MEMORY_API_URL: 'http://memory:3333/',
      API_BRIDGE_URL: 'https://bridge.local',
      DATA_DIR: 'var/dash',
      LOG_LEVEL: 'debug',
      NODE_ID: 'node-a',
      DRAIN_TIMEOUT: '500ms',
      FORCE_EXIT_TIMEOUT: '2m',
      HEALTH_TIMEOUT: '1.5s',
      MAX_CONCURRENT_PROCESSES: '4',
      AGENT_WORKDIR_ROOTS: '/work/a, /work/b/:/work/a',
      SERVE_WEB: 'no',
      WEB_DIST_DIR: 'web-build',
      EMPLOYEE_REGISTRY_DIR: 'team',
      QUEUE_PREFIX: 'dash-e2e.1',
      DISPATCH_INTERVAL: '250ms',
      DISPATCH_LEASE: '10s',
      TASK_RETRY_BACKOFF: '0s',
      MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
      MEMORY_EMBEDDINGS: 'http',
      MEMORY_EMBEDDINGS_URL: 'http://ollama:11434/v1/',
      MEMORY_EMBEDDINGS_MODEL: 'nomic-embed-text',
      MEMORY_EMBEDDINGS_DIM: '768',
      MEMORY_EMBEDDINGS_API_KEY: 'sk-local',
      MEMORY_VECTOR_INDEX: 'in-memory',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      nodeId: 'node-a',
      http: { host: '0.0.0.0', port: 9000 },
      web: { serve: false, distDir: '/srv/dash/web-build' },
      dataDir: '/srv/dash/var/dash',
      databaseUrl: 'postgresql://dash:pw@db:5432/dash',
      redisUrl: 'rediss://cache:6380',
      log: { level: 'debug' },
      lifecycle: { drainTimeoutMs: 500, forceExitTimeoutMs: 120_000 },
      health: { timeoutMs: 1_500 },
      services: { memoryApiUrl: 'http://memory:3333', apiBridgeUrl: 'https://bridge.local' },
      agents: { maxConcurrentProcesses: 4, workdirRoots: ['/work/a', '/work/b'] },
      employees: { registryDir: '/srv/dash/team' },
      queue: { prefix: 'dash-e2e.1' },
      dispatch: { tickMs: 250, leaseMs: 10_000, retryBackoffMs: 0 },
      memory: {
        encryptionKey: MEMORY_KEY,
        keyFile: '/srv/dash/var/dash/memory.key',
        vectorIndex: 'in-memory',
        embeddings: { provider: 'http', url: 'http://ollama:11434/v1', model: 'nomic-embed-text', dim: 768, apiKey: 'sk-local' },
      },
    });
  });

  it('treats blank variables as unset', () => {
    expect(ok({ PORT: '', DATABASE_URL: '  ', SERVE_WEB: '' })).toMatchObject({
      http: { port: 8080 },
      databaseUrl: null,
      web: { serve: true },
    });
  });

  it('ignores variables it does not know', () => {
    expect(ok({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' }).http.port).toBe(8080);
  });

  it('puts the default workdir root under a custom DATA_DIR', () => {
    expect(ok({ DATA_DIR: '/data' }).agents.workdirRoots).toEqual(['/data/workspaces']);
  });
});

describe('configuration errors', () => {
  it('names PORT, its value and the expected range', () => {
    const text = errorText({ PORT: 'abc' });
    expect(text).toBe('Invalid configuration:\n  PORT="abc": expected an integer from 1 to 65535\n');
  });

  it.each([
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['REDIS_URL', 'http://cache:6379'],
    ['MEMORY_API_URL', 'memory:3333'],
    ['API_BRIDGE_URL', 'ftp://bridge'],
    ['DRAIN_TIMEOUT', '30'],
    ['HEALTH_TIMEOUT', '0s'],
    ['MAX_CONCURRENT_PROCESSES', '0'],
    ['AGENT_WORKDIR_ROOTS', '/ok,relative/dir'],
    ['SERVE_WEB', 'maybe'],
    ['NODE_ID', 'has space'],
    ['HOST', 'two words'],
  ])('rejects %s=%s with a line naming it', (name, value) => {
    const lines = errorText({ [name]: value }).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^  ${name}=${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: expected `));
  });

  it('reports one line per bad variable', () => {
    const lines = errorText({ PORT: 'x', LOG_LEVEL: 'loud', SERVE_WEB: '2' }).trimEnd().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(/[=: ]/)[0])).toEqual(['PORT', 'LOG_LEVEL', 'SERVE_WEB']);
  });

  it('masks the password of a bad DATABASE_URL', () => {
    const text = errorText({ DATABASE_URL: 'mysql://dash:hunter2@db/dash' });
    expect(text).toContain('DATABASE_URL="mysql://dash:***@db/dash": expected a postgres:// or postgresql:// URL');
    expect(text).not.toContain('hunter2');
  });

  it('masks credentials even when the URL does not parse', () => {
    const text = errorText({ DATABASE_URL: 'dash:hunter2@db/dash' });
    expect(text).not.toContain('hunter2');
    expect(text).toContain('DATABASE_URL=');
  });

  it('requires MEMORY_ENCRYPTION_KEY in production, and never prints it', () => {
    expect(errorText({ NODE_ENV: 'production' })).toBe(
      'Invalid configuration:\n  MEMORY_ENCRYPTION_KEY is unset (its default is used): required when NODE_ENV=production: 32 random bytes encoded as base64 (generate one with `openssl rand -base64 32`)\n',
    );
    const text = errorText({ MEMORY_ENCRYPTION_KEY: 'c2hvcnQta2V5' });
    expect(text).toContain('MEMORY_ENCRYPTION_KEY="<redacted>": expected 32 random bytes encoded as base64');
    expect(text).not.toContain('c2hvcnQta2V5');
    expect(errorText({ MEMORY_ENCRYPTION_KEY: `${MEMORY_KEY.slice(0, -4)}AAAAAAAA` })).toContain('MEMORY_ENCRYPTION_KEY=');
    expect(ok({ NODE_ENV: 'production', MEMORY_ENCRYPTION_KEY: MEMORY_KEY }).memory.encryptionKey).toBe(MEMORY_KEY);
  });

  it('requires the endpoint, model and dimension for MEMORY_EMBEDDINGS=http', () => {
    const lines = errorText({ MEMORY_EMBEDDINGS: 'http', MEMORY_EMBEDDINGS_MODEL: 'm' }).trimEnd().split('\n').slice(1);
    expect(lines).toEqual([
      '  MEMORY_EMBEDDINGS_URL is unset (its default is used): required when MEMORY_EMBEDDINGS=http',
      '  MEMORY_EMBEDDINGS_DIM is unset (its default is used): required when MEMORY_EMBEDDINGS=http',
    ]);
    expect(errorText({ MEMORY_EMBEDDINGS: 'openai' })).toContain('MEMORY_EMBEDDINGS="openai": expected one of use-lite, hash, http');
    expect(errorText({ MEMORY_EMBEDDINGS_API_KEY: 'two words' })).toContain('MEMORY_EMBEDDINGS_API_KEY="<redacted>"');
  });

  it('requires FORCE_EXIT_TIMEOUT to be longer than DRAIN_TIMEOUT, even when defaulted', () => {
    expect(errorText({ DRAIN_TIMEOUT: '10s', FORCE_EXIT_TIMEOUT: '5s' })).toContain(
      'FORCE_EXIT_TIMEOUT="5s": expected a duration longer than DRAIN_TIMEOUT (10000ms)',
    );
    expect(errorText({ DRAIN_TIMEOUT: '1m' })).toContain('FORCE_EXIT_TIMEOUT is unset (its default is used): expected');
  });
});

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1_500],
    ['0s', 0],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['30', '-1s', 's', '1d', '1 s', ''])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('maskCredentials', () => {
  it('masks URL passwords and credential parameters but keeps the rest', () => {
    expect(maskCredentials('postgres://u:p%40ss@h:5432/db?sslmode=require&password=x')).toBe(
      'postgres://u:***@h:5432/db?sslmode=require&password=***',
    );
    expect(maskCredentials('redis://:secret@cache:6379')).toBe('redis://:***@cache:6379');
    expect(maskCredentials('connect to postgres://u@h/db failed')).toBe('connect to postgres://u@h/db failed');
  });
});
