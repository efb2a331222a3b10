/**
 * Per-task budgets on a real SQLite file and a fresh PostgreSQL database: the task service stores
 * `budgetUsd` on create and update and reads it back, refuses a bad amount with 400
 * VALIDATION_FAILED on `body.budgetUsd` and stores nothing, and the dispatch gate (on the same
 * store, spend summed from runs' cost) holds each task to its own budget, else to the default.
 */
import { join } from 'node:path';
import { errorCodes, type Task } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { KyselyDispatchGateRepository } from '../../src/adapters/store/kysely-dispatch-gate-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { AppError } from '../../src/domain/app-error.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { DispatchGate, type GateLimits } from '../../src/services/budgets/dispatch-gate.js';
import { makeCoreLoopHarness, type CoreLoopHarness } from '../support/core-loop-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

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
      dir = await makeTempDir('dash-task-budgets-');
      return openStore({ kind: 'sqlite', file: join(dir.path, 'dash.db') });
    },
    cleanup: async () => {
      await dir?.cleanup();
      dir = null;
    },
  };
}

function postgres(): Backend {
  let database: TestDatabase | null = null;
  return {
    name: 'PostgreSQL',
    async open() {
      database = await createTestDatabase();
      return openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
    },
    cleanup: async () => {
      await database?.drop();
      database = null;
    },
  };
}

/** The AppError a call throws (fails the test when it does not throw one). */
async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

const limits = (taskUsd: number | null): GateLimits => ({ globalUsdPerDay: null, taskUsd, softRatio: 0.8, rateLimitBackoffMs: 1000, rateLimitMaxPauseMs: 60_000 });

describe.each([sqlite(), postgres()])('per-task budgets: $name', (backend) => {
  let h: CoreLoopHarness | null = null;
  afterEach(async () => {
    // The harness closes the store it was given.
    await h?.close();
    h = null;
    await backend.cleanup();
  });

  const harness = async (): Promise<CoreLoopHarness> => {
    h = await makeCoreLoopHarness({ startDispatcher: false, store: await backend.open() });
    return h;
  };
  const create = (s: CoreLoopHarness, body: Record<string, unknown>): Promise<Task> => s.tasks.create({ description: 'Do it', ...body }, 'api');

  it('stores budgetUsd on create and update, reads it back, and clears it with null', async () => {
    const s = await harness();
    const own = await create(s, { title: 'Own budget', budgetUsd: 1.25 });
    const none = await create(s, { title: 'Default budget' });
    expect(own.budgetUsd).toBe(1.25);
    expect(none.budgetUsd).toBeNull();
    expect(await s.tasks.get(own.id)).toEqual(own);

    const raised = await s.tasks.update(own.id, { version: own.version, budgetUsd: 0.0025 }, 'api');
    expect(raised).toMatchObject({ budgetUsd: 0.0025, version: own.version + 1 });
    const given = await s.tasks.update(none.id, { version: none.version, budgetUsd: 10_000 }, 'api');
    expect((await s.tasks.get(none.id)).budgetUsd).toBe(10_000);
    // An edit of another field keeps the budget; null goes back to the default.
    expect((await s.tasks.update(none.id, { version: given.version, title: 'Renamed' }, 'api')).budgetUsd).toBe(10_000);
    const cleared = await s.tasks.update(own.id, { version: raised.version, budgetUsd: null }, 'api');
    expect(cleared.budgetUsd).toBeNull();
    expect((await s.tasks.get(own.id)).budgetUsd).toBeNull();
  });

  it('refuses a bad budget with 400 VALIDATION_FAILED on body.budgetUsd and stores nothing', async () => {
    const s = await harness();
    for (const budgetUsd of [0, -1, 10_000.01, 0.00001, 1.23456, '5', Number.NaN]) {
      const bad = await refusal(create(s, { title: 'Bad budget', budgetUsd }));
      expect(bad.code, String(budgetUsd)).toBe('VALIDATION_FAILED');
      expect(bad.status).toBe(errorCodes.VALIDATION_FAILED.status);
      expect(bad.status).toBe(400);
      expect(bad.fields?.map((f) => f.path)).toEqual(['body.budgetUsd']);
    }
    expect((await s.tasks.list({})).items).toEqual([]);

    const task = await create(s, { title: 'Good budget', budgetUsd: 3 });
    const bad = await refusal(s.tasks.update(task.id, { version: task.version, budgetUsd: 0, title: 'Not applied' }, 'api'));
    expect(bad.fields).toEqual([{ path: 'body.budgetUsd', message: expect.any(String) }]);
    expect(await s.tasks.get(task.id)).toEqual(task);
  });

  it("holds each task to its own budget, below or above the default, and a task without one to the default", async () => {
    const s = await harness();
    const gateOf = (taskUsd: number | null): DispatchGate =>
      new DispatchGate({ repo: new KyselyDispatchGateRepository(storeDatabaseOf(s.store).db), readEvents: async () => [], clock: systemClock, logger: silentLogger, limits: limits(taskUsd) });
    const below = await create(s, { title: 'Below the default', budgetUsd: 0.5 });
    const above = await create(s, { title: 'Above the default', budgetUsd: 2 });
    const plain = await create(s, { title: 'No budget of its own' });
    // Each task's runs so far cost $0.75.
    for (const t of [below, above, plain]) {
      for (const [i, costUsd] of [0.5, 0.25].entries()) {
        const id = `${t.id}-r${i}`;
        await s.store.runs.create({ id, taskId: t.id, employeeId: 'emp_101', runtime: 'claude-code', model: null, cwd: '/tmp', resumeOf: null, nodeId: null, createdAt: new Date().toISOString() });
        await s.store.runs.addUsage(id, { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd });
      }
    }
    const gate = gateOf(1);

    const exceeded = await refusal(gate.checkTask(below));
    expect(exceeded).toMatchObject({ code: 'TASK_BUDGET_EXCEEDED', details: { taskId: below.id, spentUsd: 0.75, budgetUsd: 0.5, source: 'task' } });
    expect(exceeded.message).toContain("the task's own budget");
    await expect(gate.checkTask(above)).resolves.toBeUndefined();
    await expect(gate.checkTask(plain)).resolves.toBeUndefined();
    expect(await gate.taskBudget(below)).toEqual({ taskId: below.id, spentUsd: 0.75, limitUsd: 0.5, softLimitUsd: 0.4, source: 'task', state: 'hard' });
    expect(await gate.taskBudget(above)).toEqual({ taskId: above.id, spentUsd: 0.75, limitUsd: 2, softLimitUsd: 1.6, source: 'task', state: 'ok' });
    expect(await gate.taskBudget(plain)).toEqual({ taskId: plain.id, spentUsd: 0.75, limitUsd: 1, softLimitUsd: 0.8, source: 'default', state: 'ok' });

    // A lower default stops the task without a budget of its own, not the one whose budget is higher.
    const strict = gateOf(0.75);
    expect(await refusal(strict.checkTask(plain))).toMatchObject({ code: 'TASK_BUDGET_EXCEEDED', details: { budgetUsd: 0.75, source: 'default' } });
    await expect(strict.checkTask(above)).resolves.toBeUndefined();
    // Without a default only tasks with their own budget have a limit.
    const open = gateOf(null);
    await expect(open.checkTask(plain)).resolves.toBeUndefined();
    expect(await open.taskBudget(plain)).toMatchObject({ limitUsd: null, softLimitUsd: null, source: 'none', state: 'ok' });
    await expect(open.checkTask(below)).rejects.toMatchObject({ code: 'TASK_BUDGET_EXCEEDED' });
  });
});
