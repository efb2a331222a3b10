/**
 * What a due schedule does now (pure). A fire is on time while it is at most `graceMs` late;
 * later than that it was missed (no replica ran the schedules: downtime, a long leader
 * hand-over). Missed fires follow the schedule's policy:
 *  - `skip`: none of them runs; the schedule waits for its next fire after now;
 *  - `run_once`: one fire runs now (however many were missed), then the next fire after now.
 * An on-time fire runs, and the next fire is the first after now (so a fire is never run twice
 * and a slow check never piles fires up).
 */
import type { MissedRunPolicy } from '@dash/shared';
export interface DueDecision {
    /** Start the target now. */
    run: boolean;
    /** The fire was missed (for the record). */
    missed: boolean;
    /** The next fire (epoch ms) or null when the expression never fires again. */
    nextMs: number | null;
}
export declare function decideDue(dueMs: number, nowMs: number, graceMs: number, policy: MissedRunPolicy, nextAfter: (ms: number) => number | null): DueDecision;
