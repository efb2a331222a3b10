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

export const defaultLoginThrottleOptions: LoginThrottleOptions = {
  maxPerUser: 5,
  maxPerAddress: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxKeys: 100_000,
};

interface Failures {
  count: number;
  first: number;
  last: number;
}

export class LoginThrottle {
  private readonly users = new Map<string, Failures>();
  private readonly addresses = new Map<string, Failures>();
  private readonly options: LoginThrottleOptions;

  constructor(
    private readonly clock: Clock,
    options: Partial<LoginThrottleOptions> = {},
  ) {
    this.options = { ...defaultLoginThrottleOptions, ...options };
  }

  /** Milliseconds to wait before the next attempt may be checked, or 0 when it may go ahead. */
  retryAfterMs(username: string, address: string): number {
    const now = this.clock.now();
    return Math.max(
      this.lockedFor(this.users, username, this.options.maxPerUser, now),
      this.lockedFor(this.addresses, address, this.options.maxPerAddress, now),
    );
  }

  failed(username: string, address: string): void {
    const now = this.clock.now();
    this.bump(this.users, username, now);
    this.bump(this.addresses, address, now);
  }

  succeeded(username: string): void {
    this.users.delete(username);
  }

  private lockedFor(map: Map<string, Failures>, key: string, max: number, now: number): number {
    const entry = this.current(map, key, now);
    if (entry === null || entry.count < max) return 0;
    return Math.max(0, entry.last + this.options.lockMs - now);
  }

  private current(map: Map<string, Failures>, key: string, now: number): Failures | null {
    const entry = map.get(key);
    if (entry === undefined) return null;
    // Forgotten once both the window and any lock it caused are over.
    if (now - entry.first > this.options.windowMs && now - entry.last > this.options.lockMs) {
      map.delete(key);
      return null;
    }
    return entry;
  }

  private bump(map: Map<string, Failures>, key: string, now: number): void {
    const entry = this.current(map, key, now);
    if (entry === null) {
      if (map.size >= this.options.maxKeys) {
        const oldest = map.keys().next();
        if (oldest.done !== true) map.delete(oldest.value);
      }
      map.set(key, { count: 1, first: now, last: now });
      return;
    }
    entry.count += 1;
    entry.last = now;
    // Re-insert so the map's order stays "least recently failed first" for eviction.
    map.delete(key);
    map.set(key, entry);
  }
}
