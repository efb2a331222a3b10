/**
 * The scheduled memory cleanup (MEMORY_CLEANUP_CRON): the company-wide cleanup of
 * POST /api/memory/cleanup with its default settings, run by the leader of the deployment.
 */
import { memoryCleanupBody } from '@dash/shared';
export const MEMORY_CLEANUP_JOB = 'memory-cleanup';
export function memoryCleanupJob(deps) {
    return {
        name: MEMORY_CLEANUP_JOB,
        schedule: deps.schedule,
        leader: deps.leader,
        async run() {
            const { reports, errors, employees } = await deps.insights().cleanupAll(memoryCleanupBody.parse({}));
            return {
                employees,
                cleanedUp: reports.length,
                failed: errors.length,
                candidatesForArchival: reports.reduce((n, r) => n + r.analysis.candidatesForArchival, 0),
                archived: reports.reduce((n, r) => n + r.archival.archivedCount, 0),
            };
        },
    };
}
//# sourceMappingURL=memory-cleanup-job.js.map