/**
 * Self-fencing: a replica that has not renewed its heartbeat for `fenceAfterMs` stops its agents,
 * claims no work and reports itself not ready, before any other replica may declare it dead and
 * recover its runs (replica-recovery.ts). Without it, a replica cut off from PostgreSQL (or unable
 * to write its heartbeat) keeps running agents whose tasks are retried elsewhere: two agents on
 * one task.
 *
 * Timing (fenceAfter below): the recovery leader declares a replica dead once its beat counter has
 * not moved for REPLICA_DEAD_AFTER, counted from when the leader first saw the last value, which
 * is after the beat was written, which is after this replica sent it. So counting from the send
 * of the last beat that came back, the earliest declaration is REPLICA_DEAD_AFTER away. The fence
 * comes one heartbeat interval (timer and event-loop slack) plus the whole stop escalation
 * (SIGINT, SIGTERM, each AGENT_STOP_GRACE, then SIGKILL) before that, so even an agent that
 * ignores both signals is gone in time. Should that leave less than half of REPLICA_DEAD_AFTER
 * (a stop grace long next to it), half is used and the start-up log warns.
 *
 * Lifting: a beat that comes back `ok` (or a registration after this replica was declared dead)
 * renews the heartbeat as of its send time. Sent within the fence window, it lifts the fence: the
 * replica is ready and claims work again, and the runs the fence stopped are settled — by this
 * replica when nobody declared it dead (`here`), else as already recovered (`elsewhere`: their
 * logs belong to the recoverer and only a conditional end is written, so one side settles each
 * task). A renewal that took so long that it is stale does not lift the fence; the next beat may.
 */
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { FencedRunOwner } from '../runs/run-service.js';

export type { FencedRunOwner };

export interface FenceTarget {
  /** Stops every agent here and refuses new runs; resolves once their processes are gone, with how many were stopped. */
  fence(why: string): Promise<number>;
  /** Accepts runs again and settles the ones the fence stopped. */
  unfence(owner: FencedRunOwner): Promise<void>;
}

export interface ReplicaFenceDeps {
  target: FenceTarget;
  clock: Clock;
  logger: Logger;
  /** See fenceAfter(). */
  fenceAfterMs: number;
  /** The fence went up (with why) or down (null): readiness, metrics. */
  onChange?: (why: string | null) => void;
}

/** When to fence, from REPLICA_DEAD_AFTER, REPLICA_HEARTBEAT_INTERVAL and AGENT_STOP_GRACE (see the file comment). */
export function fenceAfter(o: { deadAfterMs: number; heartbeatMs: number; stopGraceMs: number }): { ms: number; stopFits: boolean } {
  const wanted = o.deadAfterMs - o.heartbeatMs - 2 * o.stopGraceMs;
  const half = Math.ceil(o.deadAfterMs / 2);
  return wanted >= half ? { ms: wanted, stopFits: true } : { ms: half, stopFits: false };
}

type Mode = 'open' | 'fenced' | 'lifting';

export class ReplicaFence {
  private mode: Mode = 'open';
  private why: string | null = null;
  /** Send time (this clock) of the latest beat or registration that came back; null before the first. */
  private renewedAt: number | null = null;
  /** Declared dead (or its row gone) while fenced: the stopped runs belong to the recoverer. */
  private givenUp = false;
  private timer: NodeJS.Timeout | null = null;
  /** Fencing and lifting, one after the other. */
  private work: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: ReplicaFenceDeps) {}

  /** Why this replica is fenced (also while the fence is being lifted); null when it is not. */
  get reason(): string | null {
    return this.mode === 'open' ? null : this.why;
  }

  /**
   * A beat sent at `sentAt` (this clock) came back `ok` (`here`), or this replica registered again
   * after it was declared dead or its row vanished (`elsewhere`). Never waits for the lifting.
   */
  renewed(sentAt: number, owner: FencedRunOwner): void {
    if (this.stopped) return;
    this.renewedAt = this.renewedAt === null ? sentAt : Math.max(this.renewedAt, sentAt);
    if (this.mode === 'open') {
      this.arm();
      return;
    }
    if (owner === 'elsewhere') this.givenUp = true;
    if (this.mode === 'fenced' && this.fresh()) {
      this.mode = 'lifting';
      this.work = this.work.then(() => this.lift()).catch((err: unknown) => this.deps.logger.error({ err }, 'lifting the fence failed'));
    }
  }

  /** Checks the time since the last renewal; fences when it is too long (the watchdog timer calls it). */
  check(): void {
    this.clearTimer();
    if (this.stopped || this.renewedAt === null || this.mode !== 'open') return;
    const silentMs = this.deps.clock.now() - this.renewedAt;
    if (silentMs < this.deps.fenceAfterMs) {
      this.arm();
      return;
    }
    this.mode = 'fenced';
    this.givenUp = false;
    const why = `heartbeat not renewed for ${seconds(silentMs)}`;
    this.why = why;
    this.deps.logger.error(
      { silentMs, fenceAfterMs: this.deps.fenceAfterMs },
      'replica fenced itself: heartbeat not renewed; stopping its agents, claiming no work and not ready until it is renewed',
    );
    this.deps.onChange?.(why);
    this.work = this.work
      .then(async () => {
        const stopped = await this.deps.target.fence(why);
        this.deps.logger.warn({ stopped }, 'fenced: agents of this replica stopped');
      })
      .catch((err: unknown) => this.deps.logger.error({ err }, 'stopping agents for the fence failed'));
  }

  /** Stops watching; waits for fencing or lifting in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.work;
  }

  /** Whether the latest renewal still falls inside the fence window. */
  private fresh(): boolean {
    return this.renewedAt !== null && this.deps.clock.now() - this.renewedAt < this.deps.fenceAfterMs;
  }

  private async lift(): Promise<void> {
    // The renewal may have gone stale while the agents were still being stopped.
    if (!this.fresh() || this.stopped) {
      this.mode = 'fenced';
      return;
    }
    const owner: FencedRunOwner = this.givenUp ? 'elsewhere' : 'here';
    this.givenUp = false;
    // The target accepts runs again before its first await, so readiness and claims follow it.
    const settled = this.deps.target.unfence(owner);
    this.mode = 'open';
    this.why = null;
    this.deps.logger.warn(
      { owner },
      owner === 'here'
        ? 'replica heartbeat renewed: fence lifted; the runs it stopped are recorded lost here and their tasks settled by their retry policy'
        : 'replica heartbeat renewed: fence lifted; this replica had been declared dead, its stopped runs were recovered elsewhere',
    );
    this.deps.onChange?.(null);
    this.arm();
    await settled;
  }

  private arm(): void {
    this.clearTimer();
    if (this.stopped || this.renewedAt === null || this.mode !== 'open') return;
    const dueInMs = Math.max(0, this.renewedAt + this.deps.fenceAfterMs - this.deps.clock.now());
    this.timer = setTimeout(() => this.check(), dueInMs);
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
