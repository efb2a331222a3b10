/**
 * The route × role matrix, built from the real server's own route table (every route the app
 * registers, collected by the access hook's onRoute): each route is called without credentials,
 * with a bad token, with a bad session cookie, and as viewer, manager and admin. A route without an
 * access rule fails the first test, so a new route cannot ship without one. The live-feed topics
 * get the same treatment: no credential → the upgrade is refused; each role × each topic.
 */
import { liveCloseCodes, roleSatisfies, staticLiveTopics, type AccessLevel, type UserRole } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../../src/transport/http/auth/access-types.js';
import { bearer } from '../support/auth.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { LiveClient } from '../support/live-feed-client.js';

let h: InProcessApp;
const tokens = {} as Record<UserRole, string>;

beforeAll(async () => {
  // Rate limits off for this suite only (an operator may do the same: 0 = unlimited).
  h = await startInProcessApp({ env: { RATE_LIMIT_AUTH: '0', RATE_LIMIT_WRITE: '0', RATE_LIMIT_READ: '0' } });
  for (const role of ['viewer', 'manager', 'admin'] as const) tokens[role] = await h.tokenFor(role);
});
afterAll(async () => {
  await h?.stop();
});

/** A concrete path for a route template: parameters and wildcards get harmless placeholders. */
const concrete = (url: string): string => url.replace(/:(\w+)/g, 'probe-$1').replace(/\*/g, 'probe');
const routes = (): RouteAccess[] => h.app.routes().filter((r) => r.method !== 'OPTIONS');
const withBody = (method: string): boolean => !['GET', 'HEAD', 'DELETE'].includes(method);
/** HEAD answers carry no body: only the status can be compared. */
const codeMatches = (route: RouteAccess, actual: string | null, expected: string): boolean => route.method === 'HEAD' || actual === expected;
/**
 * The agents' MCP endpoint is public to user authentication: it checks its own per-run capability
 * token (services/bridge/mcp/run-token-service.ts), so user credentials get 401 MCP_TOKEN_*.
 */
const ownCredential = (route: RouteAccess, r: { status: number; code: string | null }): boolean =>
  route.url.startsWith('/mcp/') && r.status === 401 && (r.code ?? '').startsWith('MCP_TOKEN_');

async function call(route: RouteAccess, headers: Record<string, string>): Promise<{ status: number; code: string | null }> {
  const res = await fetch(`${h.url}${concrete(route.url)}`, {
    method: route.method,
    headers: { ...headers, ...(withBody(route.method) && { 'content-type': 'application/json' }) },
    ...(withBody(route.method) && { body: '{}' }),
  });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    // not JSON (files, metrics text)
  }
  return { status: res.status, code };
}

describe('access rules', () => {
  it('every route the server registers declares its access', () => {
    const table = h.app.routes();
    expect(table.length).toBeGreaterThan(60);
    const undeclared = table.filter((r) => !r.declared).map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'routes without config.access (add one where the route is declared)').toEqual([]);
    // The table the docs describe: every /api route that is public is on purpose.
    const publicApi = table.filter((r) => r.access === 'public' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(publicApi.filter((r) => !r.startsWith('HEAD')).sort()).toEqual(['GET /api/auth/session', 'POST /api/auth/login', 'POST /api/auth/setup']);
  });

  it('refuses every non-public route without credentials (401 UNAUTHENTICATED) or with bad ones (401 AUTH_CREDENTIALS_INVALID)', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const none = await call(route, {});
      const badToken = await call(route, bearer('dat_not-a-real-token'));
      const badCookie = await call(route, { cookie: 'dash_session=forged-session-value' });
      const label = `${route.method} ${route.url} (${route.access})`;
      if (route.access === 'public') {
        for (const r of [none, badToken, badCookie]) {
          if ((r.status === 401 || r.status === 403) && !ownCredential(route, r)) failures.push(`${label}: public but answered ${r.status} ${r.code}`);
        }
        continue;
      }
      if (none.status !== 401 || !codeMatches(route, none.code, 'UNAUTHENTICATED')) failures.push(`${label}: no credentials → ${none.status} ${none.code}`);
      for (const [what, r] of [['bad token', badToken], ['bad cookie', badCookie]] as const) {
        if (r.status !== 401 || !codeMatches(route, r.code, 'AUTH_CREDENTIALS_INVALID')) failures.push(`${label}: ${what} → ${r.status} ${r.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('gives each role exactly what the route declares (route × role matrix)', async () => {
    const failures: string[] = [];
    const matrix: string[] = [];
    for (const role of ['viewer', 'manager', 'admin'] as const) {
      for (const route of routes()) {
        const r = await call(route, bearer(tokens[role]));
        const allowed = roleSatisfies(role, route.access as AccessLevel);
        const refused = r.status === 403 && codeMatches(route, r.code, 'FORBIDDEN');
        if (allowed && ((r.status === 401 && !ownCredential(route, r)) || refused)) failures.push(`${role} ${route.method} ${route.url} (${route.access}): refused ${r.status} ${r.code}`);
        if (!allowed && !refused) failures.push(`${role} ${route.method} ${route.url} (${route.access}): expected 403 FORBIDDEN, got ${r.status} ${r.code}`);
        if (role === 'admin') matrix.push(`${route.access.padEnd(7)} ${route.method} ${route.url}`);
      }
    }
    expect(failures).toEqual([]);
    // Every role level is used by some route (the matrix is not trivially "viewer everywhere").
    for (const level of ['public', 'viewer', 'manager', 'admin']) expect(matrix.some((m) => m.startsWith(level))).toBe(true);
  });
});

describe('live-feed topics', () => {
  it('refuses the upgrade without a valid credential, so no topic can be read anonymously', async () => {
    await expect(LiveClient.connect(h.url)).rejects.toThrow('HTTP 401');
    await expect(LiveClient.connect(h.url, { headers: bearer('dat_bogus') })).rejects.toThrow('HTTP 401');
    await expect(LiveClient.connect(h.url, { headers: { cookie: 'dash_session=forged' } })).rejects.toThrow('HTTP 401');
  });

  it('lets every role subscribe to every topic (all topics are viewer-level data)', async () => {
    for (const role of ['viewer', 'manager', 'admin'] as const) {
      const client = await LiveClient.open(h.url, undefined, { headers: bearer(tokens[role]) });
      try {
        for (const topic of staticLiveTopics) expect(await client.subscribe(topic), `${role} ${topic}`).toMatchObject({ type: 'subscribed', topic });
        // A run topic is checked the same way; an unknown run answers RUN_NOT_FOUND, not FORBIDDEN.
        client.send({ type: 'subscribe', topic: 'run:no-such-run' });
        expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'RUN_NOT_FOUND' });
      } finally {
        client.terminate();
      }
    }
    expect(liveCloseCodes.unauthorized).toBe(4001);
  });
});
