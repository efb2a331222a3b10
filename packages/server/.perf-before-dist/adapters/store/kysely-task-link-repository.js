const toLink = (r) => ({
    childTaskId: r.child_task_id,
    parentTaskId: r.parent_task_id,
    runId: r.run_id,
    employeeId: r.employee_id,
    createdAt: r.created_at,
});
export class KyselyTaskLinkRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async add(link) {
        await this.db
            .insertInto('task_links')
            .values({ child_task_id: link.childTaskId, parent_task_id: link.parentTaskId, run_id: link.runId, employee_id: link.employeeId, created_at: link.createdAt })
            .execute();
    }
    async children(parentTaskId) {
        const rows = await this.db.selectFrom('task_links').selectAll().where('parent_task_id', '=', parentTaskId).orderBy('created_at').orderBy('child_task_id').execute();
        return rows.map(toLink);
    }
    async parent(childTaskId) {
        const row = await this.db.selectFrom('task_links').selectAll().where('child_task_id', '=', childTaskId).executeTakeFirst();
        return row === undefined ? null : toLink(row);
    }
}
//# sourceMappingURL=kysely-task-link-repository.js.map