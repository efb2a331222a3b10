import type { BusHandler, EventBus } from '../../ports/event-bus.js';
import { type Logger } from '../../ports/logger.js';
export interface RedisEventBusOptions {
    url: string;
    /** @default 'dash:bus:' */
    channelPrefix?: string;
    /** CLIENT SETNAME of the two connections, suffixed `-pub` and `-sub`. @default 'dash-bus' */
    connectionName?: string;
    logger?: Logger;
    /** Called for every message that could not be sent to Redis. */
    onDropped?: (topic: string) => void;
    /** Called once the subscription is back after Redis was unreachable: messages may be missing. */
    onResubscribed?: () => void;
}
export declare class RedisEventBus implements EventBus {
    private readonly options;
    private readonly local;
    /** Tags this instance's messages so they are not delivered twice locally. */
    private readonly origin;
    private readonly prefix;
    private readonly log;
    private pub;
    private sub;
    private starting;
    private closing;
    private subscribedOnce;
    private interrupted;
    private droppedCount;
    private droppedSinceUp;
    private readonly errors;
    private readyWaiters;
    constructor(options: RedisEventBusOptions);
    /** Messages not sent to Redis so far. */
    get dropped(): number;
    /** True while both connections are up and the subscription is active. */
    get connected(): boolean;
    /** Opens both connections in the background and returns; Redis being down does not fail it. */
    start(): Promise<void>;
    /** Resolves once connected (start() first); rejects after `timeoutMs`. */
    ready(timeoutMs?: number): Promise<void>;
    publish<T>(topic: string, message: T): void;
    subscribe<T>(topic: string, handler: BusHandler<T>): () => void;
    close(): Promise<void>;
    private open;
    private resubscribe;
    private maybeReady;
    private receive;
    private drop;
    private watch;
}
/**
 * A channel prefix shared by the replicas of one deployment and by no other: derived from the
 * store they share (host, port and database of DATABASE_URL, or the data directory), never from
 * credentials, which may differ between replicas.
 */
export declare function deploymentChannelPrefix(storeIdentity: string): string;
