/**
 * Performance analytics from real run data: the core loop (dispatcher, fake agent as `claude`,
 * SQLite store) runs a few tasks — one plain, one that fails once and is retried, one that is
 * reopened and runs again — and the report is checked against what the task and run APIs say
 * happened (statuses, timeline times, run costs), per employee, per department and for the team.
 * On SQLite and on a fresh PostgreSQL database.
 */
import { join } from 'node:path';
import type { Run, TaskTimelineEntry } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { KyselyAnalyticsRepository } from '../../src/adapters/store/kysely-analytics-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Store } from '../../src/ports/store.js';
import { systemClock } from '../../src/ports/clock.js';
import { AnalyticsService } from '../../src/services/bridge/analytics/analytics-service.js';
import { fakeScript, makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let database: TestDatabase | null = null;
const backends: { name: string; store: () => Promise<Store | undefined> }[] = [
  { name: 'SQLite', store: async () => undefined },
  {
    name: 'PostgreSQL',
    store: async () => {
      database = await createTestDatabase();
      return openStore({ kind: 'postgres', url: database.url, poolSize: 5 });
    },
  },
];

describe.each(backends)('analytics from stored runs and task timelines on $name', (backend) => {
  let h: CoreLoopHarness | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
    await database?.drop();
    database = null;
  });

  const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;
  const at = (timeline: TaskTimelineEntry[], to: string, nth = 0): string => {
    const entry = timeline.filter((e) => e.to === to)[nth];
    if (!entry) throw new Error(`no ${to} entry #${nth}`);
    return entry.at;
  };

  it('reports success rate, cycle time, queue wait, reopen rate and cost per task as they happened', async () => {
    const store = await backend.store();
    h = await makeCoreLoopHarness({ team: [teamMember('emp_101'), teamMember('emp_102')], dispatcher: { retryBackoffMs: 50 }, ...(store && { store }) });
    const harness = h;
    const plain = await harness.tasks.create({ title: 'Plain', description: fakeScript('x', { steps: [{ text: 'done' }] }), assignee: 'emp_101' }, 'api');
    const flaky = await harness.tasks.create(
      {
        title: 'Flaky',
        description: fakeScript('x', { steps: [{ crashUntil: { file: join(harness.runs.dir.path, 'flaky'), times: 1, code: 7 } }, { text: 'ok' }] }),
        assignee: 'emp_101',
        maxRetries: 2,
      },
      'api',
    );
    const reviewed = await harness.tasks.create({ title: 'Reviewed', description: fakeScript('x', { steps: [{ text: 'v1' }] }), assignee: 'emp_102' }, 'api');
    for (const t of [plain, flaky, reviewed]) await harness.waitForTask(t.id, (x) => x.status === 'completed');
    await harness.tasks.reopen(reviewed.id, { reason: 'Missing the tests' }, 'alice');
    await harness.waitForTask(reviewed.id, (x) => x.status === 'completed' && x.attempts === 1);
    await harness.dispatcher.idle();

    const analytics = new AnalyticsService({ analytics: new KyselyAnalyticsRepository(storeDatabaseOf(harness.store).db), clock: systemClock });
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const byEmployee = await analytics.report({ from, to, granularity: 'day', groupBy: 'employee' });

    const runsOf = async (id: string): Promise<Run[]> => (await harness.tasks.runs(id)).items;
    const allRuns = [...(await runsOf(plain.id)), ...(await runsOf(flaky.id)), ...(await runsOf(reviewed.id))];
    const cost = (runs: Run[]): number => runs.reduce((sum, r) => sum + r.usage.costUsd, 0);
    const ofEmployee = (id: string): Run[] => allRuns.filter((r) => r.employeeId === id);
    expect(ofEmployee('emp_101').map((r) => r.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);

    const plainTimeline = await harness.tasks.timeline(plain.id);
    const flakyTimeline = await harness.tasks.timeline(flaky.id);
    const reviewedTimeline = await harness.tasks.timeline(reviewed.id);
    const s101 = byEmployee.summary.find((s) => s.group === 'emp_101');
    const s102 = byEmployee.summary.find((s) => s.group === 'emp_102');
    expect(s101).toMatchObject({
      runs: { finished: 3, succeeded: 2, cancelled: 0 },
      successRate: 2 / 3,
      tasks: { completed: 2, reopened: 0 },
      reopenRate: 0,
      queueWait: { count: 3 },
      cycleTime: { count: 2 },
    });
    // Cycle: first `→ queued` to `→ completed`; the retry stays inside the cycle.
    const cycles101 = [seconds(at(plainTimeline, 'queued'), at(plainTimeline, 'completed')), seconds(at(flakyTimeline, 'queued'), at(flakyTimeline, 'completed'))];
    expect(s101?.cycleTime.avgSeconds).toBeCloseTo((cycles101[0]! + cycles101[1]!) / 2, 2);
    expect(s101?.costUsd).toBeCloseTo(cost(ofEmployee('emp_101')), 6);
    expect(s101?.costPerTaskUsd).toBeCloseTo(cost(ofEmployee('emp_101')) / 2, 6);

    // Reviewed: completed by emp_102 twice, reopened once in between.
    expect(s102).toMatchObject({ runs: { finished: 2, succeeded: 2 }, successRate: 1, tasks: { completed: 2, reopened: 1 }, reopenRate: 0.5 });
    const secondCycle = seconds(at(reviewedTimeline, 'queued', 1), at(reviewedTimeline, 'completed', 1));
    const firstCycle = seconds(at(reviewedTimeline, 'queued', 0), at(reviewedTimeline, 'completed', 0));
    expect(s102?.cycleTime.avgSeconds).toBeCloseTo((firstCycle + secondCycle) / 2, 2);

    // The same facts, per department and for the whole team.
    const team = await analytics.report({ from, to, granularity: 'week', groupBy: 'all' });
    expect(team.summary).toEqual([expect.objectContaining({ group: 'all', runs: { finished: 5, succeeded: 4, cancelled: 0 }, tasks: { completed: 4, reopened: 1 }, reopenRate: 0.25 })]);
    expect(team.summary[0]?.costUsd).toBeCloseTo(cost(allRuns), 6);
    const departments = await analytics.report({ from, to, granularity: 'day', groupBy: 'department' });
    expect(departments.summary.map((s) => [s.group, s.tasks.completed])).toEqual([['development', 4]]);
    const onlyOne = await analytics.report({ from, to, granularity: 'day', groupBy: 'employee', employee: 'emp_102' });
    expect(onlyOne.summary.map((s) => s.group)).toEqual(['emp_102']);

    // A window before any of it: nothing, not zeros.
    const before = await analytics.report({ from: '2020-01-01T00:00:00Z', to: '2020-01-08T00:00:00Z', granularity: 'day', groupBy: 'employee' });
    expect(before).toMatchObject({ rows: [], summary: [] });
  });
});
