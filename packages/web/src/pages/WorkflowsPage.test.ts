import type { WorkflowRunSummary } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { toSummary } from '../features/workflows/workflow-live';
import { errorResponse, jsonResponse, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeTemplate, makeWorkflowRun } from '../test-support/workflow-fixtures';

let runs: WorkflowRunSummary[];
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

function serve(): void {
  stubFetch((url, init) => {
    const { pathname } = new URL(url, 'http://dash.test');
    if (pathname === '/api/workflows/templates') {
      return jsonResponse({ items: [makeTemplate(), makeTemplate({ id: 'bug_fix', name: 'Bug Fix' })], status: { dir: '/srv/ai-employees/workflows', loadedAt: null, count: 2, watching: true, lastError: null } });
    }
    if (pathname === '/api/workflows/runs' && init.method === 'POST') return jsonResponse(makeWorkflowRun({ id: 'wf-new', title: 'New one' }), 201);
    if (pathname === '/api/workflows/runs') return jsonResponse({ items: runs, nextCursor: null });
    if (pathname.startsWith('/api/workflows/runs/')) return jsonResponse(makeWorkflowRun({ id: 'wf-new', title: 'New one' }));
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function open(): Promise<{ sut: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/workflows');
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.text()).not.toContain('Loading workflows');
  });
  return { sut: wrapper, router };
}

// Both route components are loaded up front: starting a run navigates to the run page, whose
// first (lazy) import can take longer than waitFor's second on a loaded machine.
beforeAll(() => Promise.all([import('./WorkflowsPage.vue'), import('./WorkflowRunPage.vue')]), 30_000);

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  runs = [toSummary(makeWorkflowRun())];
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Workflows page', () => {
  it('lists the runs with their progress and the templates with their phases', async () => {
    const { sut } = await open();
    const row = sut.get('[data-test="run-row-wf-1"]');
    expect(row.text()).toContain('Shortener');
    expect(row.text()).toContain('Awaiting approval');
    expect(row.text()).toContain('1 / 3');
    expect(sut.get('[data-test="template-software_development"]').text()).toContain('Planning');
    expect(sut.text()).toContain('/srv/ai-employees/workflows');
  });

  it('adds runs that start elsewhere from the live feed', async () => {
    const { sut } = await open();
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'workflows', epoch: 'ep-1', afterSeq: 0 });
    await flushPromises();
    socket.receive({ type: 'event', topic: 'workflows', seq: 1, data: makeWorkflowRun({ id: 'wf-2', title: 'Another', status: 'running', version: 1 }) });
    await flushPromises();
    expect(sut.get('[data-test="run-row-wf-2"]').text()).toContain('Another');
  });

  it('starts a run from a template card and opens its page', async () => {
    const { sut, router } = await open();
    await sut.get('[data-test="start-bug_fix"]').trigger('click');
    await flushPromises();
    expect((sut.get('[data-test="start-template"]').element as HTMLSelectElement).value).toBe('bug_fix');
    await sut.get('[data-test="start-title"]').setValue('New one');
    await sut.get('[data-test="start-request"]').setValue('Fix it');
    await sut.get('[data-test="start-dialog"] form').trigger('submit');
    await vi.waitFor(async () => {
      await flushPromises();
      expect(router.currentRoute.value.fullPath).toBe('/workflows/runs/wf-new');
    }, { timeout: 10_000 });
  });
});
