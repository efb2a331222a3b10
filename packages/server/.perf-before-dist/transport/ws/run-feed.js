import { encodeRunEvent } from './frames.js';
const CATCH_UP_PAGE = 500;
export class RunFeed {
    topic;
    runId;
    source;
    sink;
    cancelled = false;
    unsubscribe = null;
    delivered;
    constructor(topic, runId, afterSeq, source, sink) {
        this.topic = topic;
        this.runId = runId;
        this.source = source;
        this.sink = sink;
        this.delivered = afterSeq;
    }
    /** Last seq sent to the client. */
    get lastSeq() {
        return this.delivered;
    }
    /** Runs the catch-up, then stays subscribed until cancel(). Rejects only on store errors. */
    async start() {
        for (;;) {
            if (this.cancelled)
                return;
            const page = await this.source.read(this.runId, this.delivered, CATCH_UP_PAGE);
            let progressed = false;
            for (const event of page) {
                // A page can end early or skip ahead while the log is being flushed; the subscription
                // below fills any such gap from the store, so stop at the first discontinuity.
                if (event.seq !== this.delivered + 1)
                    break;
                if (!this.sink.writable() && !(await this.sink.drained()))
                    return;
                if (this.cancelled)
                    return;
                this.deliver(event);
                progressed = true;
            }
            if (page.length < CATCH_UP_PAGE || !progressed)
                break;
        }
        if (this.cancelled)
            return;
        const unsubscribe = await this.source.subscribe(this.runId, this.delivered, (event) => this.deliver(event));
        if (this.cancelled)
            unsubscribe();
        else
            this.unsubscribe = unsubscribe;
    }
    cancel() {
        this.cancelled = true;
        this.unsubscribe?.();
        this.unsubscribe = null;
    }
    /**
     * Never twice, never backwards. A forward jump only comes from RunSubscription giving up on a gap
     * the store cannot fill (events lost); the client then sees the seq jump rather than a stall.
     */
    deliver(event) {
        if (this.cancelled || event.seq <= this.delivered)
            return;
        this.delivered = event.seq;
        this.sink.send(encodeRunEvent(this.topic, event));
    }
}
//# sourceMappingURL=run-feed.js.map