/**
 * Sign-in throttling, per username and per client address: after `maxPerUser` failures for one
 * username (or `maxPerAddress` from one address) within `windowMs`, further attempts are refused
 * without checking the password until `lockMs` after the last failure. A success clears the
 * username's count (not the address's: one right password must not hide a spray).
 *
 * Kept in memory per replica (documented in docs/security.md): behind N replicas an attacker gets
 * at most N times the budget. Entries expire with the window, and the maps are capped.
 */
import type { Clock } from '../../ports/clock.js';
export interface LoginThrottleOptions {
    /** @default 5 */
    maxPerUser: number;
    /** @default 20 */
    maxPerAddress: number;
    /** Failures older than this are forgotten. @default 15 min */
    windowMs: number;
    /** How long a username or address stays locked after its last failure. @default 15 min */
    lockMs: number;
    /** Most keys tracked per map; the oldest are dropped beyond it. @default 100,000 */
    maxKeys: number;
}
export declare const defaultLoginThrottleOptions: LoginThrottleOptions;
export declare class LoginThrottle {
    private readonly clock;
    private readonly users;
    private readonly addresses;
    private readonly options;
    constructor(clock: Clock, options?: Partial<LoginThrottleOptions>);
    /** Milliseconds to wait before the next attempt may be checked, or 0 when it may go ahead. */
    retryAfterMs(username: string, address: string): number;
    failed(username: string, address: string): void;
    succeeded(username: string): void;
    private lockedFor;
    private current;
    private bump;
}
