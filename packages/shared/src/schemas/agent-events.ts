/**
 * The normalized agent event schema. Every runner (claude-code, codex, gemini, shell, fake) turns
 * its CLI's native output into these events at the runner boundary; nothing beyond the runner knows
 * an agent's native format. Events are stored per run with a gap-free sequence number and streamed
 * live to subscribers.
 */
import { z } from 'zod';

/** Tool output kept per event before it is cut; the cut is marked with `truncated`. */
export const TOOL_OUTPUT_LIMIT_BYTES = 16 * 1024;

export const sessionStartedEvent = z.object({
  type: z.literal('session.started'),
  sessionId: z.string(),
  model: z.string().nullable(),
  tools: z.array(z.string()),
  cwd: z.string().nullable().optional(),
});

export const assistantTextEvent = z.object({
  type: z.literal('assistant.text'),
  text: z.string(),
});

/** A message we sent to the agent (the initial prompt or a follow-up). */
export const userMessageEvent = z.object({
  type: z.literal('user.message'),
  text: z.string(),
});

export const toolCallEvent = z.object({
  type: z.literal('tool.call'),
  toolUseId: z.string(),
  name: z.string(),
  input: z.unknown(),
});

export const toolResultEvent = z.object({
  type: z.literal('tool.result'),
  toolUseId: z.string(),
  isError: z.boolean(),
  /** Output, cut to TOOL_OUTPUT_LIMIT_BYTES; `truncated` says whether it was cut. */
  output: z.string(),
  truncated: z.boolean(),
  originalBytes: z.number().int().nonnegative().optional(),
});

/** Token usage and cost. Values are per report (deltas), not cumulative, unless `cumulative`. */
export const usageEvent = z.object({
  type: z.literal('usage'),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  /** Cost in USD as reported by the agent itself; null when the agent does not report cost. */
  costUsd: z.number().nonnegative().nullable(),
  /** True when the numbers are totals for the whole run (e.g. Claude Code's result event). */
  cumulative: z.boolean(),
});

/** The agent waits for a human: free-form input, or approval of a tool use. */
export const inputRequestedEvent = z.object({
  type: z.literal('input.requested'),
  kind: z.enum(['input', 'approval']),
  requestId: z.string(),
  prompt: z.string(),
  toolName: z.string().optional(),
  toolInput: z.unknown().optional(),
});

/** Why an unsuccessful result failed, when the runner can tell. */
export const resultErrorKind = z.enum([
  'error',
  'max_turns',
  'rate_limit',
  'usage_limit',
  'auth',
  'budget',
  'timeout',
  'cancelled',
]);

export const resultEvent = z.object({
  type: z.literal('result'),
  success: z.boolean(),
  text: z.string().nullable(),
  turns: z.number().int().nonnegative().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  errorKind: resultErrorKind.nullable(),
  /** When a rate or usage limit resets, if the agent said so (ISO 8601). */
  resetsAt: z.string().nullable().optional(),
  sessionId: z.string().nullable().optional(),
});

export const stderrEvent = z.object({
  type: z.literal('stderr'),
  line: z.string(),
});

/** A stdout line the runner could not parse; kept verbatim, never a crash. */
export const rawEvent = z.object({
  type: z.literal('raw'),
  line: z.string(),
});

export const exitEvent = z.object({
  type: z.literal('exit'),
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
});

/** What the supervisor did or saw: signals sent, timeouts, restarts, resource samples. */
export const supervisorEvent = z.object({
  type: z.literal('supervisor'),
  action: z.enum([
    'spawned',
    'spawn_failed',
    'signal_sent',
    'wall_timeout',
    'idle_timeout',
    'restart_scheduled',
    'restart_limit',
    'stop_requested',
    'lost',
  ]),
  message: z.string(),
  pid: z.number().int().optional(),
  signal: z.string().optional(),
  attempt: z.number().int().optional(),
  delayMs: z.number().int().optional(),
});

/** Recorded once when a run's stored log reaches its size cap; later events are summarized. */
export const logTruncatedEvent = z.object({
  type: z.literal('log.truncated'),
  capBytes: z.number().int().positive(),
  message: z.string(),
});

/** Periodic summary of events not stored verbatim after the cap. */
export const logSummaryEvent = z.object({
  type: z.literal('log.summary'),
  droppedEvents: z.number().int().nonnegative(),
  droppedBytes: z.number().int().nonnegative(),
  byType: z.record(z.string(), z.number().int().nonnegative()),
});

export const agentEvent = z.discriminatedUnion('type', [
  sessionStartedEvent,
  assistantTextEvent,
  userMessageEvent,
  toolCallEvent,
  toolResultEvent,
  usageEvent,
  inputRequestedEvent,
  resultEvent,
  stderrEvent,
  rawEvent,
  exitEvent,
  supervisorEvent,
  logTruncatedEvent,
  logSummaryEvent,
]);
export type AgentEvent = z.infer<typeof agentEvent>;
export type AgentEventType = AgentEvent['type'];
export type AgentEventOf<T extends AgentEventType> = Extract<AgentEvent, { type: T }>;

/** An event as stored and streamed: with its run, its per-run sequence number and its time. */
export const runEvent = z.object({
  runId: z.string(),
  /** 1-based, gap-free, strictly increasing within a run. */
  seq: z.number().int().positive(),
  /** Milliseconds since the epoch at which the server received the event. */
  at: z.number().int().nonnegative(),
  event: agentEvent,
});
export type RunEvent = z.infer<typeof runEvent>;
