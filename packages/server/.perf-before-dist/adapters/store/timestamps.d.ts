/**
 * Timestamps are stored as canonical UTC ISO-8601 text (`Date#toISOString()`, millisecond
 * precision, `Z`). Canonical text sorts in time order and starts with the UTC day, which lets both
 * dialects compare, page and group on plain text. Inputs in any ISO form are normalized here.
 */
export declare function toStoredIso(value: string): string;
export declare const toStoredIsoOrNull: (value: string | null) => string | null;
export declare const epochMsToIso: (ms: number) => string;
