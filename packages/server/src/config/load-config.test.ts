import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { formatConfigIssues, loadConfig, type ConfigContext } from './load-config.js';
import { maskCredentials } from './mask-secrets.js';
import { publicConfig } from './public-config.js';

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
      role: { name: 'all', api: true, worker: true, memory: false, bridge: false },
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
        apiTimeoutMs: 10_000,
        apiToken: null,
        cleanup: { cron: '0 2 * * *', timezone: 'UTC' },
        encryptionKey: null,
        keyFile: '/srv/dash/data/memory.key',
        vectorFile: '/srv/dash/data/memory-vectors.sqlite',
        vectorIndex: 'auto',
        runs: { promptBudget: 1500, promptTimeoutMs: 5_000, writeAfterRuns: true },
        embeddings: { provider: 'use-lite', url: null, model: null, dim: null, apiKey: null },
      },
      dispatch: { tickMs: 2_000, leaseMs: 30_000, retryBackoffMs: 10_000 },
      cluster: { heartbeatMs: 5_000, deadAfterMs: 30_000, controlTimeoutMs: 5_000 },
      budgets: { dailyUsd: null, taskUsd: null, softRatio: 0.8, stopRunning: false, rateLimitBackoffMs: 300_000, rateLimitMaxPauseMs: 86_400_000 },
      schedules: { checkSeconds: 15 },
      notifications: { targets: [], signingSecret: null, maxAttempts: 6, backoffMs: 5_000, timeoutMs: 10_000 },
      auth: { adminPassword: null, adminToken: null, sessionMaxAgeMs: 168 * 3600_000, sessionIdleMs: 12 * 3600_000, cookieSecure: false },
      security: { corsOrigins: [], trustProxy: false, rateLimits: { auth: 20, write: 600, read: 3000 }, metricsToken: null },
      tracing: { otlpEndpoint: null, serviceName: 'dashboard-all' },
      bridge: { mcpBaseUrl: null, inputTimeoutMs: 3600_000, approvalTimeoutMs: 600_000 },
      workspaces: { repos: new Map(), setupTimeoutMs: 600_000, retentionMs: 7 * 24 * 3_600_000 },
      alerts: {
        evaluateEveryMs: 30_000,
        stuckRunAfterMs: 15 * 60_000,
        failureStreak: 3,
        workloadBacklog: 5,
        dailyBudgetUsd: null,
        webhooks: { targets: [], signingSecret: null, maxAttempts: 6, backoffMs: 5_000, timeoutMs: 10_000 },
      },
    });
  });

  it('parses the workspace variables, and refuses bad ones naming the variable', () => {
    const config = ok({ WORKSPACE_REPOS: 'webapp=/srv/repos/webapp/, api=/srv/api', WORKSPACE_SETUP_TIMEOUT: '20m', WORKSPACE_RETENTION: '72h' });
    expect([...config.workspaces.repos]).toEqual([['webapp', '/srv/repos/webapp'], ['api', '/srv/api']]);
    expect(config.workspaces).toMatchObject({ setupTimeoutMs: 20 * 60_000, retentionMs: 72 * 3_600_000 });
    for (const bad of ['webapp', 'webapp=relative/path', 'a=/x,a=/y', '-x=/srv']) {
      expect(errorText({ WORKSPACE_REPOS: bad }), bad).toContain('WORKSPACE_REPOS');
    }
    expect(errorText({ WORKSPACE_RETENTION: '10s' })).toContain('WORKSPACE_RETENTION');
  });

  it('parses the bridge and alert variables, and refuses bad ones naming the variable', () => {
    const config = ok({
      BRIDGE_MCP_URL: 'http://dashboard:8080/',
      BRIDGE_INPUT_TIMEOUT: '15m',
      ALERT_WEBHOOK_URLS: 'https://hooks.slack.com/services/T1/B2/xyz, http://ops.local:9000/hook',
      ALERT_WEBHOOK_SECRET: 's3cret-s3cret-s3cret',
      ALERT_DAILY_BUDGET_USD: '12.5',
      ALERT_FAILURE_STREAK: '5',
    });
    expect(config.bridge).toEqual({ mcpBaseUrl: 'http://dashboard:8080', inputTimeoutMs: 15 * 60_000, approvalTimeoutMs: 600_000 });
    expect(config.alerts).toMatchObject({ dailyBudgetUsd: 12.5, failureStreak: 5, webhooks: { signingSecret: 's3cret-s3cret-s3cret' } });
    expect(config.alerts.webhooks.targets).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{16}$/), origin: 'https://hooks.slack.com', secretUrl: 'https://hooks.slack.com/services/T1/B2/xyz' },
      { id: expect.stringMatching(/^[0-9a-f]{16}$/), origin: 'http://ops.local:9000', secretUrl: 'http://ops.local:9000/hook' },
    ]);
    // The System page shows the configuration: webhook URLs (their path is the secret) and the key are redacted.
    const shown = JSON.stringify(publicConfig(config));
    expect(shown).not.toContain('xyz');
    expect(shown).not.toContain('s3cret');
    expect(shown).toContain('https://hooks.slack.com"');
    const problems = errorText({ ALERT_WEBHOOK_URLS: 'https://ok.example/hook,ftp://nope', BRIDGE_INPUT_TIMEOUT: '200h', ALERT_DAILY_BUDGET_USD: '-3' });
    expect(problems).toContain('ALERT_WEBHOOK_URLS=');
    expect(problems).toContain('BRIDGE_INPUT_TIMEOUT="200h": expected a duration like 500ms, 30s, 2m or 1h, from 1s to 168h');
    expect(problems).toContain('ALERT_DAILY_BUDGET_USD="-3"');
    expect(errorText({ ALERT_WEBHOOK_URLS: 'https://hooks.example/x' })).toContain('ALERT_WEBHOOK_SECRET is unset');
    expect(errorText({ ALERT_WEBHOOK_URLS: 'https://hooks.example/x', ALERT_WEBHOOK_SECRET: 'short' })).toContain('ALERT_WEBHOOK_SECRET="<redacted>"');
  });

  it('parses the security variables, and refuses weak or malformed values naming the variable', () => {
    expect(
      ok({
        DASHBOARD_ADMIN_PASSWORD: 'correct horse battery',
        DASHBOARD_ADMIN_TOKEN: 'x'.repeat(40),
        SESSION_MAX_AGE: '24h',
        SESSION_IDLE_TIMEOUT: '30m',
        CORS_ORIGINS: 'https://dash.example.com, http://localhost:5173/',
        TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
        RATE_LIMIT_AUTH: '5',
        RATE_LIMIT_WRITE: '0',
        RATE_LIMIT_READ: '100',
        METRICS_TOKEN: 'scrape-token-123456',
        NODE_ENV: 'production',
        MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
      }),
    ).toMatchObject({
      auth: { adminPassword: 'correct horse battery', adminToken: 'x'.repeat(40), sessionMaxAgeMs: 24 * 3600_000, sessionIdleMs: 30 * 60_000, cookieSecure: true },
      security: {
        corsOrigins: ['https://dash.example.com', 'http://localhost:5173'],
        trustProxy: '10.0.0.0/8,127.0.0.1',
        rateLimits: { auth: 5, write: 0, read: 100 },
        metricsToken: 'scrape-token-123456',
      },
    });
    expect(ok({ TRUST_PROXY: '2', SESSION_COOKIE_SECURE: 'false' })).toMatchObject({ security: { trustProxy: 2 }, auth: { cookieSecure: false } });
    const problems = errorText({
      DASHBOARD_ADMIN_PASSWORD: 'short',
      DASHBOARD_ADMIN_TOKEN: 'too-short',
      CORS_ORIGINS: 'https://dash.example.com/path',
      TRUST_PROXY: 'proxy.local',
      METRICS_TOKEN: 'has space in it 123',
    });
    for (const name of ['DASHBOARD_ADMIN_PASSWORD', 'DASHBOARD_ADMIN_TOKEN', 'CORS_ORIGINS', 'TRUST_PROXY', 'METRICS_TOKEN']) expect(problems).toContain(name);
    // The rejected secret values themselves are never printed.
    expect(problems).not.toContain('too-short');
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
      MEMORY_PROMPT_BUDGET: '0',
      MEMORY_PROMPT_TIMEOUT: '750ms',
      MEMORY_WRITE_AFTER_RUNS: 'off',
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
        runs: { promptBudget: 0, promptTimeoutMs: 750, writeAfterRuns: false },
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
    ['MEMORY_PROMPT_BUDGET', '49'],
    ['MEMORY_PROMPT_BUDGET', '32001'],
    ['MEMORY_PROMPT_TIMEOUT', '5ms'],
    ['MEMORY_WRITE_AFTER_RUNS', 'sometimes'],
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
