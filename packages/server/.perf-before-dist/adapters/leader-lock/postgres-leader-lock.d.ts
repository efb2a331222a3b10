/**
 * LeaderLock on PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on one
 * dedicated connection, outside the store's pool, for as long as this process leads. Advisory
 * locks belong to the database, so every process on the same DATABASE_URL competes for the same
 * lock, and PostgreSQL frees it when the session ends: a crashed process or a dropped connection
 * loses leadership by itself. While leading, each acquire() checks the connection with a round
 * trip; a lost connection is closed and the next acquire() reconnects and tries again.
 */
import pg from 'pg';
import type { LeaderLock } from '../../ports/leader-lock.js';
import type { Logger } from '../../ports/logger.js';
export interface PostgresLeaderLockOptions {
    name: string;
    /** node-postgres settings for the dedicated connection (postgresClientConfig of the store URL). */
    client: pg.ClientConfig;
    logger: Logger;
    /** How long one connection attempt may take. @default 5_000 */
    connectTimeoutMs?: number;
}
export declare class PostgresLeaderLock implements LeaderLock {
    #private;
    private readonly options;
    readonly name: string;
    constructor(options: PostgresLeaderLockOptions);
    get isLeader(): boolean;
    acquire(): Promise<boolean>;
    release(): Promise<void>;
}
