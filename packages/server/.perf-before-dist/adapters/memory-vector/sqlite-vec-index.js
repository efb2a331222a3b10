/**
 * `sqlite-vec`: a vec0 virtual table (cosine distance, the partition as a partition key, so a
 * search only scans the asked partitions) in its own SQLite file beside the store.
 *
 * Why its own file: the store's connection does not load the extension, and SQLite refuses to
 * even describe a vec0 table on a connection without it ("no such module: vec0"), which would break
 * the store's migrator. The index is derived data (the store's memory_vectors are the truth), so
 * it can live apart: it records the store revision it reflects (its checkpoint) and the memory
 * service replays the changes after it, e.g. after a crash between a store write and an index write.
 * Deleting the file is always safe: it is rebuilt from the store.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
export class SqliteVecIndex {
    kind = 'sqlite-vec';
    dim;
    #db;
    #table;
    #statements;
    /** Opens (creating) the index file; throws when the extension cannot load (the caller falls back). */
    static open(options) {
        if (!Number.isInteger(options.dim) || options.dim < 1 || options.dim > 8192)
            throw new RangeError(`sqlite-vec index: bad dimension ${options.dim}`);
        if (options.file !== ':memory:')
            mkdirSync(dirname(resolve(options.file)), { recursive: true });
        const db = new Database(options.file);
        try {
            sqliteVec.load(db);
            if (options.file !== ':memory:')
                db.pragma('journal_mode = WAL');
            db.pragma('synchronous = NORMAL');
            db.pragma('busy_timeout = 5000');
            return new SqliteVecIndex(db, options.dim);
        }
        catch (err) {
            db.close();
            throw err;
        }
    }
    constructor(db, dim) {
        this.#db = db;
        this.dim = dim;
        this.#table = `memory_vec_${dim}`;
        db.exec('create table if not exists index_meta (key text primary key, value text not null)');
        // One table per dimension: a provider with another dimension starts a fresh table.
        const stale = db
            .prepare("select name from sqlite_master where type = 'table' and name like 'memory_vec_%' and name glob 'memory_vec_[0-9]*' and name <> ?")
            .all(this.#table);
        for (const { name } of stale)
            if (/^memory_vec_\d+$/.test(name))
                db.exec(`drop table "${name}"`);
        db.exec(`create virtual table if not exists "${this.#table}" using vec0(memory_id text primary key, part text partition key, embedding float[${dim}] distance_metric=cosine)`);
        this.#statements = {
            insert: db.prepare(`insert into "${this.#table}" (memory_id, part, embedding) values (?, ?, ?)`),
            remove: db.prepare(`delete from "${this.#table}" where memory_id = ?`),
            similarity: db.prepare(`select vec_distance_cosine(embedding, ?) as distance from "${this.#table}" where memory_id = ?`),
            count: db.prepare(`select count(*) as n from "${this.#table}"`),
            getMeta: db.prepare('select value from index_meta where key = ?'),
            putMeta: db.prepare('insert into index_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value'),
            deleteMeta: db.prepare('delete from index_meta where key = ?'),
        };
    }
    upsert(entries) {
        for (const e of entries) {
            if (e.vector.length !== this.dim)
                return Promise.reject(new RangeError(`sqlite-vec index: vector has ${e.vector.length} dimensions, expected ${this.dim}`));
        }
        // vec0 has no upsert, and a partition key cannot be updated: delete, then insert.
        this.#db.transaction(() => {
            for (const e of entries) {
                this.#statements.remove.run(e.id);
                this.#statements.insert.run(e.id, e.partition, e.vector);
            }
        })();
        return Promise.resolve();
    }
    remove(ids) {
        this.#db.transaction(() => {
            for (const id of ids)
                this.#statements.remove.run(id);
        })();
        return Promise.resolve();
    }
    search(query, options) {
        const partitions = [...new Set(options.partitions)];
        if (partitions.length === 0 || options.k <= 0)
            return Promise.resolve([]);
        const placeholders = partitions.map(() => '?').join(', ');
        const rows = this.#db
            .prepare(`select memory_id, distance from "${this.#table}" where embedding match ? and k = ? and part in (${placeholders})`)
            .all(query, options.k, ...partitions);
        // With several partitions the rows are not globally ordered: sort, then cut.
        const hits = rows.map((r) => ({ id: r.memory_id, similarity: 1 - r.distance }));
        hits.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        return Promise.resolve(hits.slice(0, options.k));
    }
    similarities(query, ids) {
        // One point lookup per id: vec0 does not push `memory_id IN (…)` down and would scan the table.
        const out = new Map();
        for (const id of ids) {
            const row = this.#statements.similarity.get(query, id);
            if (row)
                out.set(id, 1 - row.distance);
        }
        return Promise.resolve(out);
    }
    count() {
        return Promise.resolve(this.#statements.count.get().n);
    }
    checkpoint() {
        const row = this.#statements.getMeta.get('checkpoint');
        return Promise.resolve(row ? JSON.parse(row.value) : null);
    }
    setCheckpoint(checkpoint) {
        this.#statements.putMeta.run('checkpoint', JSON.stringify({ provider: checkpoint.provider, rev: checkpoint.rev }));
        return Promise.resolve();
    }
    clear() {
        this.#db.transaction(() => {
            this.#db.exec(`delete from "${this.#table}"`);
            this.#statements.deleteMeta.run('checkpoint');
        })();
        return Promise.resolve();
    }
    close() {
        if (this.#db.open)
            this.#db.close();
        return Promise.resolve();
    }
}
//# sourceMappingURL=sqlite-vec-index.js.map