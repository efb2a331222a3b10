/**
 * The arithmetic of sign-in failure counters (ports/login-attempts.ts), shared by the in-memory
 * adapter and the Redis adapter's reads. The Redis adapter's Lua script repeats `isForgotten` on
 * the server side (adapters/redis/redis-login-attempts.ts); keep the two in step.
 */
import type { LoginAttemptPolicy } from '../../ports/login-attempts.js';

/** One key's failures: how many, and the times (ms) of the first and the last. */
export interface Failures {
  count: number;
  first: number;
  last: number;
}

type Timing = Pick<LoginAttemptPolicy, 'windowMs' | 'lockMs'>;

/** Forgotten once both the window since the first failure and any lock since the last are over. */
export function isForgotten(entry: Failures, now: number, policy: Timing): boolean {
  return now - entry.first > policy.windowMs && now - entry.last > policy.lockMs;
}

/** Milliseconds of lock left for a key with `max` as its limit; 0 when it is not locked. */
export function lockLeftMs(entry: Failures | null, max: number, now: number, policy: Timing): number {
  if (entry === null || isForgotten(entry, now, policy) || entry.count < max) return 0;
  return Math.max(0, entry.last + policy.lockMs - now);
}
