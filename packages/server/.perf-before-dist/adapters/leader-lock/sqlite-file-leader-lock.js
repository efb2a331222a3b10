/**
 * LeaderLock for embedded mode: an exclusive SQLite lock on a small lock file in DATA_DIR, held by
 * one open connection (`locking_mode = EXCLUSIVE`: after its first write the connection keeps the
 * file's write lock until it closes). The operating system drops the lock when the process dies,
 * so a crashed process frees it like a dropped PostgreSQL session would. Embedded mode is one
 * process, which therefore always leads; the lock guards against a second process started by
 * mistake on the same DATA_DIR, which then does not lead (and says so).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
export class SqliteFileLeaderLock {
    options;
    name;
    #db = null;
    #warned = false;
    constructor(options) {
        this.options = options;
        this.name = options.name;
    }
    get isLeader() {
        return this.#db !== null;
    }
    acquire() {
        if (this.#db !== null)
            return Promise.resolve(true);
        let db = null;
        try {
            mkdirSync(dirname(this.options.file), { recursive: true });
            db = new Database(this.options.file, { timeout: 0 });
            db.pragma('locking_mode = EXCLUSIVE');
            db.pragma('journal_mode = DELETE');
            // The write takes the file's exclusive lock; EXCLUSIVE locking mode keeps it after commit.
            db.exec('begin exclusive');
            db.exec('create table if not exists leader (id integer primary key check (id = 1), pid integer not null, since text not null)');
            db.prepare('insert into leader (id, pid, since) values (1, ?, ?) on conflict (id) do update set pid = excluded.pid, since = excluded.since').run(process.pid, new Date().toISOString());
            db.exec('commit');
            this.#db = db;
            this.#warned = false;
            this.options.logger.info({ lock: this.name }, 'leadership taken');
            return Promise.resolve(true);
        }
        catch (err) {
            if (db?.inTransaction)
                db.exec('rollback');
            db?.close();
            if (!this.#warned) {
                this.#warned = true;
                this.options.logger.warn({ err, lock: this.name, file: this.options.file }, 'another process holds the leader lock on this DATA_DIR; embedded mode expects one process per DATA_DIR');
            }
            return Promise.resolve(false);
        }
    }
    release() {
        const db = this.#db;
        this.#db = null;
        if (db !== null) {
            db.close();
            this.options.logger.info({ lock: this.name }, 'leadership released');
        }
        return Promise.resolve();
    }
}
//# sourceMappingURL=sqlite-file-leader-lock.js.map