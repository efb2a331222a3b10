/**
 * Scheduled jobs (cron, run by one process of a deployment): the record of a run and a job's
 * status. GET /api/memory/cleanup/schedule answers with the memory cleanup's status.
 */
import { z } from 'zod';

export const scheduledJobOutcomes = ['succeeded', 'failed'] as const;
export const scheduledJobOutcome = z.enum(scheduledJobOutcomes);
export type ScheduledJobOutcome = z.infer<typeof scheduledJobOutcome>;

/** One run of a scheduled job, as recorded in the store by the process that ran it. */
export const scheduledJobRun = z.object({
  job: z.string(),
  /** NODE_ID of the process that ran it (the leader at the time). */
  nodeId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: scheduledJobOutcome,
  /** What the run did (job-specific figures); null when it failed. */
  summary: z.record(z.string(), z.unknown()).nullable(),
  /** Why it failed; null when it succeeded. */
  error: z.string().nullable(),
});
export type ScheduledJobRun = z.infer<typeof scheduledJobRun>;

export const scheduledJobStatus = z.object({
  job: z.string(),
  /** False when the schedule is switched off in configuration. */
  enabled: z.boolean(),
  cron: z.string().nullable(),
  timezone: z.string().nullable(),
  /** The next fire time this process computed; null when off. */
  nextRunAt: z.string().nullable(),
  /** NODE_ID of the process that answered, and whether it currently holds the job's leader lock. */
  nodeId: z.string(),
  leader: z.boolean(),
  /** A run is in progress in this process. */
  running: z.boolean(),
  lastRun: scheduledJobRun.nullable(),
  /** The latest runs, newest first (at most 20), whichever process ran them. */
  recentRuns: z.array(scheduledJobRun),
});
export type ScheduledJobStatus = z.infer<typeof scheduledJobStatus>;

/** GET /api/memory/cleanup/schedule. */
export const memoryCleanupScheduleResult = z.object({ success: z.literal(true), schedule: scheduledJobStatus });
export type MemoryCleanupScheduleResult = z.infer<typeof memoryCleanupScheduleResult>;
