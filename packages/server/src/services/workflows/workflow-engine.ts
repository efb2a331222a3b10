/**
 * The workflow engine: moves runs forward from what the store says. It holds no state of its own
 * beyond a queue of runs to look at, so it survives restarts: every decision is re-derived from
 * the run, its steps and their tasks, and each change is a conditional write (two engines, or a
 * person and the engine, apply each change once).
 *
 * A reconcile of one run repeats passes until nothing changes; a pass makes at most one change:
 *  - a finished run not yet closed: steps still open become `cancelled`, tasks still pending,
 *    queued, running or blocked are cancelled (their runs stopped), then the run is closed;
 *  - `classifying`: the classification task is created if missing; once it completed, its answer
 *    picks the template (steps created, run `running`); a bad answer or a failed task fails the
 *    run with WORKFLOW_CLASSIFICATION_FAILED;
 *  - a pending step whose dependencies all completed starts: its task links are written with the
 *    step (`running`), then its tasks are created under those ids (a crash in between is repaired
 *    by the next pass, which creates the linked tasks that do not exist);
 *  - a running step: a task that failed for good, was cancelled or is blocked fails the step; in a
 *    round after a rejection, tasks still holding the rejected result (completed before the round
 *    began) are reopened with the reviewer's reason; when every task is done the step's output is
 *    recorded and it becomes `awaiting_approval` (approval gate) or `completed`;
 *  - otherwise the run's status follows its steps (domain/workflows/run-status.ts).
 *
 * When: on every `tasks` message about a workflow task (labelled `workflow`), after a person's
 * action, at start-up for every open run (catching what happened while the server was down), and
 * every `sweepMs` (bus messages are best-effort). Reconciles of one run never overlap; requests
 * that arrive meanwhile are coalesced into one more pass.
 */
import {
  employeeRoleLabels,
  isTerminalWorkflowRunStatus,
  TASK_DEPENDENCIES_MAX,
  type StoredTaskStatus,
  type Task,
  type WorkflowPhase,
  type WorkflowTemplate,
} from '@dash/shared';
import { isAppError } from '../../domain/app-error.js';
import { classificationDescription, classificationTitle, parseClassificationAnswer } from '../../domain/workflows/classification.js';
import { deriveRunStatus } from '../../domain/workflows/run-status.js';
import { plannedStepTask, planStepTasks, type PlannedStepTask } from '../../domain/workflows/step-plan.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskRepository } from '../../ports/task-repository.js';
import type { StoredWorkflowRun, StoredWorkflowStep, WorkflowRepository } from '../../ports/workflow-repository.js';
import { TASKS_TOPIC } from '../tasks/bus-topics.js';
import { WORKFLOW_ACTOR, WORKFLOW_TASK_LABEL, WORKFLOWS_TOPIC } from './bus-topics.js';
import type { Staffing } from './staffing.js';
import type { TaskOutputReader } from './task-output-reader.js';
import { taskIdsOf, toRunView } from './workflow-views.js';

/** The task operations the engine uses (TaskService). */
export interface WorkflowTaskOps {
  create(input: unknown, actor: string, options?: { id?: string }): Promise<Task>;
  cancel(id: string, input: unknown, actor: string): Promise<Task>;
  reopen(id: string, input: unknown, actor: string): Promise<Task>;
  resolve(id: string, input: unknown, actor: string): Promise<Task>;
}

export interface WorkflowEngineDeps {
  repo: WorkflowRepository;
  taskReads: Pick<TaskRepository, 'get' | 'getMany'>;
  taskOps: WorkflowTaskOps;
  runs: Pick<RunRepository, 'get'>;
  outputs: TaskOutputReader;
  /** Who can take which role right now. */
  staffing: () => Promise<Staffing>;
  templates: { list(): WorkflowTemplate[] };
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /** Periodic reconcile of every open run. @default 15_000 */
  sweepMs?: number;
}

/** Enough for any template (each pass makes one change); a safety bound, not a limit in practice. */
const MAX_PASSES = 200;
const DONE: readonly StoredTaskStatus[] = ['completed', 'resolved'];
const BROKEN: readonly StoredTaskStatus[] = ['failed', 'cancelled', 'blocked'];
const LEFTOVER: readonly StoredTaskStatus[] = ['pending', 'queued', 'running', 'blocked'];

export class WorkflowEngine {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiting = new Set<string>();
  private readonly publishWanted = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: WorkflowEngineDeps) {}

  /** Reconciles every open run (start-up catch-up), then follows task changes and sweeps periodically. */
  async start(): Promise<void> {
    this.stopped = false;
    this.unsubscribe = this.deps.bus.subscribe<Task | { id: string; deleted: true }>(TASKS_TOPIC, (message) => {
      if (!('labels' in message) || !message.labels.includes(WORKFLOW_TASK_LABEL)) return;
      void this.deps.repo
        .linkOfTask(message.id)
        .then((link) => (link ? this.schedule(link.runId, { publish: true }) : undefined))
        .catch((err: unknown) => this.deps.logger.warn({ err, taskId: message.id }, 'looking up the workflow of a task failed'));
    });
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.deps.sweepMs ?? 15_000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /**
   * Asks for a reconcile of the run; resolves when it (or the one it was coalesced into) is done.
   * `publish`: send the run on the `workflows` topic even when nothing changed (a task of it did).
   */
  schedule(runId: string, options: { publish?: boolean } = {}): Promise<void> {
    if (options.publish) this.publishWanted.add(runId);
    const current = this.chains.get(runId);
    if (current && this.waiting.has(runId)) return current;
    this.waiting.add(runId);
    const next = (current ?? Promise.resolve())
      .then(async () => {
        this.waiting.delete(runId);
        const publish = this.publishWanted.delete(runId);
        if (!this.stopped) await this.reconcile(runId, publish);
      })
      .catch((err: unknown) => this.deps.logger.error({ err, runId }, 'reconciling a workflow run failed; the next sweep tries again'));
    this.chains.set(runId, next);
    void next.finally(() => {
      if (this.chains.get(runId) === next) this.chains.delete(runId);
    });
    return next;
  }

  /** Reconciles every run that is open (or finished and not yet closed). */
  async sweep(): Promise<void> {
    try {
      const ids = await this.deps.repo.runsToReconcile();
      await Promise.all(ids.map((id) => this.schedule(id)));
    } catch (err) {
      this.deps.logger.warn({ err }, 'sweeping workflow runs failed');
    }
  }

  /** Sends the run as it is now on the `workflows` topic. */
  async publish(runId: string): Promise<void> {
    const run = await this.deps.repo.getRun(runId);
    if (!run) return;
    const tasks = await this.deps.taskReads.getMany(taskIdsOf(run));
    this.deps.bus.publish(WORKFLOWS_TOPIC, toRunView(run, new Map(tasks.map((t) => [t.id, t]))));
  }

  private async reconcile(runId: string, publish: boolean): Promise<void> {
    let changed = false;
    for (let i = 0; i < MAX_PASSES; i += 1) {
      const run = await this.deps.repo.getRun(runId);
      if (!run || !(await this.pass(run))) break;
      changed = true;
    }
    if (changed || publish) await this.publish(runId);
  }

  /** One change at most; true when something was written (or a write lost a race: look again). */
  private async pass(run: StoredWorkflowRun): Promise<boolean> {
    if (run.closedAt !== null) return false;
    if (isTerminalWorkflowRunStatus(run.status)) return this.close(run);
    if (run.status === 'classifying') return this.classify(run);
    const template = run.template;
    if (template === null) return this.failRun(run, 'WORKFLOW_STEP_FAILED', 'The run has no template');

    const tasks = new Map((await this.deps.taskReads.getMany(taskIdsOf(run))).map((t) => [t.id, t]));
    for (const step of run.steps) {
      const phase = template.phases.find((p) => p.key === step.key);
      if (!phase) continue;
      if (step.status === 'pending') {
        const ready = phase.dependsOn.every((key) => run.steps.find((s) => s.key === key)?.status === 'completed');
        if (ready) return this.startStep(run, step, phase);
      } else if (step.status === 'running') {
        if (await this.advance(run, step, phase, tasks)) return true;
      }
    }

    const next = deriveRunStatus(run.steps);
    if (next.status === run.status) return false;
    const now = this.deps.clock.isoNow();
    if (next.status === 'failed') {
      const name = template.phases.find((p) => p.key === next.failedStep?.key)?.name ?? next.failedStep?.key;
      return this.failRun(run, 'WORKFLOW_STEP_FAILED', `Step "${name}" failed: ${next.failedStep?.reason ?? 'unknown reason'}`);
    }
    await this.deps.repo.changeRun(run.id, { from: [run.status], to: next.status, ...(next.status === 'completed' && { patch: { endedAt: now } }) });
    this.deps.logger.info({ runId: run.id, from: run.status, to: next.status }, 'workflow run status changed');
    return true;
  }

  // ---- steps ---------------------------------------------------------------------------------

  private async startStep(run: StoredWorkflowRun, step: StoredWorkflowStep, phase: WorkflowPhase): Promise<boolean> {
    const template = run.template as WorkflowTemplate;
    const staffing = await this.deps.staffing();
    const context = { title: run.title, request: run.request, template, includeOptionalRoles: run.includeOptionalRoles };
    const plan = planStepTasks(context, phase, (role) => staffing.pick(role)?.id ?? null);
    const now = this.deps.clock.isoNow();
    if (!plan.ok) {
      await this.deps.repo.changeStep(run.id, step.key, { from: ['pending'], to: 'failed', patch: { reason: plan.reason, completedAt: now } });
      return true;
    }
    const ids = plan.tasks.map(() => this.deps.newId());
    const applied = await this.deps.repo.changeStep(run.id, step.key, {
      from: ['pending'],
      to: 'running',
      patch: { startedAt: now, roundStartedAt: now },
      tasks: plan.tasks.map((t, i) => ({ taskId: ids[i] ?? '', role: t.role, position: t.position })),
    });
    if (!applied) return true;
    this.deps.logger.info({ runId: run.id, step: step.key, tasks: ids }, 'workflow step started');
    for (const [i, planned] of plan.tasks.entries()) {
      const ok = await this.createStepTask(run, step.key, phase, planned, ids[i] ?? '', ids);
      if (!ok) break;
    }
    return true;
  }

  /** Creates a step task under its recorded id, with the step's budget; a failure (other than "exists") fails the step. */
  private async createStepTask(
    run: StoredWorkflowRun,
    stepKey: string,
    phase: WorkflowPhase,
    planned: PlannedStepTask,
    id: string,
    stepIds: readonly string[],
  ): Promise<boolean> {
    const within = planned.after.map((p) => stepIds[p]).filter((x): x is string => x !== undefined);
    const upstream = phase.dependsOn.flatMap((key) => run.steps.find((s) => s.key === key)?.tasks.map((t) => t.taskId) ?? []);
    const dependsOn = [...within, ...upstream.filter((u) => !within.includes(u))].slice(0, TASK_DEPENDENCIES_MAX);
    try {
      await this.deps.taskOps.create(
        {
          title: planned.title,
          description: planned.description,
          priority: run.priority,
          requiredSkills: phase.skills,
          labels: [WORKFLOW_TASK_LABEL],
          assignee: planned.employeeId,
          dependsOn,
          workingDirectory: run.workingDirectory,
          // The template's step budget; `?? null` for run copies stored before the field existed.
          budgetUsd: phase.budgetUsd ?? null,
        },
        WORKFLOW_ACTOR,
        { id },
      );
      return true;
    } catch (err) {
      if (isAppError(err) && err.code === 'CONFLICT') return true; // created by an earlier pass
      const reason = `Could not create the ${employeeRoleLabels[planned.role]} task: ${err instanceof Error ? err.message : String(err)}`;
      this.deps.logger.warn({ err, runId: run.id, step: stepKey }, 'creating a workflow step task failed');
      await this.deps.repo.changeStep(run.id, stepKey, { from: ['running'], to: 'failed', patch: { reason, completedAt: this.deps.clock.isoNow() } });
      return false;
    }
  }

  private async advance(run: StoredWorkflowRun, step: StoredWorkflowStep, phase: WorkflowPhase, tasks: ReadonlyMap<string, Task>): Promise<boolean> {
    const missing = step.tasks.filter((link) => !tasks.has(link.taskId));
    if (missing.length > 0) return this.recreate(run, step, phase);

    const linked = step.tasks.map((link) => ({ link, task: tasks.get(link.taskId) as Task }));
    const broken = linked.find(({ task }) => BROKEN.includes(task.status));
    if (broken) {
      const why = broken.task.status === 'blocked' ? `is blocked (${broken.task.blockedReason ?? 'a dependency failed'})` : broken.task.status === 'failed' ? 'failed' : 'was cancelled';
      const reason = `The ${employeeRoleLabels[broken.link.role]} task ${broken.task.id} ${why}`;
      await this.deps.repo.changeStep(run.id, step.key, { from: ['running'], to: 'failed', patch: { reason, completedAt: this.deps.clock.isoNow() } });
      return true;
    }

    // A round after a rejection: the results that were rejected are reopened with the reason.
    const roundStart = step.round > 1 ? step.roundStartedAt : null;
    if (roundStart !== null) {
      const stale = linked.filter(({ task }) => DONE.includes(task.status) && (task.completedAt ?? '') < roundStart);
      if (stale.length > 0) {
        const rejection = [...run.decisions].reverse().find((d) => d.stepKey === step.key && d.decision === 'rejected');
        const reason = rejection?.reason ?? 'The step was rejected';
        for (const { task } of stale) {
          try {
            await this.deps.taskOps.reopen(task.id, { reason }, WORKFLOW_ACTOR);
          } catch (err) {
            if (!isAppError(err) || err.code !== 'TASK_ILLEGAL_TRANSITION') throw err;
          }
        }
        this.deps.logger.info({ runId: run.id, step: step.key, round: step.round, tasks: stale.map((s) => s.task.id) }, 'workflow step tasks reopened after a rejection');
        return true;
      }
    }

    if (!linked.every(({ task }) => DONE.includes(task.status))) return false;
    const outputs = [];
    for (const { link, task } of linked) outputs.push(await this.deps.outputs.outputOf(link, task));
    const now = this.deps.clock.isoNow();
    const output = { deliverables: phase.deliverables, tasks: outputs, at: now };
    if (phase.approval) {
      await this.deps.repo.changeStep(run.id, step.key, { from: ['running'], to: 'awaiting_approval', patch: { awaitingSince: now, output } });
    } else {
      await this.deps.repo.changeStep(run.id, step.key, { from: ['running'], to: 'completed', patch: { completedAt: now, output } });
    }
    this.deps.logger.info({ runId: run.id, step: step.key, gate: phase.approval !== null }, 'workflow step done');
    return true;
  }

  /** Linked tasks that do not exist (a crash between the link and the task, or a deleted task) are created again. */
  private async recreate(run: StoredWorkflowRun, step: StoredWorkflowStep, phase: WorkflowPhase): Promise<boolean> {
    const template = run.template as WorkflowTemplate;
    const staffing = await this.deps.staffing();
    const context = { title: run.title, request: run.request, template, includeOptionalRoles: run.includeOptionalRoles };
    const stepIds = step.tasks.map((l) => l.taskId);
    const existing = new Set((await this.deps.taskReads.getMany(stepIds)).map((t) => t.id));
    for (const link of step.tasks) {
      if (existing.has(link.taskId)) continue;
      const employee = staffing.pick(link.role);
      if (employee === null) {
        const reason = `No active or paused employee has the role ${employeeRoleLabels[link.role]} (${link.role})`;
        await this.deps.repo.changeStep(run.id, step.key, { from: ['running'], to: 'failed', patch: { reason, completedAt: this.deps.clock.isoNow() } });
        return true;
      }
      const planned = plannedStepTask(context, phase, link.role, link.position, employee.id);
      this.deps.logger.warn({ runId: run.id, step: step.key, taskId: link.taskId }, 'a workflow step task was missing; creating it');
      if (!(await this.createStepTask(run, step.key, phase, planned, link.taskId, stepIds))) return true;
    }
    return true;
  }

  // ---- classification ------------------------------------------------------------------------

  private async classify(run: StoredWorkflowRun): Promise<boolean> {
    const taskId = run.classifierTaskId;
    if (taskId === null) return this.failRun(run, 'WORKFLOW_CLASSIFICATION_FAILED', 'The run has no classification task');
    const task = await this.deps.taskReads.get(taskId);
    if (task === null) return this.createClassifierTask(run, taskId);
    if (BROKEN.includes(task.status)) {
      return this.failRun(run, 'WORKFLOW_CLASSIFICATION_FAILED', `The classification task ${task.status === 'blocked' ? 'is blocked' : task.status}`);
    }
    if (!DONE.includes(task.status)) return false;

    const result = task.lastRunId === null ? null : await this.deps.runs.get(task.lastRunId);
    const templates = this.deps.templates.list();
    const answer = parseClassificationAnswer(result?.resultText ?? null, templates.map((t) => t.id));
    if (!answer.ok) return this.failRun(run, 'WORKFLOW_CLASSIFICATION_FAILED', answer.message);
    const template = templates.find((t) => t.id === answer.templateId) as WorkflowTemplate;
    const unstaffed = (await this.deps.staffing()).unstaffed(template.phases.flatMap((p) => p.requiredRoles));
    if (unstaffed.length > 0) {
      return this.failRun(run, 'WORKFLOW_ROLE_UNSTAFFED', `The agent chose ${template.name}, but nobody has the role(s): ${unstaffed.join(', ')}`);
    }
    const changed = await this.deps.repo.changeRun(run.id, {
      from: ['classifying'],
      to: 'running',
      patch: { template, selectionReason: answer.reason },
      steps: template.phases.map((p, position) => ({ key: p.key, position })),
    });
    if (changed) {
      this.deps.logger.info({ runId: run.id, templateId: template.id }, 'workflow template chosen by the classification task');
      if (task.status === 'completed') {
        await this.deps.taskOps.resolve(taskId, { comment: `Chose the workflow ${template.name}` }, WORKFLOW_ACTOR).catch(() => undefined);
      }
    }
    return true;
  }

  private async createClassifierTask(run: StoredWorkflowRun, taskId: string): Promise<boolean> {
    const employee = (await this.deps.staffing()).classifier();
    if (employee === null) return this.failRun(run, 'WORKFLOW_ROLE_UNSTAFFED', 'Nobody can classify the request: no project manager or technical lead');
    try {
      await this.deps.taskOps.create(
        {
          title: classificationTitle(run.title),
          description: classificationDescription(run, this.deps.templates.list()),
          priority: run.priority,
          requiredSkills: ['requirements_analysis'],
          labels: [WORKFLOW_TASK_LABEL],
          assignee: employee.id,
          workingDirectory: run.workingDirectory,
        },
        WORKFLOW_ACTOR,
        { id: taskId },
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'CONFLICT') return true;
      return this.failRun(run, 'WORKFLOW_CLASSIFICATION_FAILED', `Could not create the classification task: ${err instanceof Error ? err.message : String(err)}`);
    }
    return true;
  }

  // ---- the end -------------------------------------------------------------------------------

  private async failRun(run: StoredWorkflowRun, code: 'WORKFLOW_STEP_FAILED' | 'WORKFLOW_CLASSIFICATION_FAILED' | 'WORKFLOW_ROLE_UNSTAFFED', message: string): Promise<boolean> {
    await this.deps.repo.changeRun(run.id, {
      from: [run.status],
      to: 'failed',
      patch: { errorCode: code, errorMessage: message, endedAt: this.deps.clock.isoNow() },
    });
    this.deps.logger.warn({ runId: run.id, code, reason: message }, 'workflow run failed');
    return true;
  }

  /** A finished run: open steps are cancelled, leftover tasks cancelled (runs stopped), then the run is closed. */
  private async close(run: StoredWorkflowRun): Promise<boolean> {
    const why = run.status === 'cancelled' ? 'The workflow run was cancelled' : run.status === 'failed' ? 'The workflow run failed' : 'The workflow run ended';
    for (const step of run.steps) {
      if (step.status === 'pending' || step.status === 'running' || step.status === 'awaiting_approval') {
        await this.deps.repo.changeStep(run.id, step.key, { from: [step.status], to: 'cancelled', patch: { reason: why, awaitingSince: null } });
      }
    }
    const tasks = await this.deps.taskReads.getMany(taskIdsOf(run));
    for (const task of tasks.filter((t) => LEFTOVER.includes(t.status))) {
      try {
        await this.deps.taskOps.cancel(task.id, { reason: why }, WORKFLOW_ACTOR);
      } catch (err) {
        if (!isAppError(err) || (err.code !== 'TASK_ILLEGAL_TRANSITION' && err.code !== 'TASK_NOT_FOUND')) throw err;
      }
    }
    await this.deps.repo.closeRun(run.id, this.deps.clock.isoNow());
    return true;
  }
}
