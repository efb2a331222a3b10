/**
 * Secrets never reach the logs or error bodies: the app runs in-process at debug level (request
 * lines with their headers), and every password, API token, session cookie and setup token sent or
 * created during a series of requests — successful, refused and invalid — is searched for in the
 * whole log output and in every response body that was not meant to carry it.
 */
import { createdApiToken } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/auth.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { LiveClient } from '../support/live-feed-client.js';

let h: InProcessApp;
beforeAll(async () => {
  h = await startInProcessApp({ env: { LOG_LEVEL: 'debug', RATE_LIMIT_AUTH: '0' }, logLevel: 'debug' });
});
afterAll(async () => {
  await h?.stop();
});

describe('secret redaction', () => {
  it('keeps passwords, tokens and cookies out of logs and error bodies', async () => {
    const secrets: string[] = [h.adminPassword, h.adminToken];
    const bodies: string[] = [];
    const send = async (path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> => {
      const res = await h.api(path, init);
      bodies.push(await res.clone().text());
      return res;
    };

    // Sign-in: right and wrong passwords, an over-long one, a password inside an invalid body.
    const browser = await h.login('admin', h.adminPassword);
    secrets.push(browser.cookie.split('=')[1] ?? '', browser.csrf);
    const wrongPassword = 'wrong-password-A1b2C3';
    secrets.push(wrongPassword);
    await send('/api/auth/login', { token: null, method: 'POST', body: JSON.stringify({ username: 'admin', password: wrongPassword }) });
    const longPassword = `long-${'p'.repeat(300)}`;
    secrets.push(longPassword);
    await send('/api/auth/login', { token: null, method: 'POST', body: JSON.stringify({ username: 'admin', password: longPassword }) });
    const badUserPassword = 'user-password-Z9y8X7';
    secrets.push(badUserPassword);
    await send('/api/users', { method: 'POST', body: JSON.stringify({ username: 'x y', password: badUserPassword, role: 'emperor' }) });
    await send('/api/auth/setup', { token: null, method: 'POST', body: JSON.stringify({ setupToken: 'setup_guess-guess-guess', username: 'a', password: badUserPassword }) });
    secrets.push('setup_guess-guess-guess');
    await send('/api/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword: wrongPassword, newPassword: badUserPassword }) });
    await browser.fetch('/api/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword: wrongPassword, newPassword: badUserPassword }) }).then(async (r) => bodies.push(await r.text()));

    // Tokens: a created one used, a bogus one refused, one inside a malformed header.
    const created = createdApiToken.parse(await (await h.api('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'ci', role: 'viewer' }) })).json());
    secrets.push(created.token);
    await send('/api/tasks', { token: created.token });
    const bogus = 'dat_bogus-token-value-123456789';
    secrets.push(bogus);
    await send('/api/tasks', { token: bogus });
    await send('/api/tasks', { token: null, headers: { authorization: `Basic ${bogus}` } });
    // Cookies: a forged one, and the real one on a request that fails validation.
    const forged = 'forged-session-cookie-value-42';
    secrets.push(forged);
    await send('/api/tasks', { token: null, headers: { cookie: `dash_session=${forged}` } });
    await browser.fetch('/api/tasks', { method: 'POST', body: '{"title":' }).then(async (r) => bodies.push(await r.text()));
    await browser.fetch('/api/tasks?limit=abc').then(async (r) => bodies.push(await r.text()));
    // The live feed with a token, and refused with a bogus one.
    const client = await LiveClient.open(h.url, undefined, { headers: bearer(created.token) });
    client.terminate();
    await expect(LiveClient.connect(h.url, { headers: bearer(bogus) })).rejects.toThrow('401');

    const logs = h.logText();
    expect(logs.length).toBeGreaterThan(1_000);
    expect(logs).toContain('request completed');
    // Every request was logged at debug (incoming) and info (completed), refusals with their reason.
    expect(logs).toContain('incoming request');
    expect(logs).toContain('request rejected');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(10);
      expect(logs.includes(secret), `a secret (${secret.slice(0, 6)}…) is in the logs`).toBe(false);
      for (const body of bodies) expect(body.includes(secret), `a secret (${secret.slice(0, 6)}…) is in an error body: ${body.slice(0, 200)}`).toBe(false);
    }
  });
});
