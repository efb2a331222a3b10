/**
 * The task dependency DAG (an edge `A → B` means "A depends on B"), pure and in memory. The
 * service loads the part it needs (TaskRepository.dependencyEdges) and asks here:
 *  - whether new edges are valid (every dependency exists, no cycle; a cycle is reported with its
 *    path, `A → B → C → A`);
 *  - which dependents become ready when a task completes;
 *  - which become blocked when one fails for good or is cancelled (transitively, each with a
 *    reason), and which are released again when that task is retried;
 *  - which queued dependents must wait again when a completed task is reopened.
 * Traversals are deterministic (insertion order of edges), so results are stable.
 */
import type { StoredTaskStatus } from '@dash/shared';
import { AppError } from '../app-error.js';
import { dependencyBlockingStatuses, dependencySatisfiedStatuses } from './task-state-machine.js';

export interface DependencyEdge {
  taskId: string;
  dependsOnId: string;
}

/** The current status of a task, or undefined when it is not known (never satisfied, never blocking). */
export type TaskStatusLookup = (taskId: string) => StoredTaskStatus | undefined;

const EMPTY: readonly string[] = [];

export class DependencyGraph {
  readonly #dependsOn = new Map<string, string[]>();
  readonly #dependents = new Map<string, string[]>();

  static of(edges: Iterable<DependencyEdge>): DependencyGraph {
    const graph = new DependencyGraph();
    for (const edge of edges) graph.#add(edge.taskId, edge.dependsOnId);
    return graph;
  }

  /** Direct dependencies of a task (what it waits for). */
  dependenciesOf(taskId: string): readonly string[] {
    return this.#dependsOn.get(taskId) ?? EMPTY;
  }

  /** Direct dependents of a task (what waits for it). */
  dependentsOf(taskId: string): readonly string[] {
    return this.#dependents.get(taskId) ?? EMPTY;
  }

  edges(): DependencyEdge[] {
    return [...this.#dependsOn].flatMap(([taskId, deps]) => deps.map((dependsOnId) => ({ taskId, dependsOnId })));
  }

  /**
   * The cycle that replacing `taskId`'s dependencies with `deps` would close, as a path that starts
   * and ends at `taskId` (`[A, B, C, A]`; a self-dependency is `[A, A]`), or null when none.
   */
  findCycle(taskId: string, deps: readonly string[]): string[] | null {
    for (const dep of deps) {
      const path = this.#pathTo(dep, taskId);
      if (path) return [taskId, ...path];
    }
    return null;
  }

  /** A copy with `taskId`'s dependencies replaced (unchecked: validate first). */
  withDependencies(taskId: string, deps: readonly string[]): DependencyGraph {
    const next = DependencyGraph.of(this.edges().filter((e) => e.taskId !== taskId));
    for (const dep of deps) next.#add(taskId, dep);
    return next;
  }

  /** Tasks downstream of `taskId` (its dependents, theirs …), nearest first, `taskId` excluded. */
  downstreamOf(taskId: string): string[] {
    const seen = new Set<string>([taskId]);
    const order: string[] = [];
    const queue = [taskId];
    for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
      for (const next of this.dependentsOf(node)) {
        if (seen.has(next)) continue;
        seen.add(next);
        order.push(next);
        queue.push(next);
      }
    }
    return order;
  }

  #add(taskId: string, dependsOnId: string): void {
    const deps = this.#dependsOn.get(taskId) ?? [];
    if (deps.includes(dependsOnId)) return;
    deps.push(dependsOnId);
    this.#dependsOn.set(taskId, deps);
    const dependents = this.#dependents.get(dependsOnId) ?? [];
    dependents.push(taskId);
    this.#dependents.set(dependsOnId, dependents);
  }

  /** A dependency path from `start` to `goal` (both included), not walking out of `goal`. */
  #pathTo(start: string, goal: string): string[] | null {
    if (start === goal) return [goal];
    const parent = new Map<string, string>();
    const seen = new Set<string>([start]);
    const stack = [start];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      const next = [...this.dependenciesOf(node)].reverse(); // pop order = edge order
      for (const dep of next) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        parent.set(dep, node);
        if (dep === goal) return unwind(parent, start, goal);
        stack.push(dep);
      }
    }
    return null;
  }
}

function unwind(parent: ReadonlyMap<string, string>, start: string, goal: string): string[] {
  const path = [goal];
  for (let node = goal; node !== start; ) {
    const prev = parent.get(node);
    if (prev === undefined) break;
    path.push(prev);
    node = prev;
  }
  return path.reverse();
}

/** `A → B → C → A`, the form error messages use. */
export const formatDependencyPath = (path: readonly string[]): string => path.join(' → ');

/**
 * Checks a task's new dependency list: every id exists (TASK_DEPENDENCY_NOT_FOUND, details
 * `missing`), and no cycle forms (TASK_DEPENDENCY_CYCLE, details `cycle` as the id path).
 */
export function assertValidDependencies(
  graph: DependencyGraph,
  taskId: string,
  deps: readonly string[],
  exists: (taskId: string) => boolean,
): void {
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

const isSatisfied = (status: StoredTaskStatus | undefined): boolean =>
  status !== undefined && dependencySatisfiedStatuses.includes(status);
const isBlocking = (status: StoredTaskStatus | undefined): boolean =>
  status !== undefined && dependencyBlockingStatuses.includes(status);

/** Whether every dependency of `taskId` is completed or resolved. */
export const dependenciesDone = (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup): boolean =>
  graph.dependenciesOf(taskId).every((dep) => isSatisfied(statusOf(dep)));

/**
 * The pending direct dependents of `taskId` whose dependencies are now all done (`taskId`'s own
 * status, as seen through `statusOf`, should already be completed or resolved).
 */
export const readyDependents = (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup): string[] =>
  graph.dependentsOf(taskId).filter((d) => statusOf(d) === 'pending' && dependenciesDone(graph, d, statusOf));

/** The queued direct dependents that must wait again because `taskId` was reopened (→ pending). */
export const unreadyDependents = (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup): string[] =>
  graph.dependentsOf(taskId).filter((d) => statusOf(d) === 'queued');

export interface BlockedDependent {
  taskId: string;
  /** Stored as the task's `blockedReason`. */
  reason: string;
  /** From the failed or cancelled task to this one (`[root, …, taskId]`). */
  path: string[];
}

/**
 * Everything downstream of `rootId` (failed for good, or cancelled) that is pending and so can
 * no longer run: direct dependents and, through them, theirs. Tasks already blocked, running or
 * done are left as they are (and not walked through).
 */
export function blockedDependents(graph: DependencyGraph, rootId: string, statusOf: TaskStatusLookup): BlockedDependent[] {
  const rootStatus = statusOf(rootId);
  const cause = rootStatus === 'cancelled' ? `${rootId} was cancelled` : `${rootId} failed`;
  const blocked: BlockedDependent[] = [];
  const seen = new Set<string>([rootId]);
  const queue: string[][] = [[rootId]];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    const node = path[path.length - 1] ?? rootId;
    for (const dependent of graph.dependentsOf(node)) {
      if (seen.has(dependent) || statusOf(dependent) !== 'pending') continue;
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
export function unblockedDependents(graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup): string[] {
  const released = new Set<string>();
  const effective: TaskStatusLookup = (id) => (released.has(id) ? 'pending' : statusOf(id));
  const candidates = graph.downstreamOf(taskId).filter((id) => statusOf(id) === 'blocked');
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of candidates) {
      if (released.has(id)) continue;
      if (graph.dependenciesOf(id).some((dep) => isBlocking(effective(dep)))) continue;
      released.add(id);
      changed = true;
    }
  }
  return candidates.filter((id) => released.has(id));
}
