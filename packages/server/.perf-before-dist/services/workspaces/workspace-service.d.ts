import { type Task, type TaskStatus, type TaskWorkspace, type TaskWorkspaceRequest, type WorkspaceDiff } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { GitWorktrees } from '../../ports/git-worktrees.js';
import type { Logger } from '../../ports/logger.js';
import type { WorkspaceRepository } from '../../ports/workspace-repository.js';
export interface WorkspaceServiceDeps {
    workspaces: WorkspaceRepository;
    git: GitWorktrees;
    /** name → repository path (WORKSPACE_REPOS). */
    repos: ReadonlyMap<string, string>;
    /** Where worktrees go: `<root>/worktrees/<taskId>` (inside the agents' workdir roots). */
    root: string;
    setupTimeoutMs: number;
    retentionMs: number;
    /** The task's status (null: no such task), for WORKSPACE_BUSY and the sweep. */
    taskStatus: (taskId: string) => Promise<TaskStatus | null>;
    clock: Clock;
    logger: Logger;
}
export declare const branchOf: (taskId: string) => string;
export declare class WorkspaceService {
    private readonly deps;
    constructor(deps: WorkspaceServiceDeps);
    get enabled(): boolean;
    request(taskId: string, req: TaskWorkspaceRequest): Promise<TaskWorkspace>;
    get(taskId: string): Promise<TaskWorkspace | null>;
    getOrThrow(taskId: string): Promise<TaskWorkspace>;
    /** The agent's cwd for the task's run, or null when the task has no (open) workspace. */
    prepare(task: Pick<Task, 'id'>): Promise<string | null>;
    diff(taskId: string, page: number): Promise<WorkspaceDiff>;
    commit(taskId: string, message: string, actor: string): Promise<TaskWorkspace>;
    merge(taskId: string, mode: 'ff' | 'merge', actor: string): Promise<TaskWorkspace>;
    discard(taskId: string, actor: string): Promise<TaskWorkspace>;
    /** Removes worktrees of finished tasks idle for WORKSPACE_RETENTION; returns how many. */
    sweep(): Promise<number>;
    private repoPath;
    /** A workspace whose worktree exists. */
    private open;
    private notBusy;
    private updated;
    private closed;
}
