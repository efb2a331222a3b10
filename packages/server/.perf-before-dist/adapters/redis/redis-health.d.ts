import type { Logger } from 'pino';
export interface RedisHealth {
    /** PING round trip; throws when Redis is not connected or does not answer. */
    ping(): Promise<string>;
    /** Idempotent. */
    close(): Promise<void>;
}
export declare function createRedisHealth(url: string, deps: {
    logger: Logger;
}): RedisHealth;
