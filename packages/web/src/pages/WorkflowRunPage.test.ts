import type { WorkflowRun } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { makeWorkflowRun } from '../test-support/workflow-fixtures';

let run: WorkflowRun;
let posts: Array<{ path: string; body: unknown }>;
let rejectAnswer: (() => Response) | null;
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

function serve(): void {
  stubFetch((url, init) => {
    const { pathname } = new URL(url, 'http://dash.test');
    if (init.method === 'POST') {
      posts.push({ path: pathname, body: JSON.parse(String(init.body)) });
      if (pathname.endsWith('/reject') && rejectAnswer) return rejectAnswer();
      const design = run.steps[1];
      if (pathname.endsWith('/steps/design/approve') && design) {
        run = { ...run, status: 'running', version: run.version + 1, steps: [run.steps[0], { ...design, status: 'completed' }, ...run.steps.slice(2)] as WorkflowRun['steps'] };
      }
      return jsonResponse(run);
    }
    if (pathname === '/api/workflows/runs/wf-1') return jsonResponse(run);
    return errorResponse(404, 'ROUTE_NOT_FOUND', 'No such route');
  });
}

async function open(): Promise<VueWrapper> {
  const router = createAppRouter(createMemoryHistory());
  await router.push('/workflows/runs/wf-1');
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await vi.waitFor(async () => {
    await flushPromises();
    expect(wrapper?.find('[data-test="workflow-graph"]').exists()).toBe(true);
  });
  return wrapper;
}

beforeAll(() => import('./WorkflowRunPage.vue'), 30_000);

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  run = makeWorkflowRun();
  posts = [];
  rejectAnswer = null;
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
});

describe('Workflow run page', () => {
  it('shows the graph, the waiting step selected in full, and its output', async () => {
    const sut = await open();
    expect(sut.get('[data-test="run-status"]').text()).toBe('Awaiting approval');
    expect(sut.find('[data-test="step-detail-design"]').exists()).toBe(true);
    await sut.get('[data-test="step-planning"]').trigger('click');
    const detail = sut.get('[data-test="step-detail-planning"]');
    expect(detail.text()).toContain('docs/plan.md');
    expect(detail.get('[data-test="output-t-plan"] strong').text()).toBe('plan');
  });

  it('approves a waiting step through the dialog', async () => {
    const sut = await open();
    await sut.get('[data-test="approve-design"]').trigger('click');
    await flushPromises();
    expect(sut.get('[data-test="decide-approve"]').attributes('open')).toBeDefined();
    await sut.get('[data-test="decide-approve"] form').trigger('submit');
    await flushPromises();
    expect(posts).toEqual([{ path: '/api/workflows/runs/wf-1/steps/design/approve', body: {} }]);
    expect(sut.get('[data-test="step-design"]').attributes('data-status')).toBe('completed');
  });

  it('requires a reason to reject, and shows the server’s reason code on the field', async () => {
    const sut = await open();
    await sut.get('[data-test="reject-design"]').trigger('click');
    await flushPromises();
    await sut.get('[data-test="decide-reject"] form').trigger('submit');
    await flushPromises();
    expect(sut.get('[data-test="decide-text-error"]').text()).toContain('Say why');
    expect(posts).toEqual([]);

    rejectAnswer = () => errorResponse(400, 'WORKFLOW_REJECT_REASON_REQUIRED', 'Say why the step is rejected');
    await sut.get('[data-test="decide-text"]').setValue('Add error handling');
    await sut.get('[data-test="decide-reject"] form').trigger('submit');
    await flushPromises();
    expect(posts).toEqual([{ path: '/api/workflows/runs/wf-1/steps/design/reject', body: { reason: 'Add error handling' } }]);
    expect(sut.get('[data-test="decide-text-error"]').text()).toContain('WORKFLOW_REJECT_REASON_REQUIRED');
  });

  it('follows the run on the live feed, ignoring other runs and older copies', async () => {
    const sut = await open();
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'workflows', epoch: 'ep-1', afterSeq: 0 });
    await flushPromises();
    const [plan, design, build] = run.steps;
    const next = { ...run, status: 'running', version: 9, steps: [plan, { ...design, status: 'completed' }, { ...build, status: 'running' }] };
    socket.receive({ type: 'event', topic: 'workflows', seq: 1, data: { ...next, id: 'other-run' } });
    socket.receive({ type: 'event', topic: 'workflows', seq: 2, data: next });
    socket.receive({ type: 'event', topic: 'workflows', seq: 3, data: { ...run, version: 4 } });
    await flushPromises();
    expect(sut.get('[data-test="step-build"]').attributes('data-status')).toBe('running');
    expect(sut.get('[data-test="run-status"]').text()).toBe('Running');
    expect(sut.find('[data-test="approve-design"]').exists()).toBe(false);
  });
});
