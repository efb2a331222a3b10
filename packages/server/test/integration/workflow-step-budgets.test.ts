/**
 * Step budgets on the real core loop (SQLite file and a fresh PostgreSQL database; the fake agent
 * as `claude`, the dispatcher with the budget gate over the same store): a template step's
 * `budgetUsd` becomes the `budgetUsd` of the task the engine creates for it, and the dispatch gate
 * then holds that task to it (one run spent it: failed with TASK_BUDGET_EXCEEDED although retries
 * remain), while a step without one creates a task without one. A bad step budget is refused with
 * WORKFLOW_TEMPLATE_INVALID naming `file:phases.<i>.budgetUsd`, and the templates in force stay.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkflowRun, WorkflowTemplateFileInput } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { KyselyDispatchGateRepository } from '../../src/adapters/store/kysely-dispatch-gate-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { isAppError, type AppError } from '../../src/domain/app-error.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { DispatchGate } from '../../src/services/budgets/dispatch-gate.js';
import { fakeScript, teamMember } from '../support/core-loop-harness.js';
import { createTestDatabase } from '../support/postgres.js';
import { makeWorkflowHarness, roleTeam, type WorkflowHarness, type WorkflowHarnessOptions } from '../support/workflow-harness.js';

/** Below one fake-agent run's cost ($0.001 per turn). */
const STEP_BUDGET = 0.0005;

/** `free` (a writer whose shell run succeeds) has no budget; then `spend` (the QA engineer on the fake agent) has one. */
const BUDGETED: WorkflowTemplateFileInput = {
  version: 1,
  id: 'budgeted_flow',
  name: 'Budgeted flow',
  description: 'One step with a budget, one without.',
  phases: [
    { key: 'free', name: 'Free', description: 'No budget.', instructions: 'Write it.', requiredRoles: ['technical_writer'] },
    { key: 'spend', name: 'Spend', description: 'Costs money.', instructions: 'Try it.', requiredRoles: ['qa_engineer'], budgetUsd: STEP_BUDGET },
  ],
};

/** Every fake-agent run fails after one turn: without a budget the task would be retried. */
const FAILING = fakeScript('Fail.', { steps: [{ text: 'trying' }], result: { success: false, text: 'could not finish' } });

const team = () => [
  ...roleTeam(['qa_engineer']),
  teamMember('emp_399', { name: 'Quick writer', role: 'technical_writer', promptFile: 'technical-writer.md', runtimeConfig: { runtime: 'shell', command: [process.execPath, '-e', 'process.exit(0)'] } }),
];

/** The gate as the app builds it, with no deployment-wide limits: only a task's own budget can stop it. */
const gate = (store: Store): DispatchGate =>
  new DispatchGate({
    repo: new KyselyDispatchGateRepository(storeDatabaseOf(store).db),
    readEvents: async () => [],
    clock: systemClock,
    logger: silentLogger,
    limits: { globalUsdPerDay: null, taskUsd: null, softRatio: 0.8, rateLimitBackoffMs: 1000, rateLimitMaxPauseMs: 60_000 },
  });

type Backend = 'SQLite' | 'PostgreSQL';

async function onBackend(backend: Backend, options: WorkflowHarnessOptions): Promise<WorkflowHarness> {
  if (backend === 'SQLite') return makeWorkflowHarness(options);
  const db = await createTestDatabase();
  const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 6 });
  return makeWorkflowHarness({ ...options, store, afterClose: () => db.drop() });
}

async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (err) {
    if (isAppError(err)) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

describe.each<Backend>(['SQLite', 'PostgreSQL'])('workflow step budgets: %s', (backend) => {
  let h: WorkflowHarness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  const step = (run: WorkflowRun, key: string) => {
    const found = run.steps.find((s) => s.key === key);
    if (!found) throw new Error(`no step ${key}`);
    return found;
  };

  it("gives the step's task the step's budget, and the dispatch gate holds the task to it", async () => {
    h = await onBackend(backend, { team: team(), gate });
    await h.writeTemplate('budgeted-flow.json', BUDGETED);
    await h.templates.reloadOrThrow();
    expect(h.templates.get('budgeted_flow')?.phases.map((p) => p.budgetUsd)).toEqual([null, STEP_BUDGET]);

    const started = await h.services().service.start({ templateId: 'budgeted_flow', title: 'Budgeted', request: FAILING }, 'tester');
    const ended = await h.waitForRun(started.id, (r) => r.status === 'failed');
    const spend = step(ended, 'spend');
    const free = step(ended, 'free');
    expect([spend.budgetUsd, free.budgetUsd]).toEqual([STEP_BUDGET, null]);
    expect([spend.status, free.status]).toEqual(['failed', 'completed']);

    const spendTask = await h.core.tasks.get(spend.tasks[0]?.taskId ?? '');
    const freeTask = await h.core.tasks.get(free.tasks[0]?.taskId ?? '');
    expect(freeTask).toMatchObject({ budgetUsd: null, status: 'completed' });
    // One run spent the step's budget: the gate refused a second although retries remained.
    expect(spendTask).toMatchObject({ budgetUsd: STEP_BUDGET, status: 'failed', maxRetries: 2 });
    const runs = (await h.core.tasks.runs(spendTask.id)).items;
    expect(runs).toHaveLength(1);
    expect(runs[0]?.usage.costUsd).toBeGreaterThanOrEqual(STEP_BUDGET);
    const last = (await h.core.tasks.timeline(spendTask.id)).at(-1);
    expect(last).toMatchObject({ to: 'failed', data: expect.objectContaining({ errorCode: 'TASK_BUDGET_EXCEEDED' }) });
    expect(last?.reason).toContain("the task's own budget");
    expect(ended.errorMessage).toContain('Step "Spend" failed');
  });

  it('refuses a template with a bad step budget, naming the field, and keeps the templates in force', async () => {
    h = await onBackend(backend, { team: team() });
    await h.writeTemplate('budgeted-flow.json', BUDGETED);
    await h.templates.reloadOrThrow();
    for (const budgetUsd of [-1, 0.00001]) {
      const bad = { ...BUDGETED, id: 'bad_budget', phases: [BUDGETED.phases[0], { ...BUDGETED.phases[1], budgetUsd }] };
      await h.writeTemplate('bad-budget.json', bad as WorkflowTemplateFileInput);
      const err = await refusal(h.templates.reloadOrThrow());
      expect(err.code, String(budgetUsd)).toBe('WORKFLOW_TEMPLATE_INVALID');
      expect(err.fields?.map((f) => f.path)).toEqual(['bad-budget.json:phases.1.budgetUsd']);
      expect(err.fields?.[0]?.message).toContain('phase "spend"');
      expect(h.templates.status().lastError?.issues).toEqual([{ file: 'bad-budget.json', phase: 'spend', path: 'phases.1.budgetUsd', message: expect.any(String) }]);
      expect(h.templates.get('bad_budget')).toBeNull();
      expect(h.templates.get('budgeted_flow')?.phases[1]?.budgetUsd).toBe(STEP_BUDGET);
    }
    await rm(join(h.templatesDir, 'bad-budget.json'));
    await h.templates.reloadOrThrow();
    expect(h.templates.status().lastError).toBeNull();
  });
});
