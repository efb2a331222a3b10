/**
 * Tasks as people use them: create, list, read, edit, cancel, delete, and the review loop
 * (resolve a completed task, or reopen it with a reason so it runs again), plus comments, the
 * status timeline and the runs of a task. The dispatcher (services/dispatch) does the rest: picks
 * queued tasks, runs them and records how they ended.
 *
 * Rules:
 *  - input is validated with the shared schemas; assignees must exist and be active or paused;
 *    dependencies must exist and form no cycle (domain/tasks/dependency-graph.ts);
 *  - a new task is `queued` when every dependency is completed or resolved (or it has none),
 *    `blocked` when one failed or was cancelled, `pending` otherwise;
 *  - edits are allow-listed and follow domain/tasks/task-edit-rules.ts; they name the version
 *    they read (409 TASK_VERSION_CONFLICT otherwise);
 *  - status changes follow the domain state machine (409 TASK_ILLEGAL_TRANSITION,
 *    TASK_REOPEN_REASON_REQUIRED) and land in the timeline with who, when and why;
 *  - a failing request changes nothing: every check runs before the first write.
 */
import {
  cancelTaskBody,
  createTaskBody,
  reopenTaskBody,
  resolveTaskBody,
  taskCommentBody,
  taskEditableFields,
  TASK_LIST_LIMIT_DEFAULT,
  updateTaskBody,
  type ListTasksQuery,
  type Run,
  type StoredTaskStatus,
  type Task,
  type TaskWorkspaceRequest,
  type TaskComment,
  type TaskList,
  type TaskRunsQuery,
  type TaskTimelineEntry,
} from '@dash/shared';
import { AppError, isAppError } from '../../domain/app-error.js';
import { assertValidDependencies, DependencyGraph } from '../../domain/tasks/dependency-graph.js';
import { assertTaskEditable } from '../../domain/tasks/task-edit-rules.js';
import {
  assertTaskTransition,
  dependencyBlockingStatuses,
  dependencySatisfiedStatuses,
  planReopen,
} from '../../domain/tasks/task-state-machine.js';
import type { Clock } from '../../ports/clock.js';
import type { EmployeeRepository } from '../../ports/employee-repository.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { InitialTaskStatus, TaskPatch, TaskRepository } from '../../ports/task-repository.js';
import { assertAssignable } from './assignee-check.js';
import { parseInput } from './parse-input.js';
import type { TaskFlow } from './task-flow.js';

export interface TaskServiceDeps {
  tasks: TaskRepository;
  flow: TaskFlow;
  employees: Pick<EmployeeRepository, 'get'>;
  runs: Pick<RunRepository, 'list'>;
  /** Stops a live run (RunService.stop); throws RUN_NOT_ACTIVE when it is not live here. */
  stopRun: (runId: string) => Promise<unknown>;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  /**
   * Isolated task workspaces (services/workspaces): checks and stores a task's `workspace`
   * request; told when a task is resolved (its worktree goes when that loses nothing).
   */
  workspaces?: { request(taskId: string, req: TaskWorkspaceRequest): Promise<unknown>; resolved?(taskId: string): Promise<unknown> };
}

/** Lost races (the status moved between our read and our write) are retried this many times. */
const RACE_RETRIES = 3;

export class TaskService {
  constructor(private readonly deps: TaskServiceDeps) {}

  /** `options.id`: a caller that recorded the id beforehand (the workflow engine) creates the task under it. */
  async create(input: unknown, actor: string, options: { id?: string } = {}): Promise<Task> {
    const body = parseInput(createTaskBody, input);
    if (body.assignee !== null) await assertAssignable(this.deps.employees, body.assignee, 'body.assignee');
    const id = options.id ?? this.deps.newId();
    const deps = await this.deps.tasks.getMany(body.dependsOn);
    const known = new Set(deps.map((d) => d.id));
    assertValidDependencies(DependencyGraph.of([]), id, body.dependsOn, (dep) => known.has(dep));
    // Before the task exists: a refused workspace (unknown repository, bad base) creates nothing.
    if (body.workspace !== undefined) {
      if (!this.deps.workspaces) throw new AppError('WORKSPACE_REPO_UNKNOWN', { fields: [{ path: 'body.workspace.repo', message: 'workspaces are not available here' }] });
      await this.deps.workspaces.request(id, body.workspace);
    }

    const blocking = deps.find((d) => dependencyBlockingStatuses.includes(d.status));
    const status: InitialTaskStatus = blocking
      ? 'blocked'
      : deps.every((d) => dependencySatisfiedStatuses.includes(d.status))
        ? 'queued'
        : 'pending';
    const created = await this.deps.tasks.create({
      id,
      title: body.title,
      description: body.description,
      priority: body.priority,
      status,
      requiredSkills: body.requiredSkills,
      labels: body.labels,
      assignee: body.assignee,
      dependsOn: body.dependsOn,
      maxRetries: body.maxRetries,
      timeoutMs: body.timeoutMs,
      budgetUsd: body.budgetUsd,
      workingDirectory: body.workingDirectory,
      createdBy: actor,
      createdAt: this.deps.clock.isoNow(),
      ...(blocking && { blockedReason: `Dependency ${blocking.id} ${blocking.status === 'cancelled' ? 'was cancelled' : blocking.status === 'blocked' ? 'is blocked' : 'failed'}` }),
    });
    if (created.status === 'queued') await this.deps.flow.enqueue(created);
    this.deps.flow.publish(created);
    this.deps.logger.info({ taskId: id, status, priority: created.priority, actor }, 'task created');
    return created;
  }

  /** `query` as parsed by `listTasksQuery` (comma lists already split). */
  async list(q: Partial<ListTasksQuery>): Promise<TaskList> {
    return this.deps.tasks.list({
      limit: q.limit ?? TASK_LIST_LIMIT_DEFAULT,
      ...(q.status && { status: q.status }),
      ...(q.priority && { priority: q.priority }),
      ...(q.employee !== undefined && { employee: q.employee }),
      ...(q.label !== undefined && { label: q.label }),
      ...(q.q !== undefined && { text: q.q }),
      ...(q.cursor !== undefined && { cursor: q.cursor }),
    });
  }

  async get(id: string): Promise<Task> {
    const task = await this.deps.tasks.get(id);
    if (!task) throw new AppError('TASK_NOT_FOUND', { message: `Task ${id} not found`, details: { taskId: id } });
    return task;
  }

  async update(id: string, input: unknown, actor: string): Promise<Task> {
    const body = parseInput(updateTaskBody, input);
    const task = await this.get(id);
    const fields = taskEditableFields.filter((field) => body[field] !== undefined);
    if (fields.length === 0) {
      if (body.version !== task.version) throw versionConflict(task, body.version);
      return task;
    }
    assertTaskEditable(task.status, fields);
    if (body.assignee) await assertAssignable(this.deps.employees, body.assignee, 'body.assignee');
    if (body.dependsOn !== undefined) {
      const existing = new Set((await this.deps.tasks.getMany(body.dependsOn)).map((t) => t.id));
      const upstream = DependencyGraph.of(await this.deps.tasks.dependencyEdges(body.dependsOn, 'upstream'));
      assertValidDependencies(upstream, id, body.dependsOn, (dep) => existing.has(dep));
    }
    const patch: TaskPatch = {};
    for (const field of fields) Object.assign(patch, { [field]: body[field] });

    const updated = await this.deps.tasks.update(id, body.version, patch);
    this.deps.flow.publish(updated);
    if (body.dependsOn !== undefined) await this.deps.flow.reconcileReadiness([id], actor);
    // A waiting job carries the old priority; queue it again (a claimed one is ordered by the task itself).
    if (body.priority !== undefined && body.priority !== task.priority && updated.status === 'queued' && updated.attempts === 0) {
      await this.deps.flow.dequeue(id);
      await this.deps.flow.enqueue(updated);
    }
    this.deps.logger.info({ taskId: id, fields, actor }, 'task edited');
    return (await this.deps.tasks.get(id)) ?? updated;
  }

  /** Any status but done ones may be cancelled; a running task's run is stopped, dependents are blocked. */
  async cancel(id: string, input: unknown, actor: string): Promise<Task> {
    const body = parseInput(cancelTaskBody, input ?? {});
    const cancelled = await this.withRetries(id, async (task) => {
      assertTaskTransition(task.status, 'cancelled');
      const updated = await this.deps.flow.move(task, 'cancelled', {
        actor,
        reason: body.reason ?? 'Cancelled',
        data: task.status === 'running' ? { runId: task.lastRunId } : null,
      });
      if (updated) this.deps.flow.metrics.taskOutcome('cancelled', task.assignedTo ?? 'none');
      return updated && { before: task, after: updated };
    });
    const { before, after } = cancelled;
    if (before.status === 'running' && before.lastRunId) this.stopRunInBackground(before.lastRunId, id);
    else await this.deps.flow.dequeue(id);
    await this.deps.flow.blockDependents(id, actor);
    this.deps.logger.info({ taskId: id, from: before.status, actor }, 'task cancelled');
    return after;
  }

  /** Deletes a task that is not running, with its comments and timeline; its dependents are re-evaluated. */
  async delete(id: string, actor: string): Promise<void> {
    const task = await this.get(id);
    if (task.status === 'running') {
      throw new AppError('TASK_RUNNING', { message: `Task ${id} is running; cancel it first`, details: { taskId: id } });
    }
    const result = await this.deps.tasks.delete(id);
    if (!result) throw new AppError('TASK_NOT_FOUND', { message: `Task ${id} not found`, details: { taskId: id } });
    await this.deps.flow.dequeue(id);
    this.deps.flow.publish({ id, deleted: true });
    await this.deps.flow.reconcileReadiness(result.dependents, actor);
    this.deps.logger.info({ taskId: id, actor }, 'task deleted');
  }

  /** completed → resolved: a person accepts the result (optional comment, kind `resolution`). */
  async resolve(id: string, input: unknown, actor: string): Promise<Task> {
    const body = parseInput(resolveTaskBody, input ?? {});
    const { after } = await this.withRetries(id, async (task) => {
      assertTaskTransition(task.status, 'resolved');
      const updated = await this.deps.flow.move(task, 'resolved', { actor, reason: body.comment ?? 'Result accepted' });
      return updated && { before: task, after: updated };
    });
    if (body.comment !== undefined) await this.addComment(id, { body: body.comment }, actor, 'resolution');
    // Best effort: the resolve stands whatever happens to the worktree (kept, at worst).
    await this.deps.workspaces?.resolved?.(id).catch((err: unknown) => this.deps.logger.warn({ err, taskId: id }, 'cleaning up the workspace of a resolved task failed'));
    return after;
  }

  /**
   * completed|resolved → reopened → queued (pending when a dependency is no longer done), with a
   * required reason (409 TASK_REOPEN_REASON_REQUIRED) kept as a `reopen_reason` comment. Attempts
   * start again from 0; `reassignTo` hands the next attempt to that employee (null: automatic).
   */
  async reopen(id: string, input: unknown, actor: string): Promise<Task> {
    const body = parseInput(reopenTaskBody, input ?? {});
    const reason = (body.reason ?? '').trim();
    const { after } = await this.withRetries(id, async (task) => {
      const deps = await this.deps.tasks.getMany(task.dependsOn);
      const depsDone = deps.length === task.dependsOn.length && deps.every((d) => dependencySatisfiedStatuses.includes(d.status));
      const plan = planReopen(task.status, reason, depsDone);
      if (body.reassignTo) await assertAssignable(this.deps.employees, body.reassignTo, 'body.reassignTo');
      const updated = await this.deps.flow.move(task, plan.target, {
        actor,
        via: 'reopened',
        viaReason: reason,
        reason: plan.target === 'queued' ? 'Queued again after the reopen' : 'Waits for its dependencies again',
        data: body.reassignTo !== undefined ? { reassignTo: body.reassignTo } : null,
        patch: {
          attempts: 0,
          resolvedAt: null,
          ...(body.reassignTo !== undefined && { assignee: body.reassignTo }),
        },
      });
      return updated && { before: task, after: updated };
    });
    await this.addComment(id, { body: reason }, actor, 'reopen_reason');
    await this.deps.flow.holdDependents(id, actor);
    this.deps.logger.info({ taskId: id, to: after.status, actor }, 'task reopened');
    return after;
  }

  async comments(id: string): Promise<TaskComment[]> {
    await this.get(id);
    return this.deps.tasks.listComments(id);
  }

  async addComment(id: string, input: unknown, actor: string, kind: TaskComment['kind'] = 'general'): Promise<TaskComment> {
    const body = parseInput(taskCommentBody, input);
    await this.get(id);
    return this.deps.tasks.addComment({
      id: this.deps.newId(),
      taskId: id,
      kind,
      author: actor,
      body: body.body,
      createdAt: this.deps.clock.isoNow(),
    });
  }

  async timeline(id: string): Promise<TaskTimelineEntry[]> {
    await this.get(id);
    return this.deps.tasks.timeline(id);
  }

  async runs(id: string, q: Partial<TaskRunsQuery> = {}): Promise<{ items: Run[]; nextCursor: string | null }> {
    await this.get(id);
    return this.deps.runs.list({ taskId: id, limit: q.limit ?? 50, ...(q.cursor !== undefined && { cursor: q.cursor }) });
  }

  /** Counts per status (for metrics and stats). */
  counts(): Promise<Record<StoredTaskStatus, number>> {
    return this.deps.tasks.countByStatus();
  }

  /**
   * Reads the task and applies `step`; when the write lost a race (null), reads again and retries,
   * so the domain check sees the current status and answers the right 409.
   */
  private async withRetries<T>(id: string, step: (task: Task) => Promise<T | null>): Promise<T> {
    for (let i = 0; i < RACE_RETRIES; i += 1) {
      const result = await step(await this.get(id));
      if (result !== null) return result;
    }
    throw new AppError('CONFLICT', { message: `Task ${id} keeps changing; try again`, details: { taskId: id } });
  }

  private stopRunInBackground(runId: string, taskId: string): void {
    void this.deps.stopRun(runId).catch((err: unknown) => {
      if (isAppError(err) && (err.code === 'RUN_NOT_ACTIVE' || err.code === 'RUN_NOT_FOUND')) return;
      this.deps.logger.warn({ err, runId, taskId }, 'stopping the run of a cancelled task failed');
    });
  }
}

function versionConflict(task: Task, expected: number): AppError {
  return new AppError('TASK_VERSION_CONFLICT', { details: { taskId: task.id, expectedVersion: expected, actualVersion: task.version } });
}
