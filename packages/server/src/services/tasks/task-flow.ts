/**
 * Every task status change, for the task service (people's actions) and the dispatcher (runs):
 * checked against the domain state machine, written with the repository's conditional transition
 * (status, patch and timeline rows in one write), then — when the task lands in `queued` — its
 * job enqueued, then published on the `tasks` topic (in that order, so a dispatcher woken by the
 * message finds the job). Also the dependency consequences:
 * dependents become ready, blocked, or wait again.
 *
 * A move names the status it saw; when the stored status has moved on meanwhile (a lost race) the
 * move writes nothing and returns null, and the caller decides (re-read, or give up).
 *
 * Enqueueing never fails a move: the task row is the truth and the job only a dispatch token. A
 * failed enqueue is logged and repaired by the dispatcher's sweep, which re-enqueues every queued
 * task (idempotent while a job for it is live).
 */
import type { StoredTaskStatus, Task, TaskStatus } from '@dash/shared';
import {
  blockedDependents,
  DependencyGraph,
  readyDependents,
  unreadyDependents,
  type TaskStatusLookup,
} from '../../domain/tasks/dependency-graph.js';
import { assertTaskTransition, dependencyBlockingStatuses, dependencySatisfiedStatuses } from '../../domain/tasks/task-state-machine.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
import type { TaskMetrics } from '../../ports/task-metrics.js';
import type { NewTimelineEntry, TaskPatch, TaskRepository } from '../../ports/task-repository.js';
import { TASKS_TOPIC } from './bus-topics.js';
import { taskJob } from './task-job.js';

export interface TaskFlowDeps {
  tasks: TaskRepository;
  queue: JobQueue;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  metrics: TaskMetrics;
  /** Base delay of the exponential retry backoff of task jobs. */
  retryBackoffMs: number;
}

export interface MoveOptions {
  /** `system`, `dispatcher`, or the person (`api` until there is authentication). */
  actor: string;
  /** Why (the last step's reason). */
  reason?: string | null;
  /**
   * Record the change as two timeline steps through this status, written together: `failed` for
   * a retry (running → failed → queued), `running` for a dispatch that failed before its run
   * started, `reopened` for a reopen, `pending` for queued → pending → blocked.
   */
  via?: TaskStatus;
  /** The first step's reason when `via` is set. @default reason */
  viaReason?: string | null;
  data?: Record<string, unknown> | null;
  patch?: TaskPatch;
  expectedVersion?: number;
  /** When the move lands in `queued`: the job becomes ready after this delay. @default 0 */
  enqueueDelayMs?: number;
}

/** A dependency in one of these lets its dependents go ahead / blocks them. */
const isSatisfied = (s: StoredTaskStatus | undefined): boolean => s !== undefined && dependencySatisfiedStatuses.includes(s);
const isBlocking = (s: StoredTaskStatus | undefined): boolean => s !== undefined && dependencyBlockingStatuses.includes(s);

export class TaskFlow {
  constructor(private readonly deps: TaskFlowDeps) {}

  /** Validates and writes `task.status → to` (or through `via`); null when the status moved on. */
  async move(task: Task, to: StoredTaskStatus, options: MoveOptions): Promise<Task | null> {
    const reason = options.reason ?? null;
    const viaReason = options.viaReason ?? reason;
    const steps: Array<readonly [TaskStatus, TaskStatus, string | null]> = options.via
      ? [
          [task.status, options.via, viaReason],
          [options.via, to, reason],
        ]
      : [[task.status, to, reason]];
    for (const [from, next, why] of steps) assertTaskTransition(from, next, { reason: why });
    const at = this.deps.clock.isoNow();
    const timeline: NewTimelineEntry[] = steps.map(([from, next, why]) => ({
      from,
      to: next,
      actor: options.actor,
      reason: why,
      at,
      data: options.data ?? null,
    }));
    const updated = await this.deps.tasks.transition(task.id, {
      from: [task.status],
      to,
      timeline,
      ...(options.patch && { patch: options.patch }),
      ...(options.expectedVersion !== undefined && { expectedVersion: options.expectedVersion }),
    });
    if (!updated) return null;
    // The job first: whoever wakes on the message (the dispatcher) must find it on the queue.
    if (to === 'queued') await this.enqueue(updated, options.enqueueDelayMs ?? 0);
    this.publish(updated);
    return updated;
  }

  /** Puts the task's job on the queue (a no-op while one is live); failures are logged, not thrown. */
  async enqueue(task: Task, delayMs = 0): Promise<boolean> {
    try {
      await this.deps.queue.enqueue(taskJob(task, { delayMs, backoffMs: this.deps.retryBackoffMs }));
      return true;
    } catch (err) {
      this.deps.logger.warn({ err, taskId: task.id }, 'enqueueing a queued task failed; the dispatcher sweep will retry');
      return false;
    }
  }

  /** Takes the task's waiting job off the queue (best effort: a claimed job is dropped when claimed). */
  async dequeue(taskId: string): Promise<void> {
    try {
      await this.deps.queue.remove(taskId);
    } catch (err) {
      this.deps.logger.warn({ err, taskId }, 'removing a task job failed; it is dropped when claimed');
    }
  }

  publish(message: Task | { id: string; deleted: true }): void {
    this.deps.bus.publish(TASKS_TOPIC, message);
  }

  get metrics(): TaskMetrics {
    return this.deps.metrics;
  }

  /** `taskId` completed (or was resolved): its pending dependents whose dependencies are all done become queued. */
  async releaseDependents(taskId: string, actor: string): Promise<void> {
    const { graph, statusOf, byId } = await this.neighbourhood(taskId);
    for (const id of readyDependents(graph, taskId, statusOf)) {
      const dependent = byId.get(id);
      if (!dependent) continue;
      await this.move(dependent, 'queued', { actor, reason: 'Its dependencies are done', data: { dependency: taskId } });
    }
  }

  /**
   * `taskId` failed for good or was cancelled: every pending task downstream is blocked, each with
   * the reason (`Dependency X failed`, `Dependency Y is blocked (X failed)`).
   */
  async blockDependents(taskId: string, actor: string): Promise<void> {
    const edges = await this.deps.tasks.dependencyEdges([taskId], 'downstream');
    if (edges.length === 0) return;
    const graph = DependencyGraph.of(edges);
    const ids = [taskId, ...graph.downstreamOf(taskId)];
    const byId = new Map((await this.deps.tasks.getMany(ids)).map((t) => [t.id, t]));
    const statusOf: TaskStatusLookup = (id) => byId.get(id)?.status;
    for (const blocked of blockedDependents(graph, taskId, statusOf)) {
      const dependent = byId.get(blocked.taskId);
      if (!dependent) continue;
      await this.move(dependent, 'blocked', {
        actor,
        reason: blocked.reason,
        data: { dependency: taskId, path: blocked.path },
        patch: { blockedReason: blocked.reason },
      });
    }
  }

  /** `taskId` was reopened: its queued dependents wait again (→ pending). */
  async holdDependents(taskId: string, actor: string): Promise<void> {
    const { graph, statusOf, byId } = await this.neighbourhood(taskId);
    for (const id of unreadyDependents(graph, taskId, statusOf)) {
      const dependent = byId.get(id);
      if (!dependent) continue;
      await this.move(dependent, 'pending', { actor, reason: `Dependency ${taskId} was reopened`, data: { dependency: taskId } });
      await this.dequeue(id);
    }
  }

  /**
   * Brings tasks whose dependency list changed (an edit, a deleted dependency) to the status their
   * dependencies call for: blocked when one blocks, queued when all are done, pending otherwise.
   * Tasks in other statuses (running, done, cancelled) are left alone.
   */
  async reconcileReadiness(ids: readonly string[], actor: string): Promise<void> {
    for (const id of ids) {
      const task = await this.deps.tasks.get(id);
      if (!task || !['pending', 'queued', 'blocked'].includes(task.status)) continue;
      const deps = await this.deps.tasks.getMany(task.dependsOn);
      const blocking = deps.find((d) => isBlocking(d.status));
      const allDone = deps.length === task.dependsOn.length && deps.every((d) => isSatisfied(d.status));
      const data = { dependsOn: task.dependsOn };
      let next: Task | null = task;
      if (blocking) {
        const reason = blockingReason(blocking);
        if (task.status === 'pending') next = await this.move(task, 'blocked', { actor, reason, data, patch: { blockedReason: reason } });
        else if (task.status === 'queued') {
          next = await this.move(task, 'blocked', { actor, via: 'pending', viaReason: 'Its dependencies changed', reason, data, patch: { blockedReason: reason } });
          await this.dequeue(task.id);
        }
      } else if (allDone) {
        const reason = task.dependsOn.length === 0 ? 'It has no dependencies' : 'Its dependencies are done';
        if (task.status === 'pending') next = await this.move(task, 'queued', { actor, reason, data });
        else if (task.status === 'blocked') next = await this.move(task, 'queued', { actor, via: 'pending', viaReason: 'No dependency blocks it any more', reason, data });
      } else if (task.status === 'queued' || task.status === 'blocked') {
        next = await this.move(task, 'pending', { actor, reason: 'It waits for its dependencies', data });
        if (task.status === 'queued') await this.dequeue(task.id);
      }
      // Entering or leaving `blocked` changes what its own dependents should be.
      if (next && next.status !== task.status && (next.status === 'blocked' || task.status === 'blocked')) {
        if (next.status === 'blocked') await this.blockDependents(task.id, actor);
        else await this.reconcileReadiness(await this.deps.tasks.dependents(task.id), actor);
      }
    }
  }

  /** The direct dependents of `taskId` with their full dependency lists and every status involved. */
  private async neighbourhood(taskId: string): Promise<{
    graph: DependencyGraph;
    statusOf: TaskStatusLookup;
    byId: Map<string, Task>;
  }> {
    const dependentIds = await this.deps.tasks.dependents(taskId);
    const dependents = await this.deps.tasks.getMany(dependentIds);
    const others = new Set(dependents.flatMap((t) => t.dependsOn));
    others.add(taskId);
    const all = [...dependents, ...(await this.deps.tasks.getMany([...others]))];
    const byId = new Map(all.map((t) => [t.id, t]));
    const graph = DependencyGraph.of(dependents.flatMap((t) => t.dependsOn.map((dependsOnId) => ({ taskId: t.id, dependsOnId }))));
    return { graph, statusOf: (id) => byId.get(id)?.status, byId };
  }
}

function blockingReason(dep: Task): string {
  if (dep.status === 'cancelled') return `Dependency ${dep.id} was cancelled`;
  if (dep.status === 'blocked') return `Dependency ${dep.id} is blocked${dep.blockedReason ? ` (${dep.blockedReason})` : ''}`;
  return `Dependency ${dep.id} failed`;
}
