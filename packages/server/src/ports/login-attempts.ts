/**
 * Counters of failed sign-ins, per username and per client address, for the sign-in throttle
 * (services/auth/login-throttle.ts). Adapters: this process's memory (embedded mode) and Redis
 * (REDIS_URL), which every replica of a deployment shares.
 *
 * Semantics, the same for every adapter (test/contracts/login-attempts.contract.ts):
 * - A key's failures are counted from its first failure; they are forgotten once both `windowMs`
 *   since the first and `lockMs` since the last have passed (domain/auth/login-failures.ts).
 * - A key with at least its limit of failures (`maxPerUser`, `maxPerAddress`) is locked until
 *   `lockMs` after its last failure.
 * - Concurrent failures, from this process or from other replicas on the same backend, are all
 *   counted (none is lost to a read-modify-write race).
 * - `now` is the caller's clock (ms since the epoch), so replicas must keep their clocks in sync
 *   (NTP); a skew of seconds only moves a 15-minute lock by as much.
 *
 * Keys are the raw username and address: adapters bound their size themselves. Every operation
 * may reject when the backend is unreachable; the throttle decides what that means.
 */

export interface LoginAttemptPolicy {
  /** Failures for one username that lock it. @default 5 */
  maxPerUser: number;
  /** Failures from one address (any usernames) that lock it. @default 20 */
  maxPerAddress: number;
  /** Failures older than this are forgotten (unless a lock they caused still runs). @default 15 min */
  windowMs: number;
  /** How long a username or address stays locked after its last failure. @default 15 min */
  lockMs: number;
}

export const defaultLoginAttemptPolicy: LoginAttemptPolicy = {
  maxPerUser: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export interface LoginAttempts {
  /** Counts one failure for the username and one for the address, at `now`. */
  recordFailure(username: string, address: string, now: number): Promise<void>;
  /** Milliseconds until neither the username nor the address is locked; 0 when neither is. */
  lockedForMs(username: string, address: string, now: number): Promise<number>;
  /** Forgets the username's failures (a successful sign-in); the address keeps its count. */
  clearUser(username: string): Promise<void>;
}
