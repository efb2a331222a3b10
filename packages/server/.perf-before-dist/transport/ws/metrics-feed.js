export class MetricsFeed {
    providers;
    publish;
    options;
    timer = null;
    sampling = false;
    stopped = false;
    constructor(providers, publish, options) {
        this.providers = providers;
        this.publish = publish;
        this.options = options;
    }
    /** Called with the topic's listener count whenever it changes. */
    listenersChanged(count) {
        if (count > 0 && this.timer === null && !this.stopped) {
            this.timer = setInterval(() => void this.sample(), this.options.intervalMs);
            this.timer.unref?.();
            void this.sample();
        }
        else if (count === 0 && this.timer !== null) {
            clearInterval(this.timer);
            this.timer = null;
        }
    }
    stop() {
        this.stopped = true;
        this.listenersChanged(0);
    }
    async sample() {
        if (this.sampling)
            return;
        this.sampling = true;
        try {
            const p = this.providers;
            const [activeProcesses, queueDepth, runningTasks, costTodayUsd] = await Promise.all([
                this.read('activeProcesses', p.activeProcesses),
                this.read('queueDepth', p.queueDepth),
                this.read('runningTasks', p.runningTasks),
                this.read('costTodayUsd', p.costTodayUsd),
            ]);
            if (this.timer === null)
                return;
            this.publish({
                at: new Date().toISOString(),
                serverId: this.options.serverId,
                activeProcesses,
                queueDepth: queueDepth === null ? null : { ...queueDepth },
                runningTasks,
                costTodayUsd,
            });
        }
        finally {
            this.sampling = false;
        }
    }
    async read(name, provider) {
        if (provider === undefined)
            return null;
        try {
            return await provider();
        }
        catch (err) {
            this.options.logger.debug({ provider: name, err: err instanceof Error ? err.message : String(err) }, 'metrics provider failed');
            return null;
        }
    }
}
const DAY_MS = 24 * 3600 * 1000;
/** Cost of the runs started since 00:00 UTC, from the usage roll-up. */
export async function costTodayUsd(runs, now = Date.now()) {
    const from = Math.floor(now / DAY_MS) * DAY_MS;
    const rows = await runs.usageRollup('day', { from: new Date(from).toISOString(), to: new Date(from + DAY_MS).toISOString() });
    return rows.reduce((sum, row) => sum + row.usage.costUsd, 0);
}
//# sourceMappingURL=metrics-feed.js.map