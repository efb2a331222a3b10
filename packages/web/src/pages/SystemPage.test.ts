import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../app/router';
import AppShell from '../app/shell/AppShell.vue';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, makeHealthReport, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';

let wrapper: VueWrapper | null = null;
let pinia: Pinia;

const registry = {
  sourcePath: '/srv/dash/ai-employees/employee-registry.json',
  loadedAt: '2025-01-01T08:00:00.000Z',
  employeeCount: 13,
  watching: true,
  lastError: { path: 'employees.3.skills.0', message: 'Unknown skill "cooking"', at: '2025-01-01T09:00:00.000Z' },
};

async function openSystem(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/system');
  wrapper = mount(AppShell, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.find('[data-test="runtime-claude-code"]').exists()).toBe(true);
  });
  return wrapper;
}

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  stubFetch((url) => {
    if (url === '/health') return jsonResponse(makeHealthReport());
    if (url === '/api/agents/runtimes') {
      return jsonResponse({
        runtimes: [
          { runtime: 'claude-code', installed: true, path: '/usr/bin/claude', version: '2.1.0 (Claude Code)', reason: null },
          { runtime: 'codex', installed: false, path: null, version: null, reason: 'codex not found on PATH' },
        ],
      });
    }
    if (url === '/api/employees/registry/status') return jsonResponse(registry);
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('System page', () => {
  it('shows server health, node and uptime', async () => {
    const sut = await openSystem();

    expect(sut.text()).toContain('Server health');
    expect(sut.text()).toContain('node-a');
    expect(sut.text()).toContain('1 h 2 min');
  });

  it('lists the agent runtimes with versions, and why one is missing', async () => {
    const sut = await openSystem();

    expect(sut.get('[data-test="runtime-claude-code"]').text()).toContain('Installed');
    expect(sut.get('[data-test="runtime-claude-code"]').text()).toContain('2.1.0 (Claude Code)');
    expect(sut.get('[data-test="runtime-codex"]').text()).toContain('Not installed');
    expect(sut.get('[data-test="runtime-codex"]').text()).toContain('codex not found on PATH');
  });

  it('shows the registry status with its last error', async () => {
    const sut = await openSystem();

    expect(sut.text()).toContain(registry.sourcePath);
    expect(sut.get('[data-test="registry-error"]').text()).toContain('Unknown skill "cooking"');
    expect(sut.get('[data-test="registry-error"]').text()).toContain('employees.3.skills.0');
  });

  it('shows live metrics from the feed, with "—" for figures the server lacks', async () => {
    const sut = await openSystem();
    const socket = FakeWebSocket.latest;
    socket.accept();

    socket.receive({
      type: 'event',
      topic: 'metrics',
      seq: 1,
      data: { at: '2025-01-01T10:00:00.000Z', serverId: 'node-a', activeProcesses: 3, queueDepth: { waiting: 2 }, runningTasks: null, costTodayUsd: 1.25 },
    });
    await flushPromises();

    expect(sut.get('[data-test="feed-state"]').text()).toBe('Live feed: Connected');
    const metrics = sut.get('[aria-labelledby="metrics-heading"]').text();
    expect(metrics).toContain('3');
    expect(metrics).toContain('2 waiting');
    expect(metrics).toContain('—');
    expect(metrics).toContain('$1.25');
  });

  it('says when the server has no live feed', async () => {
    const sut = await openSystem();

    FakeWebSocket.latest.fail();
    await flushPromises();

    expect(sut.get('[data-test="feed-state"]').text()).toBe('Live feed: Not available on this server');
    // Never connected: not an interruption, so no banner.
    expect(sut.find('[data-test="feed-interrupted"]').exists()).toBe(false);
  });

  it('shows an interrupted-live-updates banner when a working feed drops while the server answers', async () => {
    const sut = await openSystem();
    FakeWebSocket.latest.accept();
    await flushPromises();

    FakeWebSocket.latest.drop(1001);
    await flushPromises();

    expect(sut.get('[data-test="feed-interrupted"]').text()).toContain('Live updates interrupted');
    expect(sut.find('[data-test="disconnected"]').exists()).toBe(false);
    await sut.get('[data-test="feed-interrupted"] button').trigger('click');
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
