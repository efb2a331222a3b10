import { silentLogger } from '../../ports/logger.js';
export class LocalEventBus {
    logger;
    topics = new Map();
    constructor(logger = silentLogger) {
        this.logger = logger;
    }
    publish(topic, message) {
        const handlers = this.topics.get(topic);
        if (!handlers)
            return;
        for (const handler of [...handlers]) {
            try {
                handler(message);
            }
            catch (err) {
                this.logger.error({ topic, err: err instanceof Error ? err.message : String(err) }, 'bus handler threw');
            }
        }
    }
    subscribe(topic, handler) {
        let handlers = this.topics.get(topic);
        if (!handlers) {
            handlers = new Set();
            this.topics.set(topic, handlers);
        }
        const h = handler;
        handlers.add(h);
        return () => {
            const set = this.topics.get(topic);
            if (!set)
                return;
            set.delete(h);
            if (set.size === 0)
                this.topics.delete(topic);
        };
    }
    async close() {
        this.topics.clear();
    }
}
//# sourceMappingURL=local-event-bus.js.map