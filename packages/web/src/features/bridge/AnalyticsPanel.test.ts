import type { AnalyticsReport, AnalyticsRow } from '@dash/shared';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, stubFetch } from '../../test-support/fake-fetch';
import AnalyticsPanel from './AnalyticsPanel.vue';

const row = (group: string, over: Partial<AnalyticsRow> = {}): AnalyticsRow => ({
  period: '2025-01-01',
  group,
  runs: { finished: 4, succeeded: 3, cancelled: 1 },
  successRate: 0.75,
  tasks: { completed: 3, reopened: 1 },
  reopenRate: 1 / 3,
  cycleTime: { count: 3, avgSeconds: 700, p50Seconds: 600, p90Seconds: 900 },
  queueWait: { count: 4, avgSeconds: 20, p50Seconds: 12.5, p90Seconds: 40 },
  costUsd: 1.5,
  costPerTaskUsd: 0.5,
  ...over,
});

const report = (summary: AnalyticsRow[]): AnalyticsReport => ({
  from: '2025-01-01T00:00:00.000Z',
  to: '2025-01-08T00:00:00.000Z',
  granularity: 'day',
  groupBy: 'employee',
  generatedAt: '2025-01-08T00:00:00.000Z',
  rows: summary,
  summary,
});

let wrapper: VueWrapper | null = null;
let requested: string[] = [];

beforeEach(() => {
  requested = [];
});

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  vi.unstubAllGlobals();
});

describe('AnalyticsPanel', () => {
  it('shows each employee\'s figures from the report, and a dash where there is nothing to measure', async () => {
    stubFetch((url) => {
      requested.push(url);
      return jsonResponse(report([row('emp_001'), row('unassigned', { successRate: null, cycleTime: { count: 0, avgSeconds: null, p50Seconds: null, p90Seconds: null }, costPerTaskUsd: null })]));
    });
    wrapper = mount(AnalyticsPanel, { props: { employeeName: (id: string) => (id === 'emp_001' ? 'Ada' : id) } });
    await flushPromises();

    expect(requested).toEqual(['/api/bridge/analytics?groupBy=employee&granularity=day']);
    const cells = wrapper.get('[data-test="analytics-row-emp_001"]').findAll('th, td').map((c) => c.text());
    expect(cells).toEqual(['Ada', '75%', '4', '3', '10 min', '13 s', '33%', '$0.50']);
    const empty = wrapper.get('[data-test="analytics-row-unassigned"]').findAll('td').map((c) => c.text());
    expect([empty[0], empty[3], empty[6]]).toEqual(['—', '—', '—']);
  });

  it('asks again when the grouping or the period changes', async () => {
    stubFetch((url) => {
      requested.push(url);
      return jsonResponse(report([]));
    });
    wrapper = mount(AnalyticsPanel);
    await flushPromises();
    expect(wrapper.get('[data-test="analytics-empty"]').text()).toContain('No runs ended');
    await wrapper.get('[data-test="analytics-group"]').setValue('department');
    await wrapper.get('[data-test="analytics-period"]').setValue('week');
    await flushPromises();
    expect(requested).toContain('/api/bridge/analytics?groupBy=department&granularity=week');
  });

  it('shows the server\'s error', async () => {
    stubFetch(() => errorResponse(503, 'BRIDGE_UNAVAILABLE', 'The API bridge cannot be reached'));
    wrapper = mount(AnalyticsPanel);
    await flushPromises();
    expect(wrapper.text()).toContain('The API bridge cannot be reached');
  });
});
