/**
 * The Store port over one Kysely instance; owns the connection (pool or SQLite handle) and, when
 * given one, the separate event writer (SQLite: a worker thread), which is closed first so writes
 * already accepted finish before the connection goes.
 */
import { sql } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { KyselyRunEventRepository } from './kysely-run-event-repository.js';
import { KyselyRunRepository } from './kysely-run-repository.js';
export class KyselyStore {
    dialect;
    db;
    eventWriter;
    runs;
    runEvents;
    #closing = null;
    constructor(dialect, db, eventWriter = null) {
        this.dialect = dialect;
        this.db = db;
        this.eventWriter = eventWriter;
        this.runs = new KyselyRunRepository(db);
        this.runEvents = new KyselyRunEventRepository(db, eventWriter);
    }
    async ping() {
        if (this.#closing)
            throw new AppError('STORE_UNAVAILABLE', { message: 'The store is closed' });
        try {
            await sql `select 1`.execute(this.db);
        }
        catch (err) {
            throw new AppError('STORE_UNAVAILABLE', { cause: err });
        }
    }
    close() {
        this.#closing ??= this.#close();
        return this.#closing;
    }
    async #close() {
        try {
            await this.eventWriter?.close();
        }
        finally {
            await this.db.destroy();
        }
    }
}
/**
 * Adapter-to-adapter wiring only (app.ts): the Kysely instance and dialect behind a store opened by
 * openStore(), for adapters that keep their tables in the same database (the embedded job queue).
 * Not part of the Store port, so services never reach it. The store still owns and closes the
 * connection: close the adapters that use it first.
 */
export function storeDatabaseOf(store) {
    if (!(store instanceof KyselyStore))
        throw new TypeError('storeDatabaseOf: not a store opened by openStore()');
    // `db` is private to keep it from the Store's users; this accessor in the same module is the one exception.
    return { db: store['db'], dialect: store.dialect };
}
//# sourceMappingURL=kysely-store.js.map