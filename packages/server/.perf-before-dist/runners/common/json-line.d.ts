/**
 * Tolerant reading of one JSONL line from an agent CLI. Agents print what they print: a line may be
 * invalid JSON, a JSON array or a scalar, and fields may be missing or of the wrong type. These
 * helpers never throw; callers fall back to a `raw` event when they get null.
 */
export type JsonObject = Record<string, unknown>;
export declare const isJsonObject: (value: unknown) => value is JsonObject;
/** The line as a JSON object, or null when it is not one. */
export declare function parseJsonObject(line: string): JsonObject | null;
export declare const str: (value: unknown) => string | null;
/** A finite number, or null. */
export declare const num: (value: unknown) => number | null;
/** A non-negative integer count (token counts), 0 when absent or invalid. */
export declare const count: (value: unknown) => number;
export declare const obj: (value: unknown) => JsonObject | null;
