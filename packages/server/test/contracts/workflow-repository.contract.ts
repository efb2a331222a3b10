/**
 * The WorkflowRepository contract, run against real databases by
 * test/integration/workflows-store-*.test.ts. One database per suite; every test works with its
 * own runs (random ids) and restricts global answers (lists, open runs) to them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowTemplateFile, type WorkflowDecision, type WorkflowTemplate } from '@dash/shared';
import { isAppError } from '../../src/domain/app-error.js';
import type { NewWorkflowRun, WorkflowRepository } from '../../src/ports/workflow-repository.js';

export interface WorkflowRepositoryUnderTest {
  repo: WorkflowRepository;
  cleanup(): Promise<void>;
}

const parsed = workflowTemplateFile.parse({
  version: 1,
  id: 'contract_flow',
  name: 'Contract flow',
  description: 'Two steps.',
  phases: [
    { key: 'one', name: 'One', description: 'd', instructions: 'i', requiredRoles: ['project_manager'] },
    { key: 'two', name: 'Two', description: 'd', instructions: 'i', requiredRoles: ['qa_engineer', 'test_engineer'], parallel: true, approval: { instructions: 'check' } },
  ],
});
const { version: _v, ...rest } = parsed;
const TEMPLATE: WorkflowTemplate = { ...rest, file: 'contract-flow.json' };

const T0 = '2030-01-01T00:00:00.000Z';
const at = (s: number): string => new Date(Date.parse(T0) + s * 1000).toISOString();

const newRun = (overrides: Partial<NewWorkflowRun> = {}): NewWorkflowRun => ({
  id: `wf_${randomUUID()}`,
  title: 'Contract',
  request: 'Do it',
  template: TEMPLATE,
  status: 'running',
  selectionMode: 'explicit',
  classifierTaskId: null,
  priority: 'high',
  workingDirectory: null,
  includeOptionalRoles: true,
  createdBy: 'tester',
  createdAt: T0,
  steps: TEMPLATE.phases.map((p, position) => ({ key: p.key, position })),
  ...overrides,
});

const decision = (overrides: Partial<WorkflowDecision> = {}): WorkflowDecision => ({
  id: randomUUID(),
  stepKey: 'two',
  decision: 'rejected',
  reason: 'Not yet',
  actor: 'reviewer',
  round: 1,
  at: at(5),
  ...overrides,
});

export function defineWorkflowRepositoryContract(name: string, open: () => Promise<WorkflowRepositoryUnderTest>): void {
  describe(`WorkflowRepository contract (${name})`, () => {
    let subject: WorkflowRepositoryUnderTest;
    const repo = (): WorkflowRepository => subject.repo;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it('creates a run with its template snapshot and pending steps, and reads it back', async () => {
      const input = newRun();
      const created = await repo().createRun(input);
      expect(created).toMatchObject({
        id: input.id,
        title: 'Contract',
        templateId: 'contract_flow',
        status: 'running',
        selectionMode: 'explicit',
        priority: 'high',
        includeOptionalRoles: true,
        createdAt: T0,
        updatedAt: T0,
        endedAt: null,
        closedAt: null,
        version: 1,
        decisions: [],
      });
      expect(created.template).toEqual(TEMPLATE);
      expect(created.steps.map((s) => [s.key, s.position, s.status, s.round, s.tasks])).toEqual([
        ['one', 0, 'pending', 1, []],
        ['two', 1, 'pending', 1, []],
      ]);
      expect(await repo().getRun(input.id)).toEqual(created);
      expect(await repo().getRun('missing')).toBeNull();
      const dup = await repo().createRun(input).catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('CONFLICT');
    });

    it('changes a step conditionally, with its task links and decision in the same write', async () => {
      const run = await repo().createRun(newRun());
      const links = [
        { taskId: `t_${randomUUID()}`, role: 'qa_engineer' as const, position: 0 },
        { taskId: `t_${randomUUID()}`, role: 'test_engineer' as const, position: 1 },
      ];
      // Wrong starting status: nothing is written.
      expect(await repo().changeStep(run.id, 'two', { from: ['running'], to: 'completed', tasks: links })).toBe(false);
      expect((await repo().getRun(run.id))?.version).toBe(1);
      expect(await repo().linkOfTask(links[0]?.taskId ?? '')).toBeNull();

      expect(await repo().changeStep(run.id, 'two', { from: ['pending'], to: 'running', patch: { startedAt: at(1), roundStartedAt: at(1) }, tasks: links })).toBe(true);
      const running = await repo().getRun(run.id);
      expect(running?.version).toBe(2);
      expect(running?.steps[1]).toMatchObject({ status: 'running', startedAt: at(1), roundStartedAt: at(1), tasks: links });
      expect(await repo().linkOfTask(links[1]?.taskId ?? '')).toEqual({ runId: run.id, kind: 'step', stepKey: 'two', role: 'test_engineer' });

      const output = { deliverables: ['x'], tasks: [], at: at(2) };
      expect(await repo().changeStep(run.id, 'two', { from: ['running'], to: 'awaiting_approval', patch: { awaitingSince: at(2), output } })).toBe(true);
      const rejection = decision();
      expect(
        await repo().changeStep(run.id, 'two', { from: ['awaiting_approval'], to: 'running', patch: { round: 2, roundStartedAt: at(5), awaitingSince: null }, decision: rejection }),
      ).toBe(true);
      const after = await repo().getRun(run.id);
      expect(after?.steps[1]).toMatchObject({ status: 'running', round: 2, roundStartedAt: at(5), awaitingSince: null, output });
      expect(after?.decisions).toEqual([rejection]);
      expect(after?.version).toBe(4);
    });

    it('writes nothing of a step change whose links collide with existing ones', async () => {
      const run = await repo().createRun(newRun());
      const taskId = `t_${randomUUID()}`;
      await repo().changeStep(run.id, 'one', { from: ['pending'], to: 'running', tasks: [{ taskId, role: 'project_manager', position: 0 }] });
      const err = await repo()
        .changeStep(run.id, 'two', { from: ['pending'], to: 'running', tasks: [{ taskId, role: 'qa_engineer', position: 0 }], decision: decision() })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      const stored = await repo().getRun(run.id);
      expect(stored?.steps[1]).toMatchObject({ status: 'pending', tasks: [] });
      expect(stored?.decisions).toEqual([]);
    });

    it('lets exactly one of two racing writers start a step', async () => {
      const run = await repo().createRun(newRun());
      const start = (id: string) =>
        repo().changeStep(run.id, 'one', { from: ['pending'], to: 'running', tasks: [{ taskId: id, role: 'project_manager', position: 0 }] }).catch(() => false);
      const results = await Promise.all([start(`a_${randomUUID()}`), start(`b_${randomUUID()}`)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await repo().getRun(run.id))?.steps[0]?.tasks).toHaveLength(1);
    });

    it('changes a run conditionally and creates the steps a classification chose', async () => {
      const classifierTaskId = `c_${randomUUID()}`;
      const run = await repo().createRun(newRun({ template: null, status: 'classifying', selectionMode: 'agent', classifierTaskId, steps: [] }));
      expect(run).toMatchObject({ templateId: null, template: null, steps: [] });
      expect(await repo().linkOfTask(classifierTaskId)).toEqual({ runId: run.id, kind: 'classifier' });
      expect(await repo().changeRun(run.id, { from: ['running'], to: 'failed' })).toBeNull();
      const chosen = await repo().changeRun(run.id, {
        from: ['classifying'],
        to: 'running',
        patch: { template: TEMPLATE, selectionReason: 'fits' },
        steps: TEMPLATE.phases.map((p, position) => ({ key: p.key, position })),
      });
      expect(chosen).toMatchObject({ status: 'running', templateId: 'contract_flow', selectionReason: 'fits', version: 2 });
      expect(chosen?.steps.map((s) => s.key)).toEqual(['one', 'two']);
      const failed = await repo().changeRun(run.id, { from: ['running', 'awaiting_approval'], to: 'failed', patch: { errorCode: 'WORKFLOW_STEP_FAILED', errorMessage: 'boom', endedAt: at(9) } });
      expect(failed).toMatchObject({ status: 'failed', errorCode: 'WORKFLOW_STEP_FAILED', errorMessage: 'boom', endedAt: at(9) });
    });

    it('lists runs newest first with filters and cursors, and tells which runs are still open', async () => {
      const template = { ...TEMPLATE, id: `list_${randomUUID().slice(0, 8)}` };
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const r = await repo().createRun(newRun({ template, createdAt: at(100 + i) }));
        ids.push(r.id);
      }
      const page1 = await repo().listRuns({ templateId: template.id, limit: 3 });
      expect(page1.items.map((r) => r.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect(page1.items[0]?.steps).toHaveLength(2);
      const page2 = await repo().listRuns({ templateId: template.id, limit: 3, cursor: page1.nextCursor ?? '' });
      expect(page2.items.map((r) => r.id)).toEqual([ids[1], ids[0]]);
      expect(page2.nextCursor).toBeNull();

      await repo().changeRun(ids[0] as string, { from: ['running'], to: 'completed', patch: { endedAt: at(200) } });
      await repo().changeRun(ids[1] as string, { from: ['running'], to: 'cancelled', patch: { endedAt: at(200) } });
      await repo().closeRun(ids[1] as string, at(201));
      const completed = await repo().listRuns({ templateId: template.id, status: ['completed'], limit: 10 });
      expect(completed.items.map((r) => r.id)).toEqual([ids[0]]);
      const open = await repo().runsToReconcile();
      expect(ids.filter((id) => open.includes(id))).toEqual([ids[0], ids[2], ids[3], ids[4]]);
      expect((await repo().getRun(ids[1] as string))?.closedAt).toBe(at(201));
      const bad = await repo().listRuns({ limit: 1, cursor: 'not-a-cursor' }).catch((e: unknown) => e);
      expect(isAppError(bad) && bad.code).toBe('VALIDATION_FAILED');
    });
  });
}
