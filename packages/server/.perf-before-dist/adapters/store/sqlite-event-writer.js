/**
 * Event-log appends for the embedded SQLite store, done on a worker thread with its own connection
 * to the same WAL file. better-sqlite3 is synchronous: on the main thread every group commit would
 * stall the event loop that also reads the agents' output. Requests are handled one at a time in
 * the order they were sent, so appends to one run keep their order; a resolved append is committed
 * and visible to the main connection's next read.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/app-error.js';
/** Same wait as the main connection (sqlite-database.ts) before a locked database is an error. */
const BUSY_TIMEOUT_MS = 5000;
export class SqliteEventWriter {
    #worker;
    #pending = new Map();
    #nextId = 1;
    #failure = null;
    #closing = null;
    constructor(worker) {
        this.#worker = worker;
        worker.on('message', (reply) => {
            if (reply.kind === 'done')
                this.#settle(reply.id, reply.error);
        });
        worker.on('error', (err) => this.#fail(err));
        worker.on('exit', (code) => this.#fail(new Error(`SQLite event writer exited with code ${code}`)));
        worker.unref();
    }
    /** Starts the worker and waits until its connection is open (the schema must already be migrated). */
    static async open(file) {
        const worker = startWorker({ file, busyTimeoutMs: BUSY_TIMEOUT_MS });
        await new Promise((resolve, reject) => {
            const onError = (err) => {
                worker.off('exit', onExit);
                reject(err);
            };
            const onExit = (code) => {
                worker.off('error', onError);
                reject(new Error(`SQLite event writer exited with code ${code} while starting`));
            };
            worker.once('error', onError);
            worker.once('exit', onExit);
            worker.once('message', () => {
                worker.off('error', onError);
                worker.off('exit', onExit);
                resolve();
            });
        });
        return new SqliteEventWriter(worker);
    }
    appendMany(batches) {
        if (this.#closing)
            return Promise.reject(new AppError('STORE_UNAVAILABLE', { message: 'The store is closed' }));
        if (this.#failure)
            return Promise.reject(unavailable(this.#failure));
        const id = this.#nextId++;
        return new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve, reject });
            // Keep the process alive while a write is in flight, and only then.
            if (this.#pending.size === 1)
                this.#worker.ref();
            this.#worker.postMessage({ kind: 'append', id, batches });
        });
    }
    /** Lets the writes already sent finish, then closes the worker's connection. Idempotent. */
    close() {
        this.#closing ??= this.#close();
        return this.#closing;
    }
    async #close() {
        if (this.#failure) {
            await this.#worker.terminate();
            return;
        }
        this.#worker.ref();
        // Requests are handled in order, so 'close' runs after every append sent before it.
        const exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
        this.#worker.postMessage({ kind: 'close' });
        await exited;
    }
    #settle(id, error) {
        const pending = this.#pending.get(id);
        if (!pending)
            return;
        this.#pending.delete(id);
        if (this.#pending.size === 0)
            this.#worker.unref();
        if (error === null)
            pending.resolve();
        else
            pending.reject(toAppError(error));
    }
    #fail(err) {
        // A clean exit after 'close' has nothing pending; anything else fails the writes in flight.
        this.#failure ??= err;
        const failed = [...this.#pending.values()];
        this.#pending.clear();
        for (const pending of failed)
            pending.reject(unavailable(err));
    }
}
function toAppError(error) {
    if (error.code !== null)
        return new AppError(error.code, { message: error.message, details: error.details });
    // A driver failure (disk full, database locked past the busy timeout): same as a failed write on the main connection.
    return Object.assign(new Error(error.message), { code: error.details.driverCode ?? undefined });
}
const unavailable = (cause) => new AppError('STORE_UNAVAILABLE', { message: `SQLite event writer failed: ${cause.message}`, cause });
/**
 * The compiled worker next to this module (dist), or, when running from source (tsx, vitest), the
 * .ts file loaded through tsx's API: `--import tsx` in a worker's execArgv does not apply to its
 * entry file on Node 20, so a small bootstrap registers tsx first and then imports the source.
 */
function startWorker(workerData) {
    const compiled = new URL('./sqlite-event-writer-worker.js', import.meta.url);
    if (existsSync(fileURLToPath(compiled)))
        return new Worker(compiled, { workerData });
    const source = new URL('./sqlite-event-writer-worker.ts', import.meta.url).href;
    // require.resolve picks the CommonJS build; its ES module twin sits next to it.
    const tsxApi = new URL('./index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api'))).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
    return new Worker(bootstrap, { eval: true, workerData });
}
//# sourceMappingURL=sqlite-event-writer.js.map