/**
 * The Scheduler over real parts: cron schedules (cron-parser), runs recorded in a SQLite store,
 * the embedded leader lock, Prometheus metrics. Only time is driven by the test (a manual clock
 * and timers), so fires happen exactly when the test says.
 */
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cronSchedule } from '../../src/adapters/cron/cron-parser-schedule.js';
import { SqliteFileLeaderLock } from '../../src/adapters/leader-lock/sqlite-file-leader-lock.js';
import { KyselyScheduledJobRepository } from '../../src/adapters/store/kysely-scheduled-job-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { createSchedulerMetrics } from '../../src/observability/scheduler-metrics-prometheus.js';
import type { Clock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { Scheduler, type ScheduledJob, type SchedulerTimers } from '../../src/services/scheduler/scheduler.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

/** Clock and timers under the test's control: advanceTo() fires due timers in time order. */
class ManualTime implements Clock, SchedulerTimers {
  #ms: number;
  #pending = new Map<number, { fn: () => void; at: number }>();
  #ids = 0;
  constructor(iso: string) {
    this.#ms = Date.parse(iso);
  }
  now = (): number => this.#ms;
  isoNow = (): string => new Date(this.#ms).toISOString();
  set = (fn: () => void, ms: number): unknown => {
    this.#ids += 1;
    this.#pending.set(this.#ids, { fn, at: this.#ms + ms });
    return this.#ids;
  };
  clear = (handle: unknown): void => void this.#pending.delete(handle as number);
  advanceTo(iso: string): void {
    const target = Date.parse(iso);
    for (;;) {
      const due = [...this.#pending.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.#pending.delete(due[0]);
      this.#ms = due[1].at;
      due[1].fn();
    }
    this.#ms = target;
  }
}

describe('Scheduler', () => {
  let dir: TempDir;
  let store: Store;
  let repo: KyselyScheduledJobRepository;
  let time: ManualTime;
  const schedulers: Scheduler[] = [];

  beforeEach(async () => {
    dir = await makeTempDir('dash-scheduler-');
    store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
    repo = new KyselyScheduledJobRepository(storeDatabaseOf(store).db);
    time = new ManualTime('2026-01-01T00:00:00.000Z');
  });
  afterEach(async () => {
    for (const s of schedulers.splice(0)) await s.stop();
    await store.close();
    await dir.cleanup();
  });

  const scheduler = (nodeId = 'node-a', registry = new Registry()): Scheduler => {
    const s = new Scheduler({ runs: repo, metrics: createSchedulerMetrics(registry), clock: time, logger: silentLogger, nodeId, timers: time });
    schedulers.push(s);
    return s;
  };
  const lock = (): SqliteFileLeaderLock => new SqliteFileLeaderLock({ name: 'job', file: join(dir.path, 'leader-job.lock'), logger: silentLogger });
  const job = (run: ScheduledJob['run'], leader: ScheduledJob['leader'] = null): ScheduledJob => ({
    name: 'job',
    schedule: cronSchedule('0 2 * * *', 'UTC'),
    leader,
    run,
  });
  const runsRecorded = async (n: number) => {
    await vi.waitFor(async () => expect(await repo.recent('job', 100)).toHaveLength(n), { timeout: 10_000 });
    return repo.recent('job', 100);
  };

  it('fires at the cron times, records each run with its summary, and reports metrics', async () => {
    const registry = new Registry();
    const s = scheduler('node-a', registry);
    let n = 0;
    s.add(job(async () => ({ archived: ++n })));
    await s.start();
    expect(await s.status('job')).toMatchObject({ enabled: true, cron: '0 2 * * *', timezone: 'UTC', nextRunAt: '2026-01-01T02:00:00.000Z', lastRun: null, leader: true });

    time.advanceTo('2026-01-01T01:59:59.000Z');
    expect(n).toBe(0);
    time.advanceTo('2026-01-01T02:00:00.000Z');
    const [first] = await runsRecorded(1);
    expect(first).toEqual({
      job: 'job',
      nodeId: 'node-a',
      startedAt: '2026-01-01T02:00:00.000Z',
      finishedAt: '2026-01-01T02:00:00.000Z',
      outcome: 'succeeded',
      summary: { archived: 1 },
      error: null,
    });
    time.advanceTo('2026-01-02T02:00:00.000Z');
    await runsRecorded(2);
    time.advanceTo('2026-01-03T02:00:00.000Z');
    const runs = await runsRecorded(3);
    expect(runs.map((r) => r.startedAt)).toEqual(['2026-01-03T02:00:00.000Z', '2026-01-02T02:00:00.000Z', '2026-01-01T02:00:00.000Z']);
    expect((await s.status('job'))?.nextRunAt).toBe('2026-01-04T02:00:00.000Z');

    const text = await registry.metrics();
    expect(text).toContain('dashboard_scheduled_job_runs_total{job="job",outcome="succeeded"} 3');
    expect(text).toContain(`dashboard_scheduled_job_next_run_timestamp_seconds{job="job"} ${Date.parse('2026-01-04T02:00:00.000Z') / 1000}`);
    expect(text).toContain(`dashboard_scheduled_job_last_run_timestamp_seconds{job="job",outcome="succeeded"} ${Date.parse('2026-01-03T02:00:00.000Z') / 1000}`);
  });

  it('records a failed run and keeps the schedule going', async () => {
    const s = scheduler();
    let calls = 0;
    s.add(
      job(async () => {
        calls += 1;
        if (calls === 1) throw new Error('store went away');
        return { ok: true };
      }),
    );
    await s.start();
    time.advanceTo('2026-01-01T02:00:00.000Z');
    expect((await runsRecorded(1))[0]).toMatchObject({ outcome: 'failed', summary: null, error: 'store went away' });
    time.advanceTo('2026-01-02T02:00:00.000Z');
    expect((await runsRecorded(2))[0]).toMatchObject({ outcome: 'succeeded', summary: { ok: true } });
  });

  it('runs a leader-locked job in one process only; the other takes over when the leader stops', async () => {
    const ran: string[] = [];
    const a = scheduler('node-a');
    const b = scheduler('node-b');
    a.add(job(async () => (ran.push('a'), {}), lock()));
    b.add(job(async () => (ran.push('b'), {}), lock()));
    await a.start();
    await b.start();
    expect((await a.status('job'))?.leader).toBe(true);
    expect((await b.status('job'))?.leader).toBe(false);

    time.advanceTo('2026-01-01T02:00:00.000Z');
    await runsRecorded(1);
    time.advanceTo('2026-01-02T02:00:00.000Z');
    expect((await runsRecorded(2)).map((r) => r.nodeId)).toEqual(['node-a', 'node-a']);
    expect(ran).toEqual(['a', 'a']);

    await a.stop();
    time.advanceTo('2026-01-03T02:00:00.000Z');
    expect((await runsRecorded(3))[0]?.nodeId).toBe('node-b');
    expect(ran).toEqual(['a', 'a', 'b']);
    expect((await b.status('job'))?.leader).toBe(true);
  });

  it('skips a fire while the previous run is still going, and stop() aborts the run and waits for it', async () => {
    const s = scheduler();
    let started = 0;
    let aborted = false;
    s.add(
      job(
        (signal) =>
          new Promise((resolve) => {
            started += 1;
            signal.addEventListener('abort', () => {
              aborted = true;
              resolve({ stopped: true });
            });
          }),
      ),
    );
    await s.start();
    time.advanceTo('2026-01-01T02:00:00.000Z');
    await vi.waitFor(() => expect(started).toBe(1));
    expect((await s.status('job'))?.running).toBe(true);
    time.advanceTo('2026-01-02T02:00:00.000Z');
    expect(started).toBe(1);
    await s.stop();
    expect(aborted).toBe(true);
    expect((await repo.recent('job', 10))[0]).toMatchObject({ outcome: 'succeeded', summary: { stopped: true } });
  });

  it('keeps only the newest runs of a job in the store', async () => {
    for (let i = 0; i < 55; i++) {
      await repo.record({ job: 'job', nodeId: 'n', startedAt: `t${i}`, finishedAt: `t${i}`, outcome: 'succeeded', summary: { i }, error: null }, 50);
    }
    await repo.record({ job: 'other', nodeId: 'n', startedAt: 'x', finishedAt: 'x', outcome: 'failed', summary: null, error: 'e' }, 50);
    const kept = await repo.recent('job', 100);
    expect(kept).toHaveLength(50);
    expect(kept[0]?.summary).toEqual({ i: 54 });
    expect(kept[49]?.summary).toEqual({ i: 5 });
    expect(await repo.recent('other', 100)).toHaveLength(1);
  });
});
