/**
 * The whole app in-process (createApp, the composition root) on a SQLite file in a temp DATA_DIR,
 * listening on a free loopback port, with DASHBOARD_ADMIN_TOKEN (and optionally a first admin's
 * password) set the way an operator would. For security tests that need the real route table,
 * hooks and services without a child process. See auth.ts for the credential conventions.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CSRF_HEADER, createdApiToken, type UserRole } from '@dash/shared';
import { createApp, type App } from '../../src/app.js';
import { formatConfigIssues, loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import type { LiveFeedOptions } from '../../src/transport/ws/live-feed-gateway.js';
import { bearer, randomAdminToken, randomPassword } from './auth.js';
import { DEFAULT_REGISTRY_DIR } from './employee-registry-fixture.js';

export interface InProcessApp {
  app: App;
  url: string;
  dataDir: string;
  adminToken: string;
  adminPassword: string;
  /** Every log line the app wrote (pino JSON, parsed). */
  logs: Record<string, unknown>[];
  /** Raw log text (for "never appears" checks). */
  logText(): string;
  /** fetch with a bearer token (the admin's by default; `token: null` sends none). */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  /** An API token of `role`, made once through POST /api/tokens. */
  tokenFor(role: UserRole): Promise<string>;
  /** Signs in through POST /api/auth/login; the cookie and CSRF token a browser would hold. */
  login(username: string, password: string): Promise<BrowserSession>;
  stop(): Promise<void>;
}

export interface BrowserSession {
  cookie: string;
  csrf: string;
  /** fetch as that browser: cookie always, CSRF header on state-changing methods (unless `csrf: false`). */
  fetch(path: string, init?: RequestInit & { csrf?: boolean }): Promise<Response>;
}

export interface InProcessAppOptions {
  env?: Record<string, string>;
  liveFeed?: Partial<LiveFeedOptions>;
  /** Keep the log level (default `info`, so request lines are there to inspect). */
  logLevel?: string;
}

export async function startInProcessApp(options: InProcessAppOptions = {}): Promise<InProcessApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dash-sec-'));
  // The caller's env wins (replicas of one deployment share the same DASHBOARD_ADMIN_TOKEN).
  const adminToken = options.env?.DASHBOARD_ADMIN_TOKEN ?? randomAdminToken();
  const adminPassword = options.env?.DASHBOARD_ADMIN_PASSWORD ?? randomPassword();
  // A private copy of ai-employees/: admin routes may write the folder (registry export), never the repository's.
  const registryDir = join(dataDir, 'ai-employees');
  if (options.env?.EMPLOYEE_REGISTRY_DIR === undefined) cpSync(DEFAULT_REGISTRY_DIR, registryDir, { recursive: true });
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    SERVE_WEB: 'false',
    NODE_ID: 'sec-test',
    MEMORY_EMBEDDINGS: 'hash',
    AGENT_CLAUDE_BIN: '/nonexistent/claude',
    AGENT_CODEX_BIN: '/nonexistent/codex',
    AGENT_GEMINI_BIN: '/nonexistent/gemini',
    EMPLOYEE_REGISTRY_DIR: registryDir,
    DASHBOARD_ADMIN_TOKEN: adminToken,
    DASHBOARD_ADMIN_PASSWORD: adminPassword,
    ...options.env,
  });
  if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
  let text = '';
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      const part = chunk.toString();
      text += part;
      for (const line of part.split('\n')) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const config = { ...loaded.config, http: { host: '127.0.0.1', port: 0 } };
  const app = createApp(config, { logger: createLogger({ level: options.logLevel ?? 'info', nodeId: config.nodeId }, sink), ...(options.liveFeed && { liveFeed: options.liveFeed }) });
  let url: string;
  try {
    url = (await app.start()).url;
  } catch (err) {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const tokens = new Map<UserRole, string>([['admin', adminToken]]);

  const api: InProcessApp['api'] = (path, init = {}) => {
    const { token = adminToken, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (token !== null && !headers.has('authorization')) headers.set('authorization', bearer(token).authorization ?? '');
    if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${url}${path}`, { ...rest, headers });
  };

  return {
    app,
    url,
    dataDir,
    adminToken,
    adminPassword,
    logs,
    logText: () => text,
    api,
    async tokenFor(role) {
      const known = tokens.get(role);
      if (known !== undefined) return known;
      const res = await api('/api/tokens', { method: 'POST', body: JSON.stringify({ name: `test-${role}`, role }) });
      if (res.status !== 201) throw new Error(`POST /api/tokens: ${res.status} ${await res.text()}`);
      const created = createdApiToken.parse(await res.json()).token;
      tokens.set(role, created);
      return created;
    },
    async login(username, password) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
      return {
        cookie,
        csrf,
        fetch(path, init = {}) {
          const { csrf: sendCsrf = true, ...rest } = init;
          const headers = new Headers(rest.headers);
          headers.set('cookie', cookie);
          const method = (rest.method ?? 'GET').toUpperCase();
          if (sendCsrf && method !== 'GET' && method !== 'HEAD') headers.set(CSRF_HEADER, csrf);
          if (rest.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
          return fetch(`${url}${path}`, { ...rest, headers });
        },
      };
    },
    async stop() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
