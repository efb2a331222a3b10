/** DispatchGateRepository over the store (dispatch_pauses of migration 0012, runs); same SQL on both dialects. */
import { runtimeId } from '@dash/shared';
export class KyselyDispatchGateRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async pause(p) {
        const row = {
            scope: p.scope,
            runtime: p.runtime,
            reason: p.reason,
            until: p.until,
            reported_reset: p.reportedReset ? 1 : 0,
            run_id: p.runId,
            task_id: p.taskId,
            created_at: p.createdAt,
        };
        await this.db.transaction().execute(async (trx) => {
            const current = await trx.selectFrom('dispatch_pauses').select('until').where('scope', '=', p.scope).executeTakeFirst();
            if (current === undefined) {
                await trx.insertInto('dispatch_pauses').values(row).execute();
            }
            else if (current.until < p.until) {
                await trx.updateTable('dispatch_pauses').set(row).where('scope', '=', p.scope).execute();
            }
        });
    }
    async activePauses(nowIso) {
        const rows = await this.db.selectFrom('dispatch_pauses').selectAll().where('until', '>', nowIso).orderBy('until').execute();
        return rows.map((r) => ({
            scope: r.scope,
            runtime: runtimeId.parse(r.runtime),
            reason: r.reason,
            until: r.until,
            reportedReset: Number(r.reported_reset) === 1,
            runId: r.run_id,
            taskId: r.task_id,
            createdAt: r.created_at,
        }));
    }
    async resume(scope) {
        const result = await this.db.deleteFrom('dispatch_pauses').where('scope', '=', scope).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
    }
    async costSince(sinceIso) {
        const rows = await this.db
            .selectFrom('runs')
            .select((eb) => ['employee_id', eb.fn.sum('cost_usd').as('cost')])
            .where('created_at', '>=', sinceIso)
            .groupBy('employee_id')
            .execute();
        const out = new Map();
        let all = 0;
        for (const row of rows) {
            const cost = Number(row.cost ?? 0);
            all += cost;
            if (row.employee_id !== null)
                out.set(row.employee_id, cost);
        }
        out.set('*', all);
        return out;
    }
    async taskCost(taskId) {
        const row = await this.db
            .selectFrom('runs')
            .select((eb) => eb.fn.sum('cost_usd').as('cost'))
            .where('task_id', '=', taskId)
            .executeTakeFirst();
        return Number(row?.cost ?? 0);
    }
}
//# sourceMappingURL=kysely-dispatch-gate-repository.js.map