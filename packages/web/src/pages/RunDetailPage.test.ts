import type { InputRequest, RunEvent } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, RouterView, type Router } from 'vue-router';
import { createAppRouter } from '../app/router';
import { configureLiveFeed, useLiveFeedStore } from '../features/live-feed/live-feed-store';
import { errorResponse, jsonResponse, stubFetch } from '../test-support/fake-fetch';
import { FakeWebSocket } from '../test-support/fake-websocket';
import { eventsPage, makeRun, numbered, stderr, text, toolCall, toolResult, usage, userMessage } from '../test-support/run-fixtures';
import type { Run } from '../features/runs/runs-api';

interface Server {
  run: Run;
  events: RunEvent[];
  requests: string[];
  stopped: boolean;
  followUp: { mode: 'stdin' | 'resumed'; run: Run } | null;
  /** Questions of the agent (GET /api/bridge/runs/:id/input-requests). */
  questions: InputRequest[];
}

let server: Server;
let wrapper: VueWrapper | null = null;
let pinia: Pinia;

function serve(): void {
  stubFetch((url, init) => {
    const method = init.method ?? 'GET';
    server.requests.push(`${method} ${url}`);
    const { pathname, searchParams } = new URL(url, 'http://dash.test');
    if (pathname === `/api/runs/${server.run.id}` && method === 'GET') return jsonResponse(server.run);
    if (pathname === `/api/runs/${server.run.id}/events`) {
      const after = Number(searchParams.get('after'));
      const limit = Number(searchParams.get('limit'));
      const page = server.events.filter((e) => e.seq > after).slice(0, limit);
      const ended = ['succeeded', 'failed', 'cancelled'].includes(server.run.status);
      return jsonResponse(eventsPage(page, after, ended && page.length < limit));
    }
    if (pathname === `/api/runs/${server.run.id}/stop` && method === 'POST') {
      server.stopped = true;
      server.run = { ...server.run, status: 'cancelled', endedAt: '2025-01-01T10:01:00.000Z' };
      return jsonResponse(server.run);
    }
    if (pathname === `/api/bridge/runs/${server.run.id}/input-requests` && method === 'GET') return jsonResponse({ items: server.questions });
    const answer = /^\/api\/bridge\/runs\/[^/]+\/input-requests\/([^/]+)\/answer$/.exec(pathname);
    if (answer && method === 'POST') {
      const body = JSON.parse(String(init.body)) as { answer: string };
      server.questions = server.questions.map((q) => (q.id === answer[1] ? { ...q, status: 'answered', answer: body.answer, answeredBy: 'alice', closedAt: '2025-01-01T10:02:00.000Z' } : q));
      return jsonResponse(server.questions.find((q) => q.id === answer[1]));
    }
    if (pathname === `/api/runs/${server.run.id}/follow-up` && method === 'POST' && server.followUp) {
      return jsonResponse(server.followUp, server.followUp.mode === 'resumed' ? 201 : 200);
    }
    return errorResponse(404, 'RUN_NOT_FOUND', 'Run not found');
  });
}

async function openRun(id = server.run.id): Promise<{ sut: VueWrapper; router: Router }> {
  const router = createAppRouter(createMemoryHistory());
  await router.push(`/runs/${id}`);
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await flushPromises();
  await vi.waitFor(() => expect(wrapper?.find('[data-test="transcript"]').exists() || wrapper?.find('[data-test="run-missing"]').exists()).toBe(true));
  await flushPromises();
  return { sut: wrapper, router };
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  server = {
    run: makeRun({ usage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.0123 } }),
    events: numbered([
      userMessage('Write a.md'),
      text('## Plan\n\nI will write **a.md** now.'),
      toolCall('t1', 'Write', { file_path: 'a.md', content: 'hi' }),
      toolResult('t1', 'ok'),
      stderr('warning: slow disk'),
      usage(1500, 400, 0.02, true),
    ]),
    requests: [],
    stopped: false,
    followUp: null,
    questions: [],
  };
  serve();
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Run page', () => {
  it('shows "Needs input" with the agent\'s question and sends the answer back to it', async () => {
    server.questions = [
      {
        id: 'q1',
        runId: 'run-1',
        taskId: null,
        employeeId: 'emp_001',
        question: 'Which region should the bucket live in?',
        status: 'pending',
        answer: null,
        answeredBy: null,
        createdAt: '2025-01-01T10:00:30.000Z',
        expiresAt: '2025-01-01T11:00:30.000Z',
        closedAt: null,
        kind: 'question',
        tool: null,
        decision: null,
      },
    ];
    const { sut } = await openRun();
    await vi.waitFor(() => expect(sut.find('[data-test="needs-input"]').exists()).toBe(true));
    expect(sut.get('[data-test="input-request-q1"]').text()).toContain('Which region should the bucket live in?');

    await sut.get('[data-test="answer-text"]').setValue('eu-central-1');
    await sut.get('[data-test="input-request-q1"]').trigger('submit');
    await vi.waitFor(() => expect(sut.find('[data-test="needs-input"]').exists()).toBe(false));
    expect(server.requests).toContain('POST /api/bridge/runs/run-1/input-requests/q1/answer');
    expect(sut.get('[data-test="input-closed-q1"]').text()).toContain('Answered by alice');
    expect(sut.get('[data-test="input-closed-q1"]').text()).toContain('eu-central-1');
  });

  it('shows the run, its transcript, stderr apart, and the freshest usage', async () => {
    const { sut } = await openRun();

    expect(sut.get('[data-test="run-status"]').text()).toBe('Running');
    expect(sut.get('h2').text()).toBe('Plan');
    expect(sut.get('button.tool').text()).toContain('a.md');
    expect(sut.get('[data-test="transcript"]').text()).not.toContain('warning: slow disk');
    expect(sut.get('[data-test="stderr-count"]').text()).toBe('1 line');
    // Events report 1,500 in / 400 out / $0.02, ahead of the record's 1,200 / 300 / $0.0123.
    expect(sut.get('[data-test="usage"]').text()).toContain('1.5k');
    expect(sut.get('[data-test="cost"]').text()).toBe('$0.02');
    expect(sut.find('a[href="/api/runs/run-1/log?format=ndjson"]').exists()).toBe(true);
    expect(sut.find('a[href="/api/runs/run-1/log?format=text"]').exists()).toBe(true);
    expect(server.requests).toContain('GET /api/runs/run-1/events?after=0&limit=5000');
  });

  it('subscribes to the live feed after the history and appends live events', async () => {
    const { sut } = await openRun();
    const socket = FakeWebSocket.latest;
    socket.accept();

    // The run's transcript, and the questions its agent may ask (InputRequestPanel).
    expect(socket.sent[0]).toEqual({ type: 'hello', v: 1, resume: { subscriptions: [{ topic: 'input-requests' }, { topic: 'run:run-1', afterSeq: 6 }] } });
    socket.receive({ type: 'subscribed', topic: 'run:run-1', epoch: null, afterSeq: 6 });
    await flushPromises();
    expect(sut.get('[data-test="live-note"]').text()).toBe('Live');

    const [live] = numbered([text('Live **update**')], 'run-1', 7);
    socket.receive({ type: 'event', topic: 'run:run-1', seq: 7, data: live });
    await vi.waitFor(() => expect(sut.text()).toContain('Live update'));
  });

  it('falls back to polling /events every second when the live feed is unavailable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { sut } = await openRun();
    FakeWebSocket.latest.fail();
    await vi.advanceTimersByTimeAsync(0);

    expect(sut.get('[data-test="live-note"]').text()).toContain('Live updates unavailable');
    server.events.push(...numbered([text('Polled output')], 'run-1', 7));
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(100);

    expect(server.requests).toContain('GET /api/runs/run-1/events?after=6&limit=5000');
    expect(sut.text()).toContain('Polled output');
  });

  it('stops the run with s after a confirmation', async () => {
    const { sut } = await openRun();

    press('s');
    await flushPromises();
    const dialog = sut.get('dialog.confirm');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(server.stopped).toBe(false);

    await dialog.get('[data-test="confirm"]').trigger('click');
    await vi.waitFor(() => expect(sut.get('[data-test="run-status"]').text()).toBe('Cancelled'));
    expect(server.stopped).toBe(true);
    expect(sut.find('[data-test="stop"]').exists()).toBe(false);
  });

  it('does not stop when the confirmation is cancelled', async () => {
    const { sut } = await openRun();

    await sut.get('[data-test="stop"]').trigger('click');
    await sut.get('dialog.confirm [data-test="dialog-cancel"]').trigger('click');
    await flushPromises();

    expect(server.stopped).toBe(false);
    expect((sut.get('dialog.confirm').element as HTMLDialogElement).open).toBe(false);
  });

  it('focuses the follow-up box with f, and opens the new run when a follow-up resumes it', async () => {
    server.run = { ...server.run, status: 'succeeded', endedAt: '2025-01-01T10:02:00.000Z' };
    server.followUp = { mode: 'resumed', run: makeRun({ id: 'run-2', resumeOf: 'run-1', status: 'starting' }) };
    const { sut, router } = await openRun();
    expect(FakeWebSocket.instances).toHaveLength(0);

    press('f');
    const box = sut.get('[data-test="follow-up"]');
    expect(document.activeElement).toBe(box.element);
    await box.setValue('Now add tests');
    await sut.get('form.follow-up').trigger('submit');

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/runs/run-2'), { timeout: 10_000 });
    expect(server.requests).toContain('POST /api/runs/run-1/follow-up');
  });

  it('keeps a window of the newest rows, pages earlier ones in on request, and jumps back to the latest', async () => {
    server.run = { ...server.run, status: 'succeeded', endedAt: '2025-01-01T10:02:00.000Z' };
    server.events = numbered(Array.from({ length: 26_000 }, (_, i) => text(`line ${i + 1}`)));
    const { sut } = await openRun();
    const setSize = () => Number(sut.get('[data-test="transcript"] [data-index]').attributes('aria-setsize'));

    expect(setSize()).toBeLessThanOrEqual(20_000);
    const earlier = sut.get('[data-test="earlier"]');
    const startAfter = 26_000 - setSize();
    expect(earlier.text()).toContain(`${startAfter.toLocaleString('en-US')} earlier events not loaded`);
    expect(sut.find('[data-test="newer"]').exists()).toBe(false);

    server.requests.length = 0;
    await earlier.get('button').trigger('click');
    await vi.waitFor(() => expect(sut.get('[data-test="earlier"]').text()).toContain(`${(startAfter - 5_000).toLocaleString('en-US')} earlier`));

    // The page just before the first kept seq; the newest rows made room for it.
    expect(server.requests).toEqual([`GET /api/runs/run-1/events?after=${startAfter - 5_000}&limit=5000`]);
    expect(setSize()).toBeLessThanOrEqual(20_000);
    expect(sut.get('[data-test="newer"]').text()).toMatch(/^[\d,]+ newer events not loaded/);

    server.requests.length = 0;
    await sut.get('[data-test="jump-latest"]').trigger('click');
    await vi.waitFor(() => expect(sut.find('[data-test="newer"]').exists()).toBe(false));

    expect(server.requests).toEqual(['GET /api/runs/run-1/events?after=21000&limit=5000']);
    expect(sut.text()).toContain('line 26000');
    expect(sut.get('[data-test="earlier"]').text()).toContain('21,000 earlier events not loaded');
  }, 30_000);

  it('says so when the run does not exist', async () => {
    const { sut } = await openRun('nope');

    expect(sut.get('[data-test="run-missing"]').text()).toContain('This run does not exist');
  });
});
