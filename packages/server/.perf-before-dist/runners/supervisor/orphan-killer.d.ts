/**
 * Killing the process group of a run left behind by an earlier server process. A pid recorded
 * before a crash may have been reused, so the group is only signalled when one of its live
 * members carries DASH_RUN_ID=<runId> in its environment (Linux /proc; elsewhere nothing is
 * killed, since ownership cannot be proven).
 */
import type { Logger } from '../../ports/logger.js';
export interface OrphanKillOptions {
    /** Between SIGTERM and SIGKILL, and after SIGKILL. */
    graceMs: number;
    pollMs: number;
    logger: Logger;
}
export declare function killOrphanGroup(runId: string, pgid: number, options: OrphanKillOptions): Promise<boolean>;
