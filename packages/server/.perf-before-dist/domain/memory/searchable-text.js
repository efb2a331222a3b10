export const SEARCHABLE_TEXT_MAX_CHARS = 4_000;
export function searchableText(memory) {
    const parts = [memory.content];
    const contextText = contextValues(memory.context).join('; ');
    if (contextText)
        parts.push(contextText);
    if (memory.tags.length > 0)
        parts.push(memory.tags.join(', '));
    return parts.join('\n').slice(0, SEARCHABLE_TEXT_MAX_CHARS);
}
function contextValues(value, depth = 0) {
    if (depth > 4)
        return [];
    if (typeof value === 'string')
        return value.trim() ? [value.trim()] : [];
    if (typeof value === 'number')
        return [String(value)];
    if (Array.isArray(value))
        return value.flatMap((v) => contextValues(v, depth + 1));
    if (value !== null && typeof value === 'object')
        return Object.values(value).flatMap((v) => contextValues(v, depth + 1));
    return [];
}
//# sourceMappingURL=searchable-text.js.map