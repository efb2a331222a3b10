/**
 * The dispatch gate and schedule repositories on a real SQLite store and a fresh PostgreSQL
 * database (migration 0012): pauses keep the later end and expire, spend is summed from runs' cost
 * per employee, for everyone since a time and per task, a schedule fire is claimed once, and a
 * notification key once.
 */
import { join } from 'node:path';
import type { DispatchPause, Schedule } from '@dash/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { KyselyDispatchGateRepository } from '../../src/adapters/store/kysely-dispatch-gate-repository.js';
import { KyselyNotificationLog } from '../../src/adapters/store/kysely-notification-log.js';
import { KyselyScheduleRepository } from '../../src/adapters/store/kysely-schedule-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Store } from '../../src/ports/store.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const pause = (over: Partial<DispatchPause> = {}): DispatchPause => ({
  scope: 'runtime:claude-code',
  runtime: 'claude-code',
  reason: 'rate_limit',
  until: '2026-03-04T12:10:00.000Z',
  reportedReset: false,
  runId: 'r1',
  taskId: 't1',
  createdAt: '2026-03-04T12:00:00.000Z',
  ...over,
});

const schedule = (over: Partial<Schedule> = {}): Schedule => ({
  id: 's1',
  name: 'Nightly',
  cron: '0 2 * * *',
  timezone: 'UTC',
  missedRunPolicy: 'skip',
  enabled: true,
  target: {
    kind: 'task',
    task: { title: 'Check', description: 'Check.', priority: 'medium', requiredSkills: [], labels: [], assignee: null, dependsOn: [], maxRetries: 2, timeoutMs: null, budgetUsd: null, workingDirectory: null },
  },
  nextRunAt: '2026-03-05T02:00:00.000Z',
  lastRunAt: null,
  lastResult: null,
  lastError: null,
  createdAt: '2026-03-04T00:00:00.000Z',
  updatedAt: '2026-03-04T00:00:00.000Z',
  ...over,
});

interface Backend {
  name: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

function sqlite(): Backend {
  let dir: TempDir | null = null;
  return {
    name: 'SQLite',
    async open() {
      dir = await makeTempDir('dash-gate-store-');
      return openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
    },
    cleanup: async () => dir?.cleanup(),
  };
}

function postgres(): Backend {
  let database: TestDatabase | null = null;
  return {
    name: 'PostgreSQL',
    async open() {
      database = await createTestDatabase();
      return openStore({ kind: 'postgres', url: database.url });
    },
    cleanup: async () => database?.drop(),
  };
}

describe.each([sqlite(), postgres()])('gate, schedule and notification stores: $name', (backend) => {
  let store: Store;
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('keeps the later end of a pause, lists only pauses in force, and resumes', async () => {
    store = await backend.open();
    const repo = new KyselyDispatchGateRepository(storeDatabaseOf(store).db);
    await repo.pause(pause());
    await repo.pause(pause({ until: '2026-03-04T12:05:00.000Z', runId: 'r2' }));
    expect(await repo.activePauses('2026-03-04T12:01:00.000Z')).toEqual([pause()]);
    await repo.pause(pause({ until: '2026-03-04T13:00:00.000Z', reason: 'usage_limit', reportedReset: true, runId: 'r3' }));
    expect(await repo.activePauses('2026-03-04T12:01:00.000Z')).toMatchObject([{ until: '2026-03-04T13:00:00.000Z', reportedReset: true, runId: 'r3' }]);
    expect(await repo.activePauses('2026-03-04T13:00:00.000Z')).toEqual([]);
    expect(await repo.resume('runtime:claude-code')).toBe(true);
    expect(await repo.resume('runtime:claude-code')).toBe(false);
    expect(await repo.activePauses('2026-03-04T12:01:00.000Z')).toEqual([]);
  });

  it('sums the runs\' own cost per employee and for everyone since a time, and per task', async () => {
    const repo = new KyselyDispatchGateRepository(storeDatabaseOf(store).db);
    const runs: Array<[string, string | null, string | null, string, number]> = [
      ['a', 'emp_1', 't1', '2026-03-03T23:59:59.000Z', 5],
      ['b', 'emp_1', 't1', '2026-03-04T00:00:00.000Z', 0.25],
      ['c', 'emp_1', 't2', '2026-03-04T08:00:00.000Z', 0.5],
      ['d', 'emp_2', 't3', '2026-03-04T09:00:00.000Z', 1],
      ['e', null, null, '2026-03-04T10:00:00.000Z', 0.125],
    ];
    for (const [id, employeeId, taskId, createdAt, costUsd] of runs) {
      await store.runs.create({ id, taskId, employeeId, runtime: 'claude-code', model: null, cwd: '/tmp', resumeOf: null, nodeId: null, createdAt });
      await store.runs.addUsage(id, { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd });
    }
    const since = await repo.costSince('2026-03-04T00:00:00.000Z');
    expect(since.get('emp_1')).toBeCloseTo(0.75, 10);
    expect(since.get('emp_2')).toBeCloseTo(1, 10);
    expect(since.get('*')).toBeCloseTo(1.875, 10);
    expect(await repo.taskCost('t1')).toBeCloseTo(5.25, 10);
    expect(await repo.taskCost('none')).toBe(0);
  });

  it('stores schedules and claims a fire once', async () => {
    const repo = new KyselyScheduleRepository(storeDatabaseOf(store).db);
    await repo.insert(schedule());
    await repo.insert(schedule({ id: 's2', enabled: false }));
    await repo.insert(schedule({ id: 's3', nextRunAt: '2026-03-06T02:00:00.000Z' }));
    expect(await repo.get('s1')).toEqual(schedule());
    expect((await repo.due('2026-03-05T02:00:00.000Z', 10)).map((s) => s.id)).toEqual(['s1']);
    const fire = { dueAt: '2026-03-05T02:00:00.000Z', nextRunAt: '2026-03-06T02:00:00.000Z', lastRunAt: '2026-03-05T02:00:01.000Z' };
    expect(await repo.claimFire('s1', fire)).toBe(true);
    expect(await repo.claimFire('s1', fire)).toBe(false);
    await repo.recordOutcome('s1', 'task:t9', null);
    expect(await repo.get('s1')).toMatchObject({ nextRunAt: '2026-03-06T02:00:00.000Z', lastRunAt: '2026-03-05T02:00:01.000Z', lastResult: 'task:t9' });
    expect(await repo.delete('s2')).toBe(true);
    expect((await repo.list()).map((s) => s.id)).toEqual(['s1', 's3']);
  });

  it('claims a notification key once', async () => {
    const log = new KyselyNotificationLog(storeDatabaseOf(store).db);
    expect(await log.claim('task:t1:failed:3', '2026-03-04T00:00:00.000Z')).toBe(true);
    expect(await log.claim('task:t1:failed:3', '2026-03-04T00:00:01.000Z')).toBe(false);
    expect(await log.prune('2026-03-05T00:00:00.000Z')).toBe(1);
    expect(await log.claim('task:t1:failed:3', '2026-03-05T00:00:01.000Z')).toBe(true);
  });
});
