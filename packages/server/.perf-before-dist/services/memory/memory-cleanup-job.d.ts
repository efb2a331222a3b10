import type { CronSchedule } from '../../ports/cron-schedule.js';
import type { LeaderLock } from '../../ports/leader-lock.js';
import type { ScheduledJob } from '../scheduler/scheduler.js';
import type { MemoryInsightsService } from './memory-insights-service.js';
export declare const MEMORY_CLEANUP_JOB = "memory-cleanup";
export declare function memoryCleanupJob(deps: {
    insights: () => MemoryInsightsService;
    schedule: CronSchedule;
    leader: LeaderLock;
}): ScheduledJob;
