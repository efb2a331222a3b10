/**
 * Sign-in throttling, per username and per client address: after `maxPerUser` failures for one
 * username (or `maxPerAddress` from one address) within `windowMs`, further attempts are refused
 * without checking the password until `lockMs` after the last failure. A success clears the
 * username's count (not the address's: one right password must not hide a spray). The limits are
 * the counters' policy (ports/login-attempts.ts).
 *
 * Where the counts live is the composition root's choice (app-auth.ts): this process's memory in
 * embedded mode; with REDIS_URL, Redis, shared by every replica, plus `local` counters in memory.
 *
 * When the shared counters fail (Redis unreachable or too slow), the throttle fails open to this
 * replica's own counters, not closed: every failure is also counted in `local`, and while the
 * shared counters fail, locks are read from there. Failing closed would turn a Redis outage (or
 * anyone able to cause one) into a sign-in outage for every user; ignoring the throttle would
 * remove it for the outage. Falling back keeps the embedded-mode guarantee (behind N replicas at
 * most N times the budget) until Redis answers again. It is logged once per outage (warn) and
 * once when Redis is back (info). Failures counted only locally during the outage are not copied
 * to Redis afterwards.
 */
import type { Clock } from '../../ports/clock.js';
import type { LoginAttempts } from '../../ports/login-attempts.js';
import type { Logger } from '../../ports/logger.js';

export interface LoginThrottleDeps {
  clock: Clock;
  /** The counters that decide: in-process (embedded mode) or shared by the replicas (Redis). */
  counters: LoginAttempts;
  /** In-process counters kept beside shared `counters` and used while those fail. */
  local?: LoginAttempts;
  logger: Logger;
}

export class LoginThrottle {
  private degraded = false;

  constructor(private readonly deps: LoginThrottleDeps) {}

  /** Milliseconds to wait before the next attempt may be checked, or 0 when it may go ahead. */
  retryAfterMs(username: string, address: string): Promise<number> {
    const now = this.deps.clock.now();
    return this.shared(
      (counters) => counters.lockedForMs(username, address, now),
      (local) => local.lockedForMs(username, address, now),
    );
  }

  async failed(username: string, address: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.local?.recordFailure(username, address, now);
    await this.shared(
      (counters) => counters.recordFailure(username, address, now),
      () => Promise.resolve(),
    );
  }

  async succeeded(username: string): Promise<void> {
    await this.deps.local?.clearUser(username);
    await this.shared(
      (counters) => counters.clearUser(username),
      () => Promise.resolve(),
    );
  }

  /** Runs `op` on the counters; with `local` counters, an error runs `fallback` on them instead. */
  private async shared<T>(op: (counters: LoginAttempts) => Promise<T>, fallback: (local: LoginAttempts) => Promise<T>): Promise<T> {
    const local = this.deps.local;
    if (local === undefined) return op(this.deps.counters);
    let result: T;
    try {
      result = await op(this.deps.counters);
    } catch (err) {
      if (!this.degraded) {
        this.degraded = true;
        this.deps.logger.warn(
          { err: err instanceof Error ? err.message : String(err) },
          "sign-in throttle: shared counters unavailable, using this replica's own counters until they answer",
        );
      }
      return fallback(local);
    }
    if (this.degraded) {
      this.degraded = false;
      this.deps.logger.info({}, 'sign-in throttle: shared counters answer again');
    }
    return result;
  }
}
