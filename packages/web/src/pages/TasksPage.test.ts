import type { Task } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeTask } from '../test-support/task-fixtures';

let tasks: Task[];
let listUrls: string[];
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

function serve(): void {
  stubFetch((url) => {
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname === '/api/skills') return jsonResponse({ items: [], categories: [] });
    if (pathname === '/api/employees') return jsonResponse({ items: [{ id: 'emp_004', name: 'Sam', roleLabel: 'Senior Developer', department: 'development', status: 'active' }] });
    if (pathname === '/api/tasks') {
      listUrls.push(url);
      const status = searchParams.get('status')?.split(',');
      return jsonResponse({ items: tasks.filter((t) => !status || status.includes(t.status)), nextCursor: null });
    }
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function open(path: string): Promise<{ sut: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading tasks');
  });
  return { sut: wrapper, router };
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

// The page is lazy-loaded by the router: compile it once up front, not inside the first test.
beforeAll(() => import('./TasksPage.vue'), 30_000);

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  listUrls = [];
  tasks = [
    makeTask({ id: 't-run', title: 'Migrate CI', status: 'running', assignedTo: 'emp_004', priority: 'urgent', createdAt: '2025-01-01T10:03:00.000Z' }),
    makeTask({ id: 't-done', title: 'Write notes', status: 'completed', createdAt: '2025-01-01T10:02:00.000Z' }),
    makeTask({ id: 't-blocked', title: 'Deploy', status: 'blocked', blockedReason: 'Dependency Migrate CI failed', createdAt: '2025-01-01T10:01:00.000Z' }),
  ];
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Tasks page', () => {
  it('puts each task in its state’s column, with the employee’s name', async () => {
    const { sut } = await open('/tasks');

    expect(sut.get('[data-test="column-running"]').text()).toContain('Migrate CI');
    expect(sut.get('[data-test="column-running"]').text()).toContain('Sam');
    expect(sut.get('[data-test="column-completed"]').text()).toContain('Write notes');
    expect(sut.get('[data-test="column-failed"]').text()).toContain('Dependency Migrate CI failed');
    expect(sut.get('[data-test="column-pending"]').text()).toContain('None');
  });

  it('reads the filters and the view from the URL', async () => {
    const { sut } = await open('/tasks?status=completed&view=table');

    expect(listUrls.at(-1)).toBe('/api/tasks?status=completed&limit=50');
    expect(sut.findAll('[data-test="task-table"] tbody tr').map((r) => r.attributes('data-test'))).toEqual(['row-t-done']);
    expect((sut.get('[data-test="filter-status"]').element as HTMLSelectElement).value).toBe('completed');
  });

  it('writes a filter change into the URL and loads that list', async () => {
    const { sut, router } = await open('/tasks');

    await sut.get('[data-test="filter-status"]').setValue('running');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ status: 'running' });
    expect(listUrls.at(-1)).toBe('/api/tasks?status=running&limit=50');
    expect(sut.findAll('[data-test="board"] article').map((a) => a.attributes('data-test'))).toEqual(['task-t-run']);
  });

  it('says what to do when there are no tasks, and when nothing matches', async () => {
    tasks = [];
    const { sut, router } = await open('/tasks');
    expect(sut.get('[data-test="tasks-empty"]').text()).toContain('Create the first one');

    await router.push('/tasks?status=failed');
    await flushPromises();
    expect(sut.get('[data-test="tasks-none-match"]').text()).toContain('No task matches these filters');
  });

  it('opens the create dialog with c and focuses the search with /', async () => {
    const { sut } = await open('/tasks');

    press('c');
    await flushPromises();
    expect(sut.get('[data-test="create-dialog"]').attributes('open')).toBeDefined();
    await sut.get('[data-test="create-dialog"] button[aria-label^="Close"]').trigger('click');
    await flushPromises();
    expect(sut.get('[data-test="create-dialog"]').attributes('open')).toBeUndefined();

    press('/');
    expect(document.activeElement).toBe(sut.get('[data-test="filter-q"]').element);
  });

  it('adds a task created elsewhere as the live feed reports it', async () => {
    const { sut } = await open('/tasks');
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep', afterSeq: 0 });
    await flushPromises();

    socket.receive({ type: 'event', topic: 'tasks', seq: 1, data: makeTask({ id: 't-new', title: 'Fresh', createdAt: '2025-01-01T11:00:00.000Z' }) });
    await flushPromises();

    expect(sut.get('[data-test="column-queued"]').text()).toContain('Fresh');
  });
});
