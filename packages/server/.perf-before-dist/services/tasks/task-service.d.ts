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
import { type ListTasksQuery, type Run, type StoredTaskStatus, type Task, type TaskWorkspaceRequest, type TaskComment, type TaskList, type TaskRunsQuery, type TaskTimelineEntry } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EmployeeRepository } from '../../ports/employee-repository.js';
import type { Logger } from '../../ports/logger.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { TaskRepository } from '../../ports/task-repository.js';
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
    /** Isolated task workspaces: checks and stores a task's `workspace` request (services/workspaces). */
    workspaces?: {
        request(taskId: string, req: TaskWorkspaceRequest): Promise<unknown>;
    };
}
export declare class TaskService {
    private readonly deps;
    constructor(deps: TaskServiceDeps);
    /** `options.id`: a caller that recorded the id beforehand (the workflow engine) creates the task under it. */
    create(input: unknown, actor: string, options?: {
        id?: string;
    }): Promise<Task>;
    /** `query` as parsed by `listTasksQuery` (comma lists already split). */
    list(q: Partial<ListTasksQuery>): Promise<TaskList>;
    get(id: string): Promise<Task>;
    update(id: string, input: unknown, actor: string): Promise<Task>;
    /** Any status but done ones may be cancelled; a running task's run is stopped, dependents are blocked. */
    cancel(id: string, input: unknown, actor: string): Promise<Task>;
    /** Deletes a task that is not running, with its comments and timeline; its dependents are re-evaluated. */
    delete(id: string, actor: string): Promise<void>;
    /** completed → resolved: a person accepts the result (optional comment, kind `resolution`). */
    resolve(id: string, input: unknown, actor: string): Promise<Task>;
    /**
     * completed|resolved → reopened → queued (pending when a dependency is no longer done), with a
     * required reason (409 TASK_REOPEN_REASON_REQUIRED) kept as a `reopen_reason` comment. Attempts
     * start again from 0; `reassignTo` hands the next attempt to that employee (null: automatic).
     */
    reopen(id: string, input: unknown, actor: string): Promise<Task>;
    comments(id: string): Promise<TaskComment[]>;
    addComment(id: string, input: unknown, actor: string, kind?: TaskComment['kind']): Promise<TaskComment>;
    timeline(id: string): Promise<TaskTimelineEntry[]>;
    runs(id: string, q?: Partial<TaskRunsQuery>): Promise<{
        items: Run[];
        nextCursor: string | null;
    }>;
    /** Counts per status (for metrics and stats). */
    counts(): Promise<Record<StoredTaskStatus, number>>;
    /**
     * Reads the task and applies `step`; when the write lost a race (null), reads again and retries,
     * so the domain check sees the current status and answers the right 409.
     */
    private withRetries;
    private stopRunInBackground;
}
