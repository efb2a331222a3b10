export class Lifecycle {
    options;
    current = 'starting';
    components = [];
    started = [];
    listeners = new Set();
    startPromise = null;
    stopPromise = null;
    stopRequested = false;
    constructor(options) {
        this.options = options;
    }
    get state() {
        return this.current;
    }
    /** True from the moment shutdown begins (draining, stopping, stopped, or failed). */
    get isShuttingDown() {
        return this.stopRequested || this.current === 'failed';
    }
    register(component) {
        if (this.startPromise !== null)
            throw new Error(`cannot register "${component.name}" after start()`);
        if (this.components.some((c) => c.name === component.name))
            throw new Error(`component "${component.name}" is already registered`);
        this.components.push(component);
    }
    /** Calls `listener` on every transition; returns the unsubscribe function. */
    onStateChange(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /**
     * Starts components in order, then enters `ready`. If one fails, the ones already started are
     * stopped in reverse, the state becomes `failed` and the error is rethrown. If stop() is called
     * meanwhile, no further component starts and this resolves once the in-progress one has.
     */
    start() {
        this.startPromise ??= this.runStart();
        return this.startPromise;
    }
    stop() {
        this.stopRequested = true;
        this.stopPromise ??= this.runStop();
        return this.stopPromise;
    }
    async runStart() {
        for (const component of this.components) {
            if (this.stopRequested)
                return;
            try {
                await component.start?.();
            }
            catch (err) {
                this.options.logger.error({ err, component: component.name }, 'component failed to start');
                this.stopRequested = true;
                await this.stopStarted();
                this.transition('failed');
                throw err;
            }
            this.started.push(component);
        }
        if (!this.stopRequested)
            this.transition('ready');
    }
    async runStop() {
        // Readiness must fail the moment shutdown begins, before any await.
        if (this.current === 'ready')
            this.transition('draining');
        // Let an in-progress start settle so we know exactly what to tear down.
        if (this.startPromise !== null)
            await this.startPromise.catch(() => undefined);
        if (this.current === 'failed')
            return;
        this.transition('draining');
        await this.drain();
        this.transition('stopping');
        const failures = await this.stopStarted();
        this.transition(failures > 0 ? 'failed' : 'stopped');
    }
    async drain() {
        const hooks = this.started.filter((c) => c.drain !== undefined);
        if (hooks.length === 0)
            return;
        const controller = new AbortController();
        const pending = new Set(hooks.map((c) => c.name));
        const all = Promise.all(hooks.map(async (component) => {
            try {
                await component.drain?.(controller.signal);
            }
            catch (err) {
                this.options.logger.error({ err, component: component.name }, 'drain hook failed');
            }
            finally {
                pending.delete(component.name);
            }
        }));
        let timer;
        const deadline = new Promise((resolve) => {
            timer = setTimeout(() => resolve('timeout'), this.options.drainTimeoutMs);
        });
        const outcome = await Promise.race([all.then(() => 'drained'), deadline]);
        clearTimeout(timer);
        if (outcome === 'timeout') {
            controller.abort();
            this.options.logger.warn({ pending: [...pending], drainTimeoutMs: this.options.drainTimeoutMs }, 'drain deadline reached; stopping with work still in flight');
        }
    }
    /** Stops started components in reverse order; returns how many failed. */
    async stopStarted() {
        let failures = 0;
        for (const component of [...this.started].reverse()) {
            try {
                await component.stop();
            }
            catch (err) {
                failures += 1;
                this.options.logger.error({ err, component: component.name }, 'component failed to stop');
            }
        }
        this.started.length = 0;
        return failures;
    }
    transition(next) {
        const previous = this.current;
        if (previous === next)
            return;
        this.current = next;
        this.options.logger.info({ state: next, previous }, `lifecycle ${next}`);
        for (const listener of this.listeners) {
            try {
                listener(next, previous);
            }
            catch (err) {
                this.options.logger.error({ err }, 'lifecycle listener failed');
            }
        }
    }
}
//# sourceMappingURL=lifecycle.js.map