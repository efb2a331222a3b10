import type { WriterBatch } from './sqlite-event-writer-protocol.js';
export type { WriterBatch } from './sqlite-event-writer-protocol.js';
export declare class SqliteEventWriter {
    #private;
    private constructor();
    /** Starts the worker and waits until its connection is open (the schema must already be migrated). */
    static open(file: string): Promise<SqliteEventWriter>;
    appendMany(batches: readonly WriterBatch[]): Promise<void>;
    /** Lets the writes already sent finish, then closes the worker's connection. Idempotent. */
    close(): Promise<void>;
}
