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
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { workflowRun, type WorkflowRun } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { eventually, launchBrowser, type TestBrowser } from '../support/browser.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
const DOCS_SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

describe('workflows in a browser (built server, fake agent)', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let browser: TestBrowser;
  let page: Page;
  let shots: TempDir | null = null;
  let shotDir: string;

  /** The one helper for this file's API calls (credentials come with server.api). */
  const getRun = async (id: string): Promise<WorkflowRun> => {
    const res = await server.api(`/api/workflows/runs/${id}`);
    if (!res.ok) throw new Error(`GET run ${id}: ${res.status} ${await res.text()}`);
    return workflowRun.parse(await res.json());
  };
  const stepStatus = (run: WorkflowRun, key: string): string | undefined => run.steps.find((s) => s.key === key)?.status;
  const node = (key: string, status?: string): string => `[data-test="step-${key}"]${status ? `[data-status="${status}"]` : ''}`;

  beforeAll(async () => {
    if (!existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: build the web app first (npm run build -w @dash/web)`);
    registry = await makeRegistryFixture();
    server = await startServer({
      env: {
        NODE_ID: 'e2e-browser-workflows',
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_STOP_GRACE: '300ms',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        MAX_CONCURRENT_PROCESSES: '4',
      },
    });
    browser = await launchBrowser({ viewport: { width: 1600, height: 1000 } });
    await browser.signIn(server);
    page = await browser.newPage();
    if (process.env.UPDATE_SCREENSHOTS) shotDir = DOCS_SCREENSHOTS;
    else {
      shots = await makeTempDir('dash-shots-');
      shotDir = `${shots.path}/`;
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
    await shots?.cleanup();
  }, 60_000);

  it('starts the software-development workflow from the UI and takes both gates from the graph', async () => {
    await browser.signIn(server);
    await page.goto(`${server.url}/workflows`);
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
    await page.screenshot({ path: `${shotDir}workflow-run.png`, fullPage: true });

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

    await page.goto(`${server.url}/workflows`);
    await page.locator(`[data-test="run-row-${runId}"]`).filter({ hasText: 'Completed' }).waitFor();
    await page.screenshot({ path: `${shotDir}workflows.png`, fullPage: true });
    expect(browser.problems).toEqual([]);
  });
});
