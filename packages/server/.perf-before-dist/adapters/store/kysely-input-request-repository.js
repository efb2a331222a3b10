const toRequest = (r) => ({
    id: r.id,
    runId: r.run_id,
    taskId: r.task_id,
    employeeId: r.employee_id,
    question: r.question,
    status: r.status,
    answer: r.answer,
    answeredBy: r.answered_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    closedAt: r.closed_at,
    kind: r.kind,
    tool: r.kind === 'tool_approval' && r.tool_name !== null ? { name: r.tool_name, input: parseInput(r.tool_input), toolUseId: r.tool_use_id } : null,
    decision: r.decision,
});
const parseInput = (text) => {
    if (text === null)
        return {};
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
};
const closeSet = (c) => ({
    status: c.status,
    closed_at: c.closedAt,
    ...(c.answer !== undefined && { answer: c.answer }),
    ...(c.answeredBy !== undefined && { answered_by: c.answeredBy }),
    ...(c.decision !== undefined && { decision: c.decision }),
});
export class KyselyInputRequestRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async create(r) {
        const row = await this.db
            .insertInto('input_requests')
            .values({
            id: r.id,
            run_id: r.runId,
            task_id: r.taskId,
            employee_id: r.employeeId,
            question: r.question,
            status: r.status,
            answer: r.answer,
            answered_by: r.answeredBy,
            created_at: r.createdAt,
            expires_at: r.expiresAt,
            closed_at: r.closedAt,
            kind: r.kind,
            tool_name: r.tool?.name ?? null,
            tool_input: r.tool === null ? null : JSON.stringify(r.tool.input),
            tool_use_id: r.tool?.toolUseId ?? null,
            decision: r.decision,
        })
            .returningAll()
            .executeTakeFirstOrThrow();
        return toRequest(row);
    }
    async get(id) {
        const row = await this.db.selectFrom('input_requests').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : toRequest(row);
    }
    async listForRun(runId) {
        const rows = await this.db.selectFrom('input_requests').selectAll().where('run_id', '=', runId).orderBy('created_at').orderBy('id').execute();
        return rows.map(toRequest);
    }
    async list(filter) {
        let query = this.db.selectFrom('input_requests').selectAll();
        if (filter.status !== undefined)
            query = query.where('status', '=', filter.status);
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
        return rows.map(toRequest);
    }
    async close(id, change) {
        const row = await this.db
            .updateTable('input_requests')
            .set(closeSet(change))
            .where('id', '=', id)
            .where('status', '=', 'pending')
            .returningAll()
            .executeTakeFirst();
        return row === undefined ? null : toRequest(row);
    }
    async closePendingForRun(runId, change) {
        const rows = await this.db
            .updateTable('input_requests')
            .set(closeSet(change))
            .where('run_id', '=', runId)
            .where('status', '=', 'pending')
            .returningAll()
            .execute();
        return rows.map(toRequest);
    }
    async pendingRunIds() {
        const rows = await this.db.selectFrom('input_requests').select('run_id').where('status', '=', 'pending').distinct().execute();
        return new Set(rows.map((r) => r.run_id));
    }
}
//# sourceMappingURL=kysely-input-request-repository.js.map