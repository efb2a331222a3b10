/**
 * The blind lexical index and its BM25 ranking, one implementation for SQLite and PostgreSQL.
 *
 * Content is encrypted at rest, so the database cannot tokenize it (no FTS5 over plaintext, no
 * tsvector of the words). Instead the server tokenizes (domain/memory/text-tokens.ts) and stores a
 * keyed hash of each distinct token per memory, with its frequency (memory_terms). A query is
 * tokenized (and expanded, domain/memory/query-expansion.ts) and hashed the same way; documents are
 * ranked by Okapi BM25 (k1 = 1.2, b = 0.75; other values did no better on the labelled set) computed in SQL from the
 * postings, with collection statistics (documents, total tokens) kept in memory_counters and
 * document frequencies in memory_term_df (both updated by the writing transaction). The same SQL on both dialects
 * gives the same ranking on both. See docs/memory.md for what the blind index does and does not hide.
 */
import { type Kysely } from 'kysely';
import type { QueryTerm } from '../../domain/memory/query-expansion.js';
import type { LexicalHit } from '../../ports/memory-repository.js';
import type { StoreDialect } from '../../ports/store.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { StoreDatabase } from '../store/schema.js';
export declare const BM25_K1 = 1.2;
export declare const BM25_B = 0.75;
/** Query tokens beyond this are not even looked up (a query is at most 1,000 characters anyway). */
export declare const MAX_QUERY_TERMS = 64;
export declare const MAX_EXPANSION_TERMS = 128;
export interface TermRow {
    term: string;
    partition: string;
    seq: number;
    tf: number;
    dl: number;
}
/** Hashed term frequencies of a text, and its length in tokens. */
export declare function termFrequencies(cipher: MemoryCipher, text: string): {
    terms: Map<string, number>;
    length: number;
};
export declare function insertTerms(db: Kysely<StoreDatabase>, seq: number, partition: string, terms: Map<string, number>, length: number): Promise<void>;
export declare function deleteTerms(db: Kysely<StoreDatabase>, seq: number): Promise<void>;
export declare function moveTerms(db: Kysely<StoreDatabase>, seq: number, partition: string): Promise<void>;
/**
 * Serializes memory writers on PostgreSQL (a row lock on a counter, held to commit), so writers
 * never deadlock on the df rows they share; a no-op cost on SQLite, where writes are serial anyway.
 */
export declare function lockWriters(db: Kysely<StoreDatabase>): Promise<void>;
/** Keeps the BM25 collection statistics in step with the postings. */
export declare function adjustCollection(db: Kysely<StoreDatabase>, docs: number, tokens: number): Promise<void>;
/**
 * BM25 over the query's terms, each weighing weight × idf; which terms are scored is decided by
 * domain/memory/bm25-terms.ts (the rarest of the query's own and of the expansion's, no very
 * common term), which bounds the postings read per query. The vector side of hybrid ranking
 * carries the rest of the meaning.
 */
export declare function bm25Search(db: Kysely<StoreDatabase>, dialect: StoreDialect, cipher: MemoryCipher, queryTerms: readonly QueryTerm[], partitions: readonly string[], limit: number): Promise<LexicalHit[]>;
