/** Task workspaces as stored (migration 0014). Updates are conditional on the expected status. */
import type { TaskWorkspace, WorkspaceStatus } from '@dash/shared';
export interface WorkspaceRepository {
    create(workspace: TaskWorkspace): Promise<TaskWorkspace>;
    get(taskId: string): Promise<TaskWorkspace | null>;
    /** Applies the change when the status is one of `from`; null otherwise. */
    update(taskId: string, from: readonly WorkspaceStatus[], change: Partial<Omit<TaskWorkspace, 'taskId' | 'createdAt'>>): Promise<TaskWorkspace | null>;
    /** Workspaces with a worktree on disk (ready, setup_failed) not updated since `before`. */
    listIdleSince(before: string, limit: number): Promise<TaskWorkspace[]>;
}
