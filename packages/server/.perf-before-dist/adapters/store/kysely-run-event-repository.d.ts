/**
 * RunEventRepository over Kysely. An append (or a group of appends for several runs) is one
 * transaction; for each run it first bumps the run's counters
 * (which also locks the run row on PostgreSQL, so concurrent appends to one run queue up), then
 * checks the batch continues the stored sequence, then inserts in chunks. Any failure rolls the
 * whole batch back, counters included.
 */
import type { Kysely } from 'kysely';
import type { RunEvent } from '@dash/shared';
import type { RunEventRepository } from '../../ports/run-event-repository.js';
import type { StoreDatabase } from './schema.js';
type AppendBatch = {
    runId: string;
    events: readonly RunEvent[];
    bytes: number;
};
/**
 * Performs validated appends elsewhere with the same rules and errors (SqliteEventWriter: on a
 * worker thread's connection). Reads stay on `db`.
 */
export interface RunEventWriter {
    appendMany(batches: readonly AppendBatch[]): Promise<void>;
}
export declare class KyselyRunEventRepository implements RunEventRepository {
    private readonly db;
    private readonly writer;
    constructor(db: Kysely<StoreDatabase>, writer?: RunEventWriter | null);
    append(runId: string, events: readonly RunEvent[], bytes: number): Promise<void>;
    appendMany(batches: readonly AppendBatch[]): Promise<void>;
    page(runId: string, options: {
        afterSeq: number;
        limit: number;
    }): Promise<RunEvent[]>;
    lastSeq(runId: string): Promise<number>;
}
export {};
