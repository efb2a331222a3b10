/**
 * The dashboard in a real browser (Debian chromium via playwright-core) against the BUILT server
 * and the SPA it serves, with the fake agent installed as `claude` and a private copy of the
 * default registry (13 active employees):
 *
 *  - a task created in the UI (create dialog, `c` shortcut) is dispatched, runs, and its output
 *    appears live on the run page while the agent is still printing;
 *  - a run is stopped from the run page (its task ends cancelled);
 *  - a completed task is resolved with a comment, another is reopened with a reason (which the
 *    dialog insists on) and handed to another employee;
 *  - every page renders without console errors, and screenshots of the overview, the task board
 *    and a task are taken (into docs/screenshots/ with UPDATE_SCREENSHOTS=1, a temp dir otherwise).
 *
 * Build first: npm run build -w @dash/shared && npx tsc -b packages/server && npm run build -w @dash/web
 */
import { run as runSchema, task as taskSchema, taskCommentList, type Run, type Task } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, readTranscript } from '../support/browser.js';
import { browserSession, FAKE_AGENT_ENV, type BrowserSession } from '../support/browser-session.js';

/** A description that scripts the fake agent (see fake-agent.mjs). */
const scripted = (text: string, script: Record<string, unknown>): string => `${text}\n\nFAKE_AGENT_SCRIPT: ${JSON.stringify(script)}`;

describe('dashboard in a browser (built server, fake agent)', () => {
  let session: BrowserSession;
  let page: Page;
  /** The task created in the UI. */
  let uiTask: Task;

  const getTask = (id: string): Promise<Task> => session.api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const getRun = (id: string): Promise<Run> => session.api('GET', `/api/runs/${id}`, undefined, (v) => runSchema.parse(v));
  const createTask = (body: Record<string, unknown>): Promise<Task> => session.api('POST', '/api/tasks', body, (v) => taskSchema.parse(v), 201);
  const waitForTask = (id: string, what: string, predicate: (t: Task) => boolean): Promise<Task> =>
    eventually(`task ${id} ${what}`, () => getTask(id), predicate, 60_000);
  const text = (selector: string): Promise<string> => page.locator(selector).innerText();

  beforeAll(async () => {
    session = await browserSession({
      registry: true,
      env: { NODE_ID: 'e2e-browser', ...FAKE_AGENT_ENV, AGENT_STOP_GRACE: '300ms', DISPATCH_INTERVAL: '200ms', MAX_CONCURRENT_PROCESSES: '4' },
    });
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    if (session) expect(await session.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('creates a task in the UI; it runs, and its output appears live on the run page', async () => {
    await session.go('/tasks');
    await page.locator('[data-test="tasks-empty"]').waitFor();

    await page.keyboard.press('c');
    const dialog = page.locator('[data-test="create-dialog"]');
    await dialog.waitFor();
    await page.locator('[data-test="field-title"]').fill('Export the report as CSV');
    await page
      .locator('[data-test="field-description"]')
      .fill(scripted('Add a CSV export to the report page.', { steps: [{ sleep: 1_500 }, { emit: { count: 60, rate: 10, text: 'tick' } }, { text: 'Export **done**.' }] }));
    await page.locator('[data-test="field-priority"]').selectOption('high');
    await page.locator('[data-test="skill-backend_development"]').check();
    await page.locator('[data-test="field-labels"]').fill('export, reports');
    await page.locator('[data-test="create-submit"]').click();

    const created = page.locator('[data-test="created-note"] a');
    await created.waitFor();
    const href = await created.getAttribute('href');
    const id = href?.split('/').at(-1) ?? '';
    uiTask = await getTask(id);
    expect(uiTask).toMatchObject({ title: 'Export the report as CSV', priority: 'high', requiredSkills: ['backend_development'], labels: ['export', 'reports'] });

    // The board follows the task through dispatch without a reload.
    await page.locator(`[data-test="task-${id}"][data-status="running"]`).waitFor({ timeout: 30_000 });

    await created.click();
    await page.locator('[data-test="latest-run"]').waitFor();
    expect(await text('[data-test="task-status"]')).toBe('Running');
    const runLink = page.locator('[data-test="task-runs"] a[data-test^="run-link-"]').first();
    await runLink.click();
    await page.waitForURL(/\/runs\//);
    const runId = page.url().split('/').at(-1) ?? '';
    await page.evaluate('window.__samePage = true');

    // Output arrives while the agent is still printing: live, not loaded after the fact.
    const firstTick = page.locator('[data-test="transcript"] [data-seq]', { hasText: /tick #\d+/ }).first();
    await firstTick.waitFor({ timeout: 30_000 });
    expect(await text('[data-test="run-status"]')).toBe('Running');
    expect((await getRun(runId)).status).toBe('running');

    await page.locator('[data-test="run-status"]', { hasText: 'Succeeded' }).waitFor({ timeout: 30_000 });
    await page.locator('[data-test="transcript"]', { hasText: 'Export done.' }).waitFor();
    expect(await page.evaluate('window.__samePage === true')).toBe(true);
    const { rows } = await readTranscript(page);
    const ticks = rows.flatMap((r) => /tick #(\d+)/.exec(r.text)?.[1] ?? []).map(Number);
    expect(ticks).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await waitForTask(id, 'completed', (t) => t.status === 'completed');
  });

  it('stops a run from the run page; its task ends cancelled', async () => {
    const long = await createTask({ title: 'Rebuild the search index', description: scripted('Reindex everything.', { steps: [{ text: 'Reindexing…' }, { sleep: 60_000 }] }), priority: 'medium' });
    const running = await waitForTask(long.id, 'running with a run', (t) => t.status === 'running' && t.lastRunId !== null);

    await session.go(`/runs/${running.lastRunId}`);
    await page.locator('[data-test="transcript"]', { hasText: 'Reindexing' }).waitFor();
    await page.locator('[data-test="stop"]').click();
    await page.locator('dialog[open] [data-test="confirm"]').click();

    await page.locator('[data-test="run-status"]', { hasText: 'Cancelled' }).waitFor({ timeout: 20_000 });
    expect((await getRun(running.lastRunId ?? '')).status).toBe('cancelled');
    await waitForTask(long.id, 'cancelled', (t) => t.status === 'cancelled');
  });

  it('resolves one task with a comment and reopens another with a required reason', async () => {
    await session.go(`/tasks/${uiTask.id}`);
    await page.locator('[data-test="task-status"]', { hasText: 'Awaiting review' }).waitFor();
    await page.locator('[data-test="resolve"]').click();
    await page.locator('[data-test="review-resolve"] [data-test="review-text"]').fill('Checked the CSV: columns and quoting are right.');
    await page.locator('[data-test="review-resolve"] [data-test="review-submit"]').click();
    await page.locator('[data-test="task-status"]', { hasText: 'Resolved' }).waitFor();
    await page.locator('[data-test="comments"]', { hasText: 'columns and quoting are right' }).waitFor();
    expect((await getTask(uiTask.id)).status).toBe('resolved');

    const other = await createTask({ title: 'Write the changelog entry', description: scripted('Summarise the export feature.', { steps: [{ text: 'Changelog written.' }] }), priority: 'low' });
    await waitForTask(other.id, 'completed', (t) => t.status === 'completed');
    await session.go(`/tasks/${other.id}`);
    await page.locator('[data-test="task-status"]', { hasText: 'Awaiting review' }).waitFor();

    await page.keyboard.press('o');
    const dialog = page.locator('[data-test="review-reopen"]');
    await dialog.locator('[data-test="review-submit"]').click();
    await dialog.locator('[data-test="review-text-error"]').waitFor();
    expect((await getTask(other.id)).status).toBe('completed');

    await dialog.locator('[data-test="review-text"]').fill('Mention the CSV size limit.');
    await dialog.locator('[data-test="review-reassign"]').selectOption('emp_011');
    await dialog.locator('[data-test="review-submit"]').click();
    await page.locator('[data-test="timeline"]', { hasText: 'Mention the CSV size limit.' }).waitFor();

    const reopened = await getTask(other.id);
    expect(reopened.assignee).toBe('emp_011');
    const comments = taskCommentList.parse(await (await session.server.api(`/api/tasks/${other.id}/comments`)).json()).items;
    expect(comments).toEqual([expect.objectContaining({ kind: 'reopen_reason', body: 'Mention the CSV size limit.' })]);
    // It runs again, by the employee named, and comes back for review; the page follows live.
    await page.locator('[data-test="task-status"]', { hasText: 'Awaiting review' }).waitFor({ timeout: 30_000 });
    expect((await waitForTask(other.id, 'completed again', (t) => t.status === 'completed')).assignedTo).toBe('emp_011');
  });

  it('renders the overview, board, table and task pages without errors, and screenshots them', async () => {
    // Some work in flight so the figures and charts have something to show.
    for (const [i, title] of ['Add pagination to the audit log', 'Profile the slow dashboard query', 'Document the webhook retries', 'Upgrade the TLS config', 'Triage the flaky upload test', 'Draft the Q3 roadmap'].entries()) {
      await createTask({
        title,
        description: scripted(title, { steps: [{ emit: { count: 40 + i * 10, rate: 5, text: 'working' } }] }),
        priority: (['urgent', 'high', 'medium', 'low'] as const)[i % 4],
        labels: [i % 2 ? 'backend' : 'docs'],
      });
    }

    await session.go('/');
    await page.locator('[data-test="tiles"]').waitFor();
    await page.locator('[data-test="activity"]').waitFor();
    // A few metrics snapshots (one every 2 s) make the charts worth a look.
    await page.waitForTimeout(9_000);
    expect(await page.locator('[data-test="charts-note"]').count()).toBe(0);
    expect(Number(await text('[data-test="tile-running"] [data-test="value"]'))).toBeGreaterThan(0);
    expect(await page.locator('[data-test="charts"] canvas').count()).toBe(4);
    await page.screenshot({ path: `${session.shotDir}overview.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${session.shotDir}overview-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });

    await session.go('/tasks');
    await page.locator('[data-test="board"]').waitFor();
    await page.locator('[data-test="column-running"] article').first().waitFor();
    expect(await page.locator('[data-test="board"] article').count()).toBe(9);
    await page.screenshot({ path: `${session.shotDir}tasks.png`, fullPage: true });

    // `/` focuses the search; typing filters the list (and the URL) on the server's rules.
    await page.keyboard.press('/');
    await page.keyboard.type('changelog');
    await page.waitForURL(/q=changelog/);
    await eventually('the filtered board', () => page.locator('[data-test="board"] article').count(), (n) => n === 1, 10_000);
    await page.locator('[data-test="view-table"]').click();
    await page.locator('[data-test="task-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-test="task-table"] tbody tr').count()).toBe(1);

    await session.go(`/tasks/${uiTask.id}`);
    await page.locator('[data-test="timeline"]').waitFor();
    await page.locator('[data-test="latest-run"] [data-seq]').first().waitFor();
    await page.screenshot({ path: `${session.shotDir}task.png`, fullPage: true });

    // Failed requests are logged by the browser as console errors; none is expected here.
    expect(session.browser.problems).toEqual([]);
  });
});
