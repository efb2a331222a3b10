/** REST shapes for runs: starting one, paging its events, follow-ups, runtimes, usage. */
import { z } from 'zod';
import { runEvent } from './agent-events.js';
import { run, runStatus, runUsage, runtimeId } from './runs.js';

const toolName = z.string().min(1).max(200);

export const permissionMode = z.enum(['default', 'acceptEdits', 'plan', 'bypassPermissions']);

export const runLimitsInput = z
  .object({
    wallTimeoutMs: z.number().int().min(0).max(7 * 24 * 3600 * 1000),
    idleTimeoutMs: z.number().int().min(0).max(24 * 3600 * 1000),
    maxRestarts: z.number().int().min(0).max(10),
  })
  .partial()
  .strict();

export const startRunBody = z
  .object({
    runtime: z.string().min(1).max(40),
    prompt: z.string().min(1).max(200_000),
    cwd: z.string().min(1).max(4096).optional(),
    systemPrompt: z.string().max(100_000).optional(),
    model: z.string().min(1).max(200).optional(),
    maxTurns: z.number().int().min(1).max(1000).optional(),
    allowedTools: z.array(toolName).max(100).optional(),
    disallowedTools: z.array(toolName).max(100).optional(),
    permissionMode: permissionMode.optional(),
    /** shell runtime: the command as an argv array (never a shell string). */
    command: z.array(z.string().min(1).max(4096)).min(1).max(200).optional(),
    limits: runLimitsInput.optional(),
  })
  .strict();
export type StartRunBody = z.infer<typeof startRunBody>;

export const runIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

export const listRunsQuery = z
  .object({
    status: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(runStatus))
      .optional(),
    taskId: z.string().max(100).optional(),
    employeeId: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const runList = z.object({ items: z.array(run), nextCursor: z.string().nullable() });

export const runEventsQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

export const runEventsPage = z.object({
  runId: z.string(),
  events: z.array(runEvent),
  /** Pass as `after` to get the next page; equals the last seq returned (or `after` when empty). */
  nextAfter: z.number().int().nonnegative(),
  /** True when the run has ended and no events follow. */
  complete: z.boolean(),
});
export type RunEventsPage = z.infer<typeof runEventsPage>;

export const runLogQuery = z.object({ format: z.enum(['ndjson', 'text']).default('ndjson') }).strict();

export const followUpBody = z.object({ text: z.string().min(1).max(200_000) }).strict();
export const followUpResult = z.object({ mode: z.enum(['stdin', 'resumed']), run });

export const runtimeInfo = z.object({
  runtime: runtimeId,
  installed: z.boolean(),
  path: z.string().nullable(),
  version: z.string().nullable(),
  reason: z.string().nullable(),
});
export const runtimeList = z.object({ runtimes: z.array(runtimeInfo) });

export const usageQuery = z
  .object({
    groupBy: z.enum(['task', 'employee', 'day']).default('day'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const usageRollup = z.object({
  groupBy: z.enum(['task', 'employee', 'day']),
  from: z.string(),
  to: z.string(),
  rows: z.array(z.object({ key: z.string(), runs: z.number().int(), usage: runUsage })),
});
