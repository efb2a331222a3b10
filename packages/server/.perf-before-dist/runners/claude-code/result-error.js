import { classifyErrorMessage } from '../common/verdict.js';
const USAGE_LIMIT_TEXT = /usage limit reached|hit your (usage )?limit|out of extra usage|credit balance (is )?too low/i;
const EPOCH_IN_TEXT = /\|(\d{9,11})\b/;
export const epochSecondsToIso = (seconds) => Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
export function classifyResultError(facts) {
    const { subtype, text, api, limit } = facts;
    if (subtype === 'error_max_turns')
        return { errorKind: 'max_turns', resetsAt: null };
    if (subtype === 'error_max_budget_usd')
        return { errorKind: 'budget', resetsAt: null };
    if (limit)
        return { errorKind: 'usage_limit', resetsAt: limit.resetsAt };
    if (text && USAGE_LIMIT_TEXT.test(text)) {
        const epoch = EPOCH_IN_TEXT.exec(text)?.[1];
        return { errorKind: 'usage_limit', resetsAt: epoch ? epochSecondsToIso(Number(epoch)) : null };
    }
    if (api.category === 'billing_error')
        return { errorKind: 'usage_limit', resetsAt: null };
    if (api.status === 429 || api.type === 'rate_limit_error' || api.category === 'rate_limit') {
        return { errorKind: 'rate_limit', resetsAt: null };
    }
    if (api.status === 401 || api.status === 403 || api.type === 'authentication_error' || api.type === 'permission_error' || api.category === 'authentication_failed') {
        return { errorKind: 'auth', resetsAt: null };
    }
    if (api.status !== null || api.type !== null)
        return { errorKind: 'error', resetsAt: null };
    return { errorKind: classifyErrorMessage(text), resetsAt: null };
}
//# sourceMappingURL=result-error.js.map