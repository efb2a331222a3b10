import { blockedDependents, DependencyGraph, readyDependents, unreadyDependents, } from '../../domain/tasks/dependency-graph.js';
import { assertTaskTransition, dependencyBlockingStatuses, dependencySatisfiedStatuses } from '../../domain/tasks/task-state-machine.js';
import { TASKS_TOPIC } from './bus-topics.js';
import { taskJob } from './task-job.js';
/** A dependency in one of these lets its dependents go ahead / blocks them. */
const isSatisfied = (s) => s !== undefined && dependencySatisfiedStatuses.includes(s);
const isBlocking = (s) => s !== undefined && dependencyBlockingStatuses.includes(s);
export class TaskFlow {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /** Validates and writes `task.status → to` (or through `via`); null when the status moved on. */
    async move(task, to, options) {
        const reason = options.reason ?? null;
        const viaReason = options.viaReason ?? reason;
        const steps = options.via
            ? [
                [task.status, options.via, viaReason],
                [options.via, to, reason],
            ]
            : [[task.status, to, reason]];
        for (const [from, next, why] of steps)
            assertTaskTransition(from, next, { reason: why });
        const at = this.deps.clock.isoNow();
        const timeline = steps.map(([from, next, why]) => ({
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
        if (!updated)
            return null;
        // The job first: whoever wakes on the message (the dispatcher) must find it on the queue.
        if (to === 'queued')
            await this.enqueue(updated, options.enqueueDelayMs ?? 0);
        this.publish(updated);
        return updated;
    }
    /** Puts the task's job on the queue (a no-op while one is live); failures are logged, not thrown. */
    async enqueue(task, delayMs = 0) {
        try {
            await this.deps.queue.enqueue(taskJob(task, { delayMs, backoffMs: this.deps.retryBackoffMs }));
            return true;
        }
        catch (err) {
            this.deps.logger.warn({ err, taskId: task.id }, 'enqueueing a queued task failed; the dispatcher sweep will retry');
            return false;
        }
    }
    /** Takes the task's waiting job off the queue (best effort: a claimed job is dropped when claimed). */
    async dequeue(taskId) {
        try {
            await this.deps.queue.remove(taskId);
        }
        catch (err) {
            this.deps.logger.warn({ err, taskId }, 'removing a task job failed; it is dropped when claimed');
        }
    }
    publish(message) {
        this.deps.bus.publish(TASKS_TOPIC, message);
    }
    get metrics() {
        return this.deps.metrics;
    }
    /** `taskId` completed (or was resolved): its pending dependents whose dependencies are all done become queued. */
    async releaseDependents(taskId, actor) {
        const { graph, statusOf, byId } = await this.neighbourhood(taskId);
        for (const id of readyDependents(graph, taskId, statusOf)) {
            const dependent = byId.get(id);
            if (!dependent)
                continue;
            await this.move(dependent, 'queued', { actor, reason: 'Its dependencies are done', data: { dependency: taskId } });
        }
    }
    /**
     * `taskId` failed for good or was cancelled: every pending task downstream is blocked, each with
     * the reason (`Dependency X failed`, `Dependency Y is blocked (X failed)`).
     */
    async blockDependents(taskId, actor) {
        const edges = await this.deps.tasks.dependencyEdges([taskId], 'downstream');
        if (edges.length === 0)
            return;
        const graph = DependencyGraph.of(edges);
        const ids = [taskId, ...graph.downstreamOf(taskId)];
        const byId = new Map((await this.deps.tasks.getMany(ids)).map((t) => [t.id, t]));
        const statusOf = (id) => byId.get(id)?.status;
        for (const blocked of blockedDependents(graph, taskId, statusOf)) {
            const dependent = byId.get(blocked.taskId);
            if (!dependent)
                continue;
            await this.move(dependent, 'blocked', {
                actor,
                reason: blocked.reason,
                data: { dependency: taskId, path: blocked.path },
                patch: { blockedReason: blocked.reason },
            });
        }
    }
    /** `taskId` was reopened: its queued dependents wait again (→ pending). */
    async holdDependents(taskId, actor) {
        const { graph, statusOf, byId } = await this.neighbourhood(taskId);
        for (const id of unreadyDependents(graph, taskId, statusOf)) {
            const dependent = byId.get(id);
            if (!dependent)
                continue;
            await this.move(dependent, 'pending', { actor, reason: `Dependency ${taskId} was reopened`, data: { dependency: taskId } });
            await this.dequeue(id);
        }
    }
    /**
     * Brings tasks whose dependency list changed (an edit, a deleted dependency) to the status their
     * dependencies call for: blocked when one blocks, queued when all are done, pending otherwise.
     * Tasks in other statuses (running, done, cancelled) are left alone.
     */
    async reconcileReadiness(ids, actor) {
        for (const id of ids) {
            const task = await this.deps.tasks.get(id);
            if (!task || !['pending', 'queued', 'blocked'].includes(task.status))
                continue;
            const deps = await this.deps.tasks.getMany(task.dependsOn);
            const blocking = deps.find((d) => isBlocking(d.status));
            const allDone = deps.length === task.dependsOn.length && deps.every((d) => isSatisfied(d.status));
            const data = { dependsOn: task.dependsOn };
            let next = task;
            if (blocking) {
                const reason = blockingReason(blocking);
                if (task.status === 'pending')
                    next = await this.move(task, 'blocked', { actor, reason, data, patch: { blockedReason: reason } });
                else if (task.status === 'queued') {
                    next = await this.move(task, 'blocked', { actor, via: 'pending', viaReason: 'Its dependencies changed', reason, data, patch: { blockedReason: reason } });
                    await this.dequeue(task.id);
                }
            }
            else if (allDone) {
                const reason = task.dependsOn.length === 0 ? 'It has no dependencies' : 'Its dependencies are done';
                if (task.status === 'pending')
                    next = await this.move(task, 'queued', { actor, reason, data });
                else if (task.status === 'blocked')
                    next = await this.move(task, 'queued', { actor, via: 'pending', viaReason: 'No dependency blocks it any more', reason, data });
            }
            else if (task.status === 'queued' || task.status === 'blocked') {
                next = await this.move(task, 'pending', { actor, reason: 'It waits for its dependencies', data });
                if (task.status === 'queued')
                    await this.dequeue(task.id);
            }
            // Entering or leaving `blocked` changes what its own dependents should be.
            if (next && next.status !== task.status && (next.status === 'blocked' || task.status === 'blocked')) {
                if (next.status === 'blocked')
                    await this.blockDependents(task.id, actor);
                else
                    await this.reconcileReadiness(await this.deps.tasks.dependents(task.id), actor);
            }
        }
    }
    /** The direct dependents of `taskId` with their full dependency lists and every status involved. */
    async neighbourhood(taskId) {
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
function blockingReason(dep) {
    if (dep.status === 'cancelled')
        return `Dependency ${dep.id} was cancelled`;
    if (dep.status === 'blocked')
        return `Dependency ${dep.id} is blocked${dep.blockedReason ? ` (${dep.blockedReason})` : ''}`;
    return `Dependency ${dep.id} failed`;
}
//# sourceMappingURL=task-flow.js.map