/** What the memory wiring of task runs reports to metrics; implemented by observability (Prometheus). */
/**
 * How the memories for a run's prompt were fetched:
 * `used` (some went into the prompt), `none` (nothing relevant), `failed` (error or timeout: the
 * run started without), `skipped` (the memory service failed recently: not asked; or disabled).
 */
export type MemoryRecallOutcome = 'used' | 'none' | 'failed' | 'skipped';
/**
 * What became of the memory written after a run:
 * `written`, `failed` (the service refused or could not be reached), `duplicate` (the run was
 * settled again and already has its memory), `skipped` (no memory for that outcome, or disabled).
 */
export type MemoryWriteOutcome = 'written' | 'failed' | 'duplicate' | 'skipped';
export interface MemoryRunMetrics {
    recall(outcome: MemoryRecallOutcome, seconds: number): void;
    write(outcome: MemoryWriteOutcome): void;
}
export declare const noopMemoryRunMetrics: MemoryRunMetrics;
