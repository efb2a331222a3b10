export class RingBudget {
    limitBytes;
    minEvents;
    used = 0;
    constructor(
    /** Bytes (JSON size) all rings together may hold. */
    limitBytes, 
    /** A ring keeps at least this many events whatever the budget. */
    minEvents) {
        this.limitBytes = limitBytes;
        this.minEvents = minEvents;
    }
    get exceeded() {
        return this.used > this.limitBytes;
    }
}
export class RunEventRing {
    maxEvents;
    maxBytes;
    budget;
    /** Dropped slots before `head` are cleared at once (not only at compaction) so they can be collected. */
    items = [];
    head = 0;
    bytes = 0;
    constructor(maxEvents, maxBytes, budget = null) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.budget = budget;
    }
    push(event, bytes) {
        this.items.push({ event, bytes });
        this.bytes += bytes;
        if (this.budget)
            this.budget.used += bytes;
        while (this.size > this.maxEvents ||
            (this.bytes > this.maxBytes && this.size > 1) ||
            (this.budget !== null && this.budget.exceeded && this.size > this.budget.minEvents)) {
            const dropped = this.items[this.head];
            this.items[this.head] = undefined;
            this.head += 1;
            if (dropped) {
                this.bytes -= dropped.bytes;
                if (this.budget)
                    this.budget.used -= dropped.bytes;
            }
        }
        // Compact occasionally so the backing array does not grow without bound.
        if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items.splice(0, this.head);
            this.head = 0;
        }
    }
    /** Gives the ring's bytes back to the shared budget; the ring must not be used afterwards. */
    release() {
        if (this.budget)
            this.budget.used -= this.bytes;
        this.bytes = 0;
        this.items.length = 0;
        this.head = 0;
    }
    get size() {
        return this.items.length - this.head;
    }
    /** Lowest seq held, or null when empty. */
    get firstSeq() {
        return this.items[this.head]?.event.seq ?? null;
    }
    get lastSeq() {
        return this.items[this.items.length - 1]?.event.seq ?? null;
    }
    /**
     * Events with seq > afterSeq, or null when the ring no longer holds all of them (the caller
     * must read the gap from the store).
     */
    since(afterSeq) {
        const first = this.firstSeq;
        if (first === null)
            return [];
        if (afterSeq + 1 < first)
            return null;
        const out = [];
        for (let i = this.head; i < this.items.length; i += 1) {
            const item = this.items[i];
            if (item && item.event.seq > afterSeq)
                out.push(item.event);
        }
        return out;
    }
}
//# sourceMappingURL=ring-buffer.js.map