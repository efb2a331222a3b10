/**
 * Durations in configuration are written with a unit (`500ms`, `30s`, `2m`, `1h`) and compiled
 * to milliseconds once, at boot. A bare number is rejected: `30` could mean seconds or ms.
 */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
/** Milliseconds (rounded), or null when `text` is not a duration. */
export function parseDuration(text) {
    const match = DURATION.exec(text.trim());
    if (!match)
        return null;
    const [, amount, unit] = match;
    if (amount === undefined || unit === undefined)
        return null;
    return Math.round(Number(amount) * UNIT_MS[unit]);
}
export const DURATION_EXAMPLES = 'a duration like 500ms, 30s, 2m or 1h';
//# sourceMappingURL=duration.js.map