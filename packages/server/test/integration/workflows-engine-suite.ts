/**
 * The workflow engine and service on the real core loop (SQLite or PostgreSQL store, embedded queue, the
 * dispatcher running the fake agent as `claude`, one employee per role): a small template
 * `alpha → {beta ∥ gamma} → delta (gate, two roles one after another)` plus the shipped bug-fix
 * template for classification. Checks step handoff from the recorded prompts (the runs'
 * `user.message` events), parallel overlap from the runs' recorded times, the gate (approve,
 * reject with a reason that reaches the re-run), classification, cancel cascade, failure, an
 * engine restart (including a crash between a step's task links and its tasks) and bad input.
 */
import type { Run, WorkflowRun, WorkflowTemplateFileInput } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { isAppError } from '../../src/domain/app-error.js';
import { fakeScript, teamMember } from '../support/core-loop-harness.js';
import { createTestDatabase } from '../support/postgres.js';
import { makeWorkflowHarness, roleTeam, type WorkflowHarness, type WorkflowHarnessOptions } from '../support/workflow-harness.js';

export type EngineBackend = 'sqlite' | 'postgres';

/** Harness options for the backend: PostgreSQL gets a fresh database, dropped on close. */
async function onBackend(backend: EngineBackend, options: WorkflowHarnessOptions = {}): Promise<WorkflowHarness> {
  if (backend === 'sqlite') return makeWorkflowHarness(options);
  const db = await createTestDatabase();
  const store = await openStore({ kind: 'postgres', url: db.url, poolSize: 6 });
  return makeWorkflowHarness({ ...options, store, afterClose: () => db.drop() });
}

const SMALL: WorkflowTemplateFileInput = {
  version: 1,
  id: 'small_flow',
  name: 'Small flow',
  description: 'Four steps for tests.',
  phases: [
    { key: 'alpha', name: 'Alpha', description: 'Plan it.', instructions: 'Write the plan.', requiredRoles: ['project_manager'], deliverables: ['plan'] },
    { key: 'beta', name: 'Beta', description: 'Tests.', instructions: 'Write tests.', requiredRoles: ['qa_engineer', 'test_engineer'], parallel: true, dependsOn: ['alpha'] },
    { key: 'gamma', name: 'Gamma', description: 'Docs.', instructions: 'Write docs.', requiredRoles: ['technical_writer'], parallel: true, dependsOn: ['alpha'] },
    {
      key: 'delta',
      name: 'Delta',
      description: 'Review.',
      instructions: 'Review everything.',
      requiredRoles: ['qa_director', 'technical_lead'],
      dependsOn: ['beta', 'gamma'],
      approval: { instructions: 'Approve when it is good.' },
    },
  ],
};

/** Each run: a pause (so parallel runs overlap), a file written, then the prompt echoed as the final text. */
const WORK = fakeScript('Build the thing.', {
  steps: [{ sleep: 1000 }, { tool: { name: 'Write', input: { file_path: 'out/result.txt', content: 'x' }, output: 'written' } }, { echoPrompt: true }],
});

/**
 * The shell runtime stands in for agents that behave differently per role: the test engineer's
 * run never finishes (a task to be cancelled), the writer's always fails (its task fails for good
 * once its retries are used up).
 */
const troubledTeam = () => [
  ...roleTeam(['project_manager', 'technical_lead', 'qa_director', 'qa_engineer']),
  teamMember('emp_398', { name: 'Slow tester', role: 'test_engineer', promptFile: 'test-engineer.md', runtimeConfig: { runtime: 'shell', command: [process.execPath, '-e', 'setTimeout(() => {}, 60000)'] } }),
  teamMember('emp_399', { name: 'Failing writer', role: 'technical_writer', promptFile: 'technical-writer.md', runtimeConfig: { runtime: 'shell', command: [process.execPath, '-e', 'process.exit(3)'] } }),
];

function overlaps(a: Run, b: Run): boolean {
  const [as, ae, bs, be] = [a.startedAt, a.endedAt, b.startedAt, b.endedAt].map((t) => Date.parse(t ?? ''));
  expect([as, ae, bs, be].every(Number.isFinite)).toBe(true);
  return (as as number) < (be as number) && (bs as number) < (ae as number);
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  throw new Error('expected an error');
}

export function defineWorkflowEngineSuite(backend: EngineBackend): void {
describe(`workflow engine on the core loop (${backend})`, () => {
  let h: WorkflowHarness;
  const service = () => h.services().service;
  const run = (id: string) => h.core.store.runs.get(id).then((r) => r as Run);
  const step = (wf: WorkflowRun, key: string) => {
    const found = wf.steps.find((s) => s.key === key);
    if (!found) throw new Error(`no step ${key}`);
    return found;
  };

  beforeAll(async () => {
    h = await onBackend(backend);
    await h.writeTemplate('small-flow.json', SMALL);
    await h.templates.reloadOrThrow();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs the DAG: parallel steps overlap, outputs reach the prompts after them, the gate waits', async () => {
    const started = await service().start({ templateId: 'small_flow', title: 'Widget', request: WORK }, 'tester');
    expect(started.status).toBe('running');
    expect(started.steps.map((s) => [s.key, s.status])).toEqual([
      ['alpha', 'running'],
      ['beta', 'pending'],
      ['gamma', 'pending'],
      ['delta', 'pending'],
    ]);
    const waiting = await h.waitForRun(started.id, (r) => r.status === 'awaiting_approval');
    expect(waiting.steps.map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'awaiting_approval']);

    const runsOf = async (key: string): Promise<Run[]> => Promise.all(step(waiting, key).tasks.map((t) => run(t.lastRunId as string)));
    const [alpha] = await runsOf('alpha');
    const beta = await runsOf('beta');
    const [gamma] = await runsOf('gamma');
    const delta = await runsOf('delta');
    if (!alpha || !gamma || beta.length !== 2 || delta.length !== 2) throw new Error('missing runs');

    // Parallel: beta's two roles at the same time, and beta alongside gamma.
    expect(overlaps(beta[0] as Run, beta[1] as Run)).toBe(true);
    expect(overlaps(beta[0] as Run, gamma)).toBe(true);
    // Dependencies: beta and gamma started after alpha ended; delta after both.
    for (const r of [...beta, gamma]) expect(Date.parse(r.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(alpha.endedAt ?? ''));
    // delta's roles work one after another.
    expect(Date.parse(delta[1]?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(delta[0]?.endedAt ?? ''));

    // Outputs are recorded per step (final text and files) ...
    const alphaOut = step(waiting, 'alpha').output;
    expect(alphaOut?.deliverables).toEqual(['plan']);
    expect(alphaOut?.tasks[0]?.files).toEqual([{ path: 'out/result.txt', action: 'written' }]);
    expect(alphaOut?.tasks[0]?.resultText).toBe(alpha.resultText);
    // ... and handed to the prompts of the steps that depend on them.
    const excerpt = (r: Run): string => (r.resultText ?? '').slice(0, 300);
    for (const r of [...beta, gamma]) {
      const prompt = await h.promptOf(r.id);
      expect(prompt).toContain('## Outputs of earlier steps');
      expect(prompt).toContain(excerpt(alpha));
      expect(prompt).toContain('- out/result.txt (written)');
    }
    const firstDelta = await h.promptOf(delta[0]?.id ?? '');
    for (const r of [...beta, gamma]) expect(firstDelta).toContain(excerpt(r));
    expect(firstDelta).not.toContain('## Earlier work in this step');
    // The second role of a one-after-another step sees the first one's work.
    const secondDelta = await h.promptOf(delta[1]?.id ?? '');
    expect(secondDelta).toContain('## Earlier work in this step');
    expect(secondDelta).toContain(excerpt(delta[0] as Run));
    // The handoff follows the task's own assignment.
    expect(firstDelta.indexOf('Build the thing.')).toBeLessThan(firstDelta.indexOf('## Outputs of earlier steps'));

    // The gate: rejected with a reason, the step's tasks run again with it, then approved.
    const rejected = await service().reject(started.id, 'delta', { reason: 'Add the rollback plan' }, 'reviewer');
    expect(step(rejected, 'delta')).toMatchObject({ status: 'running', round: 2 });
    const again = await h.waitForRun(started.id, (r) => r.status === 'awaiting_approval' && step(r, 'delta').round === 2);
    for (const t of step(again, 'delta').tasks) {
      expect(t.lastRunId).not.toBe(step(waiting, 'delta').tasks.find((x) => x.taskId === t.taskId)?.lastRunId);
      const prompt = await h.promptOf(t.lastRunId as string);
      expect(prompt).toContain('## Reviewer feedback (round 2)');
      expect(prompt).toContain('Add the rollback plan');
      const comments = await h.core.tasks.comments(t.taskId);
      expect(comments.some((c) => c.kind === 'reopen_reason' && c.body === 'Add the rollback plan')).toBe(true);
    }
    // Other steps did not run again.
    expect(step(again, 'beta').tasks.map((t) => t.lastRunId)).toEqual(step(waiting, 'beta').tasks.map((t) => t.lastRunId));

    const approved = await service().approve(started.id, 'delta', { comment: 'Good now' }, 'reviewer');
    expect(approved.status).toBe('completed');
    expect(approved.endedAt).not.toBeNull();
    expect(step(approved, 'delta').decisions.map((d) => [d.decision, d.round, d.reason])).toEqual([
      ['rejected', 1, 'Add the rollback plan'],
      ['approved', 2, 'Good now'],
    ]);
    expect(step(approved, 'delta').tasks.every((t) => t.status === 'resolved')).toBe(true);
    await h.waitForRun(started.id, () => true);
    expect((await h.repo.getRun(started.id))?.closedAt).not.toBeNull();
  });

  it('lets an agent choose the template from its structured answer', async () => {
    const answer = JSON.stringify({ templateId: 'bug_fix', reason: 'It is a defect' });
    const request = fakeScript('The login button does nothing.', { steps: [{ text: `Looks like a bug. ${answer}` }] });
    const started = await service().start({ title: 'Login broken', request }, 'tester');
    expect(started).toMatchObject({ status: 'classifying', templateId: null, selection: { mode: 'agent' } });
    const chosen = await h.waitForRun(started.id, (r) => r.status !== 'classifying');
    expect(chosen).toMatchObject({ status: 'running', templateId: 'bug_fix', templateName: 'Bug Fix', selection: { reason: 'It is a defect' } });
    expect(chosen.steps.map((s) => s.key)).toEqual(['bug_analysis', 'root_cause_analysis', 'fix_implementation', 'testing', 'review']);
    // The engine records the choice on the run first, then resolves the classifier's task.
    const classifier = await h.core.waitForTask(chosen.selection.taskId as string, (t) => t.status === 'resolved');
    expect(classifier.status).toBe('resolved');
    expect(classifier.assignee).toBe('emp_301'); // the project manager
    await service().cancel(started.id, { reason: 'Enough' }, 'tester');
    await h.waitForRun(started.id, (r) => r.steps.every((s) => s.status === 'cancelled' || s.status === 'completed'));
  });

  it('fails the run when the agent names no known template', async () => {
    const request = fakeScript('Something vague.', { steps: [{ text: '{"templateId": "make_coffee"}' }] });
    const started = await service().start({ title: 'Vague', request }, 'tester');
    const failed = await h.waitForRun(started.id, (r) => r.status === 'failed');
    expect(failed.errorCode).toBe('WORKFLOW_CLASSIFICATION_FAILED');
    expect(failed.errorMessage).toContain('make_coffee');
    expect(failed.steps).toEqual([]);
  });

  it('refuses bad input with stable codes and changes nothing', async () => {
    const started = await service().start({ templateId: 'small_flow', title: 'Bad input', request: fakeScript('x', { steps: [{ sleep: 3000 }] }) }, 'tester');
    const before = await h.repo.getRun(started.id);
    expect(await codeOf(service().approve(started.id, 'delta', {}, 'x'))).toBe('WORKFLOW_STEP_NOT_AWAITING_APPROVAL');
    expect(await codeOf(service().reject(started.id, 'alpha', { reason: 'no' }, 'x'))).toBe('WORKFLOW_STEP_NOT_AWAITING_APPROVAL');
    expect(await codeOf(service().reject(started.id, 'delta', { reason: '   ' }, 'x'))).toBe('WORKFLOW_REJECT_REASON_REQUIRED');
    expect(await codeOf(service().approve(started.id, 'omega', {}, 'x'))).toBe('WORKFLOW_STEP_NOT_FOUND');
    expect(await codeOf(service().approve('no-such-run', 'alpha', {}, 'x'))).toBe('WORKFLOW_RUN_NOT_FOUND');
    expect(await codeOf(service().start({ templateId: 'no_such_template', title: 't', request: 'r' }, 'x'))).toBe('WORKFLOW_TEMPLATE_NOT_FOUND');
    expect(await codeOf(service().start({ templateId: 'small_flow', title: '', request: 'r' }, 'x'))).toBe('VALIDATION_FAILED');
    const after = await h.repo.getRun(started.id);
    expect(after?.version).toBe(before?.version);
    expect(after?.decisions).toEqual([]);

    // An invalid template file: the reload names file, phase and field; the templates in force stay.
    const count = (await service().templates()).items.length;
    await h.writeTemplate('broken.json', { ...SMALL, id: 'broken', phases: [{ ...SMALL.phases[0], requiredRoles: ['wizard'] } as never] });
    const err = await service().reloadTemplates().catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('WORKFLOW_TEMPLATE_INVALID');
    expect(isAppError(err) && err.message).toContain('broken.json, phase "alpha", phases.0.requiredRoles.0: Unknown role');
    const list = await service().templates();
    expect(list.items.length).toBe(count);
    expect(list.status.lastError?.issues[0]).toMatchObject({ file: 'broken.json', phase: 'alpha', path: 'phases.0.requiredRoles.0' });
    await h.writeTemplate('broken.json', { ...SMALL, id: 'broken', phases: [{ ...SMALL.phases[0], dependsOn: ['alpha'] } as never] });
    const cycle = await service().reloadTemplates().catch((e: unknown) => e);
    expect(isAppError(cycle) && cycle.message).toContain('A phase cannot depend on itself');
    const { rm } = await import('node:fs/promises');
    await rm(`${h.templatesDir}/broken.json`);
    await service().reloadTemplates();

    await service().cancel(started.id, {}, 'tester');
    expect(await codeOf(service().cancel(started.id, {}, 'tester'))).toBe('WORKFLOW_RUN_FINISHED');
    await h.waitForRun(started.id, (r) => r.steps.every((s) => s.tasks.every((t) => t.status === 'cancelled')));
  });

  it('picks up after an engine restart, including a crash between a step\'s task links and its tasks', async () => {
    const started = await service().start({ templateId: 'small_flow', title: 'Restart', request: WORK }, 'tester');
    await h.core.waitForTask(step(started, 'alpha').tasks[0]?.taskId ?? '', (t) => t.status === 'running');
    // The engine goes away; alpha finishes while nobody watches.
    await h.services().engine.stop();
    await h.core.waitForTask(step(started, 'alpha').tasks[0]?.taskId ?? '', (t) => t.status === 'completed');
    // A crash in the middle of starting beta: its links were written, its tasks never created.
    const ids = ['crash-task-qa', 'crash-task-test'];
    const now = new Date().toISOString();
    expect(
      await h.repo.changeStep(started.id, 'beta', {
        from: ['pending'],
        to: 'running',
        patch: { startedAt: now, roundStartedAt: now },
        tasks: [
          { taskId: ids[0] as string, role: 'qa_engineer', position: 0 },
          { taskId: ids[1] as string, role: 'test_engineer', position: 1 },
        ],
      }),
    ).toBe(true);
    await h.restartEngine();
    const waiting = await h.waitForRun(started.id, (r) => r.status === 'awaiting_approval');
    expect(step(waiting, 'beta').tasks.map((t) => [t.taskId, t.status])).toEqual([
      ['crash-task-qa', 'completed'],
      ['crash-task-test', 'completed'],
    ]);
    expect((await h.core.tasks.get('crash-task-qa')).dependsOn).toEqual([step(started, 'alpha').tasks[0]?.taskId]);
    const approved = await service().approve(started.id, 'delta', {}, 'reviewer');
    expect(approved.status).toBe('completed');
  });

  it('fails a run whose step failed and cancels what was still running', async () => {
    const other = await onBackend(backend, { team: troubledTeam() });
    try {
      await other.writeTemplate('small-flow.json', SMALL);
      await other.templates.reloadOrThrow();
      const request = fakeScript('x', { steps: [{ sleep: 100 }, { text: 'done' }] });
      const started = await other.services().service.start({ templateId: 'small_flow', title: 'Fails', request }, 'tester');
      const failed = await other.waitForRun(started.id, (r) => r.status === 'failed' && r.steps.every((s) => s.status !== 'running' && s.status !== 'pending'));
      expect(failed.errorCode).toBe('WORKFLOW_STEP_FAILED');
      expect(failed.errorMessage).toContain('Step "Gamma" failed');
      expect(step(failed, 'gamma')).toMatchObject({ status: 'failed' });
      expect(step(failed, 'gamma').reason).toContain('failed');
      expect(step(failed, 'beta').status).toBe('cancelled');
      expect(step(failed, 'delta')).toMatchObject({ status: 'cancelled', tasks: [] });
      // The slow tester's task was cancelled and its run stopped.
      const slow = step(failed, 'beta').tasks.find((t) => t.role === 'test_engineer');
      const slowTask = await other.core.waitForTask(slow?.taskId as string, (t) => t.status === 'cancelled');
      if (slowTask.lastRunId !== null) {
        await other.core.runService.waitFor(slowTask.lastRunId);
        expect((await other.core.store.runs.get(slowTask.lastRunId))?.status).toBe('cancelled');
      }
    } finally {
      await other.close();
    }
  });
});
}
