export const defaultRateLimits = { auth: 20, write: 600, read: 3000 };
const WINDOW_MS = 60_000;
/** Most addresses tracked per window (a flood of spoofed addresses cannot grow memory). */
const MAX_KEYS = 200_000;
export class RateLimiter {
    limits;
    now;
    windowStart = 0;
    counts = new Map();
    constructor(limits, now = Date.now) {
        this.limits = limits;
        this.now = now;
    }
    /** Counts the request; returns seconds to wait when it is over the limit, else 0. */
    hit(rateClass, address) {
        if (rateClass === 'none')
            return 0;
        const limit = this.limits[rateClass];
        if (limit <= 0)
            return 0;
        const now = this.now();
        if (now - this.windowStart >= WINDOW_MS) {
            this.windowStart = now - (now % WINDOW_MS);
            this.counts = new Map();
        }
        const key = `${rateClass} ${address}`;
        const count = (this.counts.get(key) ?? 0) + 1;
        if (this.counts.size < MAX_KEYS || this.counts.has(key))
            this.counts.set(key, count);
        if (count <= limit)
            return 0;
        return Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
    }
}
//# sourceMappingURL=rate-limit.js.map