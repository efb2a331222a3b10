/**
 * This replica's heartbeat in the store (the `replicas` table): registered at start, a beat every
 * REPLICA_HEARTBEAT_INTERVAL, `stopped` on a clean shutdown. Other replicas read the beats to tell
 * who is alive (replica-recovery.ts).
 *
 * Fencing: a replica that was given up while it still lived (cut off from the store for longer
 * than REPLICA_DEAD_AFTER, or frozen) finds out at its next beat. Its runs that were recovered
 * elsewhere meanwhile (the store records them as ended, but their process still runs here) are
 * abandoned: the process is killed and nothing more is written for them, so a task never keeps
 * two agents. The check runs at every beat, so it also covers a recovery that landed after the
 * replica registered again.
 *
 * A failed beat is logged (once per outage) and retried at the next interval; it never stops the
 * replica.
 */
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { NewReplica, ReplicaRepository } from '../../ports/replica-repository.js';
import type { RunRepository } from '../../ports/run-repository.js';
export interface LocalRuns {
    /** Ids of the runs whose agent process lives in this process. */
    liveRunIds(): string[];
    /** Kills a run's process and writes nothing more for it (it was settled elsewhere); false when it had ended already. */
    abandon(runId: string): Promise<boolean>;
}
export interface ReplicaHeartbeatDeps {
    replicas: ReplicaRepository;
    runs: Pick<RunRepository, 'listActive'>;
    local: LocalRuns;
    clock: Clock;
    logger: Logger;
    /** This process (startedAt is taken at start()). */
    self: Omit<NewReplica, 'startedAt'>;
    intervalMs: number;
}
export declare class ReplicaHeartbeat {
    private readonly deps;
    private timer;
    private beating;
    private failing;
    private lastProblem;
    constructor(deps: ReplicaHeartbeatDeps);
    start(): Promise<void>;
    stop(): Promise<void>;
    /** One heartbeat and fencing check (also called by tests). */
    beat(): Promise<void>;
    private register;
    private beatOnce;
    private onProblem;
    /** Runs still live here whose stored run has ended (recovered elsewhere) are abandoned. */
    private fence;
}
