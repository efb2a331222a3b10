/**
 * The scheduled memory cleanup (part of the composition root): MEMORY_CLEANUP_CRON in
 * MEMORY_CLEANUP_TZ, run through the Scheduler by the leader among the processes that host the
 * memory store, and GET /api/memory/cleanup/schedule (also when the schedule is off: it still
 * lists the recorded runs).
 */
import { cronSchedule } from './adapters/cron/cron-parser-schedule.js';
import { MEMORY_CLEANUP_JOB, memoryCleanupJob } from './services/memory/memory-cleanup-job.js';
import { memoryScheduleRoutes } from './transport/http/routes/memory-schedule-routes.js';
export function registerMemoryCleanupSchedule(ctx) {
    const { config, scheduler } = ctx;
    const cleanup = config.memory.cleanup;
    if (cleanup !== null) {
        scheduler.scheduler.add(memoryCleanupJob({
            insights: () => ctx.memory.service().insights,
            schedule: cronSchedule(cleanup.cron, cleanup.timezone),
            leader: scheduler.leaderLock(MEMORY_CLEANUP_JOB),
        }));
    }
    void ctx.server.register(memoryScheduleRoutes, {
        async status() {
            const scheduled = await scheduler.scheduler.status(MEMORY_CLEANUP_JOB);
            if (scheduled !== null)
                return scheduled;
            const recentRuns = await scheduler.runs.recent(MEMORY_CLEANUP_JOB, 20);
            return {
                job: MEMORY_CLEANUP_JOB,
                enabled: false,
                cron: null,
                timezone: null,
                nextRunAt: null,
                nodeId: config.nodeId,
                leader: false,
                running: false,
                lastRun: recentRuns[0] ?? null,
                recentRuns,
            };
        },
    });
}
//# sourceMappingURL=app-memory-schedule.js.map