/** The API view of a stored memory (the same fields; raw vectors never leave the repository). */
import type { MemoryView } from '@dash/shared';
import type { StoredMemory } from '../../ports/memory-repository.js';
export declare const toMemoryView: (m: StoredMemory) => MemoryView;
