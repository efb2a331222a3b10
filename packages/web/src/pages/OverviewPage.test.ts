import type { DashboardStats } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, makeHealthReport, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeTask } from '../test-support/task-fixtures';

let stats: DashboardStats;
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

const makeStats = (total: number): DashboardStats => ({
  generatedAt: '2025-01-01T10:00:00.000Z',
  tasks: { total, byStatus: { pending: 2, queued: 3, running: 1, completed: 4, failed: 1, cancelled: 0, resolved: 5, blocked: 1 } },
  throughput: { windowHours: 24, completed: 9, perHour: 0.375, hourly: [] },
  cost: { todayUsd: 1.25, totalUsd: 10 },
  runs: { active: 1 },
});

function serve(): void {
  stubFetch((url) => {
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname === '/health') return jsonResponse(makeHealthReport());
    if (pathname === '/api/stats') return jsonResponse(stats);
    if (pathname === '/api/dispatch/gate') {
      return jsonResponse({
        day: '2026-03-04',
        taskBudgetUsd: null,
        softRatio: 0.8,
        budgets: [{ scope: 'global', id: '*', name: 'Everyone', spentUsd: 1.25, limitUsd: 10, softLimitUsd: 8, state: 'ok' }],
        pauses: [],
      });
    }
    if (pathname === '/api/skills') return jsonResponse({ items: [], categories: [] });
    if (pathname === '/api/employees') return jsonResponse({ items: [] });
    if (pathname === '/api/tasks') {
      const failed = searchParams.get('status') === 'failed';
      const today = new Date().toISOString();
      return jsonResponse({
        items: failed
          ? [makeTask({ id: 'f1', status: 'failed', updatedAt: today }), makeTask({ id: 'f0', status: 'failed', updatedAt: '2020-01-01T00:00:00.000Z' })]
          : [makeTask({ id: 'a', title: 'Ship the export', status: 'running', updatedAt: today })],
        nextCursor: null,
      });
    }
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function open(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/');
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.find('[data-test="activity"]').exists()).toBe(true);
  });
  return wrapper;
}

const tile = (sut: VueWrapper, name: string): string => sut.get(`[data-test="tile-${name}"] [data-test="value"]`).text();

// The page is lazy-loaded by the router: compile it once up front, not inside the first test.
beforeAll(() => import('./OverviewPage.vue'), 30_000);

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  stats = makeStats(17);
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Overview page', () => {
  it('shows the stats until live metrics arrive, then the live figures', async () => {
    const sut = await open();
    expect([tile(sut, 'processes'), tile(sut, 'queue'), tile(sut, 'running'), tile(sut, 'failed'), tile(sut, 'cost')]).toEqual(['1', '3', '1', '1', '$1.25']);

    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({
      type: 'event',
      topic: 'metrics',
      seq: 1,
      data: { at: new Date().toISOString(), serverId: 'node-a', activeProcesses: 4, queueDepth: { queued: 7, pending: 2 }, runningTasks: 3, costTodayUsd: 2.5 },
    });
    await flushPromises();

    expect([tile(sut, 'processes'), tile(sut, 'queue'), tile(sut, 'running'), tile(sut, 'cost')]).toEqual(['4', '7', '3', '$2.50']);
    expect(sut.get('[data-test="charts"]').text()).toContain('Queued 7');
  });

  it('lists recent activity and adds transitions from the live feed', async () => {
    const sut = await open();
    expect(sut.get('[data-test="activity"]').text()).toContain('Ship the export');

    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep', afterSeq: 0 });
    socket.receive({ type: 'event', topic: 'tasks', seq: 1, data: makeTask({ id: 'a', title: 'Ship the export', status: 'completed', version: 2, updatedAt: new Date().toISOString() }) });
    await flushPromises();

    const first = sut.get('[data-test="activity"] li').text();
    expect(first).toContain('Awaiting review');
    expect(first).toContain('from running');
  });

  it('tells a new user how to start', async () => {
    stats = makeStats(0);
    const sut = await open();

    expect(sut.get('[data-test="overview-empty"]').text()).toContain('Give your team its first task');
    expect(sut.get('[data-test="overview-empty"] a').attributes('href')).toBe('/tasks?create=1');
  });
});
