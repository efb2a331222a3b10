/** How a run ends: its final status and error from the cause, and the closing `result` event. */
import type { AgentEventOf } from '@dash/shared';
import type { RunEndStatus, RunLimits, StopReason } from '../../ports/agent-supervisor.js';

type ResultEvent = AgentEventOf<'result'>;

/** Why the supervisor ended a run itself (a stop or a limit); absent when the agent ended alone. */
export type EndCause = { kind: 'stop'; reason: StopReason } | { kind: 'timeout'; which: 'wall' | 'idle' };

export interface Final {
  status: RunEndStatus;
  errorCode: string | null;
  errorMessage: string | null;
}

export const SUCCEEDED: Final = { status: 'succeeded', errorCode: null, errorMessage: null };

export function finalForCause(cause: EndCause, limits: RunLimits): Final {
  if (cause.kind === 'stop') {
    return { status: 'cancelled', errorCode: 'RUN_CANCELLED', errorMessage: `Stopped (${cause.reason})` };
  }
  return {
    status: 'timed_out',
    errorCode: 'RUN_TIMED_OUT',
    errorMessage:
      cause.which === 'wall'
        ? `The run exceeded its wall-clock limit of ${limits.wallTimeoutMs} ms`
        : `The agent printed nothing for ${limits.idleTimeoutMs} ms`,
  };
}

export function spawnFailedFinal(err: unknown): Final {
  return { status: 'failed', errorCode: 'AGENT_SPAWN_FAILED', errorMessage: `Could not start the agent: ${errorText(err)}` };
}

/**
 * The `result` the supervisor adds when the agent printed none (or when the supervisor ended the
 * run), so that every run log ends with `result` then `exit`.
 */
export function syntheticResult(
  final: Final,
  facts: { text: string | null; durationMs: number; sessionId: string | null },
): ResultEvent {
  return {
    type: 'result',
    success: final.status === 'succeeded',
    text: facts.text,
    turns: null,
    durationMs: facts.durationMs,
    costUsd: null,
    errorKind: errorKindFor(final.status),
    sessionId: facts.sessionId,
  };
}

function errorKindFor(status: RunEndStatus): ResultEvent['errorKind'] {
  switch (status) {
    case 'succeeded':
      return null;
    case 'cancelled':
      return 'cancelled';
    case 'timed_out':
      return 'timeout';
    case 'failed':
      return 'error';
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
