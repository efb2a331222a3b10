/**
 * Leadership for work that one process of a deployment must do alone (scheduled jobs such as the
 * memory cleanup). One lock per name; at most one holder across every process on the same store.
 *
 * A holder keeps leadership until it releases it or its process (or its connection to the lock)
 * dies: then the lock frees itself, and the next `acquire()` anywhere may take it. There is no
 * expiry to renew; losing the connection is losing leadership, noticed by the next `acquire()`.
 */
export interface LeaderLock {
    readonly name: string;
    /**
     * Keeps leadership, or takes it when free: true while this process leads. Non-blocking. An
     * unreachable lock backend counts as not leading (false); it never throws.
     */
    acquire(): Promise<boolean>;
    /** What the last acquire() found (no round trip). */
    readonly isLeader: boolean;
    /** Gives leadership up and closes what the lock held open. acquire() may take it again later. */
    release(): Promise<void>;
}
