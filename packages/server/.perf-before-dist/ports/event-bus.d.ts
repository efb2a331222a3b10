/**
 * Fan-out of live messages between components and, in scale-out mode, between replicas.
 * Local (in-process) by default; Redis pub/sub when REDIS_URL is set. Delivery is best-effort and
 * ordered per topic per publisher; durability comes from the store, never from the bus.
 */
export type BusHandler<T> = (message: T) => void;
export interface EventBus {
    publish<T>(topic: string, message: T): void;
    /** Returns the unsubscribe function. Handlers must not throw (errors are logged and dropped). */
    subscribe<T>(topic: string, handler: BusHandler<T>): () => void;
    close(): Promise<void>;
}
