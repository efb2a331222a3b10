/**
 * Sign-in failure counters in this process's memory (ports/login-attempts.ts): the store in
 * embedded mode, and with REDIS_URL the fallback the throttle uses while Redis is unreachable.
 * Per process: behind N replicas each keeps its own counts. Entries are forgotten with the window
 * (and any lock), and each map is capped at `maxKeys`, dropping the least recently failed first.
 */
import { isForgotten, lockLeftMs, type Failures } from '../../domain/auth/login-failures.js';
import { defaultLoginAttemptPolicy, type LoginAttemptPolicy, type LoginAttempts } from '../../ports/login-attempts.js';

export interface InMemoryLoginAttemptsOptions extends LoginAttemptPolicy {
  /** Most keys tracked per map; the least recently failed are dropped beyond it. @default 100,000 */
  maxKeys: number;
}

export const DEFAULT_MAX_KEYS = 100_000;

export class InMemoryLoginAttempts implements LoginAttempts {
  private readonly users = new Map<string, Failures>();
  private readonly addresses = new Map<string, Failures>();
  private readonly options: InMemoryLoginAttemptsOptions;

  constructor(options: Partial<InMemoryLoginAttemptsOptions> = {}) {
    this.options = { ...defaultLoginAttemptPolicy, maxKeys: DEFAULT_MAX_KEYS, ...options };
  }

  recordFailure(username: string, address: string, now: number): Promise<void> {
    this.bump(this.users, username, now);
    this.bump(this.addresses, address, now);
    return Promise.resolve();
  }

  lockedForMs(username: string, address: string, now: number): Promise<number> {
    return Promise.resolve(
      Math.max(
        lockLeftMs(this.current(this.users, username, now), this.options.maxPerUser, now, this.options),
        lockLeftMs(this.current(this.addresses, address, now), this.options.maxPerAddress, now, this.options),
      ),
    );
  }

  clearUser(username: string): Promise<void> {
    this.users.delete(username);
    return Promise.resolve();
  }

  private current(map: Map<string, Failures>, key: string, now: number): Failures | null {
    const entry = map.get(key);
    if (entry === undefined) return null;
    if (isForgotten(entry, now, this.options)) {
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
    entry.last = Math.max(entry.last, now);
    // Re-insert so the map's order stays "least recently failed first" for eviction.
    map.delete(key);
    map.set(key, entry);
  }
}
