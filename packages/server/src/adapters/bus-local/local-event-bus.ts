/**
 * In-process EventBus (embedded mode). Delivery is synchronous, in publish order; a throwing
 * handler is logged and does not affect the other handlers or the publisher.
 */
import type { BusHandler, EventBus } from '../../ports/event-bus.js';
import { silentLogger, type Logger } from '../../ports/logger.js';

export class LocalEventBus implements EventBus {
  private readonly topics = new Map<string, Set<BusHandler<unknown>>>();

  constructor(private readonly logger: Logger = silentLogger) {}

  publish<T>(topic: string, message: T): void {
    const handlers = this.topics.get(topic);
    if (!handlers) return;
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (err) {
        this.logger.error({ topic, err: err instanceof Error ? err.message : String(err) }, 'bus handler threw');
      }
    }
  }

  subscribe<T>(topic: string, handler: BusHandler<T>): () => void {
    let handlers = this.topics.get(topic);
    if (!handlers) {
      handlers = new Set();
      this.topics.set(topic, handlers);
    }
    const h = handler as BusHandler<unknown>;
    handlers.add(h);
    return () => {
      const set = this.topics.get(topic);
      if (!set) return;
      set.delete(h);
      if (set.size === 0) this.topics.delete(topic);
    };
  }

  async close(): Promise<void> {
    this.topics.clear();
  }
}
