/**
 * LeaderLock on PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on one
 * dedicated connection, outside the store's pool, for as long as this process leads. Advisory
 * locks belong to the database, so every process on the same DATABASE_URL competes for the same
 * lock, and PostgreSQL frees it when the session ends: a crashed process or a dropped connection
 * loses leadership by itself. While leading, each acquire() checks the connection with a round
 * trip; a lost connection is closed and the next acquire() reconnects and tries again.
 */
import pg from 'pg';
import { leaderLockKey } from './leader-lock-key.js';
export class PostgresLeaderLock {
    options;
    name;
    #key;
    #client = null;
    #leader = false;
    #busy = null;
    constructor(options) {
        this.options = options;
        this.name = options.name;
        this.#key = leaderLockKey(options.name);
    }
    get isLeader() {
        return this.#leader;
    }
    acquire() {
        // One attempt at a time: a second caller shares the answer of the first.
        this.#busy ??= this.#acquire().finally(() => {
            this.#busy = null;
        });
        return this.#busy;
    }
    async #acquire() {
        if (this.#leader && this.#client !== null) {
            try {
                await this.#client.query('select 1');
                return true;
            }
            catch (err) {
                this.options.logger.warn({ err, lock: this.name }, 'leadership lost: the lock connection failed');
                await this.#drop();
            }
        }
        try {
            const client = this.#client ?? (await this.#connect());
            const { rows } = await client.query('select pg_try_advisory_lock($1::bigint) as locked', [this.#key]);
            this.#leader = rows[0]?.locked === true;
            if (this.#leader)
                this.options.logger.info({ lock: this.name }, 'leadership taken');
            return this.#leader;
        }
        catch (err) {
            this.options.logger.debug({ err, lock: this.name }, 'leader lock unreachable');
            await this.#drop();
            return false;
        }
    }
    async release() {
        await this.#busy?.catch(() => undefined);
        const client = this.#client;
        if (client !== null && this.#leader) {
            await client.query('select pg_advisory_unlock($1::bigint)', [this.#key]).catch(() => undefined);
            this.options.logger.info({ lock: this.name }, 'leadership released');
        }
        await this.#drop();
    }
    async #connect() {
        const client = new pg.Client({ ...this.options.client, connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000 });
        // An idle connection that breaks must not crash the process: leadership is simply gone.
        const lost = (err) => {
            if (this.#client !== client)
                return;
            if (this.#leader)
                this.options.logger.warn({ err, lock: this.name }, 'leadership lost: the lock connection closed');
            this.#client = null;
            this.#leader = false;
            void client.end().catch(() => undefined);
        };
        client.on('error', lost);
        client.on('end', () => lost());
        try {
            await client.connect();
        }
        catch (err) {
            await client.end().catch(() => undefined);
            throw err;
        }
        this.#client = client;
        return client;
    }
    async #drop() {
        const client = this.#client;
        this.#client = null;
        this.#leader = false;
        await client?.end().catch(() => undefined);
    }
}
//# sourceMappingURL=postgres-leader-lock.js.map