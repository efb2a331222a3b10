export class BridgeLoop {
    deps;
    timers = [];
    evaluating = null;
    delivering = null;
    stopped = false;
    constructor(deps) {
        this.deps = deps;
    }
    start() {
        this.stopped = false;
        this.timers.push(setInterval(() => void this.evaluateNow(), this.deps.evaluateEveryMs));
        this.timers.push(setInterval(() => void this.deliverNow(), this.deps.deliverEveryMs ?? 1_000));
        for (const t of this.timers)
            t.unref?.();
        void this.evaluateNow();
    }
    async stop() {
        this.stopped = true;
        for (const t of this.timers)
            clearInterval(t);
        this.timers = [];
        await Promise.all([this.evaluating, this.delivering]);
        await this.deps.leader?.release();
    }
    /** One evaluation pass (skipped when one is running or this process does not lead). */
    evaluateNow() {
        this.evaluating ??= this.guarded('alert evaluation', async () => {
            await this.deps.evaluate();
            await this.deps.housekeeping();
        }).finally(() => (this.evaluating = null));
        return this.evaluating;
    }
    deliverNow() {
        this.delivering ??= this.guarded('webhook delivery', () => this.deps.deliver()).finally(() => (this.delivering = null));
        return this.delivering;
    }
    async guarded(what, work) {
        if (this.stopped)
            return;
        try {
            if (this.deps.leader !== null && !(await this.deps.leader.acquire()))
                return;
            await work();
        }
        catch (err) {
            this.deps.logger.error({ err }, `${what} failed`);
        }
    }
}
//# sourceMappingURL=bridge-loop.js.map