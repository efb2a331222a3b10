export const SUCCEEDED = { status: 'succeeded', errorCode: null, errorMessage: null };
export function finalForCause(cause, limits) {
    if (cause.kind === 'stop') {
        return { status: 'cancelled', errorCode: 'RUN_CANCELLED', errorMessage: `Stopped (${cause.reason})` };
    }
    return {
        status: 'timed_out',
        errorCode: 'RUN_TIMED_OUT',
        errorMessage: cause.which === 'wall'
            ? `The run exceeded its wall-clock limit of ${limits.wallTimeoutMs} ms`
            : `The agent printed nothing for ${limits.idleTimeoutMs} ms`,
    };
}
export function spawnFailedFinal(err) {
    return { status: 'failed', errorCode: 'AGENT_SPAWN_FAILED', errorMessage: `Could not start the agent: ${errorText(err)}` };
}
/**
 * The `result` the supervisor adds when the agent printed none (or when the supervisor ended the
 * run), so that every run log ends with `result` then `exit`.
 */
export function syntheticResult(final, facts) {
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
function errorKindFor(status) {
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
export function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=run-conclusion.js.map