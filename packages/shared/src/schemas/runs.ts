/** Runs: one supervised agent process session (with its restarts), and the API shapes around it. */
import { z } from 'zod';

export const runtimeId = z.enum(['claude-code', 'codex', 'gemini', 'shell']);
export type RuntimeId = z.infer<typeof runtimeId>;

/**
 * Run states. `queued → starting → running → stopping → succeeded | failed | cancelled | timed_out`,
 * and `lost` for a run whose process vanished (server crash) and was reconciled at start-up.
 */
export const runStatus = z.enum([
  'queued',
  'starting',
  'running',
  'stopping',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'lost',
]);
export type RunStatus = z.infer<typeof runStatus>;
export const terminalRunStatuses: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled', 'timed_out', 'lost'];
export const isTerminalRunStatus = (s: RunStatus): boolean => terminalRunStatuses.includes(s);

export const runUsage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
});
export type RunUsage = z.infer<typeof runUsage>;

export const run = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  employeeId: z.string().nullable(),
  runtime: runtimeId,
  status: runStatus,
  model: z.string().nullable(),
  cwd: z.string(),
  /** The agent's own session id (Claude Code `session_id`), used to resume. */
  sessionId: z.string().nullable(),
  /** The run this one resumes, if any. */
  resumeOf: z.string().nullable(),
  /** The server replica that owns the process. */
  nodeId: z.string().nullable(),
  pid: z.number().int().nullable(),
  exitCode: z.number().int().nullable(),
  exitSignal: z.string().nullable(),
  restarts: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  resultText: z.string().nullable(),
  usage: runUsage,
  eventCount: z.number().int().nonnegative(),
  eventBytes: z.number().int().nonnegative(),
  logTruncated: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
});
export type Run = z.infer<typeof run>;
