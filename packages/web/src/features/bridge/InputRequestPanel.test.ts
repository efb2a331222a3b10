import type { InputRequest } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { configureLiveFeed, useLiveFeedStore } from '../live-feed/live-feed-store';
import InputRequestPanel from './InputRequestPanel.vue';

const question = (over: Partial<InputRequest> = {}): InputRequest => ({
  id: 'q1',
  runId: 'run-1',
  taskId: 't1',
  employeeId: 'emp_001',
  question: 'Deploy now or after the review?',
  status: 'pending',
  answer: null,
  answeredBy: null,
  createdAt: '2025-01-01T10:00:00.000Z',
  expiresAt: '2025-01-01T11:00:00.000Z',
  closedAt: null,
  kind: 'question',
  tool: null,
  decision: null,
  ...over,
});

let pinia: Pinia;
let wrapper: VueWrapper | null = null;
let listed: InputRequest[] = [];
let decisions: Array<Record<string, unknown>> = [];

const approval = (over: Partial<InputRequest> = {}): InputRequest =>
  question({ id: 'a1', kind: 'tool_approval', question: 'Allow Bash?', tool: { name: 'Bash', input: { command: 'rm -rf build' }, toolUseId: 'toolu_1' }, ...over });

function mountPanel(props: { runId?: string; live?: boolean } = {}): VueWrapper {
  wrapper = mount(InputRequestPanel, { props: { runId: 'run-1', live: true, ...props }, global: { plugins: [pinia] } });
  return wrapper;
}

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  setActivePinia(pinia);
  listed = [];
  decisions = [];
  stubFetch((url, init) => {
    if (url === '/api/bridge/runs/run-1/input-requests') return jsonResponse({ items: listed });
    if (url === '/api/bridge/runs/run-1/input-requests/q1/answer') return errorResponse(409, 'BRIDGE_INPUT_CLOSED', 'The input request is no longer waiting for an answer');
    if (url === '/api/bridge/runs/run-1/input-requests/a1/decision') {
      decisions.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return jsonResponse(approval({ status: 'answered', decision: 'deny', answer: 'Not in prod.', answeredBy: 'bob', closedAt: '2025-01-01T10:01:00.000Z' }));
    }
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

describe('InputRequestPanel', () => {
  it('stays out of the way while the agent asked nothing', async () => {
    const sut = mountPanel();
    await flushPromises();
    expect(sut.find('[data-test="input-requests"]').exists()).toBe(false);
    expect(sut.emitted('pending')).toEqual([[0]]);
  });

  it('shows a question the moment it arrives on the live feed, and drops it when it is closed elsewhere', async () => {
    const sut = mountPanel();
    await flushPromises();
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'input-requests', epoch: 'e1', afterSeq: 0 });
    await flushPromises();

    socket.receive({ type: 'event', topic: 'input-requests', seq: 1, data: question() });
    socket.receive({ type: 'event', topic: 'input-requests', seq: 2, data: question({ id: 'other', runId: 'run-2' }) });
    await flushPromises();
    expect(sut.get('[data-test="input-request-q1"]').text()).toContain('Deploy now or after the review?');
    expect(sut.find('[data-test="input-request-other"]').exists()).toBe(false);
    expect(sut.emitted('pending')?.at(-1)).toEqual([1]);

    socket.receive({ type: 'event', topic: 'input-requests', seq: 3, data: question({ status: 'answered', answer: 'After.', answeredBy: 'bob' }) });
    await flushPromises();
    expect(sut.find('[data-test="input-request-q1"]').exists()).toBe(false);
    expect(sut.get('[data-test="input-closed-q1"]').text()).toContain('Answered by bob');
    expect(sut.emitted('pending')?.at(-1)).toEqual([0]);
  });

  it('shows a tool approval with its input and sends the decision with the note', async () => {
    listed = [approval()];
    const sut = mountPanel();
    await flushPromises();
    expect(sut.get('[data-test="approval-request-a1"]').text()).toContain('Needs approval');
    expect(sut.get('[data-test="approval-tool"]').text()).toBe('Bash');
    expect(sut.get('[data-test="approval-input"]').text()).toContain('"command": "rm -rf build"');
    expect(sut.find('[data-test="answer-text"]').exists()).toBe(false);
    expect(sut.emitted('pending')?.at(-1)).toEqual([1]);
    await sut.get('[data-test="approval-note"]').setValue('Not in prod.');
    await sut.get('[data-test="approval-deny"]').trigger('click');
    await flushPromises();
    expect(decisions).toEqual([{ decision: 'deny', message: 'Not in prod.' }]);
    expect(sut.find('[data-test="approval-request-a1"]').exists()).toBe(false);
    expect(sut.get('[data-test="input-closed-a1"]').text()).toContain('Denied');
    expect(sut.emitted('pending')?.at(-1)).toEqual([0]);
  });

  it('says an approval nobody decided in time was denied', async () => {
    listed = [approval({ status: 'expired', closedAt: '2025-01-01T10:10:00.000Z' })];
    const sut = mountPanel({ live: false });
    await flushPromises();
    expect(sut.get('[data-test="input-closed-a1"]').text()).toContain('Denied (nobody decided in time)');
  });

  it('says why an answer was refused and shows what is true now', async () => {
    listed = [question()];
    const sut = mountPanel();
    await flushPromises();
    expect(sut.get('[data-test="answer-send"]').attributes('disabled')).toBeDefined();
    await sut.get('[data-test="answer-text"]').setValue('Now.');
    listed = [question({ status: 'cancelled', closedAt: '2025-01-01T10:05:00.000Z' })];
    await sut.get('[data-test="input-request-q1"]').trigger('submit');
    await flushPromises();
    expect(sut.text()).toContain('BRIDGE_INPUT_CLOSED');
    expect(sut.get('[data-test="input-closed-q1"]').text()).toContain('Cancelled (the run ended)');
  });

  it('reads a finished run\'s questions once, without following the live feed', async () => {
    listed = [question({ status: 'expired', closedAt: '2025-01-01T11:00:00.000Z' })];
    const sut = mountPanel({ live: false });
    await flushPromises();
    expect(sut.get('[data-test="input-closed-q1"]').text()).toContain('Expired');
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});
