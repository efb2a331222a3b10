export const isJsonObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** The line as a JSON object, or null when it is not one. */
export function parseJsonObject(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{'))
        return null;
    try {
        const value = JSON.parse(trimmed);
        return isJsonObject(value) ? value : null;
    }
    catch {
        return null;
    }
}
export const str = (value) => (typeof value === 'string' ? value : null);
/** A finite number, or null. */
export const num = (value) => typeof value === 'number' && Number.isFinite(value) ? value : null;
/** A non-negative integer count (token counts), 0 when absent or invalid. */
export const count = (value) => {
    const n = num(value);
    return n !== null && n > 0 ? Math.floor(n) : 0;
};
export const obj = (value) => (isJsonObject(value) ? value : null);
//# sourceMappingURL=json-line.js.map