/**
 * Persistence of a run's event log: every normalized event, in order, with its per-run sequence
 * number. Appends are atomic per batch and keep the run's counters (eventCount, eventBytes,
 * lastEventAt) in step within the same transaction.
 */
import type { RunEvent } from '@dash/shared';
export interface RunEventRepository {
    /**
     * Appends a batch. `events` belong to `runId`, are ordered and their `seq` continues the stored
     * sequence without a gap (first seq = lastSeq + 1); otherwise nothing is written and an error is
     * thrown. `bytes` is the serialized size of the batch, added to the run's eventBytes.
     */
    append(runId: string, events: readonly RunEvent[], bytes: number): Promise<void>;
    /**
     * Appends batches of several runs in one transaction (group commit): all are written or none.
     * Each batch follows the rules of `append`.
     */
    appendMany(batches: readonly {
        runId: string;
        events: readonly RunEvent[];
        bytes: number;
    }[]): Promise<void>;
    /** Events with seq > afterSeq (0 = from the start), ascending, at most `limit`. */
    page(runId: string, options: {
        afterSeq: number;
        limit: number;
    }): Promise<RunEvent[]>;
    /** Highest stored seq, 0 when none. */
    lastSeq(runId: string): Promise<number>;
}
