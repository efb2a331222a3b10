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
import type { ReplicaRecord, ReplicaRepository } from '../../ports/replica-repository.js';
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

interface Observation {
  /** `instance:beats` when last seen changing (or `absent`). */
  mark: string;
  since: number;
}

export class ReplicaRecovery {
  private readonly seen = new Map<string, Observation>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: ReplicaRecoveryDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.intervalMs);
    this.timer.unref?.();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.deps.leader.release();
  }

  /** One round (also called by tests): lead or stand by; when leading, recover the dead. */
  tick(): Promise<void> {
    this.ticking ??= this.round().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  private async round(): Promise<void> {
    if (this.stopped) return;
    if (!(await this.deps.leader.acquire())) {
      this.seen.clear();
      return;
    }
    try {
      const [replicas, active] = await Promise.all([this.deps.replicas.list(), this.deps.runs.listActive()]);
      const now = this.deps.clock.now();
      const byNode = new Map(replicas.map((r) => [r.nodeId, r]));
      for (const replica of replicas) {
        if (replica.nodeId === this.deps.selfNodeId || replica.state !== 'alive') continue;
        if (this.unchangedFor(replica.nodeId, `${replica.instance}:${replica.beats}`, now) < this.deps.deadAfterMs) continue;
        if (await this.deps.replicas.declareDead(replica.nodeId, replica.instance, replica.beats, this.deps.clock.isoNow())) {
          this.deps.logger.warn({ nodeId: replica.nodeId, lastBeatAt: replica.lastBeatAt }, 'replica declared dead: no heartbeat');
          byNode.set(replica.nodeId, { ...replica, state: 'dead' });
        }
      }
      const owners = new Set(active.flatMap((r) => (r.nodeId === null || r.nodeId === this.deps.selfNodeId ? [] : [r.nodeId])));
      for (const nodeId of owners) {
        if (this.stopped) return;
        if (this.ownerGone(byNode.get(nodeId), nodeId, now)) await this.recover(nodeId, byNode.get(nodeId));
      }
    } catch (err) {
      // Our own view of the store failed: judge nobody on readings taken before it.
      this.seen.clear();
      this.deps.logger.warn({ err }, 'replica recovery round failed');
    }
  }

  /** How long `mark` has been the same for this node (0 when it just changed). */
  private unchangedFor(nodeId: string, mark: string, now: number): number {
    const seen = this.seen.get(nodeId);
    if (seen?.mark !== mark) {
      this.seen.set(nodeId, { mark, since: now });
      return 0;
    }
    return now - seen.since;
  }

  private ownerGone(replica: ReplicaRecord | undefined, nodeId: string, now: number): boolean {
    if (replica === undefined) return this.unchangedFor(nodeId, 'absent', now) >= this.deps.deadAfterMs;
    return replica.state !== 'alive';
  }

  private async recover(nodeId: string, replica: ReplicaRecord | undefined): Promise<void> {
    const why =
      replica?.state === 'stopped'
        ? `Its replica ${nodeId} shut down while the run was active`
        : `Its replica ${nodeId} stopped sending heartbeats (declared dead); the run was recovered by ${this.deps.selfNodeId}`;
    const lost = await this.deps.reconcileNode(nodeId, why);
    if (lost.length === 0) return;
    this.deps.logger.warn({ nodeId, runs: lost.length }, 'recovered the runs of a dead replica');
    this.deps.onRecovered?.(nodeId, lost.length);
    await this.deps.settleLost?.(lost);
  }
}
