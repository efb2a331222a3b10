import { terminalRunStatuses } from '@dash/shared';
import { rowToStoredEmployee } from './employee-row.js';
const FINISHED = ['succeeded', 'failed', 'timed_out', 'lost'];
export class KyselyAlertFacts {
    db;
    constructor(db) {
        this.db = db;
    }
    async read(options) {
        const employeeRows = await this.db.selectFrom('employees').selectAll().where('retired_at', 'is', null).orderBy('position').execute();
        const employees = employeeRows.map(rowToStoredEmployee).map(({ employee: e }) => ({
            id: e.id,
            name: e.name,
            status: e.status,
            slotsMax: e.maxConcurrentTasks,
            budgetUsdPerDay: e.runtimeConfig.budgetUsdPerDay,
        }));
        const live = await this.db
            .selectFrom('runs')
            .select((eb) => ['employee_id', eb.fn.countAll().as('n')])
            .where('status', 'not in', [...terminalRunStatuses])
            .where('employee_id', 'is not', null)
            .groupBy('employee_id')
            .execute();
        const queued = await this.db
            .selectFrom('tasks')
            .select((eb) => ['assignee', eb.fn.countAll().as('n')])
            .where('status', '=', 'queued')
            .groupBy('assignee')
            .execute();
        const silent = await this.db
            .selectFrom('runs')
            .select(['id', 'employee_id', 'task_id', 'last_event_at', 'started_at', 'created_at'])
            .where('status', 'in', ['starting', 'running'])
            .where((eb) => eb.or([
            eb('last_event_at', '<', options.silentSince),
            eb.and([eb('last_event_at', 'is', null), eb('started_at', '<', options.silentSince)]),
            eb.and([eb('last_event_at', 'is', null), eb('started_at', 'is', null), eb('created_at', '<', options.silentSince)]),
        ]))
            .execute();
        const silentRuns = silent.map((r) => ({
            runId: r.id,
            employeeId: r.employee_id,
            taskId: r.task_id,
            lastActivityAt: r.last_event_at ?? r.started_at ?? r.created_at,
        }));
        const recentOutcomes = new Map();
        for (const e of employees) {
            const rows = await this.db
                .selectFrom('runs')
                .select('status')
                .where('employee_id', '=', e.id)
                .where('status', 'in', [...FINISHED])
                .where('ended_at', 'is not', null)
                .orderBy('ended_at', 'desc')
                .orderBy('id', 'desc')
                .limit(options.outcomesPerEmployee)
                .execute();
            if (rows.length > 0)
                recentOutcomes.set(e.id, rows.map((r) => r.status));
        }
        const costs = await this.db
            .selectFrom('runs')
            .select((eb) => ['employee_id', eb.fn.sum('cost_usd').as('cost')])
            .where('started_at', '>=', options.dayStart)
            .groupBy('employee_id')
            .execute();
        const costSince = new Map();
        let team = 0;
        for (const row of costs) {
            const cost = Number(row.cost ?? 0);
            team += cost;
            if (row.employee_id !== null)
                costSince.set(row.employee_id, cost);
        }
        costSince.set('*', team);
        return {
            employees,
            activeRuns: new Map(live.map((r) => [r.employee_id ?? '', Number(r.n)])),
            queuedFor: new Map(queued.filter((r) => r.assignee !== null).map((r) => [r.assignee ?? '', Number(r.n)])),
            queuedUnassigned: Number(queued.find((r) => r.assignee === null)?.n ?? 0),
            silentRuns,
            recentOutcomes,
            costSince,
        };
    }
}
//# sourceMappingURL=kysely-alert-facts.js.map