/**
 * Revocation takes effect at once: a revoked session (or token, or a disabled user) is refused on
 * the very next REST request and its open live-feed connections are closed with 4001, on the
 * replica that revoked it and, through the Redis bus, on every other replica (PostgreSQL + Redis;
 * fails, never skips, when they are missing).
 */
import { liveCloseCodes, sessionList } from '@dash/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, randomAdminToken, randomPassword } from '../support/auth.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { LiveClient } from '../support/live-feed-client.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
async function start(env: Record<string, string> = {}): Promise<InProcessApp> {
  const h = await startInProcessApp({ env });
  cleanups.push(() => h.stop());
  return h;
}
async function live(h: InProcessApp, headers: Record<string, string>): Promise<LiveClient> {
  const client = await LiveClient.open(h.url, undefined, { headers: { origin: h.url, ...headers } });
  cleanups.push(() => client.terminate());
  await client.subscribe('tasks');
  return client;
}
const sessionIdOf = async (h: InProcessApp, username: string): Promise<string> => {
  const sessions = sessionList.parse(await (await h.api('/api/sessions')).json()).items.filter((s) => s.username === username);
  expect(sessions).toHaveLength(1);
  return sessions[0]?.id ?? '';
};

describe('revocation on one server', () => {
  it('an admin ends a session: REST refuses it at once and its open WebSocket is closed with 4001', async () => {
    const h = await start();
    const browser = await h.login('admin', h.adminPassword);
    const feed = await live(h, { cookie: browser.cookie });
    const bystander = await live(h, bearer(h.adminToken));
    expect((await browser.fetch('/api/tasks')).status).toBe(200);

    const sessionId = await sessionIdOf(h, 'admin');
    expect((await h.api(`/api/sessions/${sessionId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await browser.fetch('/api/tasks')).status).toBe(401);
    expect(await feed.closed).toMatchObject({ code: liveCloseCodes.unauthorized });
    // Other connections are untouched.
    bystander.send({ type: 'ping', id: 'still-here' });
    expect(await bystander.next((m) => m.type === 'pong')).toEqual({ type: 'pong', id: 'still-here' });
    // Reconnecting with the dead cookie is refused at the upgrade.
    await expect(LiveClient.connect(h.url, { headers: { cookie: browser.cookie, origin: h.url } })).rejects.toThrow('HTTP 401');
  });

  it('revoking an API token and disabling a user close their connections too', async () => {
    const h = await start();
    const viewerToken = await h.tokenFor('viewer');
    const byToken = await live(h, bearer(viewerToken));
    const tokens = (await (await h.api('/api/tokens')).json()) as { items: { id: string; name: string }[] };
    const id = tokens.items.find((t) => t.name === 'test-viewer')?.id ?? '';
    expect((await h.api(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await byToken.closed).toMatchObject({ code: liveCloseCodes.unauthorized });

    const created = (await (await h.api('/api/users', { method: 'POST', body: JSON.stringify({ username: 'dana', password: 'dana-password-1', role: 'viewer' }) })).json()) as { id: string };
    const dana = await h.login('dana', 'dana-password-1');
    const danaFeed = await live(h, { cookie: dana.cookie });
    expect((await h.api(`/api/users/${created.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) })).status).toBe(200);
    expect(await danaFeed.closed).toMatchObject({ code: liveCloseCodes.unauthorized });
    expect((await dana.fetch('/api/tasks')).status).toBe(401);
  });

  it('signing out closes that browser\'s live feed', async () => {
    const h = await start();
    const browser = await h.login('admin', h.adminPassword);
    const feed = await live(h, { cookie: browser.cookie });
    expect((await browser.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(await feed.closed).toMatchObject({ code: liveCloseCodes.unauthorized });
  });
});

describe('revocation across replicas (PostgreSQL + Redis)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('a session ended on replica A is refused by replica B and its WebSocket on B is closed', async () => {
    const shared = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, DASHBOARD_ADMIN_TOKEN: randomAdminToken(), DASHBOARD_ADMIN_PASSWORD: randomPassword() };
    const a = await start({ ...shared, NODE_ID: 'replica-a' });
    const b = await start({ ...shared, NODE_ID: 'replica-b' });
    const onA = await a.login('admin', a.adminPassword);
    // The same browser session works on both replicas (the store is shared)...
    const onB = { ...onA, fetch: (path: string) => fetch(`${b.url}${path}`, { headers: { cookie: onA.cookie } }) };
    expect((await onB.fetch('/api/tasks')).status).toBe(200);
    const feedOnB = await live(b, { cookie: onA.cookie });
    // ... until A ends it: B refuses it on the next request and closes B's WebSocket.
    const sessionId = await sessionIdOf(a, 'admin');
    expect((await a.api(`/api/sessions/${sessionId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await onB.fetch('/api/tasks')).status).toBe(401);
    expect(await feedOnB.closed).toMatchObject({ code: liveCloseCodes.unauthorized });
  });
});
