import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { configureLiveFeed } from '../live-feed/live-feed-store';
import { useBrowserNotifications } from './browser-notifications';

/** Records what would be shown; permission as the browser would hold it. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn(async (): Promise<NotificationPermission> => {
    FakeNotification.permission = 'granted';
    return FakeNotification.permission;
  });
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

const task = (status: string, version: number) => ({ id: 't1', title: 'Fix the build', status, version, assignedTo: 'emp_001' });

let notifier: ReturnType<typeof useBrowserNotifications> | null = null;

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  setActivePinia(createPinia());
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  vi.stubGlobal('Notification', FakeNotification);
  localStorage.clear();
});

afterEach(() => {
  notifier?.stop();
  notifier = null;
  vi.unstubAllGlobals();
});

async function openFeed(): Promise<FakeWebSocket> {
  const socket = FakeWebSocket.latest;
  socket.accept();
  for (const topic of ['tasks', 'input-requests', 'workflows']) socket.receive({ type: 'subscribed', topic, epoch: 'e1', afterSeq: 0 });
  await flushPromises();
  return socket;
}

describe('browser notifications', () => {
  it('asks for permission only on enable(), then shows only the transitions that need a human, once each', async () => {
    const navigate = vi.fn();
    notifier = useBrowserNotifications(navigate);
    expect(notifier.state.value).toBe('off');
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    // Off: the live feed is not even followed.
    expect(FakeWebSocket.instances).toHaveLength(0);

    await notifier.enable();
    const socket = await openFeed();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(notifier.state.value).toBe('on');
    expect(localStorage.getItem('dash.notifications')).toBe('on');

    socket.receive({ type: 'event', topic: 'tasks', seq: 2, data: task('running', 3) });
    socket.receive({ type: 'event', topic: 'tasks', seq: 3, data: task('completed', 4) });
    socket.receive({ type: 'event', topic: 'tasks', seq: 4, data: task('completed', 4) });
    socket.receive({
      type: 'event',
      topic: 'input-requests',
      seq: 1,
      data: { id: 'r1', runId: 'run1', taskId: 't1', employeeId: 'emp_001', question: 'Which branch?', status: 'pending', kind: 'question', tool: null },
    });
    await flushPromises();
    expect(FakeNotification.shown.map((n) => n.title)).toEqual(['Ready for review: Fix the build', 'An agent needs your input']);
    expect(FakeNotification.shown[1]!.options.body).toBe('Which branch?');

    FakeNotification.shown[0]!.onclick?.();
    expect(navigate).toHaveBeenCalledWith('/tasks/t1');
    expect(FakeNotification.shown[0]!.closed).toBe(true);

    socket.receive({ type: 'event', topic: 'tasks', seq: 5, data: task('failed', 5) });
    await flushPromises();
    expect(FakeNotification.shown.map((n) => n.title).at(-1)).toBe('Task failed: Fix the build');

    notifier.disable();
    socket.receive({ type: 'event', topic: 'tasks', seq: 6, data: task('failed', 6) });
    await flushPromises();
    expect(FakeNotification.shown).toHaveLength(3);
  });

  it('stays off when the browser denies permission', async () => {
    notifier = useBrowserNotifications(vi.fn());
    FakeNotification.requestPermission.mockImplementationOnce(async (): Promise<NotificationPermission> => {
      FakeNotification.permission = 'denied';
      return 'denied';
    });
    await notifier.enable();
    expect(notifier.state.value).toBe('denied');
  });
});
