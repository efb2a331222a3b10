/**
 * When a task's run fails, times out or is lost, the task is tried again while it has attempts
 * left (attempts < maxRetries + 1), after an exponential backoff; otherwise it fails for good.
 * The delay follows the JobQueue port's documented formula (backoffMs · 2^(attempt−1), capped at
 * one hour), because the queue itself delays the retried job; the dispatcher uses the same number
 * to wake up when the retry is due.
 */
import type { Run, Task } from '@dash/shared';
export declare const MAX_RETRY_DELAY_MS: number;
/** Whether another attempt may start (`attempts` counts the runs started so far). */
export declare const hasAttemptsLeft: (task: Pick<Task, "attempts" | "maxRetries">) => boolean;
/** Delay before the retry that follows failed attempt `attempt` (1-based). */
export declare function retryDelayMs(backoffMs: number, attempt: number): number;
/** `AGENT_CRASHED: the agent exited with code 3` — how a run ended, for the timeline. */
export declare function describeRunEnd(run: Pick<Run, 'status' | 'errorCode' | 'errorMessage'> | null): string;
/** `1.5 s`, `2 min` — for reasons people read. */
export declare function formatDelay(ms: number): string;
