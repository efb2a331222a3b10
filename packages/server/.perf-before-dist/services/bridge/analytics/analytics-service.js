import { analyticsRange } from '../../../domain/bridge/analytics-periods.js';
import { ANALYTICS_TIMELINE_STATUSES, computeAnalytics } from '../../../domain/bridge/analytics.js';
export class AnalyticsService {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    async report(query) {
        const { from, to } = analyticsRange(query, this.deps.clock.now());
        const repo = this.deps.analytics;
        const [runsEnded, inRange, departments] = await Promise.all([
            repo.runsEndedBetween(from, to),
            repo.timelineBetween(from, to, ['running', 'completed', 'reopened']),
            repo.employeeDepartments(),
        ]);
        // The cycles and waits that end in the range may have started before it: read those tasks' history.
        const timeline = await repo.timelineOfTasks(inRange.map((e) => e.taskId), to, ANALYTICS_TIMELINE_STATUSES);
        const runIds = inRange.flatMap((e) => (e.to === 'running' && typeof e.data?.runId === 'string' ? [e.data.runId] : []));
        const runsById = new Map((await repo.runsByIds(runIds)).map((r) => [r.id, r]));
        const { rows, summary } = computeAnalytics({
            from,
            to,
            granularity: query.granularity,
            groupBy: query.groupBy,
            filter: { ...(query.employee !== undefined && { employee: query.employee }), ...(query.department !== undefined && { department: query.department }) },
            runsEnded,
            runsById,
            timeline,
            departments,
        });
        return { from, to, granularity: query.granularity, groupBy: query.groupBy, generatedAt: this.deps.clock.isoNow(), rows, summary };
    }
}
//# sourceMappingURL=analytics-service.js.map