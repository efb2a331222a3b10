const PAGE = 1000;
const GAP_RETRY_MS = 25;
/** How long a gap may stay unfilled before the held events are delivered anyway (and logged). */
const GAP_GIVE_UP_MS = 15_000;
export class RunSubscription {
    runId;
    handler;
    read;
    delivered;
    held = [];
    filling = false;
    started = false;
    cancelled = false;
    constructor(runId, afterSeq, handler, read) {
        this.runId = runId;
        this.handler = handler;
        this.read = read;
        this.delivered = afterSeq;
    }
    /** Last seq delivered to the handler. */
    get lastDelivered() {
        return this.delivered;
    }
    async start() {
        await this.fill();
        this.started = true;
        if (this.held.length > 0)
            await this.fill();
    }
    cancel() {
        this.cancelled = true;
        this.held = [];
    }
    live(event) {
        if (this.cancelled || event.seq <= this.delivered)
            return;
        if (this.started && !this.filling && event.seq === this.delivered + 1) {
            this.deliver(event);
            return;
        }
        this.held.push(event);
        if (this.started && !this.filling)
            void this.fill();
    }
    deliver(event) {
        this.delivered = event.seq;
        this.handler(event);
    }
    drainHeld() {
        if (this.held.length === 0)
            return;
        this.held.sort((a, b) => a.seq - b.seq);
        const rest = [];
        for (const e of this.held) {
            if (e.seq <= this.delivered)
                continue;
            if (e.seq === this.delivered + 1)
                this.deliver(e);
            else
                rest.push(e);
        }
        this.held = rest;
    }
    async fill() {
        if (this.filling)
            return;
        this.filling = true;
        const startedAt = Date.now();
        try {
            for (;;) {
                if (this.cancelled)
                    return;
                const page = await this.read(this.delivered, PAGE);
                for (const e of page) {
                    if (this.cancelled)
                        return;
                    if (e.seq === this.delivered + 1)
                        this.deliver(e);
                }
                this.drainHeld();
                if (page.length >= PAGE)
                    continue;
                if (this.held.length === 0)
                    return;
                // Held events are ahead of what is readable yet: wait for the owner to flush.
                if (Date.now() - startedAt > GAP_GIVE_UP_MS) {
                    const first = this.held[0];
                    if (first)
                        this.delivered = first.seq - 1;
                    this.drainHeld();
                    return;
                }
                await new Promise((resolve) => setTimeout(resolve, GAP_RETRY_MS));
            }
        }
        finally {
            this.filling = false;
        }
    }
}
//# sourceMappingURL=run-subscription.js.map