/** Start of the UTC day of `nowMs` (ISO 8601): daily budgets count runs created since then. */
export function utcDayStart(nowMs) {
    const d = new Date(nowMs);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
}
/** hard: spent ≥ limit; soft: spent ≥ limit × softRatio; ok otherwise or without a limit. */
export function budgetState(spent, limit, softRatio) {
    if (limit === null)
        return 'ok';
    if (spent >= limit)
        return 'hard';
    if (spent >= limit * softRatio)
        return 'soft';
    return 'ok';
}
//# sourceMappingURL=budget-math.js.map