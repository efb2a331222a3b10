/** ScheduleRepository over the store (schedules of migration 0012); same SQL on both dialects. */
import { missedRunPolicy, scheduleTarget } from '@dash/shared';
const toRow = (s) => ({
    id: s.id,
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    missed_run_policy: s.missedRunPolicy,
    enabled: s.enabled ? 1 : 0,
    target: JSON.stringify(s.target),
    next_run_at: s.nextRunAt,
    last_run_at: s.lastRunAt,
    last_result: s.lastResult,
    last_error: s.lastError,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
});
const fromRow = (r) => ({
    id: r.id,
    name: r.name,
    cron: r.cron,
    timezone: r.timezone,
    missedRunPolicy: missedRunPolicy.parse(r.missed_run_policy),
    enabled: Number(r.enabled) === 1,
    target: scheduleTarget.parse(JSON.parse(r.target)),
    nextRunAt: r.next_run_at,
    lastRunAt: r.last_run_at,
    lastResult: r.last_result,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
});
export class KyselyScheduleRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async insert(schedule) {
        await this.db.insertInto('schedules').values(toRow(schedule)).execute();
    }
    async get(id) {
        const row = await this.db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
        return row === undefined ? null : fromRow(row);
    }
    async list() {
        const rows = await this.db.selectFrom('schedules').selectAll().orderBy('created_at').orderBy('id').execute();
        return rows.map(fromRow);
    }
    async update(schedule) {
        const { id, ...rest } = toRow(schedule);
        const result = await this.db.updateTable('schedules').set(rest).where('id', '=', id).executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
    }
    async delete(id) {
        const result = await this.db.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
    async due(nowIso, limit) {
        const rows = await this.db
            .selectFrom('schedules')
            .selectAll()
            .where('enabled', '=', 1)
            .where('next_run_at', 'is not', null)
            .where('next_run_at', '<=', nowIso)
            .orderBy('next_run_at')
            .limit(limit)
            .execute();
        return rows.map(fromRow);
    }
    async claimFire(id, fire) {
        const result = await this.db
            .updateTable('schedules')
            .set({ next_run_at: fire.nextRunAt, last_run_at: fire.lastRunAt })
            .where('id', '=', id)
            .where('next_run_at', '=', fire.dueAt)
            .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
    }
    async recordOutcome(id, lastResult, lastError) {
        await this.db.updateTable('schedules').set({ last_result: lastResult, last_error: lastError }).where('id', '=', id).execute();
    }
}
//# sourceMappingURL=kysely-schedule-repository.js.map