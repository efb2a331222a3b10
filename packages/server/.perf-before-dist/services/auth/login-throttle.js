export const defaultLoginThrottleOptions = {
    maxPerUser: 5,
    maxPerAddress: 20,
    windowMs: 15 * 60_000,
    lockMs: 15 * 60_000,
    maxKeys: 100_000,
};
export class LoginThrottle {
    clock;
    users = new Map();
    addresses = new Map();
    options;
    constructor(clock, options = {}) {
        this.clock = clock;
        this.options = { ...defaultLoginThrottleOptions, ...options };
    }
    /** Milliseconds to wait before the next attempt may be checked, or 0 when it may go ahead. */
    retryAfterMs(username, address) {
        const now = this.clock.now();
        return Math.max(this.lockedFor(this.users, username, this.options.maxPerUser, now), this.lockedFor(this.addresses, address, this.options.maxPerAddress, now));
    }
    failed(username, address) {
        const now = this.clock.now();
        this.bump(this.users, username, now);
        this.bump(this.addresses, address, now);
    }
    succeeded(username) {
        this.users.delete(username);
    }
    lockedFor(map, key, max, now) {
        const entry = this.current(map, key, now);
        if (entry === null || entry.count < max)
            return 0;
        return Math.max(0, entry.last + this.options.lockMs - now);
    }
    current(map, key, now) {
        const entry = map.get(key);
        if (entry === undefined)
            return null;
        // Forgotten once both the window and any lock it caused are over.
        if (now - entry.first > this.options.windowMs && now - entry.last > this.options.lockMs) {
            map.delete(key);
            return null;
        }
        return entry;
    }
    bump(map, key, now) {
        const entry = this.current(map, key, now);
        if (entry === null) {
            if (map.size >= this.options.maxKeys) {
                const oldest = map.keys().next();
                if (oldest.done !== true)
                    map.delete(oldest.value);
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
//# sourceMappingURL=login-throttle.js.map