/** The API view of a stored memory (the same fields; raw vectors never leave the repository). */
import type { MemoryView } from '@dash/shared';
import type { StoredMemory } from '../../ports/memory-repository.js';

export const toMemoryView = (m: StoredMemory): MemoryView => ({
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
