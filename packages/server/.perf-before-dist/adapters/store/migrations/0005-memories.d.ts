/**
 * 0005: employee memories (services/memory, adapters/memory-store). Same DDL on both dialects
 * except the identity column, the float type and blob/bytea.
 *  - memories: one row per memory. Content and context are sealed together (AES-256-GCM, text);
 *    type, scope, tags (JSON text), importance and times are clear, for filtering. `seq` is the
 *    row's stable integer handle for the term postings; `partition` names who may read it.
 *  - memory_vectors: the stored vector per memory (little-endian float32 bytes) with its provider
 *    and dimension, and `rev`, the change revision vector indexes follow. A deleted memory leaves
 *    a tombstone (vector null) so indexes learn about the deletion.
 *  - memory_terms: the blind lexical index: one row per (keyed hash of a token, memory) with the
 *    term frequency and the memory's length in tokens; the primary key serves the BM25 lookup
 *    (term, partition); memory_term_df holds each term's document frequency.
 *  - memory_meta: settings such as the key check value; memory_counters: the revision counter and
 *    the BM25 collection statistics (updated in the writing transaction, which also serializes
 *    vector writes so revisions commit in order).
 */
import { type Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0005Memories: (dialect: StoreDialect) => Migration;
