/** WorkspaceRepository over the store (table task_workspaces, migration 0014). */
import type { TaskWorkspace, WorkspaceStatus } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { WorkspaceRepository } from '../../ports/workspace-repository.js';
export interface TaskWorkspacesTable {
    task_id: string;
    repo: string;
    base: string;
    base_commit: string | null;
    branch: string;
    path: string | null;
    status: WorkspaceStatus;
    /** JSON array (argv) or null. */
    setup_command: string | null;
    /** JSON array. */
    copy_files: string;
    setup_output: string | null;
    setup_exit_code: number | null;
    head_commit: string | null;
    merged_commit: string | null;
    created_at: string;
    updated_at: string;
}
export interface WorkspaceTables {
    task_workspaces: TaskWorkspacesTable;
}
export declare class KyselyWorkspaceRepository implements WorkspaceRepository {
    private readonly db;
    /** Any Kysely of the store: this table is typed here, beside its migration. */
    constructor(db: Kysely<never>);
    create(w: TaskWorkspace): Promise<TaskWorkspace>;
    get(taskId: string): Promise<TaskWorkspace | null>;
    update(taskId: string, from: readonly WorkspaceStatus[], change: Partial<Omit<TaskWorkspace, 'taskId' | 'createdAt'>>): Promise<TaskWorkspace | null>;
    listIdleSince(before: string, limit: number): Promise<TaskWorkspace[]>;
}
