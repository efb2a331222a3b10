/**
 * Recovery of dead replicas' runs, done by one replica at a time (the holder of the
 * `replica-recovery` LeaderLock; the others stand by and take over when it dies).
 *
 * Who is dead is judged by watching heartbeat counters, not by comparing clocks: the leader notes
 * each replica's beat count and when (by its own clock) it last changed; a replica whose count has
 * not moved for REPLICA_DEAD_AFTER is declared dead (a conditional write that fails if it beat
 * meanwhile). So clock skew between machines does not matter, and a leader that just took over, or
 * whose own store access failed, starts watching afresh rather than judging on stale readings
 * (a PostgreSQL outage stops every heartbeat; nobody is declared dead for it).
 *
 * Runs recorded as active on a replica that is dead, stopped, or absent from the table (for
 * REPLICA_DEAD_AFTER) are recovered with the same semantics as start-up reconciliation: an orphaned
 * agent process group on this machine is killed only when provably the run's (DASH_RUN_ID), the
 * run is marked `lost` (conditional: one recoverer wins), and its task is settled by its retry
 * policy (queued again, or failed when out of attempts).
 */
import type { Run } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { LeaderLock } from '../../ports/leader-lock.js';
import type { Logger } from '../../ports/logger.js';
import type { ReplicaRepository } from '../../ports/replica-repository.js';
import type { RunRepository } from '../../ports/run-repository.js';
export interface ReplicaRecoveryDeps {
    replicas: ReplicaRepository;
    runs: Pick<RunRepository, 'listActive'>;
    leader: LeaderLock;
    /** Marks the node's active runs lost (RunService.reconcile); returns the runs it marked. */
    reconcileNode: (nodeId: string, why: string) => Promise<Run[]>;
    /** Settles the tasks of runs just marked lost (the dispatcher; absent where none runs). */
    settleLost?: (runs: readonly Run[]) => Promise<void>;
    onRecovered?: (nodeId: string, runs: number) => void;
    clock: Clock;
    logger: Logger;
    selfNodeId: string;
    deadAfterMs: number;
    intervalMs: number;
}
export declare class ReplicaRecovery {
    private readonly deps;
    private readonly seen;
    private timer;
    private ticking;
    private stopped;
    constructor(deps: ReplicaRecoveryDeps);
    start(): void;
    stop(): Promise<void>;
    /** One round (also called by tests): lead or stand by; when leading, recover the dead. */
    tick(): Promise<void>;
    private round;
    /** How long `mark` has been the same for this node (0 when it just changed). */
    private unchangedFor;
    private ownerGone;
    private recover;
}
