/**
 * ioredis options for BullMQ from a redis:// or rediss:// URL. BullMQ needs
 * `maxRetriesPerRequest: null` on its connections (its blocking commands must never be cut short
 * by ioredis' retry limit); commands wait for a reconnect instead of failing.
 */
import type { RedisOptions } from 'ioredis';
export type BullmqConnectionOptions = Pick<RedisOptions, 'host' | 'port' | 'username' | 'password' | 'db' | 'tls'> & {
    host: string;
    port: number;
    maxRetriesPerRequest: null;
};
export declare function redisConnectionOptions(url: string): BullmqConnectionOptions;
