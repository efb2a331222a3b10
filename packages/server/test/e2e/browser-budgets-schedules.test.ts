/**
 * The budgets, pause banner, schedules page and browser notifications in Chromium against the
 * BUILT server and web app, with the fake agent (as `claude`):
 *  - "Enable notifications" (permission granted to the origin) turns them on; a task that
 *    completes shows one browser notification (the real Notification API, recorded by a wrapper);
 *  - the overview shows spend against an employee's budget, spent after one run;
 *  - a usage limit shows the pause banner with its end;
 *  - the schedules page creates a schedule and lists its next fire times.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { dispatchGateStatus, scheduleList, task as taskSchema, type Task } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { eventually, launchBrowser, type TestBrowser } from '../support/browser.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

/** Records every notification the page constructs, then lets the real API show it. */
const RECORD_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  window.__shown = [];
  window.Notification = new Proxy(Real, {
    construct(target, args) { window.__shown.push({ title: args[0], body: (args[1] || {}).body || null }); return Reflect.construct(target, args); },
    get(target, prop) { const v = Reflect.get(target, prop); return typeof v === 'function' ? v.bind(target) : v; },
  });
})();`;

describe('budgets, pauses, schedules and notifications in the browser', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let scratch: TempDir;
  let browser: TestBrowser;
  let page: Page;

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const api = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(text === '' ? null : JSON.parse(text));
  };
  const getTask = (id: string): Promise<Task> => api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`);
    scratch = await makeTempDir('dash-browser-budgets-');
    registry = await makeRegistryFixture();
    await registry.write(
      teamRegistry([
        teamMember('emp_461', { name: 'Budgeted Dev', runtimeConfig: { runtime: 'claude-code', maxTurns: 10, budgetUsdPerDay: 0.0005 } }),
        teamMember('emp_462', { name: 'Other Dev' }),
      ]),
    );
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        SCHEDULES_CHECK_SECONDS: '1',
      },
    });
    browser = await launchBrowser();
    await browser.context.grantPermissions(['notifications'], { origin: server.url });
    await browser.context.addInitScript(RECORD_NOTIFICATIONS);
    await browser.signIn(server);
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await scratch?.cleanup();
  }, 60_000);

  it('notifies once when a task is ready for review, and shows the spent budget', async () => {
    await page.goto(`${server.url}/`);
    const toggle = page.locator('[data-test="notify-toggle"]');
    await expect.poll(() => toggle.innerText()).toBe('Enable notifications');
    await toggle.click();
    await expect.poll(() => toggle.innerText()).toBe('Notifications on');

    const created = await api('POST', '/api/tasks', { title: 'Budgeted work', description: 'Work.', assignee: 'emp_461' }, (v) => taskSchema.parse(v), 201);
    await eventually('the task to complete', () => getTask(created.id), (t) => t.status === 'completed', 30_000);
    const shown = await eventually(
      'the browser notification',
      () => page.evaluate<Array<{ title: string; body: string | null }>>('window.__shown'),
      (list) => list.length > 0,
    );
    expect(shown).toEqual([{ title: 'Ready for review: Budgeted work', body: 'Its run succeeded; review the result.' }]);

    await page.reload();
    const line = page.locator('[data-test="budget-emp_461"]');
    await expect.poll(() => line.innerText()).toContain('Budget spent: no new runs');
    expect(await line.innerText()).toContain('Budgeted Dev');
    expect(await page.locator('[data-test="budget-*"]').innerText()).toContain('Everyone');
    expect(browser.problems).toEqual([]);
  });

  it('shows the pause banner with its end after a usage limit', async () => {
    const counter = join(scratch.path, `limit-${randomBytes(4).toString('hex')}`);
    await api(
      'POST',
      '/api/tasks',
      { title: 'Limited', description: fakeScript('Work.', { steps: [{ limitUntil: { file: counter, times: 1, resetInMs: 120_000 } }] }), assignee: 'emp_462' },
      (v) => taskSchema.parse(v),
      201,
    );
    const gate = await eventually('the pause', () => api('GET', '/api/dispatch/gate', undefined, (v) => dispatchGateStatus.parse(v)), (g) => g.pauses.length > 0);
    await page.reload();
    const banner = page.locator('[data-test="pause-runtime:claude-code"]');
    await expect.poll(() => banner.count()).toBe(1);
    const text = await banner.innerText();
    expect(text).toContain('Dispatch to claude-code is paused');
    expect(text).toContain('the reset time the agent reported');
    // The end, as the page formats it (UTC in this browser).
    const until = new Date(gate.pauses[0]!.until);
    const two = (n: number): string => String(n).padStart(2, '0');
    expect(text).toContain(`${until.getUTCHours() % 12 || 12}:${two(until.getUTCMinutes())}:${two(until.getUTCSeconds())}`);
    // Ended by a person: the banner goes at the next load.
    expect((await server.api('/api/dispatch/pauses/runtime:claude-code', { method: 'DELETE' })).status).toBe(204);
    await page.reload();
    await page.locator('[data-test="budgets"]').waitFor();
    expect(await banner.count()).toBe(0);
  });

  it('creates a schedule on the schedules page and lists its next fire times', async () => {
    await page.goto(`${server.url}/schedules`);
    await page.locator('[data-test="schedules-empty"]').waitFor();
    await page.fill('[data-test="schedule-name"]', 'Weekday report');
    await page.fill('[data-test="schedule-cron"]', '0 9 * * 1-5');
    await page.fill('[data-test="schedule-tz"]', 'Europe/Berlin');
    await page.fill('[data-test="schedule-title"]', 'Write the report');
    await page.fill('[data-test="schedule-description"]', 'Sum up yesterday.');
    await page.click('[data-test="schedule-create"]');
    const [created] = (await eventually('the schedule', () => api('GET', '/api/schedules', undefined, (v) => scheduleList.parse(v)), (l) => l.items.length === 1)).items;
    expect(created).toMatchObject({ name: 'Weekday report', cron: '0 9 * * 1-5', timezone: 'Europe/Berlin', enabled: true, target: { kind: 'task', task: { title: 'Write the report' } } });
    const item = page.locator(`[data-test="schedule-${created!.id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('Task “Write the report”');
    await item.locator('[data-test="schedule-show-next"]').click();
    await expect.poll(() => item.locator('[data-test="schedule-next-runs"] li').count()).toBe(5);
    expect(browser.problems).toEqual([]);
  });
});
