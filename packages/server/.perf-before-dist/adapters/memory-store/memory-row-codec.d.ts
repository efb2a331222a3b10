/** Rows of the `memories` table ↔ the repository's shapes; the sealed payload is opened here. */
import type { MemoryContext } from '@dash/shared';
import type { MemoryMeta, StoredMemory } from '../../ports/memory-repository.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { MemoriesTable } from '../store/schema.js';
export type MemoryRow = Omit<MemoriesTable, 'seq' | 'access_count'> & {
    seq: number;
    access_count: number;
};
export type MetaRow = Pick<MemoryRow, 'id' | 'employee_id' | 'type' | 'scope' | 'importance' | 'tags' | 'access_count' | 'created_at' | 'last_accessed_at' | 'archived_at'> & {
    provider: string | null;
    has_vector: number | boolean | null;
};
export declare const sealPayload: (cipher: MemoryCipher, id: string, content: string, context: MemoryContext) => string;
export declare function openPayload(cipher: MemoryCipher, id: string, sealed: string): {
    content: string;
    context: MemoryContext;
};
export declare const parseTags: (json: string) => string[];
export declare function toStoredMemory(cipher: MemoryCipher, row: MemoryRow, embedding: {
    provider: string;
    dim: number;
} | null): StoredMemory;
export declare function toMeta(row: MetaRow): MemoryMeta;
