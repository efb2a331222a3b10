/**
 * An in-process copy of the blind lexical index (memory_terms: keyed token hashes, never words),
 * so BM25 runs as a loop over typed arrays instead of a SQL aggregate over tens of thousands of
 * postings. The store stays the truth: the mirror is filled from it at open and follows the
 * store's revision feed (memory_vectors.rev: every change to a memory's terms or partition takes
 * a revision, see kysely-memory-repository.ts), replaying the changes before each search, so a
 * write on another replica is seen by the next search here. Scores equal the SQL ones (same
 * formula, same collection statistics: documents, total length, document frequencies).
 *
 * Memory: about 6 bytes per posting plus the term and id strings; 100,000 memories of 15–40
 * words (~2.5 million postings) take about 50 MB.
 */
import { type Kysely } from 'kysely';
import type { QueryTerm } from '../../domain/memory/query-expansion.js';
import type { LexicalHit } from '../../ports/memory-repository.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { StoreDatabase } from '../store/schema.js';
export declare class LexicalMirror {
    #private;
    private readonly db;
    private readonly cipher;
    constructor(db: Kysely<StoreDatabase>, cipher: MemoryCipher);
    get documentCount(): number;
    /**
     * Fills the mirror from the store: the revision first (changes made meanwhile are replayed by
     * catchUp), then the memories, then the postings in primary-key order (term by term, the cheap
     * order to read on both databases and the natural one to build posting lists in).
     */
    load(): Promise<void>;
    /** Replays the store's changes since the last one applied; concurrent calls share one pass. */
    catchUp(): Promise<void>;
    search(queryTerms: readonly QueryTerm[], partitions: readonly string[], limit: number): Promise<LexicalHit[]>;
}
