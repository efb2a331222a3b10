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
export declare const defaultRateLimits: RateLimits;
export declare class RateLimiter {
    private readonly limits;
    private readonly now;
    private windowStart;
    private counts;
    constructor(limits: RateLimits, now?: () => number);
    /** Counts the request; returns seconds to wait when it is over the limit, else 0. */
    hit(rateClass: RateClass, address: string): number;
}
