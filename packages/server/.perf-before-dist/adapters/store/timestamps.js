/**
 * Timestamps are stored as canonical UTC ISO-8601 text (`Date#toISOString()`, millisecond
 * precision, `Z`). Canonical text sorts in time order and starts with the UTC day, which lets both
 * dialects compare, page and group on plain text. Inputs in any ISO form are normalized here.
 */
export function toStoredIso(value) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms))
        throw new RangeError(`Not an ISO-8601 timestamp: ${JSON.stringify(value)}`);
    return new Date(ms).toISOString();
}
export const toStoredIsoOrNull = (value) => value === null ? null : toStoredIso(value);
export const epochMsToIso = (ms) => new Date(ms).toISOString();
//# sourceMappingURL=timestamps.js.map