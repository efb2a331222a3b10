/**
 * The bridge's periodic work, done by one process of a deployment (the holder of the `bridge`
 * leader lock; every process when there is no lock):
 *  - every ALERT_EVAL_INTERVAL: evaluate the alert rules, close input requests nobody waits for,
 *    purge stale run tokens;
 *  - every second (and at once when a delivery is queued): send the webhooks that are due.
 * Passes never overlap; a failing pass is logged and the next one comes as scheduled.
 */
import type { LeaderLock } from '../../../ports/leader-lock.js';
import type { Logger } from '../../../ports/logger.js';

export interface BridgeLoopDeps {
  evaluate: () => Promise<unknown>;
  deliver: () => Promise<unknown>;
  housekeeping: () => Promise<unknown>;
  leader: LeaderLock | null;
  logger: Logger;
  evaluateEveryMs: number;
  /** @default 1_000 */
  deliverEveryMs?: number;
}

export class BridgeLoop {
  private timers: NodeJS.Timeout[] = [];
  private evaluating: Promise<void> | null = null;
  private delivering: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: BridgeLoopDeps) {}

  start(): void {
    this.stopped = false;
    this.timers.push(setInterval(() => void this.evaluateNow(), this.deps.evaluateEveryMs));
    this.timers.push(setInterval(() => void this.deliverNow(), this.deps.deliverEveryMs ?? 1_000));
    for (const t of this.timers) t.unref?.();
    void this.evaluateNow();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([this.evaluating, this.delivering]);
    await this.deps.leader?.release();
  }

  /** One evaluation pass (skipped when one is running or this process does not lead). */
  evaluateNow(): Promise<void> {
    this.evaluating ??= this.guarded('alert evaluation', async () => {
      await this.deps.evaluate();
      await this.deps.housekeeping();
    }).finally(() => (this.evaluating = null));
    return this.evaluating;
  }

  deliverNow(): Promise<void> {
    this.delivering ??= this.guarded('webhook delivery', () => this.deps.deliver()).finally(() => (this.delivering = null));
    return this.delivering;
  }

  private async guarded(what: string, work: () => Promise<unknown>): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.deps.leader !== null && !(await this.deps.leader.acquire())) return;
      await work();
    } catch (err) {
      this.deps.logger.error({ err }, `${what} failed`);
    }
  }
}
