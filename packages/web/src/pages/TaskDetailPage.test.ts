import type { Task, TaskBudgetStatus } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, stubFetch, type FetchHandler } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeRun } from '../test-support/run-fixtures';
import { makeMemory, makeUse, makeWrite } from '../test-support/memory-fixtures';
import { makeComment, makeTask, makeTimelineEntry } from '../test-support/task-fixtures';

interface Backend {
  task: Task;
  /** GET /api/tasks/:id/budget; null answers 404 like a server without the route. */
  budget: TaskBudgetStatus | null;
  requests: Array<{ method: string; path: string; body: unknown }>;
  action: FetchHandler | null;
}

let backend: Backend;
const usedMemory = makeMemory({ content: 'Safari needs the form attribute on the submit button.' });
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

const completed = (): Task =>
  makeTask({
    status: 'completed',
    assignedTo: 'emp_004',
    version: 3,
    lastRunId: null,
    assignment: {
      mode: 'automatic',
      score: { skillMatch: 1, freeSlots: 0.5, priorityWeight: 0.6, successRate: 0.8, total: 0.82 },
      candidates: [
        { employeeId: 'emp_004', total: 0.82 },
        { employeeId: 'emp_005', total: 0.41 },
      ],
      decidedAt: '2025-01-01T10:00:01.000Z',
    },
  });

function serve(): void {
  stubFetch((url, init) => {
    const method = init.method ?? 'GET';
    const { pathname } = new URL(url, 'http://dash.test');
    backend.requests.push({ method, path: pathname, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const id = backend.task.id;
    if (pathname === '/api/skills') return jsonResponse({ items: [], categories: [] });
    if (pathname === '/api/employees') {
      return jsonResponse({
        items: [
          { id: 'emp_004', name: 'Sam', roleLabel: 'Senior Developer', department: 'development', status: 'active' },
          { id: 'emp_005', name: 'Kim', roleLabel: 'Developer', department: 'development', status: 'active' },
        ],
      });
    }
    if (pathname === `/api/tasks/${id}`) return jsonResponse(backend.task);
    if (pathname === `/api/tasks/${id}/budget` && backend.budget) return jsonResponse(backend.budget);
    if (pathname === `/api/tasks/${id}/comments`) return jsonResponse({ items: [makeComment({ body: 'First look: **fine**' })] });
    if (pathname === `/api/tasks/${id}/timeline`) {
      return jsonResponse({
        items: [
          makeTimelineEntry(),
          makeTimelineEntry({ id: 'tl-2', from: 'queued', to: 'running', actor: 'dispatcher', reason: 'Assigned to Sam', data: { runId: 'run-1', memory: { used: 1, tokens: 42, ids: [usedMemory.id] } } }),
        ],
      });
    }
    if (pathname === `/api/tasks/${id}/memories`) {
      return jsonResponse({ taskId: id, used: [makeUse({ memoryId: usedMemory.id, relevance: 0.66 })], written: [makeWrite({ memoryId: null, status: 'failed', errorCode: 'MEMORY_UNAVAILABLE', filesChanged: [] })] });
    }
    if (pathname === `/api/memory/${usedMemory.id}`) return jsonResponse(usedMemory);
    if (pathname === `/api/tasks/${id}/runs`) return jsonResponse({ items: [makeRun({ taskId: id, employeeId: 'emp_004', status: 'succeeded' })], nextCursor: null });
    if (pathname.startsWith(`/api/tasks/${id}/`) && method === 'POST' && backend.action) return backend.action(url, init);
    return errorResponse(404, 'TASK_NOT_FOUND', 'Task not found');
  });
}

async function open(path = `/tasks/${backend.task.id}`): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading the task');
  });
  await flushPromises();
  return wrapper;
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
const posts = () => backend.requests.filter((r) => r.method === 'POST');

// The page is lazy-loaded by the router: compile it once up front, not inside the first test.
beforeAll(() => import('./TaskDetailPage.vue'), 30_000);

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  backend = { task: completed(), budget: null, requests: [], action: null };
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Task page', () => {
  it('shows status, assignment score and candidates, timeline, comments and runs', async () => {
    const sut = await open();

    expect(sut.get('h1').text()).toBe('Fix the login bug');
    expect(sut.get('[data-test="task-status"]').text()).toBe('Awaiting review');
    const assignment = sut.get('[data-test="assignment"]').text();
    expect(assignment).toContain('Score 82%');
    expect(assignment).toContain('Skill match');
    expect(assignment).toContain('Sam');
    expect(assignment).toContain('41%');
    expect(sut.get('[data-test="timeline"]').text()).toContain('Assigned to Sam');
    expect(sut.find('[data-test="timeline"] a[href="/runs/run-1"]').exists()).toBe(true);
    expect(sut.findAll('[data-test="comments"] strong').map((s) => s.text())).toEqual(['api', 'fine']);
    expect(sut.find('[data-test="task-runs"] a[href="/runs/run-1"]').exists()).toBe(true);
    await vi.waitFor(() => expect(sut.get('[data-test="memories-used"]').text()).toContain('Safari needs the form attribute'));
    expect(sut.get('[data-test="memories-used"]').text()).toContain('relevance 0.66');
    expect(sut.get('[data-test="memories-written"]').text()).toContain('Not written: MEMORY_UNAVAILABLE');
    expect(sut.get('[data-test="timeline-memory"]').text()).toBe('1 memory in the prompt (42 tokens).');
  });

  it('reopening requires a reason: nothing is sent without one', async () => {
    const sut = await open();
    await sut.get('[data-test="reopen"]').trigger('click');
    await flushPromises();

    await sut.get('[data-test="review-text"]').setValue('   ');
    await sut.get('[data-test="review-reopen"] form').trigger('submit');
    await flushPromises();

    expect(posts()).toEqual([]);
    expect(sut.get('[data-test="review-text-error"]').text()).toContain('Say why the result is not accepted');
    expect(sut.get('[data-test="review-text"]').attributes('aria-invalid')).toBe('true');
  });

  it('reopens with the reason and a new assignee, and shows the task the server returns', async () => {
    backend.action = () => jsonResponse({ ...completed(), status: 'queued', assignee: 'emp_005', version: 4 });
    const sut = await open();
    await sut.get('[data-test="reopen"]').trigger('click');
    await sut.get('[data-test="review-text"]').setValue('The summary is missing');
    await sut.get('[data-test="review-reassign"]').setValue('emp_005');

    await sut.get('[data-test="review-reopen"] form').trigger('submit');
    await flushPromises();

    expect(posts()).toEqual([
      { method: 'POST', path: '/api/tasks/task-1/reopen', body: { reason: 'The summary is missing', reassignTo: 'emp_005' } },
    ]);
    expect(sut.get('[data-test="task-status"]').text()).toBe('Queued');
    expect(sut.find('[data-test="reopen"]').exists()).toBe(false);
  });

  it('puts the server’s TASK_REOPEN_REASON_REQUIRED on the reason field', async () => {
    backend.action = () => errorResponse(409, 'TASK_REOPEN_REASON_REQUIRED', 'Reopening a task requires a reason');
    const sut = await open();
    await sut.get('[data-test="reopen"]').trigger('click');
    await sut.get('[data-test="review-text"]').setValue('why');

    await sut.get('[data-test="review-reopen"] form').trigger('submit');
    await flushPromises();

    expect(sut.get('[data-test="review-text-error"]').text()).toBe('Reopening a task requires a reason (TASK_REOPEN_REASON_REQUIRED)');
  });

  it('resolves with an optional comment, and shows a refused action with its code and message', async () => {
    backend.action = () => errorResponse(409, 'TASK_ILLEGAL_TRANSITION', 'A running task cannot become resolved');
    const sut = await open();
    press('r');
    await flushPromises();
    expect(sut.get('[data-test="review-resolve"]').attributes('open')).toBeDefined();

    await sut.get('[data-test="review-resolve"] form').trigger('submit');
    await flushPromises();

    expect(posts()).toEqual([{ method: 'POST', path: '/api/tasks/task-1/resolve', body: {} }]);
    const notice = sut.get('[data-test="review-error"]').text();
    expect(notice).toContain('A running task cannot become resolved');
    expect(notice).toContain('TASK_ILLEGAL_TRANSITION');
    expect(notice).toContain('HTTP 409');
  });

  it('opens the reopen dialog with o and lists the page shortcuts in the help', async () => {
    const sut = await open();
    press('o');
    await flushPromises();

    expect(sut.get('[data-test="review-reopen"]').attributes('open')).toBeDefined();
    const { pageShortcuts } = await import('../features/shortcuts/page-shortcut-registry');
    expect(pageShortcuts().map((s) => s.keys.join(''))).toEqual(['r', 'o']);
  });

  it('follows the task on the live feed and refreshes its timeline', async () => {
    const sut = await open();
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep-1', afterSeq: 0 });
    await flushPromises();
    const timelineCalls = () => backend.requests.filter((r) => r.path.endsWith('/timeline')).length;
    const before = timelineCalls();

    socket.receive({ type: 'event', topic: 'tasks', seq: 1, data: { ...completed(), status: 'resolved', version: 9 } });
    await flushPromises();
    expect(sut.get('[data-test="task-status"]').text()).toBe('Resolved');
    await vi.waitFor(() => expect(timelineCalls()).toBe(before + 1));

    socket.receive({ type: 'event', topic: 'tasks', seq: 2, data: { id: 'task-1', deleted: true } });
    await flushPromises();
    expect(sut.get('[data-test="task-deleted"]').text()).toContain('This task was deleted');
  });

  it('shows spend against the task’s own budget, the deployment default, or no limit', async () => {
    backend.task = { ...completed(), budgetUsd: 0.5 };
    backend.budget = { taskId: 'task-1', spentUsd: 0.0125, limitUsd: 0.5, softLimitUsd: 0.4, source: 'task', state: 'ok' };
    let sut = await open();
    await vi.waitFor(() => expect(sut.get('[data-test="task-budget"]').text()).toBe('Budget$0.0125 of $0.50this task’s budget'));
    wrapper?.unmount();

    backend.task = completed();
    backend.budget = { taskId: 'task-1', spentUsd: 2.5, limitUsd: 2.5, softLimitUsd: 2, source: 'default', state: 'hard' };
    sut = await open();
    await vi.waitFor(() => expect(sut.get('[data-test="task-budget"] dd').text()).toBe('$2.50 of $2.50deployment default · spent: not run again'));
    expect(sut.get('[data-test="task-budget"] dd').classes()).toContain('budget--hard');
    wrapper?.unmount();

    backend.budget = { taskId: 'task-1', spentUsd: 0.003, limitUsd: null, softLimitUsd: null, source: 'none', state: 'ok' };
    sut = await open();
    await vi.waitFor(() => expect(sut.get('[data-test="task-budget"] dd').text()).toBe('$0.003 spentno limit'));
  });

  it('falls back to the task’s own budget when its spend cannot be read', async () => {
    backend.task = { ...completed(), budgetUsd: 1.25 };
    const sut = await open();
    expect(backend.requests.some((r) => r.path === '/api/tasks/task-1/budget')).toBe(true);
    expect(sut.get('[data-test="task-budget"] dd').text()).toBe('$1.25this task’s budget');
    expect(sut.find('.refresh-error').exists()).toBe(false);
  });

  it('says so when the task does not exist', async () => {
    const sut = await open('/tasks/nope');

    expect(sut.get('[data-test="task-missing"]').text()).toContain('No task has this ID');
  });
});
