import type { Task } from '@dash/shared';
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { makeTask, makeTasks } from '../../test-support/task-fixtures';
import { configureLiveFeed, useLiveFeedStore } from '../live-feed/live-feed-store';
import { emptyFilters } from './task-filters';
import { useTasksStore } from './tasks-store';

interface Backend {
  pages: Map<string | null, { items: Task[]; nextCursor: string | null }>;
  urls: string[];
  /** Holds list answers until released (to deliver live events mid-load). */
  gate: Promise<void> | null;
}

let backend: Backend;
let seq = 0;

function serve(): void {
  stubFetch(async (url) => {
    backend.urls.push(url);
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname !== '/api/tasks') return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
    if (backend.gate) await backend.gate;
    const page = backend.pages.get(searchParams.get('cursor'));
    return page ? jsonResponse(page) : errorResponse(400, 'VALIDATION_FAILED', 'Bad cursor');
  });
}

/** Opens the feed and confirms the `tasks` subscription as the server would. */
function acceptFeed(): FakeWebSocket {
  const socket = FakeWebSocket.latest;
  socket.accept();
  socket.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep-1', afterSeq: 0 });
  return socket;
}

function publish(socket: FakeWebSocket, data: unknown): void {
  seq += 1;
  socket.receive({ type: 'event', topic: 'tasks', seq, data });
}

const ids = () => useTasksStore().items.map((t) => t.id);

beforeEach(() => {
  seq = 0;
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  setActivePinia(createPinia());
  backend = { pages: new Map([[null, { items: makeTasks(3), nextCursor: null }]]), urls: [], gate: null };
  serve();
});

afterEach(() => {
  useLiveFeedStore().$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('tasks store: loading and filters', () => {
  it('loads the first page with the filters as query parameters', async () => {
    const store = useTasksStore();

    await store.setFilters({ ...emptyFilters(), status: ['queued', 'running'], priority: ['urgent'], employee: 'emp_004', label: 'api', q: ' login ' });

    expect(backend.urls).toEqual(['/api/tasks?status=queued%2Crunning&priority=urgent&employee=emp_004&label=api&q=login&limit=50']);
    expect(ids()).toEqual(['task-3', 'task-2', 'task-1']);
    expect(store.loaded).toBe(true);
  });

  it('does not reload for the same filters unless forced', async () => {
    const store = useTasksStore();
    await store.setFilters(emptyFilters());
    await store.setFilters(emptyFilters());
    expect(backend.urls).toHaveLength(1);

    await store.setFilters(emptyFilters(), true);
    expect(backend.urls).toHaveLength(2);
  });

  it('pages with the cursor and keeps the newest-first order', async () => {
    backend.pages = new Map([
      [null, { items: makeTasks(5).slice(0, 2), nextCursor: 'c2' }],
      ['c2', { items: makeTasks(5).slice(2), nextCursor: null }],
    ]);
    const store = useTasksStore();
    await store.setFilters(emptyFilters());
    expect(store.nextCursor).toBe('c2');

    await store.loadMore();

    expect(backend.urls.at(-1)).toBe('/api/tasks?limit=50&cursor=c2');
    expect(ids()).toEqual(['task-5', 'task-4', 'task-3', 'task-2', 'task-1']);
    expect(store.nextCursor).toBeNull();
  });

  it('keeps the list and reports the code when a page fails', async () => {
    const store = useTasksStore();
    await store.setFilters(emptyFilters());
    backend.pages = new Map();

    await store.setFilters({ ...emptyFilters(), label: 'x' });

    expect(store.error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(ids()).toEqual(['task-3', 'task-2', 'task-1']);
  });
});

describe('tasks store: live updates', () => {
  async function listening(filters = emptyFilters()): Promise<FakeWebSocket> {
    const store = useTasksStore();
    await store.setFilters(filters);
    store.listen();
    const socket = acceptFeed();
    await flushPromises();
    return socket;
  }

  it('replaces a task only with a higher version', async () => {
    const socket = await listening();
    const store = useTasksStore();

    publish(socket, makeTask({ id: 'task-2', title: 'Task 2', createdAt: '2025-01-01T10:02:00.000Z', status: 'running', version: 3 }));
    publish(socket, makeTask({ id: 'task-2', title: 'Task 2', createdAt: '2025-01-01T10:02:00.000Z', status: 'queued', version: 2 }));
    publish(socket, makeTask({ id: 'task-2', title: 'Task 2', createdAt: '2025-01-01T10:02:00.000Z', status: 'pending', version: 3 }));

    expect(store.byId.get('task-2')).toMatchObject({ status: 'running', version: 3 });
    expect(ids()).toEqual(['task-3', 'task-2', 'task-1']);
  });

  it('adds a new task at the top and removes a deleted one', async () => {
    const socket = await listening();

    publish(socket, makeTask({ id: 'task-9', createdAt: '2025-01-01T11:00:00.000Z' }));
    publish(socket, { id: 'task-1', deleted: true });

    expect(ids()).toEqual(['task-9', 'task-3', 'task-2']);
  });

  it('moves tasks in and out of a filtered list as their status changes', async () => {
    backend.pages = new Map([[null, { items: [makeTask({ id: 'task-2', createdAt: '2025-01-01T10:02:00.000Z', status: 'running' })], nextCursor: null }]]);
    const socket = await listening({ ...emptyFilters(), status: ['running'] });

    publish(socket, makeTask({ id: 'task-2', createdAt: '2025-01-01T10:02:00.000Z', status: 'completed', version: 2 }));
    expect(ids()).toEqual([]);

    publish(socket, makeTask({ id: 'task-1', createdAt: '2025-01-01T10:01:00.000Z', status: 'running', version: 2 }));
    publish(socket, makeTask({ id: 'task-3', createdAt: '2025-01-01T10:03:00.000Z', status: 'queued', version: 1 }));
    expect(ids()).toEqual(['task-1']);
  });

  it('applies text, label, priority and employee filters to live tasks like the server', async () => {
    backend.pages = new Map([[null, { items: [], nextCursor: null }]]);
    const socket = await listening({ ...emptyFilters(), q: 'LOGIN', label: 'api', priority: ['high'], employee: 'emp_004' });
    const base = { labels: ['api'], priority: 'high' as const, assignedTo: 'emp_004' };

    publish(socket, makeTask({ ...base, id: 'a', title: 'Fix login', createdAt: '2025-01-01T11:01:00.000Z' }));
    publish(socket, makeTask({ ...base, id: 'b', title: 'Other', description: 'the login page', createdAt: '2025-01-01T11:02:00.000Z' }));
    publish(socket, makeTask({ ...base, id: 'c', title: 'Fix login', labels: ['web'], createdAt: '2025-01-01T11:03:00.000Z' }));
    publish(socket, makeTask({ ...base, id: 'd', title: 'Fix login', priority: 'low', createdAt: '2025-01-01T11:04:00.000Z' }));
    publish(socket, makeTask({ ...base, id: 'e', title: 'Fix login', assignedTo: null, assignee: 'emp_004', createdAt: '2025-01-01T11:05:00.000Z' }));
    publish(socket, makeTask({ ...base, id: 'f', title: 'Fix login', assignedTo: 'emp_001', createdAt: '2025-01-01T11:06:00.000Z' }));

    expect(ids()).toEqual(['e', 'b', 'a']);
  });

  it('leaves a matching task that belongs to a page not loaded yet to that page', async () => {
    backend.pages = new Map([[null, { items: makeTasks(5).slice(0, 2), nextCursor: 'c2' }]]);
    const socket = await listening();

    publish(socket, makeTask({ id: 'task-1', createdAt: '2025-01-01T10:01:00.000Z', status: 'running', version: 2 }));
    publish(socket, makeTask({ id: 'task-4b', createdAt: '2025-01-01T10:04:30.000Z' }));

    expect(ids()).toEqual(['task-5', 'task-4b', 'task-4']);
  });

  it('keeps changes that arrive while a page loads and applies them to it', async () => {
    const store = useTasksStore();
    store.listen();
    const socket = acceptFeed();
    let release: () => void = () => undefined;
    backend.gate = new Promise((r) => (release = r));
    const loading = store.load();
    await flushPromises();

    publish(socket, makeTask({ id: 'task-2', createdAt: '2025-01-01T10:02:00.000Z', status: 'running', version: 5 }));
    publish(socket, makeTask({ id: 'task-7', createdAt: '2025-01-01T10:07:00.000Z' }));
    publish(socket, { id: 'task-1', deleted: true });
    release();
    await loading;

    expect(ids()).toEqual(['task-7', 'task-3', 'task-2']);
    expect(store.byId.get('task-2')).toMatchObject({ status: 'running', version: 5 });
  });

  it('reloads the first page when the server cannot replay a gap', async () => {
    await listening();
    const before = backend.urls.length;
    backend.pages = new Map([[null, { items: makeTasks(4), nextCursor: null }]]);

    FakeWebSocket.latest.receive({ type: 'reset', topic: 'tasks', epoch: 'ep-2', afterSeq: 40, reason: 'gap' });
    await flushPromises();

    expect(backend.urls.length).toBe(before + 1);
    expect(ids()).toEqual(['task-4', 'task-3', 'task-2', 'task-1']);
  });
});
