import type { Alert, AlertDelivery } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { configureLiveFeed, useLiveFeedStore } from '../live-feed/live-feed-store';
import AlertsPanel from './AlertsPanel.vue';

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  key: 'failure_streak:emp_001',
  kind: 'failure_streak',
  severity: 'critical',
  status: 'open',
  title: 'emp_001 keeps failing',
  message: 'The last 3 finished runs of emp_001 failed.',
  subject: { employeeId: 'emp_001' },
  openedAt: '2025-01-01T10:00:00.000Z',
  lastSeenAt: '2025-01-01T10:05:00.000Z',
  occurrences: 3,
  resolvedAt: null,
  resolvedBy: null,
  ...over,
});

const delivery = (over: Partial<AlertDelivery> = {}): AlertDelivery => ({
  id: 'd1',
  alertId: 'a1',
  event: 'opened',
  target: 'https://hooks.slack.com',
  status: 'failed',
  attempts: 6,
  lastStatusCode: 500,
  lastError: 'HTTP 500: oops',
  nextAttemptAt: null,
  createdAt: '2025-01-01T10:00:00.000Z',
  deliveredAt: null,
  ...over,
});

let pinia: Pinia;
let wrapper: VueWrapper | null = null;
let open: Alert[];
const posted: string[] = [];

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  setActivePinia(pinia);
  open = [alert()];
  posted.length = 0;
  stubFetch((url, init) => {
    if (url === '/api/bridge/alerts?status=open&limit=50') return jsonResponse({ items: open });
    if (url === '/api/bridge/alerts/deliveries?limit=20') return jsonResponse({ items: [delivery()] });
    if (url === '/api/bridge/alerts/a1/resolve' && init.method === 'POST') {
      posted.push(url);
      return jsonResponse(alert({ status: 'resolved', resolvedBy: 'alice', resolvedAt: '2025-01-01T11:00:00.000Z' }));
    }
    if (url === '/api/bridge/alerts/a2/resolve') return errorResponse(403, 'FORBIDDEN', 'This needs the manager role');
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

describe('AlertsPanel', () => {
  it('lists open alerts and failed deliveries with their reason', async () => {
    wrapper = mount(AlertsPanel, { global: { plugins: [pinia] } });
    await flushPromises();
    const item = wrapper.get('[data-test="alert-failure_streak:emp_001"]');
    expect(item.text()).toContain('Critical');
    expect(item.text()).toContain('The last 3 finished runs of emp_001 failed.');
    expect(item.text()).toContain('seen 3×');
    const sent = wrapper.get('[data-test="delivery-d1"]').text();
    expect(sent).toContain('failed');
    expect(sent).toContain('https://hooks.slack.com');
    expect(sent).toContain('6 attempts · HTTP 500');
    expect(sent).toContain('HTTP 500: oops');
  });

  it('resolves an alert, and adds or drops alerts as the live feed reports them', async () => {
    wrapper = mount(AlertsPanel, { global: { plugins: [pinia] } });
    await flushPromises();
    await wrapper.get('[data-test="alert-resolve"]').trigger('click');
    await flushPromises();
    expect(posted).toEqual(['/api/bridge/alerts/a1/resolve']);
    expect(wrapper.get('[data-test="alerts-none"]').text()).toBe('No open alerts.');

    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'alerts', epoch: 'e1', afterSeq: 0 });
    await flushPromises();
    socket.receive({ type: 'event', topic: 'alerts', seq: 1, data: alert({ id: 'a2', key: 'dependency_down:memory-api', severity: 'warning', title: 'memory-api is down' }) });
    await flushPromises();
    expect(wrapper.get('[data-test="alert-dependency_down:memory-api"]').text()).toContain('Warning');
    // A viewer may not resolve: the server's answer is shown, the alert stays.
    await wrapper.get('[data-test="alert-resolve"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('This needs the manager role');
    socket.receive({ type: 'event', topic: 'alerts', seq: 2, data: alert({ id: 'a2', key: 'dependency_down:memory-api', status: 'resolved', resolvedBy: 'auto' }) });
    await flushPromises();
    expect(wrapper.find('[data-test="alert-dependency_down:memory-api"]').exists()).toBe(false);
  });
});
