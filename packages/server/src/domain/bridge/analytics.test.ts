import { describe, expect, it } from 'vitest';
import type { AnalyticsRun, AnalyticsTimelineEntry } from '../../ports/analytics-repository.js';
import { computeAnalytics, type AnalyticsInput } from './analytics.js';

const run = (id: string, over: Partial<AnalyticsRun>): AnalyticsRun => ({
  id,
  taskId: 'T1',
  employeeId: 'emp_001',
  status: 'succeeded',
  createdAt: '2026-03-02T00:00:00.000Z',
  startedAt: null,
  endedAt: null,
  costUsd: 0,
  ...over,
});
const entry = (to: AnalyticsTimelineEntry['to'], at: string, data: Record<string, unknown> | null = null, taskId = 'T1'): AnalyticsTimelineEntry => ({
  taskId,
  to,
  at,
  data,
});

// T1: queued the evening before the range; the first attempt fails and is retried; completed by
// emp_001 on Monday; reopened on Tuesday and completed by emp_002.
const r1 = run('r1', { status: 'failed', startedAt: '2026-03-02T00:11:00.000Z', endedAt: '2026-03-02T01:00:00.000Z', costUsd: 0.5 });
const r2 = run('r2', { startedAt: '2026-03-02T01:31:00.000Z', endedAt: '2026-03-02T02:00:00.000Z', costUsd: 0.25 });
const r3 = run('r3', { employeeId: 'emp_002', startedAt: '2026-03-03T09:06:00.000Z', endedAt: '2026-03-03T10:00:00.000Z', costUsd: 1 });
const r4 = run('r4', { employeeId: 'emp_002', taskId: null, status: 'cancelled', endedAt: '2026-03-03T11:00:00.000Z', costUsd: 0.1 });
const outside = run('r5', { endedAt: '2026-03-05T00:00:00.000Z', costUsd: 9 });

const timeline: AnalyticsTimelineEntry[] = [
  entry('queued', '2026-03-01T23:00:00.000Z'),
  entry('running', '2026-03-02T00:10:00.000Z', { runId: 'r1', employeeId: 'emp_001' }),
  entry('queued', '2026-03-02T01:00:00.000Z'),
  entry('running', '2026-03-02T01:30:00.000Z', { runId: 'r2', employeeId: 'emp_001' }),
  entry('completed', '2026-03-02T02:00:00.000Z', { runId: 'r2', employeeId: 'emp_001' }),
  entry('reopened', '2026-03-03T09:00:00.000Z'),
  entry('queued', '2026-03-03T09:00:00.000Z'),
  entry('running', '2026-03-03T09:05:00.000Z', { runId: 'r3', employeeId: 'emp_002' }),
  entry('completed', '2026-03-03T10:00:00.000Z', { runId: 'r3', employeeId: 'emp_002' }),
];

const input = (over: Partial<AnalyticsInput> = {}): AnalyticsInput => ({
  from: '2026-03-02T00:00:00.000Z',
  to: '2026-03-04T00:00:00.000Z',
  granularity: 'day',
  groupBy: 'employee',
  filter: {},
  runsEnded: [r1, r2, r3, r4, outside],
  runsById: new Map([r1, r2, r3].map((r) => [r.id, r])),
  timeline,
  departments: new Map([
    ['emp_001', 'development'],
    ['emp_002', 'quality_assurance'],
  ]),
  ...over,
});

describe('computeAnalytics', () => {
  it('computes success rate, cycle time, queue wait, reopen rate and cost per employee and day', () => {
    const { rows } = computeAnalytics(input());
    expect(rows.map((r) => `${r.period} ${r.group}`)).toEqual(['2026-03-02 emp_001', '2026-03-03 emp_001', '2026-03-03 emp_002']);
    const [monday, reopenDay, tuesday] = rows;
    expect(monday).toMatchObject({
      runs: { finished: 2, succeeded: 1, cancelled: 0 },
      successRate: 0.5,
      tasks: { completed: 1, reopened: 0 },
      reopenRate: 0,
      // 23:00 the day before → 02:00; the retry stays inside the cycle.
      cycleTime: { count: 1, avgSeconds: 10_800, p50Seconds: 10_800, p90Seconds: 10_800 },
      // r1: 23:00 → 00:11; r2: its re-queue at 01:00 → 01:31.
      queueWait: { count: 2, avgSeconds: 3_060, p50Seconds: 1_860, p90Seconds: 4_260 },
      costUsd: 0.75,
      costPerTaskUsd: 0.75,
    });
    // The reopen is charged to whoever completed the work that was reopened.
    expect(reopenDay).toMatchObject({ runs: { finished: 0 }, successRate: null, tasks: { completed: 0, reopened: 1 }, reopenRate: null, costPerTaskUsd: null });
    expect(tuesday).toMatchObject({
      runs: { finished: 1, succeeded: 1, cancelled: 1 },
      successRate: 1,
      tasks: { completed: 1, reopened: 0 },
      cycleTime: { count: 1, avgSeconds: 3_600 },
      queueWait: { count: 1, avgSeconds: 360 },
      costUsd: 1.1,
      costPerTaskUsd: 1,
    });
  });

  it('summarizes each group over the whole range', () => {
    const { summary } = computeAnalytics(input());
    expect(summary.map((s) => [s.group, s.period])).toEqual([
      ['emp_001', '2026-03-02'],
      ['emp_002', '2026-03-02'],
    ]);
    expect(summary[0]).toMatchObject({ tasks: { completed: 1, reopened: 1 }, reopenRate: 1, costUsd: 0.75, successRate: 0.5 });
    expect(summary[1]).toMatchObject({ tasks: { completed: 1, reopened: 0 }, reopenRate: 0, costUsd: 1.1 });
  });

  it('groups by department, by the whole team, and by ISO week', () => {
    expect(computeAnalytics(input({ groupBy: 'department' })).summary.map((s) => s.group)).toEqual(['development', 'quality_assurance']);
    const team = computeAnalytics(input({ groupBy: 'all', granularity: 'week' }));
    expect(team.rows).toHaveLength(1);
    expect(team.rows[0]).toMatchObject({
      period: '2026-03-02',
      group: 'all',
      runs: { finished: 3, succeeded: 2, cancelled: 1 },
      tasks: { completed: 2, reopened: 1 },
      reopenRate: 0.5,
      cycleTime: { count: 2, avgSeconds: 7_200 },
      costUsd: 1.85,
      costPerTaskUsd: 0.875,
    });
  });

  it('filters by employee or department, and counts work without an employee as unassigned', () => {
    expect(computeAnalytics(input({ filter: { employee: 'emp_002' } })).rows.map((r) => r.group)).toEqual(['emp_002']);
    expect(computeAnalytics(input({ filter: { department: 'development' } })).summary.map((r) => r.group)).toEqual(['emp_001']);
    const orphan = run('r9', { employeeId: null, taskId: null, status: 'failed', endedAt: '2026-03-02T05:00:00.000Z' });
    expect(computeAnalytics(input({ runsEnded: [orphan], timeline: [] })).rows).toEqual([expect.objectContaining({ group: 'unassigned', successRate: 0 })]);
  });

  it('reports nothing (not zeros) when nothing happened', () => {
    expect(computeAnalytics(input({ runsEnded: [], timeline: [] }))).toEqual({ rows: [], summary: [] });
  });
});
