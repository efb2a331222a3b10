/**
 * Capped exponential backoff: `baseMs · 2^(attempt-1)`, never above `maxMs`.
 * Deterministic on purpose: a dashboard has a handful of browser tabs per server, so there is no
 * thundering herd for jitter to spread out, and fixed delays make the countdown in the UI exact.
 */
export interface BackoffOptions {
  /** Delay before the first retry. @default 1000 ms */
  baseMs?: number;
  /** Upper bound for any delay. @default 30_000 ms */
  maxMs?: number;
}

/** @param attempt 1 for the first retry after a failure. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 30_000;
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  return Math.min(maxMs, baseMs * 2 ** Math.min(exponent, 30));
}
