/**
 * Schedules: recurring tasks and workflows on a cron expression in a time zone, fired by one
 * replica (a leader lock). `/api/schedules`; docs/budgets-and-schedules.md.
 */
import { z } from 'zod';
import { createTaskBody } from './tasks.js';
import { startWorkflowBody } from './workflows.js';

/**
 * What happens to fires missed while no replica ran the schedules (downtime): `skip` drops them
 * and waits for the next fire; `run_once` fires once on catch-up, then goes on from now.
 */
export const missedRunPolicy = z.enum(['skip', 'run_once']);
export type MissedRunPolicy = z.infer<typeof missedRunPolicy>;

export const SCHEDULE_NAME_MAX = 160;

/** What a schedule creates at each fire: a task (the create-task body) or a workflow run. */
export const scheduleTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), task: createTaskBody }).strict(),
  z.object({ kind: z.literal('workflow'), workflow: startWorkflowBody }).strict(),
]);
export type ScheduleTarget = z.infer<typeof scheduleTarget>;

export const schedule = z.object({
  id: z.string(),
  name: z.string(),
  cron: z.string(),
  timezone: z.string(),
  missedRunPolicy,
  enabled: z.boolean(),
  target: scheduleTarget,
  /** The next fire (ISO 8601); null when disabled or the expression never fires again. */
  nextRunAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  /** What the last fire created (a task or workflow run id), or why it failed. */
  lastResult: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Schedule = z.infer<typeof schedule>;

export const createScheduleBody = z
  .object({
    name: z.string().trim().min(1).max(SCHEDULE_NAME_MAX),
    /** 5 fields (minute first), or 6 with seconds first. */
    cron: z.string().trim().min(1).max(200),
    timezone: z.string().trim().min(1).max(100).default('UTC'),
    missedRunPolicy: missedRunPolicy.default('skip'),
    enabled: z.boolean().default(true),
    target: scheduleTarget,
  })
  .strict();
export type CreateScheduleBody = z.infer<typeof createScheduleBody>;
export type CreateScheduleInput = z.input<typeof createScheduleBody>;

export const updateScheduleBody = z
  .object({
    name: z.string().trim().min(1).max(SCHEDULE_NAME_MAX).optional(),
    cron: z.string().trim().min(1).max(200).optional(),
    timezone: z.string().trim().min(1).max(100).optional(),
    missedRunPolicy: missedRunPolicy.optional(),
    enabled: z.boolean().optional(),
    target: scheduleTarget.optional(),
  })
  .strict();
export type UpdateScheduleBody = z.infer<typeof updateScheduleBody>;

export const scheduleList = z.object({ items: z.array(schedule) });
export type ScheduleList = z.infer<typeof scheduleList>;

/** `GET /api/schedules/:id/next?count=N`: the next fire times. */
export const scheduleNextRuns = z.object({ id: z.string(), times: z.array(z.string()) });
export type ScheduleNextRuns = z.infer<typeof scheduleNextRuns>;
