/**
 * The Store contract: what every store adapter (SQLite, PostgreSQL) must do, run against real
 * databases by test/integration/store-*.test.ts. One store per suite; each test works in its own
 * namespace (random ids, task/employee/node keys, far-apart date ranges) so tests never see each
 * other's rows.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, RunEvent, RunStatus } from '@dash/shared';
import type { NewRun } from '../../src/ports/run-repository.js';
import type { Store } from '../../src/ports/store.js';

export interface StoreUnderTest {
  store: Store;
  /** Opens another Store on the same database or file (migrations run again); the caller closes it. */
  reopen(): Promise<Store>;
  /** Closes `store` and removes the database or file. */
  cleanup(): Promise<void>;
}

const uid = (prefix: string): string => `${prefix}-${randomUUID()}`;

const newRun = (overrides: Partial<NewRun> = {}): NewRun => ({
  id: uid('run'),
  taskId: null,
  employeeId: null,
  runtime: 'claude-code',
  model: 'sonnet',
  cwd: '/work/project',
  resumeOf: null,
  nodeId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

const textEvents = (runId: string, fromSeq: number, count: number, at = 1_700_000_000_000): RunEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    runId,
    seq: fromSeq + i,
    at: at + i,
    event: { type: 'assistant.text', text: `line ${fromSeq + i}` },
  }));

const zeroUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };

export function defineStoreContract(name: string, factory: () => Promise<StoreUnderTest>): void {
  describe(`Store contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;

    beforeAll(async () => {
      sut = await factory();
      store = sut.store;
    });
    afterAll(async () => {
      await sut?.cleanup();
    });

    describe('lifecycle', () => {
      it('answers ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        expect(['sqlite', 'postgres']).toContain(store.dialect);
      });

      it('opens again on the same database (migrations are idempotent) and sees the same data', async () => {
        const created = await store.runs.create(newRun());
        const again = await sut.reopen();
        try {
          expect(again.dialect).toBe(store.dialect);
          await expect(again.runs.get(created.id)).resolves.toEqual(created);
          const fromOther = await again.runs.create(newRun());
          await expect(store.runs.get(fromOther.id)).resolves.toEqual(fromOther);
        } finally {
          await again.close();
        }
      });

      it('close is idempotent and a closed store fails ping with STORE_UNAVAILABLE', async () => {
        const other = await sut.reopen();
        const first = other.close();
        expect(other.close()).toBe(first);
        await first;
        await expect(other.ping()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('runs', () => {
      it('creates a queued run with zeroed counters and reads it back', async () => {
        const input = newRun({ taskId: uid('task'), employeeId: uid('emp'), resumeOf: uid('run'), nodeId: 'node-a' });
        const created = await store.runs.create(input);
        expect(created).toEqual({
          id: input.id,
          taskId: input.taskId,
          employeeId: input.employeeId,
          runtime: 'claude-code',
          status: 'queued',
          model: 'sonnet',
          cwd: '/work/project',
          sessionId: null,
          resumeOf: input.resumeOf,
          nodeId: 'node-a',
          pid: null,
          exitCode: null,
          exitSignal: null,
          restarts: 0,
          errorCode: null,
          errorMessage: null,
          resultText: null,
          usage: zeroUsage,
          eventCount: 0,
          eventBytes: 0,
          logTruncated: false,
          createdAt: input.createdAt,
          startedAt: null,
          endedAt: null,
          lastEventAt: null,
        });
        await expect(store.runs.get(input.id)).resolves.toEqual(created);
      });

      it('returns null for an unknown run and rejects a duplicate id with CONFLICT', async () => {
        await expect(store.runs.get(uid('missing'))).resolves.toBeNull();
        const run = await store.runs.create(newRun());
        await expect(store.runs.create(newRun({ id: run.id }))).rejects.toMatchObject({ code: 'CONFLICT' });
      });

      it('stores timestamps as canonical UTC ISO strings', async () => {
        const run = await store.runs.create(newRun({ createdAt: '2025-03-01T12:00:00+02:00' }));
        expect(run.createdAt).toBe('2025-03-01T10:00:00.000Z');
        const updated = await store.runs.update(run.id, { startedAt: '2025-03-01T10:00:01Z' });
        expect(updated.startedAt).toBe('2025-03-01T10:00:01.000Z');
      });

      it('update applies only the keys given, including nulls', async () => {
        const run = await store.runs.create(newRun({ nodeId: 'node-a' }));
        const updated = await store.runs.update(run.id, {
          status: 'running',
          pid: 4242,
          sessionId: 'sess-1',
          restarts: 2,
          startedAt: '2025-01-01T00:00:05.000Z',
          nodeId: null,
        });
        expect(updated).toEqual({
          ...run,
          status: 'running',
          pid: 4242,
          sessionId: 'sess-1',
          restarts: 2,
          startedAt: '2025-01-01T00:00:05.000Z',
          nodeId: null,
        });
        const ended = await store.runs.update(run.id, {
          status: 'failed',
          pid: null,
          exitCode: 1,
          exitSignal: 'SIGTERM',
          errorCode: 'AGENT_SPAWN_FAILED',
          errorMessage: 'boom — ünïcode ✓',
          resultText: 'partial',
          model: null,
          endedAt: '2025-01-01T00:01:00.000Z',
        });
        expect(ended).toMatchObject({ sessionId: 'sess-1', restarts: 2, pid: null, exitCode: 1, model: null });
        expect(ended.errorMessage).toBe('boom — ünïcode ✓');
        await expect(store.runs.get(run.id)).resolves.toEqual(ended);
        await expect(store.runs.update(run.id, {})).resolves.toEqual(ended);
      });

      it('update sets logTruncated (a boolean on both stores)', async () => {
        const run = await store.runs.create(newRun({}));
        expect(run.logTruncated).toBe(false);
        await expect(store.runs.update(run.id, { logTruncated: true })).resolves.toMatchObject({ logTruncated: true });
        await expect(store.runs.get(run.id)).resolves.toMatchObject({ logTruncated: true });
      });

      it('update of an unknown run throws RUN_NOT_FOUND', async () => {
        await expect(store.runs.update(uid('missing'), { status: 'running' })).rejects.toMatchObject({
          code: 'RUN_NOT_FOUND',
        });
        await expect(store.runs.update(uid('missing'), {})).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      });

      it('transition changes state only from the allowed states', async () => {
        const run = await store.runs.create(newRun());
        const started = await store.runs.transition(run.id, ['queued'], { status: 'starting', nodeId: 'node-b' });
        expect(started).toMatchObject({ status: 'starting', nodeId: 'node-b' });

        const lost = await store.runs.transition(run.id, ['queued'], { status: 'cancelled', errorMessage: 'late' });
        expect(lost).toBeNull();
        await expect(store.runs.get(run.id)).resolves.toEqual(started);

        await expect(store.runs.transition(run.id, [], { status: 'failed' })).resolves.toBeNull();
        await expect(store.runs.transition(uid('missing'), ['queued'], { status: 'starting' })).resolves.toBeNull();
      });

      it('exactly one of several concurrent transitions from the same state wins', async () => {
        const run = await store.runs.create(newRun());
        const targets: RunStatus[] = ['starting', 'cancelled', 'failed', 'lost', 'timed_out'];
        const results = await Promise.all(
          targets.map((status) => store.runs.transition(run.id, ['queued'], { status, errorMessage: status })),
        );
        const winners = results.filter((r) => r !== null);
        expect(winners).toHaveLength(1);
        const stored = await store.runs.get(run.id);
        expect(stored?.status).toBe(winners[0]?.status);
        expect(stored?.errorMessage).toBe(winners[0]?.status);
      });

      it('addUsage accumulates and rejects an unknown run', async () => {
        const run = await store.runs.create(newRun());
        await store.runs.addUsage(run.id, { inputTokens: 10, outputTokens: 5, cacheReadTokens: 100, cacheWriteTokens: 7, costUsd: 0.25 });
        await store.runs.addUsage(run.id, { inputTokens: 1, outputTokens: 2, cacheReadTokens: 3, cacheWriteTokens: 4, costUsd: 0.5 });
        await store.runs.addUsage(run.id, { ...zeroUsage, inputTokens: 3_000_000_000 });
        const stored = await store.runs.get(run.id);
        expect(stored?.usage).toEqual({
          inputTokens: 3_000_000_011,
          outputTokens: 7,
          cacheReadTokens: 103,
          cacheWriteTokens: 11,
          costUsd: 0.75,
        });
        await expect(store.runs.addUsage(uid('missing'), zeroUsage)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
      });
    });

    describe('list', () => {
      it('pages newest first through ties with no duplicate and no gap', async () => {
        const taskId = uid('task');
        // 23 runs over 8 distinct timestamps, so most pages cut through runs created at the same instant.
        const created = [];
        for (let i = 0; i < 23; i++) {
          const createdAt = new Date(Date.UTC(2025, 0, 1, 0, 0, i % 8)).toISOString();
          created.push(await store.runs.create(newRun({ taskId, createdAt })));
        }
        const expected = [...created]
          .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
          .map((r) => r.id);

        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.runs.list({ taskId, limit: 5, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
          expect(pages).toBeLessThanOrEqual(5);
        } while (cursor);
        expect(pages).toBe(5);
        expect(seen).toEqual(expected);
      });

      it('returns no cursor when the last page is exactly full', async () => {
        const taskId = uid('task');
        for (let i = 0; i < 4; i++) await store.runs.create(newRun({ taskId }));
        const first = await store.runs.list({ taskId, limit: 2 });
        expect(first.items).toHaveLength(2);
        expect(first.nextCursor).not.toBeNull();
        const second = await store.runs.list({ taskId, limit: 2, cursor: first.nextCursor ?? '' });
        expect(second.items).toHaveLength(2);
        expect(second.nextCursor).toBeNull();
      });

      it('filters by status, task and employee', async () => {
        const taskId = uid('task');
        const employeeA = uid('emp');
        const employeeB = uid('emp');
        const a1 = await store.runs.create(newRun({ taskId, employeeId: employeeA, createdAt: '2025-02-01T00:00:01.000Z' }));
        const a2 = await store.runs.create(newRun({ taskId, employeeId: employeeA, createdAt: '2025-02-01T00:00:02.000Z' }));
        const b1 = await store.runs.create(newRun({ taskId, employeeId: employeeB, createdAt: '2025-02-01T00:00:03.000Z' }));
        const other = await store.runs.create(newRun({ employeeId: employeeA, createdAt: '2025-02-01T00:00:04.000Z' }));
        await store.runs.update(a1.id, { status: 'running' });
        await store.runs.update(b1.id, { status: 'succeeded' });

        const ids = async (filter: Parameters<Store['runs']['list']>[0]): Promise<string[]> =>
          (await store.runs.list(filter)).items.map((r) => r.id);

        expect(await ids({ taskId, limit: 10 })).toEqual([b1.id, a2.id, a1.id]);
        expect(await ids({ employeeId: employeeA, limit: 10 })).toEqual([other.id, a2.id, a1.id]);
        expect(await ids({ taskId, employeeId: employeeA, limit: 10 })).toEqual([a2.id, a1.id]);
        expect(await ids({ taskId, status: ['running', 'succeeded'], limit: 10 })).toEqual([b1.id, a1.id]);
        expect(await ids({ taskId, status: ['queued'], limit: 10 })).toEqual([a2.id]);
        expect(await ids({ taskId, status: [], limit: 10 })).toEqual([b1.id, a2.id, a1.id]);
        expect(await ids({ taskId: uid('task'), limit: 10 })).toEqual([]);
      });

      it('rejects a cursor it did not issue with VALIDATION_FAILED', async () => {
        await expect(store.runs.list({ limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
        });
      });

      it('listActive returns non-terminal runs, oldest first, optionally for one node', async () => {
        const node = uid('node');
        const statuses: RunStatus[] = ['queued', 'starting', 'running', 'stopping', 'succeeded', 'failed', 'cancelled', 'timed_out', 'lost'];
        const runs = [];
        for (const [i, status] of statuses.entries()) {
          const run = await store.runs.create(newRun({ nodeId: node, createdAt: new Date(Date.UTC(2025, 5, 1, 0, 0, 9 - i)).toISOString() }));
          runs.push(await store.runs.update(run.id, { status }));
        }
        const elsewhere = await store.runs.create(newRun({ nodeId: uid('node') }));

        const active = await store.runs.listActive(node);
        expect(active.map((r) => r.status)).toEqual(['stopping', 'running', 'starting', 'queued']);

        const all = (await store.runs.listActive()).map((r) => r.id);
        expect(all).toEqual(expect.arrayContaining([...runs.slice(0, 4).map((r) => r.id), elsewhere.id]));
        for (const ended of runs.slice(4)) expect(all).not.toContain(ended.id);
      });
    });

    describe('usageRollup', () => {
      it('groups usage by task, employee and UTC day of startedAt within [from, to)', async () => {
        // A year no other test uses, so the range holds this test's runs only.
        const day = (d: number, time: string): string => `2071-03-0${d}T${time}`;
        const taskA = uid('task-a');
        const taskB = uid('task-b');
        const emp = uid('emp');
        const start = async (taskId: string | null, employeeId: string | null, startedAt: string | null, input: number, cost: number) => {
          const run = await store.runs.create(newRun({ taskId, employeeId }));
          if (startedAt) await store.runs.update(run.id, { startedAt });
          await store.runs.addUsage(run.id, { inputTokens: input, outputTokens: 1, cacheReadTokens: 2, cacheWriteTokens: 3, costUsd: cost });
        };
        await start(taskA, emp, day(1, '00:00:00.000Z'), 10, 0.5); // day 1, first instant (from is inclusive)
        await start(taskA, emp, day(1, '23:59:59.999Z'), 20, 0.25); // day 1, last instant
        await start(taskB, emp, day(2, '01:00:00+02:00'), 30, 0.125); // 2071-03-01T23:00Z: still day 1 in UTC
        await start(taskB, null, day(2, '12:00:00.000Z'), 40, 1);
        await start(null, emp, day(3, '00:00:00.000Z'), 50, 2);
        await start(taskA, emp, day(4, '00:00:00.000Z'), 1000, 100); // == to: excluded
        await start(taskA, emp, null, 1000, 100); // never started: excluded

        const range = { from: day(1, '00:00:00.000Z'), to: day(4, '00:00:00.000Z') };
        const usage = (input: number, runs: number, cost: number) => ({
          runs,
          usage: { inputTokens: input, outputTokens: runs, cacheReadTokens: 2 * runs, cacheWriteTokens: 3 * runs, costUsd: cost },
        });

        expect(await store.runs.usageRollup('day', range)).toEqual([
          { key: '2071-03-01', ...usage(60, 3, 0.875) },
          { key: '2071-03-02', ...usage(40, 1, 1) },
          { key: '2071-03-03', ...usage(50, 1, 2) },
        ]);
        expect(await store.runs.usageRollup('task', range)).toEqual(
          [
            { key: taskA, ...usage(30, 2, 0.75) },
            { key: taskB, ...usage(70, 2, 1.125) },
          ].sort((a, b) => (a.key < b.key ? -1 : 1)),
        );
        expect(await store.runs.usageRollup('employee', range)).toEqual([{ key: emp, ...usage(110, 4, 2.875) }]);
        await expect(store.runs.usageRollup('day', { from: '2072-01-01T00:00:00Z', to: '2072-02-01T00:00:00Z' })).resolves.toEqual([]);
      });
    });

    describe('run events', () => {
      it('appends, pages and reports lastSeq, keeping the run counters in step', async () => {
        const run = await store.runs.create(newRun());
        await expect(store.runEvents.lastSeq(run.id)).resolves.toBe(0);
        await expect(store.runEvents.page(run.id, { afterSeq: 0, limit: 10 })).resolves.toEqual([]);

        const first = textEvents(run.id, 1, 3, 1_700_000_000_000);
        const second = textEvents(run.id, 4, 2, 1_700_000_500_000);
        await store.runEvents.append(run.id, first, 300);
        await store.runEvents.append(run.id, second, 250);
        await store.runEvents.append(run.id, [], 0);

        await expect(store.runEvents.lastSeq(run.id)).resolves.toBe(5);
        await expect(store.runEvents.page(run.id, { afterSeq: 0, limit: 10 })).resolves.toEqual([...first, ...second]);
        await expect(store.runEvents.page(run.id, { afterSeq: 2, limit: 2 })).resolves.toEqual([first[2], second[0]]);
        await expect(store.runEvents.page(run.id, { afterSeq: 5, limit: 10 })).resolves.toEqual([]);

        const stored = await store.runs.get(run.id);
        expect(stored).toMatchObject({
          eventCount: 5,
          eventBytes: 550,
          lastEventAt: new Date(1_700_000_500_001).toISOString(),
        });
      });

      it('rejects a gap, a duplicate or a foreign event and writes nothing', async () => {
        const run = await store.runs.create(newRun());
        await store.runEvents.append(run.id, textEvents(run.id, 1, 3), 30);
        const before = await store.runs.get(run.id);

        const attempts: RunEvent[][] = [
          textEvents(run.id, 5, 2), // gap after 3
          textEvents(run.id, 3, 2), // repeats 3
          textEvents(run.id, 1, 1), // repeats 1
          [...textEvents(run.id, 4, 2), ...textEvents(run.id, 7, 1)], // gap inside the batch
          [...textEvents(run.id, 4, 1), ...textEvents(run.id, 4, 1)], // duplicate inside the batch
          [...textEvents(run.id, 4, 1), ...textEvents(uid('run'), 5, 1)], // another run's event
        ];
        for (const batch of attempts) {
          await expect(store.runEvents.append(run.id, batch, 99)).rejects.toMatchObject({ code: 'CONFLICT' });
        }
        await expect(store.runEvents.lastSeq(run.id)).resolves.toBe(3);
        await expect(store.runEvents.page(run.id, { afterSeq: 0, limit: 100 })).resolves.toHaveLength(3);
        await expect(store.runs.get(run.id)).resolves.toEqual(before);

        const empty = await store.runs.create(newRun());
        await expect(store.runEvents.append(empty.id, textEvents(empty.id, 2, 1), 10)).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(store.runEvents.lastSeq(empty.id)).resolves.toBe(0);
      });

      it('appends batches of several runs in one transaction: all or nothing', async () => {
        const a = await store.runs.create(newRun());
        const b = await store.runs.create(newRun());
        await store.runEvents.appendMany([
          { runId: a.id, events: textEvents(a.id, 1, 2), bytes: 20 },
          { runId: b.id, events: textEvents(b.id, 1, 3), bytes: 30 },
        ]);
        await expect(store.runEvents.lastSeq(a.id)).resolves.toBe(2);
        await expect(store.runEvents.lastSeq(b.id)).resolves.toBe(3);
        await expect(store.runs.get(b.id)).resolves.toMatchObject({ eventCount: 3, eventBytes: 30 });

        // The second batch has a gap: the first, valid one must not be written either.
        await expect(
          store.runEvents.appendMany([
            { runId: a.id, events: textEvents(a.id, 3, 1), bytes: 10 },
            { runId: b.id, events: textEvents(b.id, 9, 1), bytes: 10 },
          ]),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        await expect(store.runEvents.lastSeq(a.id)).resolves.toBe(2);
        await expect(store.runs.get(a.id)).resolves.toMatchObject({ eventCount: 2, eventBytes: 20 });
      });

      it('rejects events for an unknown run with RUN_NOT_FOUND', async () => {
        const id = uid('missing');
        await expect(store.runEvents.append(id, textEvents(id, 1, 2), 20)).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
        await expect(store.runEvents.lastSeq(id)).resolves.toBe(0);
      });

      it('lets exactly one of two concurrent appends of the same seqs through', async () => {
        const run = await store.runs.create(newRun());
        const results = await Promise.allSettled([
          store.runEvents.append(run.id, textEvents(run.id, 1, 50), 500),
          store.runEvents.append(run.id, textEvents(run.id, 1, 50), 500),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
        await expect(store.runEvents.lastSeq(run.id)).resolves.toBe(50);
        expect(await store.runs.get(run.id)).toMatchObject({ eventCount: 50, eventBytes: 500 });
      });

      it('appends a batch of 5,000 events in one call', async () => {
        const run = await store.runs.create(newRun());
        const batch = textEvents(run.id, 1, 5000);
        await store.runEvents.append(run.id, batch, 5000 * 40);
        await expect(store.runEvents.lastSeq(run.id)).resolves.toBe(5000);
        expect(await store.runs.get(run.id)).toMatchObject({ eventCount: 5000, eventBytes: 200_000 });

        const read: RunEvent[] = [];
        let after = 0;
        for (;;) {
          const page = await store.runEvents.page(run.id, { afterSeq: after, limit: 1200 });
          if (page.length === 0) break;
          read.push(...page);
          after = page.at(-1)?.seq ?? after;
        }
        expect(read).toEqual(batch);
      });

      it('round-trips JSON payloads exactly (unicode, control characters, nesting, key order)', async () => {
        const run = await store.runs.create(newRun());
        const payloads: AgentEvent[] = [
          { type: 'assistant.text', text: 'héllo 世界 مرحبا 👩‍💻 e\u0301 \u200d' },
          { type: 'stderr', line: 'nul\u0000byte, tab\t, bell\u0007, quote " backslash \\' },
          { type: 'raw', line: 'lone surrogate \ud800 and \udfff; pair \ud83d\ude00' },
          {
            type: 'tool.call',
            toolUseId: 'tu_1',
            name: 'Edit',
            input: {
              zeta: 1,
              alpha: [1, -2.5, 1e21, 0.1, null, true, false, '', {}, []],
              nested: { deep: { deeper: { deepest: ['x', { k: 'v' }] } } },
              'key with spaces & ünïcode': 'ok',
            },
          },
          {
            type: 'tool.result',
            toolUseId: 'tu_1',
            isError: false,
            output: 'line1\nline2\r\n',
            truncated: true,
            originalBytes: 123456,
          },
          {
            type: 'usage',
            inputTokens: 1,
            outputTokens: 2,
            cacheReadTokens: 3,
            cacheWriteTokens: 4,
            costUsd: null,
            cumulative: false,
          },
        ];
        const events = payloads.map((event, i): RunEvent => ({ runId: run.id, seq: i + 1, at: 1_700_000_000_000 + i, event }));
        await store.runEvents.append(run.id, events, 1000);
        const read = await store.runEvents.page(run.id, { afterSeq: 0, limit: 100 });
        expect(read).toStrictEqual(events);
        expect(read.map((e) => JSON.stringify(e.event))).toEqual(payloads.map((p) => JSON.stringify(p)));
      });
    });
  });
}
