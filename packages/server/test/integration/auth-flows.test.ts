/**
 * Authentication end to end through the real app in-process (SQLite): sign-in with the session
 * cookie and CSRF, roles on changes, API tokens (shown once, stored hashed, revocable), sign-in
 * throttling and rate limits, the last-admin rule, first-run setup with the token printed to the
 * log, the audit trail, security headers, CORS and the live feed's origin check.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { apiErrorBody, auditList, authSession, createdApiToken, task, userList, type AuthSession } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/app.js';
import { SPA_CSP } from '../../src/transport/http/auth/security-headers.js';
import { bearer } from '../support/auth.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { LiveClient } from '../support/live-feed-client.js';

const apps: InProcessApp[] = [];
afterEach(async () => {
  for (const h of apps.splice(0)) await h.stop();
});
async function start(env: Record<string, string> = {}): Promise<InProcessApp> {
  const h = await startInProcessApp({ env });
  apps.push(h);
  return h;
}
const errorOf = async (res: Response) => apiErrorBody.parse(await res.json()).error;
const newTask = { title: 'Fix login', description: 'The form does nothing.', requiredSkills: ['debugging'] };

describe('sign-in with the session cookie', () => {
  it('sets an httpOnly SameSite=Strict cookie, needs the CSRF header for changes, and records who acted', async () => {
    const h = await start();
    const res = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: h.adminPassword }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dash_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/);
    const body: AuthSession = authSession.parse(await res.json());
    expect(body).toMatchObject({ authenticated: true, user: { username: 'admin', role: 'admin' }, via: 'session' });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);

    const browser = await h.login('admin', h.adminPassword);
    const me = authSession.parse(await (await browser.fetch('/api/auth/session')).json());
    expect(me.user?.username).toBe('admin');
    // A change without the CSRF header is refused and stores nothing; with it, it goes through.
    const forged = await browser.fetch('/api/tasks', { method: 'POST', body: JSON.stringify(newTask), csrf: false });
    expect(forged.status).toBe(403);
    expect((await errorOf(forged)).code).toBe('AUTH_CSRF_FAILED');
    const wrongCsrf = await browser.fetch('/api/tasks', { method: 'POST', body: JSON.stringify(newTask), csrf: false, headers: { 'x-csrf-token': body.csrfToken ?? '' } });
    expect(wrongCsrf.status).toBe(403);
    expect(((await (await h.api('/api/tasks')).json()) as { items: unknown[] }).items).toEqual([]);
    const created = await browser.fetch('/api/tasks', { method: 'POST', body: JSON.stringify(newTask) });
    expect(created.status).toBe(201);
    expect(task.parse(await created.json()).createdBy).toBe('admin');
    // The API token path needs no CSRF header and names the token in createdBy.
    const viaToken = task.parse(await (await h.api('/api/tasks', { method: 'POST', body: JSON.stringify(newTask) })).json());
    expect(viaToken.createdBy).toBe('automation (token DASHBOARD_ADMIN_TOKEN)');

    const audit = auditList.parse(await (await h.api('/api/audit?action=POST%20/api/tasks')).json());
    expect(audit.items.map((e) => [e.actorName, e.action, e.status, e.outcome])).toEqual([
      ['automation (token DASHBOARD_ADMIN_TOKEN)', 'POST /api/tasks', 201, 'ok'],
      ['admin', 'POST /api/tasks', 201, 'ok'],
    ]);
    expect(audit.items[1]?.ip).toBe('127.0.0.1');
  });

  it('signs out: the cookie is cleared and the old session is refused at once', async () => {
    const h = await start();
    const browser = await h.login('admin', h.adminPassword);
    const out = await browser.fetch('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await browser.fetch('/api/tasks');
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('AUTH_CREDENTIALS_INVALID');
  });

  it('refuses wrong passwords the same way as unknown users, audits them, and throttles per user and per address', async () => {
    const h = await start({ RATE_LIMIT_AUTH: '0' });
    const attempt = (username: string, password: string, ip?: string) =>
      fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(ip && { 'x-forwarded-for': ip }) }, body: JSON.stringify({ username, password }) });
    const wrong = await attempt('admin', 'not-the-password');
    const unknown = await attempt('nobody', 'whatever-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await errorOf(wrong)).message).toBe((await errorOf(unknown)).message);
    for (let i = 0; i < 4; i += 1) expect((await attempt('admin', 'still-wrong')).status).toBe(401);
    // Fifth failure for `admin` reached: even the right password waits now.
    const locked = await attempt('admin', h.adminPassword);
    expect(locked.status).toBe(429);
    expect(await errorOf(locked)).toMatchObject({ code: 'AUTH_THROTTLED' });
    const failed = auditList.parse(await (await h.api('/api/audit?action=auth.login_failed')).json()).items;
    expect(failed).toHaveLength(6);
    expect(failed.map((e) => e.actorName).sort()).toEqual(['admin', 'admin', 'admin', 'admin', 'admin', 'nobody']);
    expect(failed.every((e) => e.ip === '127.0.0.1' && e.outcome === 'failed')).toBe(true);
    // The passwords tried are never recorded.
    for (const tried of ['not-the-password', 'still-wrong', 'whatever-password']) expect(JSON.stringify(failed)).not.toContain(tried);
    expect(auditList.parse(await (await h.api('/api/audit?action=auth.login_throttled')).json()).items).toHaveLength(1);
    // Per address: 20 failures from one address with any names lock the address out.
    for (let i = 0; i < 15; i += 1) await attempt(`spray${i}`, 'guess-password');
    const sprayed = await attempt('someone-new', 'guess-password');
    expect(sprayed.status).toBe(429);
  });

  it('limits sign-in requests per address per minute (rate class `auth`)', async () => {
    const h = await start({ RATE_LIMIT_AUTH: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', password: 'y' }) });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(await errorOf(res)).toMatchObject({ code: 'RATE_LIMITED' });
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Reads are another class: still served.
    expect((await h.api('/api/tasks')).status).toBe(200);
  });
});

describe('roles, tokens and users', () => {
  it('enforces roles on changes and keeps unsafe runs for admins', async () => {
    const h = await start();
    const viewer = await h.tokenFor('viewer');
    const manager = await h.tokenFor('manager');
    const asViewer = await h.api('/api/tasks', { method: 'POST', body: JSON.stringify(newTask), token: viewer });
    expect(asViewer.status).toBe(403);
    expect(await errorOf(asViewer)).toMatchObject({ code: 'FORBIDDEN', details: { required: 'manager', role: 'viewer' } });
    expect((await h.api('/api/tasks', { token: viewer })).status).toBe(200);
    expect((await h.api('/api/tasks', { method: 'POST', body: JSON.stringify(newTask), token: manager })).status).toBe(201);
    const bypass = await h.api('/api/runs', { method: 'POST', token: manager, body: JSON.stringify({ runtime: 'claude-code', prompt: 'x', permissionMode: 'bypassPermissions' }) });
    expect(bypass.status).toBe(403);
    expect(await errorOf(bypass)).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'body.permissionMode' }] });
    const shell = await h.api('/api/runs', { method: 'POST', token: manager, body: JSON.stringify({ runtime: 'shell', prompt: 'x', command: ['true'] }) });
    expect(await errorOf(shell)).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'body.runtime' }] });
    expect((await h.api('/api/users', { token: manager })).status).toBe(403);
  });

  it('shows a token once, stores only its hash, and refuses it as soon as it is revoked', async () => {
    const h = await start();
    const res = await h.api('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'ci-bot', role: 'manager', expiresInDays: 7 }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token, apiToken } = createdApiToken.parse(await res.json());
    expect(token).toMatch(/^dat_[\w-]{40,}$/);
    expect(Date.parse(apiToken.expiresAt) - Date.parse(apiToken.createdAt)).toBe(7 * 24 * 3600 * 1000);
    expect((await h.api('/api/tasks', { token })).status).toBe(200);
    const listed = await (await h.api('/api/tokens')).text();
    expect(listed).toContain('ci-bot');
    expect(listed).not.toContain(token);
    const raw = new Database(join(h.dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const dump = JSON.stringify(raw.prepare('select * from api_tokens').all()) + JSON.stringify(raw.prepare('select * from sessions').all());
      expect(dump).not.toContain(token);
      expect(dump).not.toContain(h.adminToken);
    } finally {
      raw.close();
    }
    expect((await h.api(`/api/tokens/${apiToken.id}`, { method: 'DELETE' })).status).toBe(200);
    const after = await h.api('/api/tasks', { token });
    expect(after.status).toBe(401);
    expect((await errorOf(after)).code).toBe('AUTH_CREDENTIALS_INVALID');
  });

  it('creates users, disables them (their sessions and tokens stop at once) and keeps one admin', async () => {
    const h = await start();
    const created = await h.api('/api/users', { method: 'POST', body: JSON.stringify({ username: 'Bob', password: 'bob-password-123', role: 'manager' }) });
    expect(created.status).toBe(201);
    const bob = (await created.json()) as { id: string; username: string };
    expect(bob.username).toBe('bob');
    expect((await h.api('/api/users', { method: 'POST', body: JSON.stringify({ username: 'bob', password: 'another-password', role: 'viewer' }) })).status).toBe(409);
    expect((await h.api('/api/users', { method: 'POST', body: JSON.stringify({ username: 'eve', password: 'short', role: 'viewer' }) })).status).toBe(400);
    const browser = await h.login('bob', 'bob-password-123');
    expect((await browser.fetch('/api/tasks')).status).toBe(200);
    expect((await h.api(`/api/users/${bob.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) })).status).toBe(200);
    expect((await browser.fetch('/api/tasks')).status).toBe(401);
    const relogin = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bob', password: 'bob-password-123' }) });
    expect(relogin.status).toBe(401);

    const users = userList.parse(await (await h.api('/api/users')).json()).items;
    const admin = users.find((u) => u.username === 'admin');
    const automation = users.find((u) => u.username === 'automation');
    expect(automation).toMatchObject({ role: 'admin', hasPassword: false });
    // Demote the admin while `automation` is still an admin: fine. Then the last one cannot go.
    const adminBrowser = await h.login('admin', h.adminPassword);
    expect((await adminBrowser.fetch(`/api/users/${admin?.id}`, { method: 'PATCH', body: JSON.stringify({ role: 'manager' }) })).status).toBe(200);
    const last = await h.api(`/api/users/${automation?.id}`, { method: 'PATCH', body: JSON.stringify({ disabled: true }) });
    expect(last.status).toBe(409);
    expect((await errorOf(last)).code).toBe('AUTH_LAST_ADMIN');
    const userChanges = auditList.parse(await (await h.api('/api/audit?action=user.')).json()).items;
    expect(userChanges.map((e) => [e.action, e.target])).toEqual([
      ['user.update', 'admin'],
      ['user.update', 'bob'],
      ['user.create', 'bob'],
    ]);
  });
});

describe('first start', () => {
  it('without DASHBOARD_ADMIN_PASSWORD prints a one-time setup token; setup creates the first admin once; there is no default password', async () => {
    const h = await startInProcessApp({ env: { DASHBOARD_ADMIN_PASSWORD: '' } });
    apps.push(h);
    const line = h.logs.find((l) => typeof l.msg === 'string' && l.msg.includes('one-time setup token'));
    const setupToken = /setup token: (\S+)/.exec(String(line?.msg))?.[1] ?? '';
    expect(setupToken).toMatch(/^setup_[\w-]{40,}$/);
    const status = authSession.parse(await (await fetch(`${h.url}/api/auth/session`)).json());
    expect(status).toMatchObject({ authenticated: false, setupRequired: true });
    for (const password of ['admin', 'password', 'changeme']) {
      const res = await fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
      expect(res.status).toBe(401);
    }
    const setup = (token: string, username = 'root-admin') =>
      fetch(`${h.url}/api/auth/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ setupToken: token, username, password: 'first-admin-password' }) });
    const wrong = await setup('setup_wrong');
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe('AUTH_SETUP_TOKEN_INVALID');
    const ok = await setup(setupToken);
    expect(ok.status).toBe(201);
    expect(ok.headers.get('set-cookie')).toContain('HttpOnly');
    expect(authSession.parse(await ok.json()).user).toMatchObject({ username: 'root-admin', role: 'admin' });
    const again = await setup(setupToken, 'second');
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('AUTH_SETUP_CLOSED');
    expect((await h.login('root-admin', 'first-admin-password')).csrf).not.toBe('');
  });
});

describe('hardening', () => {
  it('sends security headers and the CSP on every answer, errors included', async () => {
    const h = await start();
    for (const res of [await fetch(`${h.url}/health`), await fetch(`${h.url}/api/tasks`), await fetch(`${h.url}/api/nope`)]) {
      expect(res.headers.get('content-security-policy')).toBe(SPA_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(SPA_CSP).toContain("script-src 'self'");
    expect(SPA_CSP).not.toContain('unsafe');
  });

  it('answers CORS only for allow-listed origins, and refuses a cookie upgrade from a foreign origin', async () => {
    const h = await start({ CORS_ORIGINS: 'https://ops.example.com' });
    const allowed = await fetch(`${h.url}/api/auth/session`, { headers: { origin: 'https://ops.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${h.url}/api/auth/session`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${h.url}/api/tasks`, { method: 'OPTIONS', headers: { origin: 'https://ops.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-csrf-token');

    const browser = await h.login('admin', h.adminPassword);
    await expect(LiveClient.connect(h.url, { headers: { cookie: browser.cookie, origin: 'https://evil.example' } })).rejects.toThrow('HTTP 403');
    const same = await LiveClient.open(h.url, undefined, { headers: { cookie: browser.cookie, origin: h.url } });
    same.terminate();
    const allowedOrigin = await LiveClient.open(h.url, undefined, { headers: { cookie: browser.cookie, origin: 'https://ops.example.com' } });
    allowedOrigin.terminate();
    // Tokens are not ambient credentials: no origin check for them.
    const withToken = await LiveClient.open(h.url, undefined, { headers: { ...bearer(h.adminToken), origin: 'https://evil.example' } });
    withToken.terminate();
  });

  it('guards /metrics with METRICS_TOKEN when set', async () => {
    const h = await start({ METRICS_TOKEN: 'scrape-secret-123456' });
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${h.url}/metrics`, { headers: bearer('wrong-token-1234567') })).status).toBe(401);
    const ok = await fetch(`${h.url}/metrics`, { headers: bearer('scrape-secret-123456') });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('dashboard_');
  });
});
