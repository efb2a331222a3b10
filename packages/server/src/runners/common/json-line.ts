/**
 * Tolerant reading of one JSONL line from an agent CLI. Agents print what they print: a line may be
 * invalid JSON, a JSON array or a scalar, and fields may be missing or of the wrong type. These
 * helpers never throw; callers fall back to a `raw` event when they get null.
 */
export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The line as a JSON object, or null when it is not one. */
export function parseJsonObject(line: string): JsonObject | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A finite number, or null. */
export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** A non-negative integer count (token counts), 0 when absent or invalid. */
export const count = (value: unknown): number => {
  const n = num(value);
  return n !== null && n > 0 ? Math.floor(n) : 0;
};

export const obj = (value: unknown): JsonObject | null => (isJsonObject(value) ? value : null);
