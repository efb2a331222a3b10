/**
 * In-process EventBus (embedded mode). Delivery is synchronous, in publish order; a throwing
 * handler is logged and does not affect the other handlers or the publisher.
 */
import type { BusHandler, EventBus } from '../../ports/event-bus.js';
import { type Logger } from '../../ports/logger.js';
export declare class LocalEventBus implements EventBus {
    private readonly logger;
    private readonly topics;
    constructor(logger?: Logger);
    publish<T>(topic: string, message: T): void;
    subscribe<T>(topic: string, handler: BusHandler<T>): () => void;
    close(): Promise<void>;
}
