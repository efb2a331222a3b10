/**
 * Follows one run's output over the live feed (`run:<id>`) until its `exit` event: the stored
 * history first, then live. The last processed `seq` is kept, so a dropped connection resumes with
 * `afterSeq` — no line twice, none missed (run topics always resume from the store). Between
 * events, each heartbeat re-reads the run over REST: a run that ended without an `exit` event (a
 * lost process) ends the tail too.
 */
import { type Run, type RunEvent } from '@dash/shared';
import type { ApiClient } from './api-client.js';
export interface TailOptions {
    /** Each event, in seq order, exactly once. */
    onEvent: (event: RunEvent) => void;
    /** The connection state, for the progress line. */
    onStatus?: (status: 'connected' | 'reconnecting') => void;
}
/** Resolves with the run as stored once it has ended. */
export declare function tailRun(api: ApiClient, runId: string, options: TailOptions): Promise<Run>;
