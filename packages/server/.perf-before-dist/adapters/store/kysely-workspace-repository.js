const toWorkspace = (r) => ({
    taskId: r.task_id,
    repo: r.repo,
    base: r.base,
    baseCommit: r.base_commit,
    branch: r.branch,
    path: r.path,
    status: r.status,
    setupCommand: r.setup_command === null ? null : JSON.parse(r.setup_command),
    copyFiles: JSON.parse(r.copy_files),
    setupOutput: r.setup_output,
    setupExitCode: r.setup_exit_code === null ? null : Number(r.setup_exit_code),
    headCommit: r.head_commit,
    mergedCommit: r.merged_commit,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
});
const toRow = (w) => ({
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
export class KyselyWorkspaceRepository {
    db;
    /** Any Kysely of the store: this table is typed here, beside its migration. */
    constructor(db) {
        this.db = db;
    }
    async create(w) {
        const row = await this.db
            .insertInto('task_workspaces')
            .values({ ...toRow(w), task_id: w.taskId, created_at: w.createdAt, copy_files: JSON.stringify(w.copyFiles) })
            .returningAll()
            .executeTakeFirstOrThrow();
        return toWorkspace(row);
    }
    async get(taskId) {
        const row = await this.db.selectFrom('task_workspaces').selectAll().where('task_id', '=', taskId).executeTakeFirst();
        return row === undefined ? null : toWorkspace(row);
    }
    async update(taskId, from, change) {
        const row = await this.db
            .updateTable('task_workspaces')
            .set(toRow(change))
            .where('task_id', '=', taskId)
            .where('status', 'in', [...from])
            .returningAll()
            .executeTakeFirst();
        return row === undefined ? null : toWorkspace(row);
    }
    async listIdleSince(before, limit) {
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
//# sourceMappingURL=kysely-workspace-repository.js.map