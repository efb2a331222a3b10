/**
 * StatsRepository over Kysely: plain GROUP BY aggregates that read the same on SQLite and
 * PostgreSQL. Hours and days are prefixes of the canonical ISO text (see timestamps.ts), so
 * grouping by `substr(…, 1, 13)` is grouping by UTC hour in both dialects.
 */
import { sql } from 'kysely';
import { terminalRunStatuses } from '@dash/shared';
import { toStoredIso } from './timestamps.js';
const FINISHED = ['succeeded', 'failed', 'timed_out', 'lost'];
export class KyselyStatsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async employeeRunTotals() {
        const finished = sql.join(FINISHED.map((s) => sql.lit(s)));
        const rows = await this.db
            .selectFrom('runs')
            .select((eb) => [
            'employee_id',
            eb.fn.countAll().as('runs'),
            sql `sum(case when status = 'succeeded' then 1 else 0 end)`.as('succeeded'),
            sql `sum(case when status in (${finished}) then 1 else 0 end)`.as('finished'),
            eb.fn.sum('cost_usd').as('cost_usd'),
        ])
            .where('employee_id', 'is not', null)
            .groupBy('employee_id')
            .execute();
        return rows.map((row) => ({
            employeeId: row.employee_id ?? '',
            runs: Number(row.runs),
            succeeded: Number(row.succeeded),
            finished: Number(row.finished),
            costUsd: Number(row.cost_usd),
        }));
    }
    async completionsByHour(range) {
        const hour = sql `substr(completed_at, 1, 13)`;
        const rows = await this.db
            .selectFrom('tasks')
            .select((eb) => [hour.as('hour'), eb.fn.countAll().as('n')])
            .where('completed_at', '>=', toStoredIso(range.from))
            .where('completed_at', '<', toStoredIso(range.to))
            .groupBy(hour)
            .orderBy(hour)
            .execute();
        return rows.map((row) => ({ hour: row.hour, count: Number(row.n) }));
    }
    async runCostUsd(range) {
        let query = this.db
            .selectFrom('runs')
            .select((eb) => eb.fn.sum('cost_usd').as('cost'))
            .where('started_at', '<', toStoredIso(range.to));
        if (range.from !== null)
            query = query.where('started_at', '>=', toStoredIso(range.from));
        const row = await query.executeTakeFirst();
        return Number(row?.cost ?? 0);
    }
    async activeRunCount() {
        const row = await this.db
            .selectFrom('runs')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', 'not in', [...terminalRunStatuses])
            .executeTakeFirst();
        return Number(row?.n ?? 0);
    }
}
//# sourceMappingURL=kysely-stats-repository.js.map