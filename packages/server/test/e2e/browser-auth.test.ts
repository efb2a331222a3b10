/**
 * Authentication in a real browser against the BUILT server started like a fresh install (no
 * DASHBOARD_ADMIN_PASSWORD): every page leads to first-run setup; the setup token printed in the
 * server's log creates the first admin; the shell shows who is signed in; signing out leads to
 * the sign-in page and signing in back to where the user was going; the admin pages create an
 * API token (shown once) and list the sign-ins in the audit log; an admin ending the browser's
 * session sends it to sign-in. No page breaks the Content Security Policy (violations are console
 * errors, collected in `problems`).
 *
 * Build first: npm run build -w @dash/shared && npx tsc -b packages/server && npm run build -w @dash/web
 */
import { sessionList } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/browser.js';
import { browserSession, type BrowserSession } from '../support/browser-session.js';
import { bearer, randomAdminToken } from '../support/auth.js';

const PASSWORD = 'first-admin-password-e2e';

describe('sign-in in a browser (fresh install)', () => {
  let session: BrowserSession;
  let page: Page;
  const automation = randomAdminToken();
  const cspViolations: string[] = [];

  beforeAll(async () => {
    // Only the automation token (for the test's own checks); no password: setup is required.
    session = await browserSession({ bootstrapAdmin: false, env: { NODE_ID: 'e2e-auth', DASHBOARD_ADMIN_TOKEN: automation } });
    page = session.page;
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('leads to first-run setup and creates the first admin with the token from the log', async () => {
    const line = session.server.logs().find((l) => typeof l.msg === 'string' && l.msg.includes('one-time setup token'));
    const setupToken = /setup token: (\S+)/.exec(String(line?.msg))?.[1];
    expect(setupToken).toMatch(/^setup_/);
    await page.goto(session.url('/tasks'));
    await page.waitForURL(/\/setup$/);
    await page.fill('[data-test="setup-token"]', setupToken ?? '');
    await page.fill('[data-test="setup-username"]', 'owner');
    await page.fill('[data-test="setup-password"]', PASSWORD);
    await page.fill('[data-test="setup-confirm"]', PASSWORD);
    await page.click('[data-test="setup-submit"]');
    await page.waitForURL(session.url('/'));
    expect(await page.locator('[data-test="current-user"]').innerText()).toContain('owner');
    // The cookie is httpOnly: the page's scripts cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('signs out, refuses the pages, and signs back in to where the user was going', async () => {
    await page.click('[data-test="sign-out"]');
    await page.waitForURL(/\/login/);
    await page.goto(session.url('/employees'));
    await page.waitForURL(/\/login\?next=(%2F|\/)employees/);
    await page.fill('[data-test="login-username"]', 'owner');
    await page.fill('[data-test="login-password"]', 'not-the-password');
    await page.click('[data-test="login-submit"]');
    await page.locator('[data-test="login-error"]').waitFor();
    expect(await page.locator('[data-test="login-error"]').innerText()).toContain('AUTH_LOGIN_FAILED');
    await page.fill('[data-test="login-password"]', PASSWORD);
    await page.click('[data-test="login-submit"]');
    await page.waitForURL(session.url('/employees'));
    await page.locator('[data-test="current-user"]').waitFor();
  });

  it('creates an API token on the admin page (shown once) and shows the sign-ins in the audit log', async () => {
    await page.click('a[href="/admin/users"]');
    await page.waitForURL(session.url('/admin/users'));
    await page.fill('[data-test="token-name"]', 'ci-bot');
    await page.selectOption('[data-test="token-role"]', 'viewer');
    await page.click('[data-test="token-submit"]');
    const token = (await page.locator('[data-test="created-token-value"]').innerText()).trim();
    expect(token).toMatch(/^dat_/);
    // It works for scripts, with its role.
    const asScript = await fetch(session.url('/api/tasks'), { headers: bearer(token) });
    expect(asScript.status).toBe(200);
    expect((await fetch(session.url('/api/users'), { headers: bearer(token) })).status).toBe(403);
    await page.reload();
    await page.locator('[data-test="token-ci-bot"]').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(token);

    await page.click('a[href="/admin/audit"]');
    await page.waitForURL(session.url('/admin/audit'));
    await page.fill('[data-test="filter-action"]', 'auth.');
    await page.click('[data-test="filter-apply"]');
    await eventually('audit rows', () => page.locator('[data-test="audit-auth.login_failed"]').count(), (n) => n === 1);
    expect(await page.locator('[data-test="audit-auth.login"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-test="audit-auth.setup"]').count()).toBe(1);
  });

  it('goes to sign-in as soon as an admin ends the browser\'s session', async () => {
    await page.goto(session.url('/tasks'));
    await page.locator('[data-test="current-user"]').waitFor();
    const sessions = sessionList.parse(await (await fetch(session.url('/api/sessions'), { headers: bearer(automation) })).json()).items;
    const mine = sessions.filter((s) => s.username === 'owner');
    for (const s of mine) expect((await fetch(session.url(`/api/sessions/${s.id}`), { method: 'DELETE', headers: bearer(automation) })).status).toBe(204);
    // The open live feed is closed with 4001 and the app goes to sign-in without a reload.
    await page.waitForURL(/\/login\?next=(%2F|\/)tasks/, { timeout: 20_000 });
  });

  it('breaks no Content Security Policy rule on any page', () => {
    expect(cspViolations).toEqual([]);
    // Refusals while signed out (401s, the live feed's retried upgrade) are expected; nothing else is.
    expect(session.browser.problems.filter((p) => !/401|Unauthorized|Authentication failed/.test(p)).join('\n')).toBe('');
  });
});
