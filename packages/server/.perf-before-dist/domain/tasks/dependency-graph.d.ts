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
export interface DependencyEdge {
    taskId: string;
    dependsOnId: string;
}
/** The current status of a task, or undefined when it is not known (never satisfied, never blocking). */
export type TaskStatusLookup = (taskId: string) => StoredTaskStatus | undefined;
export declare class DependencyGraph {
    #private;
    static of(edges: Iterable<DependencyEdge>): DependencyGraph;
    /** Direct dependencies of a task (what it waits for). */
    dependenciesOf(taskId: string): readonly string[];
    /** Direct dependents of a task (what waits for it). */
    dependentsOf(taskId: string): readonly string[];
    edges(): DependencyEdge[];
    /**
     * The cycle that replacing `taskId`'s dependencies with `deps` would close, as a path that starts
     * and ends at `taskId` (`[A, B, C, A]`; a self-dependency is `[A, A]`), or null when none.
     */
    findCycle(taskId: string, deps: readonly string[]): string[] | null;
    /** A copy with `taskId`'s dependencies replaced (unchecked: validate first). */
    withDependencies(taskId: string, deps: readonly string[]): DependencyGraph;
    /** Tasks downstream of `taskId` (its dependents, theirs …), nearest first, `taskId` excluded. */
    downstreamOf(taskId: string): string[];
}
/** `A → B → C → A`, the form error messages use. */
export declare const formatDependencyPath: (path: readonly string[]) => string;
/**
 * Checks a task's new dependency list: every id exists (TASK_DEPENDENCY_NOT_FOUND, details
 * `missing`), and no cycle forms (TASK_DEPENDENCY_CYCLE, details `cycle` as the id path).
 */
export declare function assertValidDependencies(graph: DependencyGraph, taskId: string, deps: readonly string[], exists: (taskId: string) => boolean): void;
/** Whether every dependency of `taskId` is completed or resolved. */
export declare const dependenciesDone: (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup) => boolean;
/**
 * The pending direct dependents of `taskId` whose dependencies are now all done (`taskId`'s own
 * status, as seen through `statusOf`, should already be completed or resolved).
 */
export declare const readyDependents: (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup) => string[];
/** The queued direct dependents that must wait again because `taskId` was reopened (→ pending). */
export declare const unreadyDependents: (graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup) => string[];
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
export declare function blockedDependents(graph: DependencyGraph, rootId: string, statusOf: TaskStatusLookup): BlockedDependent[];
/**
 * The blocked tasks downstream of `taskId` that no dependency blocks any more once `taskId` left
 * its blocking status (retried: failed → queued). They go back to `pending`; readiness is then
 * decided from their dependencies. Diamonds are handled: a task with a second dependency that is
 * still failed stays blocked.
 */
export declare function unblockedDependents(graph: DependencyGraph, taskId: string, statusOf: TaskStatusLookup): string[];
