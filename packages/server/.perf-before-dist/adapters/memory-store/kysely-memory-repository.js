/**
 * The MemoryRepository over the store's Kysely instance (SQLite or PostgreSQL; see
 * storeDatabaseOf). It does not own the connection: close it before the store.
 *
 * Every write that touches a vector takes the next value of the `vector_rev` counter inside its
 * transaction. On PostgreSQL the counter row stays locked until commit, so revisions become
 * visible in order and an index following `vectorChanges` never skips one; on SQLite writes are
 * serialized anyway.
 */
import { sql } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { searchableText } from '../../domain/memory/searchable-text.js';
import { LEXICAL_TOKENS_VERSION } from '../../domain/memory/text-tokens.js';
import { adjustCollection, bm25Search, deleteTerms, insertTerms, lockWriters, moveTerms, termFrequencies } from './memory-lexical-index.js';
import { indexPartition, searchPartitions } from '../../domain/memory/index-partitions.js';
import { openPayload, parseTags, sealPayload, toMeta, toStoredMemory } from './memory-row-codec.js';
import { bytesToVector, vectorToBytes } from './vector-bytes.js';
import { LexicalMirror } from './lexical-mirror.js';
const KEY_CHECK = 'key_check';
const LEXICAL_VERSION = 'lexical_version';
/** SQLite allows 32,766 bound parameters per statement; stay far below for IN lists. */
const ID_CHUNK = 500;
const MEMORY_COLUMNS = [
    'memories.seq',
    'memories.id',
    'memories.employee_id',
    'memories.type',
    'memories.scope',
    'memories.department',
    'memories.partition',
    'memories.sealed',
    'memories.tags',
    'memories.importance',
    'memories.source_run_id',
    'memories.source_task_id',
    'memories.terms_count',
    'memories.access_count',
    'memories.created_at',
    'memories.updated_at',
    'memories.last_accessed_at',
    'memories.archived_at',
];
export class KyselyMemoryRepository {
    #db;
    #dialect;
    #cipher;
    #mirror;
    constructor(options) {
        this.#db = options.db;
        this.#dialect = options.dialect;
        this.#cipher = options.cipher;
        this.#mirror = options.lexicalIndex === 'sql' ? null : new LexicalMirror(options.db, options.cipher);
    }
    async open() {
        await this.#db
            .insertInto('memory_meta')
            .values({ key: KEY_CHECK, value: this.#cipher.keyCheck })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
        const stored = await this.#meta(KEY_CHECK);
        if (stored !== this.#cipher.keyCheck && (await this.#hasMemories())) {
            throw new AppError('MEMORY_KEY_MISMATCH', {
                message: 'MEMORY_ENCRYPTION_KEY does not match the key the stored memories were encrypted with (key check failed). ' +
                    'Restore the original key (MEMORY_ENCRYPTION_KEY, or DATA_DIR/memory.key in embedded mode); the memories cannot be read without it.',
            });
        }
        // Nothing is encrypted yet under the old key: adopt the new one.
        if (stored !== this.#cipher.keyCheck)
            await this.#db.updateTable('memory_meta').set({ value: this.#cipher.keyCheck }).where('key', '=', KEY_CHECK).execute();
        await this.#db
            .insertInto('memory_meta')
            .values({ key: LEXICAL_VERSION, value: String(LEXICAL_TOKENS_VERSION) })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
        if ((await this.#meta(LEXICAL_VERSION)) !== String(LEXICAL_TOKENS_VERSION))
            await this.#rebuildLexicalIndex();
        await this.#mirror?.load();
    }
    async insert(memory, vector) {
        const sealed = sealPayload(this.#cipher, memory.id, memory.content, memory.context);
        const { terms, length } = termFrequencies(this.#cipher, searchableText(memory));
        await this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            const { seq } = await trx
                .insertInto('memories')
                .values({
                id: memory.id,
                employee_id: memory.employeeId,
                type: memory.type,
                scope: memory.scope,
                department: memory.department,
                partition: memory.partition,
                sealed,
                tags: JSON.stringify(memory.tags),
                importance: memory.importance,
                source_run_id: memory.source.runId,
                source_task_id: memory.source.taskId,
                terms_count: length,
                created_at: memory.createdAt,
                updated_at: memory.createdAt,
                last_accessed_at: null,
                archived_at: null,
            })
                .returning('seq')
                .executeTakeFirstOrThrow();
            await adjustCollection(trx, 1, length);
            await insertTerms(trx, Number(seq), memory.partition, terms, length);
            if (vector)
                await this.#putVector(trx, memory.id, memory.partition, vector);
            else
                await this.#dropVector(trx, memory.id, memory.partition);
        });
        const stored = await this.get(memory.id);
        if (!stored)
            throw new Error(`memory ${memory.id} vanished after insert`);
        return stored;
    }
    async get(id) {
        return (await this.getMany([id]))[0] ?? null;
    }
    async getMany(ids) {
        const byId = new Map();
        for (const chunk of chunks(ids)) {
            const rows = await this.#db
                .selectFrom('memories')
                .leftJoin('memory_vectors', 'memory_vectors.memory_id', 'memories.id')
                .select([...MEMORY_COLUMNS, 'memory_vectors.provider', 'memory_vectors.dim', (eb) => eb('memory_vectors.vector', 'is not', null).as('has_vector')])
                .where('memories.id', 'in', chunk)
                .execute();
            for (const row of rows) {
                const embedding = row.has_vector && row.provider !== null && row.dim !== null ? { provider: row.provider, dim: Number(row.dim) } : null;
                byId.set(row.id, toStoredMemory(this.#cipher, normalizeRow(row), embedding));
            }
        }
        return ids.flatMap((id) => byId.get(id) ?? []);
    }
    async update(id, patch, vector) {
        const found = await this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            const row = await trx.selectFrom('memories').select(MEMORY_COLUMNS).where('id', '=', id).executeTakeFirst();
            if (!row)
                return false;
            const current = normalizeRow(row);
            const archived = current.archived_at !== null;
            const partition = patch.partition ?? current.partition;
            const old = openPayload(this.#cipher, id, current.sealed);
            const content = patch.content ?? old.content;
            const context = patch.context ?? old.context;
            const tags = patch.tags ?? parseTags(current.tags);
            const textChanged = patch.content !== undefined || patch.context !== undefined || patch.tags !== undefined;
            let termsCount = current.terms_count;
            if (textChanged) {
                const { terms, length } = termFrequencies(this.#cipher, searchableText({ content, context, tags }));
                await adjustCollection(trx, 0, length - current.terms_count);
                await deleteTerms(trx, current.seq);
                await insertTerms(trx, current.seq, indexPartition(partition, archived), terms, length);
                termsCount = length;
            }
            else if (partition !== current.partition) {
                await moveTerms(trx, current.seq, indexPartition(partition, archived));
            }
            await trx
                .updateTable('memories')
                .set({
                ...(patch.content !== undefined || patch.context !== undefined ? { sealed: sealPayload(this.#cipher, id, content, context) } : {}),
                ...(patch.tags !== undefined && { tags: JSON.stringify(patch.tags) }),
                ...(patch.importance !== undefined && { importance: patch.importance }),
                ...(patch.scope !== undefined && { scope: patch.scope }),
                partition,
                terms_count: termsCount,
                updated_at: patch.updatedAt,
            })
                .where('id', '=', id)
                .execute();
            const target = indexPartition(partition, archived);
            if (vector) {
                await this.#putVector(trx, id, target, vector);
            }
            else if (vector === null) {
                await this.#dropVector(trx, id, target);
            }
            else if (partition !== current.partition || textChanged) {
                // No new vector, but the terms or the partition changed: the revision tells the lexical mirror.
                await this.#moveVector(trx, id, target);
            }
            return true;
        });
        return found ? this.get(id) : null;
    }
    async delete(id) {
        return this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            const row = await trx.selectFrom('memories').select(['seq', 'terms_count']).where('id', '=', id).executeTakeFirst();
            if (!row)
                return false;
            await adjustCollection(trx, -1, -Number(row.terms_count));
            await deleteTerms(trx, Number(row.seq));
            await trx.deleteFrom('memories').where('id', '=', id).execute();
            await this.#dropVector(trx, id, '');
            return true;
        });
    }
    async setArchived(ids, archivedAt) {
        const changed = [];
        await this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            for (const chunk of chunks(ids)) {
                const rows = await trx
                    .selectFrom('memories')
                    .select(['id', 'seq', 'partition'])
                    .where('id', 'in', chunk)
                    .where('archived_at', archivedAt === null ? 'is not' : 'is', null)
                    .execute();
                for (const row of rows) {
                    const target = indexPartition(row.partition, archivedAt !== null);
                    await trx.updateTable('memories').set({ archived_at: archivedAt }).where('id', '=', row.id).execute();
                    await moveTerms(trx, Number(row.seq), target);
                    await this.#moveVector(trx, row.id, target);
                    changed.push(row.id);
                }
            }
        });
        return changed;
    }
    async listOwned(employeeId, options) {
        let query = this.#db.selectFrom('memories').select('id').where('employee_id', '=', employeeId);
        if (options.type)
            query = query.where('type', '=', options.type);
        if (!options.includeArchived)
            query = query.where('archived_at', 'is', null);
        const cursor = parseCursor(options.cursor);
        if (cursor) {
            query = query.where((eb) => eb.or([eb('created_at', '<', cursor.createdAt), eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)])]));
        }
        const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1).execute();
        const page = rows.slice(0, options.limit);
        const items = await this.getMany(page.map((r) => r.id));
        const last = items[items.length - 1];
        return { items, nextCursor: rows.length > options.limit && last ? `${last.createdAt}|${last.id}` : null };
    }
    async metaOwned(employeeId) {
        const rows = await this.#metaQuery().where('memories.employee_id', '=', employeeId).execute();
        return rows.map((r) => toMeta(r));
    }
    async filterCandidates(ids, filter) {
        const out = [];
        for (const chunk of chunks(ids)) {
            let query = this.#metaQuery().where('memories.id', 'in', chunk);
            if (filter.employeeId !== undefined)
                query = query.where('memories.employee_id', '=', filter.employeeId);
            if (filter.types)
                query = query.where('memories.type', 'in', [...filter.types]);
            if (filter.createdFrom)
                query = query.where('memories.created_at', '>=', filter.createdFrom);
            if (filter.createdTo)
                query = query.where('memories.created_at', '<=', filter.createdTo);
            if (filter.minImportance !== undefined)
                query = query.where('memories.importance', '>=', filter.minImportance);
            if (!filter.includeArchived)
                query = query.where('memories.archived_at', 'is', null);
            for (const row of await query.execute())
                out.push(toMeta(row));
        }
        if (!filter.tags)
            return out;
        const wanted = new Set(filter.tags.map((t) => t.toLowerCase()));
        return out.filter((m) => m.tags.some((t) => wanted.has(t.toLowerCase())));
    }
    lexicalSearch(terms, partitions, limit, includeArchived) {
        if (this.#mirror)
            return this.#mirror.search(terms, searchPartitions(partitions, includeArchived), limit);
        return bm25Search(this.#db, this.#dialect, this.#cipher, terms, searchPartitions(partitions, includeArchived), limit);
    }
    async recordAccess(ids, at) {
        for (const chunk of chunks(ids)) {
            await this.#db
                .updateTable('memories')
                .set((eb) => ({ access_count: eb('access_count', '+', 1), last_accessed_at: at }))
                .where('id', 'in', chunk)
                .execute();
        }
    }
    async vectorChanges(afterRev, limit, provider) {
        const rows = await this.#db
            .selectFrom('memory_vectors')
            .select(['memory_id', 'partition', 'provider', 'vector', 'rev'])
            .where('rev', '>', afterRev)
            .orderBy('rev')
            .limit(limit)
            .execute();
        return rows.map((r) => ({
            rev: Number(r.rev),
            id: r.memory_id,
            partition: r.partition,
            vector: r.vector !== null && r.provider === provider && r.partition !== '' ? bytesToVector(r.vector) : null,
        }));
    }
    async needingEmbedding(provider, limit, afterId) {
        let query = this.#pendingQuery(provider).select('memories.id');
        if (afterId !== undefined)
            query = query.where('memories.id', '>', afterId);
        const rows = await query.orderBy('memories.id').limit(limit).execute();
        return this.getMany(rows.map((r) => r.id));
    }
    async countNeedingEmbedding(provider, employeeId) {
        let query = this.#pendingQuery(provider).select((eb) => eb.fn.countAll().as('n'));
        if (employeeId !== undefined)
            query = query.where('memories.employee_id', '=', employeeId);
        return Number((await query.executeTakeFirstOrThrow()).n);
    }
    async putVectors(items) {
        if (items.length === 0)
            return;
        await this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            for (const chunk of chunks(items.map((i) => i.id))) {
                const rows = await trx.selectFrom('memories').select(['id', 'partition', 'archived_at']).where('id', 'in', chunk).execute();
                const byId = new Map(rows.map((r) => [r.id, indexPartition(r.partition, r.archived_at !== null)]));
                for (const item of items) {
                    const partition = byId.get(item.id);
                    if (partition !== undefined)
                        await this.#putVector(trx, item.id, partition, item);
                }
            }
        });
    }
    async storageOf(employeeId) {
        const row = await this.#db
            .selectFrom('memories')
            .leftJoin('memory_vectors', 'memory_vectors.memory_id', 'memories.id')
            .select((eb) => [
            eb.fn.countAll().as('total'),
            eb.fn.count('memories.archived_at').as('archived'),
            eb.fn.count('memory_vectors.vector').as('vectors'),
            eb.fn.coalesce(eb.fn.sum(sql `length(memories.sealed)`), sql `0`).as('content_bytes'),
            eb.fn.coalesce(eb.fn.sum(sql `length(memory_vectors.vector)`), sql `0`).as('vector_bytes'),
        ])
            .where('memories.employee_id', '=', employeeId)
            .executeTakeFirstOrThrow();
        const total = Number(row.total);
        const archived = Number(row.archived);
        return {
            memoryCount: total - archived,
            archivedCount: archived,
            vectorCount: Number(row.vectors),
            contentBytes: Number(row.content_bytes),
            vectorBytes: Number(row.vector_bytes),
        };
    }
    async owners() {
        const rows = await this.#db.selectFrom('memories').select('employee_id').distinct().orderBy('employee_id').execute();
        return rows.map((r) => r.employee_id);
    }
    #metaQuery() {
        return this.#db
            .selectFrom('memories')
            .leftJoin('memory_vectors', 'memory_vectors.memory_id', 'memories.id')
            .select([
            'memories.id',
            'memories.employee_id',
            'memories.type',
            'memories.scope',
            'memories.importance',
            'memories.tags',
            'memories.access_count',
            'memories.created_at',
            'memories.last_accessed_at',
            'memories.archived_at',
            'memory_vectors.provider',
            (eb) => eb('memory_vectors.vector', 'is not', null).as('has_vector'),
        ]);
    }
    #pendingQuery(provider) {
        return this.#db
            .selectFrom('memories')
            .leftJoin('memory_vectors', 'memory_vectors.memory_id', 'memories.id')
            .where((eb) => eb.or([eb('memory_vectors.memory_id', 'is', null), eb('memory_vectors.vector', 'is', null), eb('memory_vectors.provider', '<>', provider)]));
    }
    async #hasMemories() {
        return (await this.#db.selectFrom('memories').select('id').limit(1).executeTakeFirst()) !== undefined;
    }
    async #meta(key) {
        const row = await this.#db.selectFrom('memory_meta').select('value').where('key', '=', key).executeTakeFirst();
        return row?.value ?? null;
    }
    async #nextRev(trx) {
        const row = await trx
            .updateTable('memory_counters')
            .set((eb) => ({ value: eb('value', '+', 1) }))
            .where('name', '=', 'vector_rev')
            .returning('value')
            .executeTakeFirstOrThrow();
        return Number(row.value);
    }
    async #putVector(trx, id, partition, input) {
        const rev = await this.#nextRev(trx);
        const values = { partition, provider: input.provider, dim: input.vector.length, vector: vectorToBytes(input.vector), rev };
        await trx
            .insertInto('memory_vectors')
            .values({ memory_id: id, ...values })
            .onConflict((oc) => oc.column('memory_id').doUpdateSet(values))
            .execute();
    }
    /**
     * Keeps the row as a tombstone (vector null) so indexes learn the vector is gone. A memory
     * without a vector row gets a tombstone too: every change to a memory's terms or partition takes
     * a revision, which the lexical mirror (lexical-mirror.ts) follows.
     */
    async #dropVector(trx, id, partition) {
        const rev = await this.#nextRev(trx);
        await trx
            .insertInto('memory_vectors')
            .values({ memory_id: id, partition, provider: '', dim: 0, vector: null, rev })
            .onConflict((oc) => oc.column('memory_id').doUpdateSet({ vector: null, partition, rev }))
            .execute();
    }
    async #moveVector(trx, id, partition) {
        const rev = await this.#nextRev(trx);
        await trx
            .insertInto('memory_vectors')
            .values({ memory_id: id, partition, provider: '', dim: 0, vector: null, rev })
            .onConflict((oc) => oc.column('memory_id').doUpdateSet({ partition, rev }))
            .execute();
    }
    /** After a tokenizer change: re-derive every memory's terms from its (decrypted) text. */
    async #rebuildLexicalIndex() {
        await this.#db.transaction().execute(async (trx) => {
            await lockWriters(trx);
            await trx.deleteFrom('memory_terms').execute();
            await trx.deleteFrom('memory_term_df').execute();
            let total = 0;
            let docs = 0;
            let after = -1;
            for (;;) {
                const rows = await trx.selectFrom('memories').select(MEMORY_COLUMNS).where('seq', '>', after).orderBy('seq').limit(200).execute();
                if (rows.length === 0)
                    break;
                for (const raw of rows) {
                    const row = normalizeRow(raw);
                    const memory = toStoredMemory(this.#cipher, row, null);
                    const { terms, length } = termFrequencies(this.#cipher, searchableText(memory));
                    await insertTerms(trx, row.seq, indexPartition(row.partition, row.archived_at !== null), terms, length);
                    await trx.updateTable('memories').set({ terms_count: length }).where('seq', '=', row.seq).execute();
                    total += length;
                    docs += 1;
                    after = row.seq;
                }
            }
            await trx.updateTable('memory_counters').set({ value: docs }).where('name', '=', 'docs').execute();
            await trx.updateTable('memory_counters').set({ value: total }).where('name', '=', 'terms_total').execute();
            await trx.updateTable('memory_meta').set({ value: String(LEXICAL_TOKENS_VERSION) }).where('key', '=', LEXICAL_VERSION).execute();
        });
    }
}
/** int8 columns may come back as strings on PostgreSQL when large; the row type says number. */
function normalizeRow(row) {
    return { ...row, seq: Number(row.seq), access_count: Number(row.access_count), terms_count: Number(row.terms_count) };
}
function parseCursor(cursor) {
    if (!cursor)
        return null;
    const at = cursor.lastIndexOf('|');
    if (at <= 0)
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'query.cursor', message: 'Unknown cursor' }] });
    return { createdAt: cursor.slice(0, at), id: cursor.slice(at + 1) };
}
function* chunks(items) {
    for (let i = 0; i < items.length; i += ID_CHUNK)
        yield items.slice(i, i + ID_CHUNK);
}
//# sourceMappingURL=kysely-memory-repository.js.map