/**
 * Kysely's SQLite dialect with transactions opened by BEGIN IMMEDIATE. With a second connection
 * writing the same file (the event writer's worker), a deferred transaction that reads and then
 * writes fails with SQLITE_BUSY_SNAPSHOT when the other connection committed in between, without
 * waiting. IMMEDIATE takes the write lock up front, honouring busy_timeout instead.
 */
import { SqliteDialect, type Driver, type SqliteDialectConfig } from 'kysely';
export declare class SqliteImmediateDialect extends SqliteDialect {
    #private;
    constructor(config: SqliteDialectConfig);
    createDriver(): Driver;
}
