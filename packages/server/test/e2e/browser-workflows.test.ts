/**
 * Workflows in a real browser (Debian chromium via playwright-core) against the BUILT server and
 * SPA, with the fake agent installed as `claude` and a private copy of the default registry (one
 * employee per role, the six shipped templates): signed in as admin, start the software-development workflow
 * from the start dialog, watch the graph follow the run live, approve the architecture gate from
 * the graph, reject the quality-review gate (the dialog insists on a reason) and approve it after
 * its re-run. Screenshots of the workflows page and the run graph go to docs/screenshots/ with
 * UPDATE_SCREENSHOTS=1 (a temp dir otherwise).
 *
 * Build first: npm run build -w @dash/shared && npm run build -w @dash/server && npm run build -w @dash/web
 */
import { workflowRun, type WorkflowRun } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/browser.js';
import { browserSession, FAKE_AGENT_ENV, type BrowserSession } from '../support/browser-session.js';

describe('workflows in a browser (built server, fake agent)', () => {
  let session: BrowserSession;
  let page: Page;

  const getRun = (id: string): Promise<WorkflowRun> => session.api('GET', `/api/workflows/runs/${id}`, undefined, (v) => workflowRun.parse(v));
  const stepStatus = (run: WorkflowRun, key: string): string | undefined => run.steps.find((s) => s.key === key)?.status;
  const node = (key: string, status?: string): string => `[data-test="step-${key}"]${status ? `[data-status="${status}"]` : ''}`;

  beforeAll(async () => {
    session = await browserSession({
      registry: true,
      browser: { viewport: { width: 1600, height: 1000 } },
      env: { NODE_ID: 'e2e-browser-workflows', ...FAKE_AGENT_ENV, AGENT_STOP_GRACE: '300ms', DISPATCH_INTERVAL: '200ms', MAX_CONCURRENT_PROCESSES: '4' },
    });
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    if (session) expect(await session.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('starts the software-development workflow from the UI and takes both gates from the graph', async () => {
    await session.signIn();
    await session.go('/workflows');
    await page.locator('[data-test="template-software_development"]').waitFor();
    await page.locator('[data-test="runs-empty"]').waitFor();

    // Start from the template card: the dialog opens with the template chosen.
    await page.locator('[data-test="start-software_development"]').click();
    await page.locator('[data-test="start-dialog"]').waitFor();
    expect(await page.locator('[data-test="start-template"]').inputValue()).toBe('software_development');
    await page.locator('[data-test="start-title"]').fill('URL shortener');
    await page.locator('[data-test="start-request"]').fill('Build a URL shortener with an HTTP API, a redirect endpoint and click statistics.');
    await page.locator('[data-test="start-submit"]').click();

    // The run page opens; the graph follows the run live up to the architecture gate.
    await page.waitForURL(/\/workflows\/runs\//);
    const runId = page.url().split('/').at(-1) ?? '';
    await page.locator('[data-test="workflow-graph"]').waitFor();
    await page.locator(node('architecture', 'awaiting_approval')).waitFor({ timeout: 60_000 });
    expect(await page.locator(node('planning')).getAttribute('data-status')).toBe('completed');
    expect(await page.locator(node('test_writing')).getAttribute('data-status')).toBe('pending');

    await page.locator('[data-test="approve-architecture"]').click();
    await page.locator('[data-test="decide-approve"]').waitFor();
    await page.locator('[data-test="decide-text"]').fill('The design covers the plan.');
    await page.locator('[data-test="decide-submit"]').click();
    await page.locator(node('architecture', 'completed')).waitFor();
    const afterApproval = await eventually('architecture approved', () => getRun(runId), (r) => stepStatus(r, 'architecture') === 'completed');
    expect(afterApproval.steps.find((s) => s.key === 'architecture')?.decisions.map((d) => [d.decision, d.reason])).toEqual([['approved', 'The design covers the plan.']]);

    // The second gate: the screenshot shows every step done and the go/no-go waiting.
    await page.locator(node('quality_review', 'awaiting_approval')).waitFor({ timeout: 90_000 });
    await page.locator('[data-test="select-quality_review"]').click();
    await page.screenshot({ path: `${session.shotDir}workflow-run.png`, fullPage: true });

    // Reject: the dialog insists on a reason; with one, the step runs again and waits again.
    await page.locator('[data-test="reject-quality_review"]').click();
    await page.locator('[data-test="decide-reject"]').waitFor();
    await page.locator('[data-test="decide-submit"]').click();
    await page.locator('[data-test="decide-text-error"]').waitFor();
    await page.locator('[data-test="decide-text"]').fill('Add a rollback plan.');
    await page.locator('[data-test="decide-submit"]').click();
    await eventually('quality review round 2 waits', () => getRun(runId), (r) => r.steps.find((s) => s.key === 'quality_review')?.round === 2 && stepStatus(r, 'quality_review') === 'awaiting_approval', 60_000);
    await page.locator(node('quality_review', 'awaiting_approval')).waitFor();
    await page.locator('[data-test="approve-quality_review"]').click();
    await page.locator('[data-test="decide-submit"]').click();

    await page.locator('[data-test="run-status"]').filter({ hasText: 'Completed' }).waitFor({ timeout: 30_000 });
    const done = await getRun(runId);
    expect(done.status).toBe('completed');
    expect(done.steps.find((s) => s.key === 'quality_review')?.decisions.map((d) => d.decision)).toEqual(['rejected', 'approved']);

    await session.go('/workflows');
    await page.locator(`[data-test="run-row-${runId}"]`).filter({ hasText: 'Completed' }).waitFor();
    await page.screenshot({ path: `${session.shotDir}workflows.png`, fullPage: true });
    expect(session.browser.problems).toEqual([]);
  });
});
