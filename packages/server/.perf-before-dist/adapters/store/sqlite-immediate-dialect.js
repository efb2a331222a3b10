/**
 * Kysely's SQLite dialect with transactions opened by BEGIN IMMEDIATE. With a second connection
 * writing the same file (the event writer's worker), a deferred transaction that reads and then
 * writes fails with SQLITE_BUSY_SNAPSHOT when the other connection committed in between, without
 * waiting. IMMEDIATE takes the write lock up front, honouring busy_timeout instead.
 */
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
export class SqliteImmediateDialect extends SqliteDialect {
    #config;
    constructor(config) {
        super(config);
        this.#config = config;
    }
    createDriver() {
        return new SqliteImmediateDriver(this.#config);
    }
}
class SqliteImmediateDriver extends SqliteDriver {
    async beginTransaction(connection) {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    }
    /**
     * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
     * SQLITE_NOMEM). Kysely's ROLLBACK then fails with "no transaction is active" and that error
     * would replace the real one (a full disk must answer STORE_FULL, not an opaque 500).
     */
    async rollbackTransaction(connection) {
        try {
            await connection.executeQuery(CompiledQuery.raw('rollback'));
        }
        catch (err) {
            if (!(err instanceof Error && /no transaction is active/.test(err.message)))
                throw err;
        }
    }
}
//# sourceMappingURL=sqlite-immediate-dialect.js.map