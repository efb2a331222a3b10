import { AppError } from '../app-error.js';
import { dependencyBlockingStatuses, dependencySatisfiedStatuses } from './task-state-machine.js';
const EMPTY = [];
export class DependencyGraph {
    #dependsOn = new Map();
    #dependents = new Map();
    static of(edges) {
        const graph = new DependencyGraph();
        for (const edge of edges)
            graph.#add(edge.taskId, edge.dependsOnId);
        return graph;
    }
    /** Direct dependencies of a task (what it waits for). */
    dependenciesOf(taskId) {
        return this.#dependsOn.get(taskId) ?? EMPTY;
    }
    /** Direct dependents of a task (what waits for it). */
    dependentsOf(taskId) {
        return this.#dependents.get(taskId) ?? EMPTY;
    }
    edges() {
        return [...this.#dependsOn].flatMap(([taskId, deps]) => deps.map((dependsOnId) => ({ taskId, dependsOnId })));
    }
    /**
     * The cycle that replacing `taskId`'s dependencies with `deps` would close, as a path that starts
     * and ends at `taskId` (`[A, B, C, A]`; a self-dependency is `[A, A]`), or null when none.
     */
    findCycle(taskId, deps) {
        for (const dep of deps) {
            const path = this.#pathTo(dep, taskId);
            if (path)
                return [taskId, ...path];
        }
        return null;
    }
    /** A copy with `taskId`'s dependencies replaced (unchecked: validate first). */
    withDependencies(taskId, deps) {
        const next = DependencyGraph.of(this.edges().filter((e) => e.taskId !== taskId));
        for (const dep of deps)
            next.#add(taskId, dep);
        return next;
    }
    /** Tasks downstream of `taskId` (its dependents, theirs …), nearest first, `taskId` excluded. */
    downstreamOf(taskId) {
        const seen = new Set([taskId]);
        const order = [];
        const queue = [taskId];
        for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
            for (const next of this.dependentsOf(node)) {
                if (seen.has(next))
                    continue;
                seen.add(next);
                order.push(next);
                queue.push(next);
            }
        }
        return order;
    }
    #add(taskId, dependsOnId) {
        const deps = this.#dependsOn.get(taskId) ?? [];
        if (deps.includes(dependsOnId))
            return;
        deps.push(dependsOnId);
        this.#dependsOn.set(taskId, deps);
        const dependents = this.#dependents.get(dependsOnId) ?? [];
        dependents.push(taskId);
        this.#dependents.set(dependsOnId, dependents);
    }
    /** A dependency path from `start` to `goal` (both included), not walking out of `goal`. */
    #pathTo(start, goal) {
        if (start === goal)
            return [goal];
        const parent = new Map();
        const seen = new Set([start]);
        const stack = [start];
        for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
            const next = [...this.dependenciesOf(node)].reverse(); // pop order = edge order
            for (const dep of next) {
                if (seen.has(dep))
                    continue;
                seen.add(dep);
                parent.set(dep, node);
                if (dep === goal)
                    return unwind(parent, start, goal);
                stack.push(dep);
            }
        }
        return null;
    }
}
function unwind(parent, start, goal) {
    const path = [goal];
    for (let node = goal; node !== start;) {
        const prev = parent.get(node);
        if (prev === undefined)
            break;
        path.push(prev);
        node = prev;
    }
    return path.reverse();
}
/** `A → B → C → A`, the form error messages use. */
export const formatDependencyPath = (path) => path.join(' → ');
/**
 * Checks a task's new dependency list: every id exists (TASK_DEPENDENCY_NOT_FOUND, details
 * `missing`), and no cycle forms (TASK_DEPENDENCY_CYCLE, details `cycle` as the id path).
 */
export function assertValidDependencies(graph, taskId, deps, exists) {
    const missing = deps.filter((dep) => dep !== taskId && !exists(dep));
    if (missing.length > 0) {
        throw new AppError('TASK_DEPENDENCY_NOT_FOUND', {
            message: `Unknown dependency: ${missing.join(', ')}`,
            details: { taskId, missing },
        });
    }
    const cycle = graph.findCycle(taskId, deps);
    if (cycle) {
        throw new AppError('TASK_DEPENDENCY_CYCLE', {
            message: `The dependencies would form a cycle: ${formatDependencyPath(cycle)}`,
            details: { taskId, cycle },
        });
    }
}
const isSatisfied = (status) => status !== undefined && dependencySatisfiedStatuses.includes(status);
const isBlocking = (status) => status !== undefined && dependencyBlockingStatuses.includes(status);
/** Whether every dependency of `taskId` is completed or resolved. */
export const dependenciesDone = (graph, taskId, statusOf) => graph.dependenciesOf(taskId).every((dep) => isSatisfied(statusOf(dep)));
/**
 * The pending direct dependents of `taskId` whose dependencies are now all done (`taskId`'s own
 * status, as seen through `statusOf`, should already be completed or resolved).
 */
export const readyDependents = (graph, taskId, statusOf) => graph.dependentsOf(taskId).filter((d) => statusOf(d) === 'pending' && dependenciesDone(graph, d, statusOf));
/** The queued direct dependents that must wait again because `taskId` was reopened (→ pending). */
export const unreadyDependents = (graph, taskId, statusOf) => graph.dependentsOf(taskId).filter((d) => statusOf(d) === 'queued');
/**
 * Everything downstream of `rootId` (failed for good, or cancelled) that is pending and so can
 * no longer run: direct dependents and, through them, theirs. Tasks already blocked, running or
 * done are left as they are (and not walked through).
 */
export function blockedDependents(graph, rootId, statusOf) {
    const rootStatus = statusOf(rootId);
    const cause = rootStatus === 'cancelled' ? `${rootId} was cancelled` : `${rootId} failed`;
    const blocked = [];
    const seen = new Set([rootId]);
    const queue = [[rootId]];
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const node = path[path.length - 1] ?? rootId;
        for (const dependent of graph.dependentsOf(node)) {
            if (seen.has(dependent) || statusOf(dependent) !== 'pending')
                continue;
            seen.add(dependent);
            const next = [...path, dependent];
            const reason = node === rootId ? `Dependency ${cause}` : `Dependency ${node} is blocked (${cause})`;
            blocked.push({ taskId: dependent, reason, path: next });
            queue.push(next);
        }
    }
    return blocked;
}
/**
 * The blocked tasks downstream of `taskId` that no dependency blocks any more once `taskId` left
 * its blocking status (retried: failed → queued). They go back to `pending`; readiness is then
 * decided from their dependencies. Diamonds are handled: a task with a second dependency that is
 * still failed stays blocked.
 */
export function unblockedDependents(graph, taskId, statusOf) {
    const released = new Set();
    const effective = (id) => (released.has(id) ? 'pending' : statusOf(id));
    const candidates = graph.downstreamOf(taskId).filter((id) => statusOf(id) === 'blocked');
    for (let changed = true; changed;) {
        changed = false;
        for (const id of candidates) {
            if (released.has(id))
                continue;
            if (graph.dependenciesOf(id).some((dep) => isBlocking(effective(dep))))
                continue;
            released.add(id);
            changed = true;
        }
    }
    return candidates.filter((id) => released.has(id));
}
//# sourceMappingURL=dependency-graph.js.map