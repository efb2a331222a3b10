/**
 * The Store port over one Kysely instance; owns the connection (pool or SQLite handle) and, when
 * given one, the separate event writer (SQLite: a worker thread), which is closed first so writes
 * already accepted finish before the connection goes.
 */
import { type Kysely } from 'kysely';
import type { RunEventRepository } from '../../ports/run-event-repository.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { Store, StoreDialect } from '../../ports/store.js';
import { type RunEventWriter } from './kysely-run-event-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyStore implements Store {
    #private;
    readonly dialect: StoreDialect;
    private readonly db;
    private readonly eventWriter;
    readonly runs: RunRepository;
    readonly runEvents: RunEventRepository;
    constructor(dialect: StoreDialect, db: Kysely<StoreDatabase>, eventWriter?: (RunEventWriter & {
        close(): Promise<void>;
    }) | null);
    ping(): Promise<void>;
    close(): Promise<void>;
}
/**
 * Adapter-to-adapter wiring only (app.ts): the Kysely instance and dialect behind a store opened by
 * openStore(), for adapters that keep their tables in the same database (the embedded job queue).
 * Not part of the Store port, so services never reach it. The store still owns and closes the
 * connection: close the adapters that use it first.
 */
export declare function storeDatabaseOf(store: Store): {
    db: Kysely<StoreDatabase>;
    dialect: StoreDialect;
};
