/** Rows of the `memories` table ↔ the repository's shapes; the sealed payload is opened here. */
import type { MemoryContext, MemoryType } from '@dash/shared';
import type { MemoryMeta, StoredMemory } from '../../ports/memory-repository.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { MemoriesTable } from '../store/schema.js';

export type MemoryRow = Omit<MemoriesTable, 'seq' | 'access_count'> & { seq: number; access_count: number };
export type MetaRow = Pick<
  MemoryRow,
  'id' | 'employee_id' | 'type' | 'scope' | 'importance' | 'tags' | 'access_count' | 'created_at' | 'last_accessed_at' | 'archived_at'
> & { provider: string | null; has_vector: number | boolean | null };

interface SealedPayload {
  c: string;
  x: MemoryContext;
}

export const sealPayload = (cipher: MemoryCipher, id: string, content: string, context: MemoryContext): string =>
  cipher.seal(id, JSON.stringify({ c: content, x: context } satisfies SealedPayload));

export function openPayload(cipher: MemoryCipher, id: string, sealed: string): { content: string; context: MemoryContext } {
  const payload = JSON.parse(cipher.open(id, sealed)) as SealedPayload;
  return { content: payload.c, context: payload.x };
}

export const parseTags = (json: string): string[] => JSON.parse(json) as string[];

export function toStoredMemory(
  cipher: MemoryCipher,
  row: MemoryRow,
  embedding: { provider: string; dim: number } | null,
): StoredMemory {
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

export function toMeta(row: MetaRow): MemoryMeta {
  return {
    id: row.id,
    employeeId: row.employee_id,
    type: row.type as MemoryType,
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
