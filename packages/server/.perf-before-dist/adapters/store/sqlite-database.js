/**
 * Opens the embedded SQLite file (creating its folder) with the pragmas the store relies on:
 * WAL so readers never block the writer, NORMAL sync (durable at checkpoints, safe with WAL),
 * enforced foreign keys (event cascade), and a busy timeout instead of instant SQLITE_BUSY.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
export function openSqliteDatabase(file) {
    const inMemory = file === ':memory:';
    if (!inMemory)
        mkdirSync(dirname(resolve(file)), { recursive: true });
    const db = new Database(file);
    try {
        db.pragma('busy_timeout = 5000');
        if (!inMemory)
            db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        return db;
    }
    catch (err) {
        db.close();
        throw err;
    }
}
//# sourceMappingURL=sqlite-database.js.map