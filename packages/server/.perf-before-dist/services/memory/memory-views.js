export const toMemoryView = (m) => ({
    id: m.id,
    employeeId: m.employeeId,
    type: m.type,
    scope: m.scope,
    department: m.department,
    content: m.content,
    context: m.context,
    tags: m.tags,
    importance: m.importance,
    source: m.source,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    lastAccessedAt: m.lastAccessedAt,
    accessCount: m.accessCount,
    archivedAt: m.archivedAt,
    embedding: m.embedding,
});
//# sourceMappingURL=memory-views.js.map