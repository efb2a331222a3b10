/**
 * Figures measured from stored data: the dashboard stats (`GET /api/stats`), each employee's run
 * stats (runs, success rate, cost) for the employee views, and the success rates automatic
 * assignment weighs. Employee run totals are one grouped query, cached briefly, because views and
 * the dispatcher ask for them per employee and often.
 */
import { STATS_THROUGHPUT_WINDOW_HOURS, storedTaskStatusIds, } from '@dash/shared';
const HOUR_MS = 3600 * 1000;
export class StatsService {
    deps;
    totals = null;
    constructor(deps) {
        this.deps = deps;
    }
    async dashboard() {
        const now = this.deps.clock.now();
        const to = new Date(now).toISOString();
        // The window covers the current (partial) hour and the 23 before it.
        const firstHour = Math.floor(now / HOUR_MS) * HOUR_MS - (STATS_THROUGHPUT_WINDOW_HOURS - 1) * HOUR_MS;
        const from = new Date(firstHour).toISOString();
        const midnight = new Date(now);
        midnight.setUTCHours(0, 0, 0, 0);
        const [byStatus, hours, todayUsd, totalUsd, active] = await Promise.all([
            this.deps.tasks.countByStatus(),
            this.deps.stats.completionsByHour({ from, to }),
            this.deps.stats.runCostUsd({ from: midnight.toISOString(), to }),
            this.deps.stats.runCostUsd({ from: null, to }),
            this.deps.stats.activeRunCount(),
        ]);
        const counted = new Map(hours.map((h) => [h.hour, h.count]));
        const hourly = Array.from({ length: STATS_THROUGHPUT_WINDOW_HOURS }, (_, i) => {
            const hour = new Date(firstHour + i * HOUR_MS).toISOString().slice(0, 13);
            return { hour, completed: counted.get(hour) ?? 0 };
        });
        const completed = hourly.reduce((sum, h) => sum + h.completed, 0);
        return {
            generatedAt: to,
            tasks: { total: storedTaskStatusIds.reduce((sum, s) => sum + byStatus[s], 0), byStatus },
            throughput: {
                windowHours: STATS_THROUGHPUT_WINDOW_HOURS,
                completed,
                perHour: round(completed / STATS_THROUGHPUT_WINDOW_HOURS, 3),
                hourly,
            },
            cost: { todayUsd: round(todayUsd, 6), totalUsd: round(totalUsd, 6) },
            runs: { active },
        };
    }
    /** Runs, success rate (succeeded ÷ finished, null when none finished) and cost; null when the employee never ran. */
    async employeeStats(employeeId) {
        const totals = (await this.employeeTotals()).get(employeeId);
        if (!totals || totals.runs === 0)
            return null;
        return {
            runs: totals.runs,
            successRate: totals.finished > 0 ? round(totals.succeeded / totals.finished, 4) : null,
            costUsd: round(totals.costUsd, 6),
        };
    }
    /** Success rate per employee with finished runs (others are absent: no data, not a figure). */
    async successRates() {
        const rates = new Map();
        for (const t of (await this.employeeTotals()).values())
            if (t.finished > 0)
                rates.set(t.employeeId, t.succeeded / t.finished);
        return rates;
    }
    employeeTotals() {
        const now = this.deps.clock.now();
        if (this.totals && now - this.totals.at < (this.deps.cacheMs ?? 2_000))
            return this.totals.value;
        const value = this.deps.stats.employeeRunTotals().then((rows) => new Map(rows.map((r) => [r.employeeId, r])));
        this.totals = { at: now, value };
        // A failed query is not cached.
        value.catch(() => {
            if (this.totals?.value === value)
                this.totals = null;
        });
        return value;
    }
}
const round = (x, digits) => {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
};
//# sourceMappingURL=stats-service.js.map