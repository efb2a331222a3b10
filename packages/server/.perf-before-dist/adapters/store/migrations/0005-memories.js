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
import { sql } from 'kysely';
export const migration0005Memories = (dialect) => ({
    async up(db) {
        const pg = dialect === 'postgres';
        const seqType = pg ? 'bigint' : 'integer';
        await db.schema
            .createTable('memories')
            .addColumn('seq', seqType, (c) => (pg ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey()))
            .addColumn('id', 'text', (c) => c.notNull().unique())
            .addColumn('employee_id', 'text', (c) => c.notNull())
            .addColumn('type', 'text', (c) => c.notNull())
            .addColumn('scope', 'text', (c) => c.notNull())
            .addColumn('department', 'text', (c) => c.notNull())
            .addColumn('partition', 'text', (c) => c.notNull())
            .addColumn('sealed', 'text', (c) => c.notNull())
            .addColumn('tags', 'text', (c) => c.notNull())
            .addColumn('importance', pg ? 'double precision' : 'real', (c) => c.notNull())
            .addColumn('source_run_id', 'text')
            .addColumn('source_task_id', 'text')
            .addColumn('terms_count', 'integer', (c) => c.notNull())
            .addColumn('access_count', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .addColumn('last_accessed_at', 'text')
            .addColumn('archived_at', 'text')
            .execute();
        await db.schema.createIndex('memories_owner_idx').on('memories').columns(['employee_id', 'created_at', 'id']).execute();
        await db.schema.createIndex('memories_partition_idx').on('memories').column('partition').execute();
        await db.schema
            .createTable('memory_vectors')
            .addColumn('memory_id', 'text', (c) => c.primaryKey())
            .addColumn('partition', 'text', (c) => c.notNull())
            .addColumn('provider', 'text', (c) => c.notNull())
            .addColumn('dim', 'integer', (c) => c.notNull())
            .addColumn('vector', pg ? 'bytea' : 'blob')
            .addColumn('rev', 'bigint', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('memory_vectors_rev_idx').on('memory_vectors').column('rev').unique().execute();
        // The postings are read by (term, partition) ranges and need tf and dl (document length) for
        // BM25: clustered on SQLite (WITHOUT ROWID), a covering primary key on PostgreSQL.
        const terms = db.schema
            .createTable('memory_terms')
            .addColumn('term', 'text', (c) => c.notNull())
            .addColumn('partition', 'text', (c) => c.notNull())
            .addColumn('seq', 'bigint', (c) => c.notNull())
            .addColumn('tf', 'integer', (c) => c.notNull())
            .addColumn('dl', 'integer', (c) => c.notNull());
        if (pg) {
            await terms.execute();
            await sql `alter table memory_terms add constraint memory_terms_pkey primary key (term, partition, seq) include (tf, dl)`.execute(db);
        }
        else {
            await terms.addPrimaryKeyConstraint('memory_terms_pkey', ['term', 'partition', 'seq']).modifyEnd(sql `without rowid`).execute();
        }
        await db.schema.createIndex('memory_terms_seq_idx').on('memory_terms').column('seq').execute();
        // Document frequency per term, kept in step with the postings (BM25 idf without counting them).
        await db.schema
            .createTable('memory_term_df')
            .addColumn('term', 'text', (c) => c.primaryKey())
            .addColumn('df', 'integer', (c) => c.notNull())
            .execute();
        await db.schema
            .createTable('memory_meta')
            .addColumn('key', 'text', (c) => c.primaryKey())
            .addColumn('value', 'text', (c) => c.notNull())
            .execute();
        await db.schema
            .createTable('memory_counters')
            .addColumn('name', 'text', (c) => c.primaryKey())
            .addColumn('value', 'bigint', (c) => c.notNull())
            .execute();
        await sql `insert into memory_counters (name, value) values ('vector_rev', 0), ('docs', 0), ('terms_total', 0)`.execute(db);
    },
    async down(db) {
        for (const table of ['memory_counters', 'memory_meta', 'memory_term_df', 'memory_terms', 'memory_vectors', 'memories']) {
            await db.schema.dropTable(table).execute();
        }
    },
});
//# sourceMappingURL=0005-memories.js.map