/**
 * Messages between SqliteEventWriter (main thread) and its worker. Everything here crosses a
 * structured clone, so errors travel as plain data and become AppErrors again on the main side.
 */
import type { RunEvent } from '@dash/shared';
export interface WorkerStart {
    file: string;
    busyTimeoutMs: number;
}
export interface WriterBatch {
    runId: string;
    events: readonly RunEvent[];
    bytes: number;
}
/** `code` is an AppError code (CONFLICT, RUN_NOT_FOUND), or null for a driver failure. */
export interface WriterError {
    code: 'CONFLICT' | 'RUN_NOT_FOUND' | null;
    message: string;
    details: Record<string, unknown>;
}
export type WorkerRequest = {
    kind: 'append';
    id: number;
    batches: readonly WriterBatch[];
} | {
    kind: 'close';
};
export type WorkerReply = {
    kind: 'ready';
} | {
    kind: 'done';
    id: number;
    error: WriterError | null;
} | {
    kind: 'closed';
};
