/**
 * The persistent store: SQLite (embedded default, a WAL file in DATA_DIR) or PostgreSQL
 * (DATABASE_URL). The adapter owns its connection and runs migrations when it opens;
 * repositories expose operations, never clients or transactions.
 */
import type { RunEventRepository } from './run-event-repository.js';
import type { RunRepository } from './run-repository.js';
export type StoreDialect = 'sqlite' | 'postgres';
export interface Store {
    readonly dialect: StoreDialect;
    readonly runs: RunRepository;
    readonly runEvents: RunEventRepository;
    /** Round trip to the database; throws when it cannot answer. */
    ping(): Promise<void>;
    /** Idempotent: a second call returns the same promise. */
    close(): Promise<void>;
}
