import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { configureLiveFeed, useLiveFeedStore } from '../live-feed/live-feed-store';
import LiveMetricsPanel from './LiveMetricsPanel.vue';

let pinia: Pinia;
let wrapper: VueWrapper | null = null;

beforeEach(() => {
  FakeWebSocket.reset();
  configureLiveFeed({ WebSocket: FakeWebSocket });
  pinia = createPinia();
  setActivePinia(pinia);
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  useLiveFeedStore(pinia).$dispose();
  configureLiveFeed({});
});

const figures = (sut: VueWrapper): Record<string, string> =>
  Object.fromEntries(sut.findAll('dl div').map((row) => [row.get('dt').text(), row.get('dd').text()]));

describe('LiveMetricsPanel', () => {
  it('is a section named by its heading, with the feed state beside it, and dashes before any snapshot', async () => {
    wrapper = mount(LiveMetricsPanel, { global: { plugins: [pinia] } });
    await flushPromises();
    const section = wrapper.get('section');
    expect(section.classes()).toEqual(expect.arrayContaining(['card', 'panel']));
    expect(section.attributes('aria-labelledby')).toBe('metrics-heading');
    expect(wrapper.get('#metrics-heading').text()).toBe('Live metrics');
    expect(wrapper.get('header [data-test="feed-state"]').text()).toBe('Live feed: Connecting…');
    expect(figures(wrapper)).toEqual({ 'Agent processes': '—', Queue: '—', 'Running tasks': '—', 'Cost today (UTC)': '—' });
    expect(wrapper.text()).toContain('Figures appear here while the live feed is connected.');
  });

  it('shows each snapshot of the metrics topic while connected', async () => {
    wrapper = mount(LiveMetricsPanel, { global: { plugins: [pinia] } });
    await flushPromises();
    const socket = FakeWebSocket.latest;
    socket.accept();
    socket.receive({ type: 'subscribed', topic: 'metrics', epoch: 'e1', afterSeq: 0 });
    await flushPromises();
    expect(wrapper.get('[data-test="feed-state"]').text()).toBe('Live feed: Connected');
    expect(wrapper.get('[data-test="feed-state"]').classes()).toContain('is-on');
    expect(wrapper.text()).toContain('Waiting for the first snapshot…');

    const at = '2025-01-01T10:00:00.000Z';
    socket.receive({
      type: 'event',
      topic: 'metrics',
      seq: 1,
      data: { at, serverId: 'srv-a', activeProcesses: 2, queueDepth: { waiting: 3, active: 0, delayed: 1 }, runningTasks: 4, costTodayUsd: 1.5 },
    });
    await flushPromises();
    expect(figures(wrapper)).toEqual({ 'Agent processes': '2', Queue: expect.stringMatching(/^3 waiting\s*1 delayed$/), 'Running tasks': '4', 'Cost today (UTC)': '$1.50' });
    expect(wrapper.text()).toContain(`From srv-a, ${new Date(at).toLocaleTimeString()}.`);

    socket.receive({ type: 'event', topic: 'metrics', seq: 2, data: { at, serverId: 'srv-a', activeProcesses: null, queueDepth: { waiting: 0 }, runningTasks: 0, costTodayUsd: null } });
    await flushPromises();
    expect(figures(wrapper)).toEqual({ 'Agent processes': '—', Queue: 'Empty', 'Running tasks': '0', 'Cost today (UTC)': '—' });
  });
});
