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
 * Self-fencing (replica-fence.ts) closes the window before that: every beat that comes back `ok`,
 * and every registration, is reported to `renewed` with the time it was sent; a replica whose
 * heartbeat goes unrenewed for too long stops its agents itself, before anyone may declare it dead.
 *
 * A failed beat is logged (once per outage) and retried at the next interval; it never stops the
 * replica.
 */
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { BeatResult, NewReplica, ReplicaRepository } from '../../ports/replica-repository.js';
import type { RunRepository } from '../../ports/run-repository.js';
import type { FencedRunOwner } from './replica-fence.js';

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
  /**
   * The heartbeat was renewed by a write sent at `sentAt` (this clock): a beat that came back `ok`
   * (`here`), or a registration (at start: `here`; after being declared dead or losing the row:
   * `elsewhere`, its runs may have been recovered). Must not throw or wait.
   */
  renewed?: (sentAt: number, owner: FencedRunOwner) => void;
}

export class ReplicaHeartbeat {
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private failing = false;
  private lastProblem: BeatResult | null = null;

  constructor(private readonly deps: ReplicaHeartbeatDeps) {}

  async start(): Promise<void> {
    await this.register('here');
    this.timer = setInterval(() => void this.beat(), this.deps.intervalMs);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.beating;
    const { nodeId, instance } = this.deps.self;
    await this.deps.replicas.markStopped(nodeId, instance, this.deps.clock.isoNow()).catch((err: unknown) => {
      this.deps.logger.warn({ err }, 'could not record this replica as stopped');
    });
  }

  /** One heartbeat and fencing check (also called by tests). */
  beat(): Promise<void> {
    this.beating ??= this.beatOnce().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  private async register(owner: FencedRunOwner): Promise<void> {
    const sentAt = this.deps.clock.now();
    await this.deps.replicas.register({ ...this.deps.self, startedAt: this.deps.clock.isoNow() });
    this.deps.renewed?.(sentAt, owner);
  }

  private async beatOnce(): Promise<void> {
    const { nodeId, instance } = this.deps.self;
    try {
      const sentAt = this.deps.clock.now();
      const result = await this.deps.replicas.beat(nodeId, instance, this.deps.clock.isoNow());
      if (this.failing) this.deps.logger.info({}, 'replica heartbeat restored');
      this.failing = false;
      if (result !== 'ok') await this.onProblem(result);
      else {
        this.lastProblem = null;
        this.deps.renewed?.(sentAt, 'here');
      }
      await this.fence();
    } catch (err) {
      if (!this.failing) this.deps.logger.warn({ err }, 'replica heartbeat failed; retrying');
      this.failing = true;
    }
  }

  private async onProblem(result: Exclude<BeatResult, 'ok'>): Promise<void> {
    if (result === 'taken_over') {
      // Two live processes with one NODE_ID: each would reconcile the other's runs. Say so loudly;
      // taking the row back would only make them fight over it.
      if (this.lastProblem !== result) {
        this.deps.logger.error({ nodeId: this.deps.self.nodeId }, 'another process registered with this NODE_ID; NODE_ID must be unique per replica');
      }
      this.lastProblem = result;
      return;
    }
    this.deps.logger.error(
      { nodeId: this.deps.self.nodeId, found: result },
      result === 'declared_dead'
        ? 'this replica was declared dead by another replica (heartbeats missed); registering again, runs recovered elsewhere are abandoned'
        : 'this replica has no heartbeat row; registering again',
    );
    this.lastProblem = result;
    await this.register('elsewhere');
  }

  /** Runs still live here whose stored run has ended (recovered elsewhere) are abandoned. */
  private async fence(): Promise<void> {
    const live = this.deps.local.liveRunIds();
    if (live.length === 0) return;
    const active = new Set((await this.deps.runs.listActive(this.deps.self.nodeId)).map((r) => r.id));
    for (const runId of live) {
      // Not active in the store: ended here a moment ago (then abandon finds no process), or recovered elsewhere.
      if (active.has(runId) || !(await this.deps.local.abandon(runId))) continue;
      this.deps.logger.error({ runId }, 'run was recovered by another replica while its agent still ran here; its agent was killed');
    }
  }
}
