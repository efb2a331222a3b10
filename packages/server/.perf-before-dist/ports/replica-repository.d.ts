/**
 * The replicas of a deployment and their heartbeats (services/cluster). One row per NODE_ID; a
 * restarted replica takes its row over under a new `instance`. Every state change is a
 * conditional write, so concurrent writers (the replica itself, a recoverer) never both win.
 */
import type { ReplicaState } from '@dash/shared';
export interface ReplicaRecord {
    nodeId: string;
    role: string;
    instance: string;
    address: string | null;
    pid: number;
    startedAt: string;
    lastBeatAt: string;
    beats: number;
    state: ReplicaState;
    endedAt: string | null;
}
export interface NewReplica {
    nodeId: string;
    role: string;
    instance: string;
    address: string | null;
    pid: number;
    /** ISO 8601. */
    startedAt: string;
}
/**
 * What a heartbeat found: `ok`; `declared_dead` (a recoverer gave this replica up while it lived:
 * its runs may have been recovered elsewhere); `taken_over` (another process registered under the
 * same NODE_ID); `missing` (the row is gone).
 */
export type BeatResult = 'ok' | 'declared_dead' | 'taken_over' | 'missing';
export interface ReplicaRepository {
    /** Inserts the row or takes it over: state alive, beats 0, this instance. */
    register(replica: NewReplica): Promise<void>;
    /** beats + 1 and lastBeatAt = at, only while the row is this instance's and alive. */
    beat(nodeId: string, instance: string, at: string): Promise<BeatResult>;
    /** alive → stopped (a clean shutdown), only for this instance. */
    markStopped(nodeId: string, instance: string, at: string): Promise<void>;
    /**
     * alive → dead, only if the row is still `instance` with `beats` heartbeats (a replica that beat
     * since it was observed is spared). True when this call made the change.
     */
    declareDead(nodeId: string, instance: string, beats: number, at: string): Promise<boolean>;
    list(): Promise<ReplicaRecord[]>;
}
