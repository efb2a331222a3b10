/**
 * The run event log when the store already holds events at the sequence numbers it is writing, on
 * SQLite and PostgreSQL:
 *  - its own earlier attempt committed but the answer was lost: those events count as written and
 *    the log goes on (no duplicate, no endless retry);
 *  - another writer continued the log (the replica that recovered the run as lost): the events not
 *    stored here are dropped and the log discarded, so flush/close return instead of retrying a
 *    clash forever, and the stored log is the other writer's;
 *  - the recoverer's final event (appendFinal) goes after the old owner's events that landed
 *    after it read the end, so the recovered log ends with it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { noopRunMetrics } from '../../src/ports/run-metrics.js';
import { RunEventLog } from '../../src/services/run-events/run-event-log.js';
import { capturingLogger } from '../support/memory-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`run event log conflicts (${dialect})`, () => {
    let store: Store;
    let dir: TempDir | null = null;
    let database: TestDatabase | null = null;

    beforeAll(async () => {
      if (dialect === 'sqlite') {
        dir = await makeTempDir('dash-event-conflicts-');
        store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
      } else {
        database = await createTestDatabase();
        store = await openStore({ kind: 'postgres', url: database.url, poolSize: 2 });
      }
    });
    afterAll(async () => {
      await store.close();
      await database?.drop();
      await dir?.cleanup();
    });

    async function newRun(): Promise<string> {
      const run = await store.runs.create({
        id: `run_${randomUUID()}`,
        taskId: null,
        employeeId: null,
        runtime: 'shell',
        model: null,
        cwd: '/tmp',
        resumeOf: null,
        nodeId: null,
        createdAt: new Date().toISOString(),
      });
      return run.id;
    }

    function newLog() {
      const logger = capturingLogger();
      const bus = new LocalEventBus();
      // A long flush interval: the test decides when writes happen (flush/close).
      const log = new RunEventLog({ repo: store.runEvents, bus, clock: systemClock, metrics: noopRunMetrics, logger }, { flushIntervalMs: 60_000 });
      return { log, logger, bus };
    }

    const text = (n: number) => ({ type: 'assistant.text' as const, text: `line ${n}` });

    it('counts its own already-committed batch as written and goes on', async () => {
      const runId = await newRun();
      const { log } = newLog();
      await log.open(runId);
      const recorded = [1, 2, 3].map((n) => log.record(runId, text(n)) as RunEvent);
      // The commit went through, but this writer never heard: the store has exactly its batch.
      await store.runEvents.append(runId, recorded, 60);
      log.record(runId, text(4));
      await log.close(runId);
      const stored = await store.runEvents.page(runId, { afterSeq: 0, limit: 10 });
      expect(stored.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(stored.map((e) => (e.event.type === 'assistant.text' ? e.event.text : e.event.type))).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    });

    it('drops what it has not stored when another writer continued the log, and stops retrying', async () => {
      const runId = await newRun();
      const { log, logger } = newLog();
      await log.open(runId);
      log.record(runId, text(1));
      await log.flush(runId);
      log.record(runId, text(2));
      log.record(runId, text(3));
      // The recovering replica appends its marker after what it found stored (seq 1).
      const marker: RunEvent = { runId, seq: 2, at: Date.now(), event: { type: 'supervisor', action: 'lost', message: 'recovered elsewhere' } };
      await store.runEvents.append(runId, [marker], 50);
      await log.close(runId); // returned: no endless retry
      expect(log.isOpen(runId)).toBe(false);
      const stored = await store.runEvents.page(runId, { afterSeq: 0, limit: 10 });
      expect(stored.map((e) => e.seq)).toEqual([1, 2]);
      expect(stored[1]?.event.type).toBe('supervisor');
      expect(logger.lines.some((l) => l.msg?.includes('another writer continued'))).toBe(true);
      expect(log.record(runId, text(4))).toBeNull();
    });

    it('appends a recoverer\'s final event after the old owner\'s late events, and the owner\'s later writes are dropped', async () => {
      const runId = await newRun();
      const owner = newLog();
      await owner.log.open(runId);
      owner.log.record(runId, text(1));
      await owner.log.flush(runId);
      // The recoverer reads the end (seq 1), then the old owner's last events land before its write.
      const recoverer = newLog();
      const repo = store.runEvents;
      let lateLanded = false;
      const racing = {
        ...repo,
        append: repo.append.bind(repo),
        page: repo.page.bind(repo),
        lastSeq: async (id: string) => {
          const seq = await repo.lastSeq(id);
          if (!lateLanded) {
            lateLanded = true;
            owner.log.record(runId, text(2));
            owner.log.record(runId, text(3));
            await owner.log.flush(runId);
          }
          return seq;
        },
      };
      const final = new RunEventLog({ repo: racing, bus: recoverer.bus, clock: systemClock, metrics: noopRunMetrics, logger: recoverer.logger }, { flushIntervalMs: 60_000 });
      const published: RunEvent[] = [];
      recoverer.bus.subscribe<RunEvent>(`run:${runId}`, (e) => published.push(e));
      const lost = await final.appendFinal(runId, { type: 'supervisor', action: 'lost', message: 'recovered here' });
      expect(lost.seq).toBe(4);
      expect(published).toEqual([lost]);

      // The old owner writes on: it clashes with the final event, drops its own and stops.
      owner.log.record(runId, text(4));
      await owner.log.close(runId);
      const stored = await store.runEvents.page(runId, { afterSeq: 0, limit: 10 });
      expect(stored.map((e) => (e.event.type === 'assistant.text' ? e.event.text : e.event.type))).toEqual(['line 1', 'line 2', 'line 3', 'supervisor']);
      expect(stored.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    });
  });
}
