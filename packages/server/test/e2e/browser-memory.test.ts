/**
 * Employee memory end to end: the BUILT server (embedded mode, its in-process memory service)
 * with the fake agent as `claude`, a private copy of the default registry, and a real browser.
 *
 *  - a memory stored for Blake (emp_011) goes into the prompt of Blake's next task (the fake
 *    agent echoes its prompt into the run's events) and is recorded as used on the task;
 *  - after the run a memory is written with the file its Write call changed, typed decision by
 *    the rule (its result states one), and GET /api/tasks/:id/memories shows both;
 *  - the task page shows "Memories used" (relevance, link) and "Memory written" (files);
 *  - on Blake's page a memory is searched for and edited, and the change is stored;
 *  - screenshots of the employee's memories and the Memory page (into docs/screenshots/ with
 *    UPDATE_SCREENSHOTS=1, a temp dir otherwise).
 *
 * Build first: npm run build -w @dash/shared && npx tsc -b packages/server && npm run build -w @dash/web
 */
import { createMemoryResult, memoryView, runEventsPage, task as taskSchema, taskMemories, type Task, type TaskMemories } from '@dash/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/browser.js';
import { browserSession, FAKE_AGENT_ENV, type BrowserSession } from '../support/browser-session.js';

const WRITER = 'emp_011';

const scripted = (text: string, script: Record<string, unknown>): string => `${text}\n\nFAKE_AGENT_SCRIPT: ${JSON.stringify(script)}`;
const WRITER_BRIEF =
  'Add the CSV export to the changelog under Unreleased. Mention the new Export button on the report page, the column order ' +
  '(date, account, amount, currency, status), that amounts use a dot as the decimal separator, and that the export streams, so ' +
  'large reports no longer time out. Link the issue and keep the entry to one line.';

describe('employee memory in runs and in the UI (built server, fake agent, browser)', () => {
  let session: BrowserSession;
  let page: Page;
  let task: Task;
  let recalled: string;

  const remember = (type: string, content: string, metadata: Record<string, unknown> = {}): Promise<string> =>
    session.api('POST', `/api/memory/${type}`, { employeeId: WRITER, content, metadata }, (v) => createMemoryResult.parse(v).memoryId, 201);
  const memoriesOf = (id: string): Promise<TaskMemories> => session.api('GET', `/api/tasks/${id}/memories`, undefined, (v) => taskMemories.parse(v));

  beforeAll(async () => {
    session = await browserSession({
      registry: true,
      // The SPA's requests carry the admin token, as an operator's browser carries its session.
      tokenHeaders: true,
      env: { NODE_ID: 'e2e-memory', ...FAKE_AGENT_ENV, AGENT_STOP_GRACE: '300ms', DISPATCH_INTERVAL: '200ms', MEMORY_EMBEDDINGS: 'hash' },
    });
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    if (session) expect(await session.close()).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('puts a stored memory in the next task\'s prompt and writes one from the run, visible through the task API', async () => {
    recalled = await remember('knowledge', 'Changelog entries go under "Unreleased", newest first, one line per change with the issue number.', { tags: ['changelog', 'docs'] });
    await remember('experience', 'The docs build fails when a heading skips a level; run the link checker before pushing.', { tags: ['docs'], importance: 7 });
    await remember('decision', 'We publish the API reference from the OpenAPI document instead of writing it by hand.', { tags: ['api', 'docs'] });

    task = await session.api(
      'POST',
      '/api/tasks',
      {
        title: 'Write the changelog entry for the CSV export',
        // Long enough that the memory's excerpt of it (300 characters) ends before the script line.
        description: scripted(WRITER_BRIEF, {
          steps: [
            { echoPrompt: true },
            { tool: { name: 'Write', input: { file_path: 'docs/CHANGELOG.md', content: '## Unreleased\n- CSV export (#42)\n' }, output: 'written' } },
            { text: 'Changelog entry written; we chose to list the export under "Added" as Keep a Changelog says.' },
          ],
        }),
        assignee: WRITER,
        labels: ['docs'],
      },
      (v) => taskSchema.parse(v),
      201,
    );
    task = await eventually('the task to complete', () => session.api('GET', `/api/tasks/${task.id}`, undefined, (v) => taskSchema.parse(v)), (t) => t.status === 'completed', 60_000);
    const runId = task.lastRunId ?? '';

    const events = await session.api('GET', `/api/runs/${runId}/events?after=0&limit=500`, undefined, (v) => runEventsPage.parse(v));
    const prompt = events.events.flatMap((e) => (e.event.type === 'assistant.text' && e.event.text.startsWith('prompt: ') ? [e.event.text] : []))[0] ?? '';
    expect(prompt).toContain(`[${recalled}] (knowledge, `);
    expect(prompt).toContain('you may cite it by its id');

    const record = await eventually('the run\'s memory', () => memoriesOf(task.id), (m) => m.written.some((w) => w.status !== 'pending'), 30_000);
    expect(record.used.map((u) => u.memoryId)).toContain(recalled);
    expect(record.used.every((u) => u.runId === runId && u.employeeId === WRITER && u.relevance > 0)).toBe(true);
    expect(record.written).toEqual([
      expect.objectContaining({ runId, employeeId: WRITER, status: 'written', memoryType: 'decision', importance: 8, filesChanged: ['docs/CHANGELOG.md'] }),
    ]);
    const written = await session.api('GET', `/api/memory/${record.written[0]?.memoryId}?employeeId=${WRITER}`, undefined, (v) => memoryView.parse(v));
    expect(written).toMatchObject({ type: 'decision', scope: 'private', source: { runId, taskId: task.id } });
    expect(written.content).toContain('Files changed: docs/CHANGELOG.md');
  });

  it('shows the memories a task used and wrote on the task page', async () => {
    await session.go(`/tasks/${task.id}`);
    const used = page.locator('[data-test="memories-used"]');
    await used.locator(`a[href^="/memory/${recalled}"]`).waitFor();
    expect(await used.innerText()).toMatch(/relevance \d\.\d\d/);
    expect(await used.innerText()).toContain('Changelog entries go under "Unreleased"');
    const written = page.locator('[data-test="memories-written"]');
    await written.locator('code.file', { hasText: 'docs/CHANGELOG.md' }).waitFor();
    expect(await written.innerText()).toContain('Decision, importance 8');

    await used.locator(`a[href^="/memory/${recalled}"]`).click();
    await page.waitForURL(new RegExp(`/memory/${recalled}\\?employee=${WRITER}`));
    await page.locator(`article[data-memory="${recalled}"]`).waitFor();
  });

  it('searches and edits a memory on the employee page, and the change is stored', async () => {
    await session.go(`/employees/${WRITER}`);
    const section = page.locator('[data-test="employee-memories"]');
    const card = section.locator(`article[data-memory="${recalled}"]`);
    await card.waitFor();
    // Four memories: three stored above and the one the run wrote.
    expect(await section.locator('article[data-memory]').count()).toBe(4);

    await section.locator('[data-test="memory-query"]').fill('where do changelog entries go');
    await section.locator('[data-test="memory-query"]').press('Enter');
    await section.locator('[data-test="memory-hits"]').waitFor();
    await eventually('the search hits', () => section.locator('article[data-memory]').first().getAttribute('data-memory'), (id) => id !== null);
    expect(await section.locator('[data-test="score"]').count()).toBeGreaterThan(0);
    await section.getByRole('button', { name: 'Show all' }).click();

    await card.locator('[data-test="memory-edit-open"]').click();
    const form = section.locator('[data-test="memory-edit"]');
    await form.locator('[data-test="edit-content"]').fill('Changelog entries go under "Unreleased", grouped as Added / Changed / Fixed, with the issue number.');
    await form.locator('[data-test="edit-importance"]').fill('8');
    await form.locator('[data-test="edit-save"]').click();
    await card.getByText('grouped as Added / Changed / Fixed').waitFor();
    await form.waitFor({ state: 'detached' });

    const stored = await session.api('GET', `/api/memory/${recalled}?employeeId=${WRITER}`, undefined, (v) => memoryView.parse(v));
    expect(stored).toMatchObject({ content: 'Changelog entries go under "Unreleased", grouped as Added / Changed / Fixed, with the issue number.', importance: 8 });

    await page.locator('[data-test="memories"]').scrollIntoViewIfNeeded();
    await page.locator('[data-test="memories"]').screenshot({ path: `${session.shotDir}employee-memories.png` });
  });

  it('shows company figures and searches across employees on the Memory page', async () => {
    await session.go('/memory');
    await page.locator('[data-test="memory-stats"]').waitFor();
    expect(Number(await page.locator('[data-test="total-memories"]').innerText())).toBe(4);
    await page.locator('[data-test="company-query"]').fill('docs build heading');
    await page.locator('[data-test="company-query"]').press('Enter');
    await page.locator('[data-test="company-hits"]').waitFor();
    expect(await page.locator('article[data-memory]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${session.shotDir}memory.png`, fullPage: true });
    expect(session.browser.problems).toEqual([]);
  });
});
