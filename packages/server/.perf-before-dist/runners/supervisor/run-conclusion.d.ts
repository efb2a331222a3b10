/** How a run ends: its final status and error from the cause, and the closing `result` event. */
import type { AgentEventOf } from '@dash/shared';
import type { RunEndStatus, RunLimits, StopReason } from '../../ports/agent-supervisor.js';
type ResultEvent = AgentEventOf<'result'>;
/** Why the supervisor ended a run itself (a stop or a limit); absent when the agent ended alone. */
export type EndCause = {
    kind: 'stop';
    reason: StopReason;
} | {
    kind: 'timeout';
    which: 'wall' | 'idle';
};
export interface Final {
    status: RunEndStatus;
    errorCode: string | null;
    errorMessage: string | null;
}
export declare const SUCCEEDED: Final;
export declare function finalForCause(cause: EndCause, limits: RunLimits): Final;
export declare function spawnFailedFinal(err: unknown): Final;
/**
 * The `result` the supervisor adds when the agent printed none (or when the supervisor ended the
 * run), so that every run log ends with `result` then `exit`.
 */
export declare function syntheticResult(final: Final, facts: {
    text: string | null;
    durationMs: number;
    sessionId: string | null;
}): ResultEvent;
export declare function errorText(err: unknown): string;
export {};
