/** Keeps IN lists well below SQLite's bound-parameter limit. */
const CHUNK = 500;
const toRun = (r) => ({
    id: r.id,
    taskId: r.task_id,
    employeeId: r.employee_id,
    status: r.status,
    createdAt: r.created_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    costUsd: Number(r.cost_usd),
});
const toEntry = (r) => ({
    taskId: r.task_id,
    to: r.to_status,
    at: r.at,
    data: r.data === null ? null : JSON.parse(r.data),
});
const RUN_COLUMNS = ['id', 'task_id', 'employee_id', 'status', 'created_at', 'started_at', 'ended_at', 'cost_usd'];
export class KyselyAnalyticsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async runsEndedBetween(from, to) {
        const rows = await this.db.selectFrom('runs').select(RUN_COLUMNS).where('ended_at', '>=', from).where('ended_at', '<', to).execute();
        return rows.map(toRun);
    }
    async runsByIds(ids) {
        const out = [];
        for (const part of chunks([...new Set(ids)])) {
            const rows = await this.db.selectFrom('runs').select(RUN_COLUMNS).where('id', 'in', part).execute();
            out.push(...rows.map(toRun));
        }
        return out;
    }
    async timelineBetween(from, to, statuses) {
        const rows = await this.db
            .selectFrom('task_timeline')
            .select(['task_id', 'to_status', 'at', 'data'])
            .where('at', '>=', from)
            .where('at', '<', to)
            .where('to_status', 'in', [...statuses])
            .orderBy('seq')
            .execute();
        return rows.map(toEntry);
    }
    async timelineOfTasks(taskIds, to, statuses) {
        const out = [];
        for (const part of chunks([...new Set(taskIds)])) {
            const rows = await this.db
                .selectFrom('task_timeline')
                .select(['task_id', 'to_status', 'at', 'data'])
                .where('task_id', 'in', part)
                .where('at', '<', to)
                .where('to_status', 'in', [...statuses])
                .orderBy('seq')
                .execute();
            out.push(...rows.map(toEntry));
        }
        return out;
    }
    async employeeDepartments() {
        const rows = await this.db.selectFrom('employees').select(['id', 'department']).execute();
        return new Map(rows.map((r) => [r.id, r.department]));
    }
}
function* chunks(items) {
    for (let i = 0; i < items.length; i += CHUNK)
        yield items.slice(i, i + CHUNK);
}
//# sourceMappingURL=kysely-analytics-repository.js.map