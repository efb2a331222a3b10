export const SUCCESS = { success: true, errorCode: null, errorMessage: null };
const codeByKind = {
    error: 'AGENT_FAILED',
    max_turns: 'AGENT_MAX_TURNS',
    rate_limit: 'AGENT_RATE_LIMITED',
    usage_limit: 'AGENT_RATE_LIMITED',
    auth: 'AGENT_AUTH_FAILED',
    budget: 'AGENT_BUDGET_EXCEEDED',
    timeout: 'RUN_TIMED_OUT',
    cancelled: 'RUN_CANCELLED',
};
export const errorCodeForKind = (kind) => codeByKind[kind ?? 'error'];
/** Best-effort classification of a free-text error message from an agent CLI. */
export function classifyErrorMessage(message) {
    const m = (message ?? '').toLowerCase();
    if (/usage limit|quota|insufficient[_ ]quota|billing/.test(m))
        return 'usage_limit';
    if (/rate.?limit|too many requests|\b429\b|resource.?exhausted/.test(m))
        return 'rate_limit';
    if (/unauthori[sz]ed|\b401\b|\b403\b|api key|not logged in|\blog ?in\b|authenticat/.test(m))
        return 'auth';
    if (/max(imum)?[ _-]?(session[ _-]?)?turns/.test(m))
        return 'max_turns';
    return 'error';
}
export function describeExit(exit) {
    if (exit.signal)
        return `the agent was killed by ${exit.signal}`;
    return `the agent exited with code ${String(exit.code)}`;
}
/** The default verdict: the result event when present, else exit code 0 means success. */
export function verdictFromResult(result, exit) {
    if (result) {
        if (result.success)
            return SUCCESS;
        return {
            success: false,
            errorCode: errorCodeForKind(result.errorKind),
            errorMessage: result.text ?? `the agent reported ${result.errorKind ?? 'an error'}`,
        };
    }
    if (exit.code === 0 && exit.signal === null)
        return SUCCESS;
    return { success: false, errorCode: 'AGENT_CRASHED', errorMessage: describeExit(exit) };
}
//# sourceMappingURL=verdict.js.map