/** WorkspaceRepository over the store (table task_workspaces, migration 0014). */
import type { TaskWorkspace, WorkspaceStatus } from '@dash/shared';
import type { Kysely, Selectable } from 'kysely';
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

const toWorkspace = (r: Selectable<TaskWorkspacesTable>): TaskWorkspace => ({
  taskId: r.task_id,
  repo: r.repo,
  base: r.base,
  baseCommit: r.base_commit,
  branch: r.branch,
  path: r.path,
  status: r.status,
  setupCommand: r.setup_command === null ? null : (JSON.parse(r.setup_command) as string[]),
  copyFiles: JSON.parse(r.copy_files) as string[],
  setupOutput: r.setup_output,
  setupExitCode: r.setup_exit_code === null ? null : Number(r.setup_exit_code),
  headCommit: r.head_commit,
  mergedCommit: r.merged_commit,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (w: Partial<TaskWorkspace>): Partial<TaskWorkspacesTable> => ({
  ...(w.repo !== undefined && { repo: w.repo }),
  ...(w.base !== undefined && { base: w.base }),
  ...(w.baseCommit !== undefined && { base_commit: w.baseCommit }),
  ...(w.branch !== undefined && { branch: w.branch }),
  ...(w.path !== undefined && { path: w.path }),
  ...(w.status !== undefined && { status: w.status }),
  ...(w.setupCommand !== undefined && { setup_command: w.setupCommand === null ? null : JSON.stringify(w.setupCommand) }),
  ...(w.copyFiles !== undefined && { copy_files: JSON.stringify(w.copyFiles) }),
  ...(w.setupOutput !== undefined && { setup_output: w.setupOutput }),
  ...(w.setupExitCode !== undefined && { setup_exit_code: w.setupExitCode }),
  ...(w.headCommit !== undefined && { head_commit: w.headCommit }),
  ...(w.mergedCommit !== undefined && { merged_commit: w.mergedCommit }),
  ...(w.updatedAt !== undefined && { updated_at: w.updatedAt }),
});

export class KyselyWorkspaceRepository implements WorkspaceRepository {
  private readonly db: Kysely<WorkspaceTables>;

  /** Any Kysely of the store: this table is typed here, beside its migration. */
  constructor(db: Kysely<never>) {
    this.db = db as unknown as Kysely<WorkspaceTables>;
  }

  async create(w: TaskWorkspace): Promise<TaskWorkspace> {
    const row = await this.db
      .insertInto('task_workspaces')
      .values({ ...(toRow(w) as TaskWorkspacesTable), task_id: w.taskId, created_at: w.createdAt, copy_files: JSON.stringify(w.copyFiles) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWorkspace(row);
  }

  async get(taskId: string): Promise<TaskWorkspace | null> {
    const row = await this.db.selectFrom('task_workspaces').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    return row === undefined ? null : toWorkspace(row);
  }

  async update(taskId: string, from: readonly WorkspaceStatus[], change: Partial<Omit<TaskWorkspace, 'taskId' | 'createdAt'>>): Promise<TaskWorkspace | null> {
    const row = await this.db
      .updateTable('task_workspaces')
      .set(toRow(change))
      .where('task_id', '=', taskId)
      .where('status', 'in', [...from])
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : toWorkspace(row);
  }

  async listIdleSince(before: string, limit: number): Promise<TaskWorkspace[]> {
    const rows = await this.db
      .selectFrom('task_workspaces')
      .selectAll()
      .where('status', 'in', ['ready', 'setup_failed'])
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
    return rows.map(toWorkspace);
  }
}
