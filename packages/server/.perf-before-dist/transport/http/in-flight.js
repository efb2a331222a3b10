/**
 * Counts requests being served so that draining can wait for them. Probe routes and upgraded
 * (WebSocket) connections are not counted: probes keep arriving while draining, and live feeds
 * drain through their own hook.
 */
export class InFlightRequests {
    count = 0;
    waiters = new Set();
    get size() {
        return this.count;
    }
    /** Marks a request as started; call the returned function exactly once when it ends. */
    begin() {
        this.count += 1;
        let ended = false;
        return () => {
            if (ended)
                return;
            ended = true;
            this.count -= 1;
            if (this.count === 0)
                for (const wake of this.waiters)
                    wake();
        };
    }
    /** Resolves when no request is in flight, or when `signal` aborts (whichever comes first). */
    idle(signal) {
        if (this.count === 0 || signal.aborted)
            return Promise.resolve();
        return new Promise((resolve) => {
            const done = () => {
                this.waiters.delete(done);
                signal.removeEventListener('abort', done);
                resolve();
            };
            this.waiters.add(done);
            signal.addEventListener('abort', done, { once: true });
        });
    }
}
//# sourceMappingURL=in-flight.js.map