/**
 * Request rate limits by route class and client address, in fixed one-minute windows kept in
 * memory per replica: `auth` (sign-in and setup) is strict, `write` (every other non-GET) moderate,
 * `read` loose. Probes are never limited. Over the limit: 429 RATE_LIMITED with `retry-after`.
 * Behind N replicas a client gets at most N times the budget (documented in docs/security.md).
 */
import type { RateClass } from './access-types.js';

export interface RateLimits {
  /** Requests per minute per address. 0 = unlimited. */
  auth: number;
  write: number;
  read: number;
}

export const defaultRateLimits: RateLimits = { auth: 20, write: 600, read: 3000 };

const WINDOW_MS = 60_000;
/** Most addresses tracked per window (a flood of spoofed addresses cannot grow memory). */
const MAX_KEYS = 200_000;

export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts the request; returns seconds to wait when it is over the limit, else 0. */
  hit(rateClass: RateClass, address: string): number {
    if (rateClass === 'none') return 0;
    const limit = this.limits[rateClass];
    if (limit <= 0) return 0;
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now - (now % WINDOW_MS);
      this.counts = new Map();
    }
    const key = `${rateClass} ${address}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    if (this.counts.size < MAX_KEYS || this.counts.has(key)) this.counts.set(key, count);
    if (count <= limit) return 0;
    return Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
  }
}
