export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/** Whether another attempt may start (`attempts` counts the runs started so far). */
export const hasAttemptsLeft = (task) => task.attempts < task.maxRetries + 1;
/** Delay before the retry that follows failed attempt `attempt` (1-based). */
export function retryDelayMs(backoffMs, attempt) {
    return Math.min(MAX_RETRY_DELAY_MS, Math.round(backoffMs * 2 ** Math.max(0, attempt - 1)));
}
/** `AGENT_CRASHED: the agent exited with code 3` — how a run ended, for the timeline. */
export function describeRunEnd(run) {
    if (run === null)
        return 'RUN_LOST: its run is gone';
    const code = run.errorCode ?? (run.status === 'lost' ? 'RUN_LOST' : run.status === 'timed_out' ? 'RUN_TIMED_OUT' : 'AGENT_FAILED');
    return run.errorMessage ? `${code}: ${run.errorMessage}` : `${code}: the run ended ${run.status}`;
}
/** `1.5 s`, `2 min` — for reasons people read. */
export function formatDelay(ms) {
    if (ms < 60_000)
        return `${Math.round(ms / 100) / 10} s`;
    return `${Math.round(ms / 6_000) / 10} min`;
}
//# sourceMappingURL=retry-policy.js.map