export const sealPayload = (cipher, id, content, context) => cipher.seal(id, JSON.stringify({ c: content, x: context }));
export function openPayload(cipher, id, sealed) {
    const payload = JSON.parse(cipher.open(id, sealed));
    return { content: payload.c, context: payload.x };
}
export const parseTags = (json) => JSON.parse(json);
export function toStoredMemory(cipher, row, embedding) {
    const { content, context } = openPayload(cipher, row.id, row.sealed);
    return {
        id: row.id,
        employeeId: row.employee_id,
        type: row.type,
        scope: row.scope,
        department: row.department,
        content,
        context,
        tags: parseTags(row.tags),
        importance: Number(row.importance),
        source: { runId: row.source_run_id, taskId: row.source_task_id },
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        lastAccessedAt: row.last_accessed_at,
        accessCount: Number(row.access_count),
        archivedAt: row.archived_at,
        embedding,
    };
}
export function toMeta(row) {
    return {
        id: row.id,
        employeeId: row.employee_id,
        type: row.type,
        scope: row.scope,
        importance: Number(row.importance),
        tags: parseTags(row.tags),
        accessCount: Number(row.access_count),
        createdAt: row.created_at,
        lastAccessedAt: row.last_accessed_at,
        archivedAt: row.archived_at,
        embeddingProvider: row.has_vector ? row.provider : null,
    };
}
//# sourceMappingURL=memory-row-codec.js.map