/**
 * ioredis options for BullMQ from a redis:// or rediss:// URL. BullMQ needs
 * `maxRetriesPerRequest: null` on its connections (its blocking commands must never be cut short
 * by ioredis' retry limit); commands wait for a reconnect instead of failing.
 *
 * Reconnects: every 250 ms at first, backing off to at most every 2 s (RECONNECT_MAX_MS).
 * BullMQ's own strategy backs off to 20 s, so after an outage of a quarter of a minute the queue
 * could stay away up to 20 s after Redis was back, and dispatch with it.
 */
import type { RedisOptions } from 'ioredis';

export type BullmqConnectionOptions = Pick<RedisOptions, 'host' | 'port' | 'username' | 'password' | 'db' | 'tls'> & {
  host: string;
  port: number;
  maxRetriesPerRequest: null;
  retryStrategy: (times: number) => number;
};

export const RECONNECT_MAX_MS = 2_000;

/** Delay before reconnect attempt `times` (1, 2, …): 250 ms more each time, capped. */
export const reconnectDelayMs = (times: number): number => Math.min(250 * Math.max(1, times), RECONNECT_MAX_MS);

export function redisConnectionOptions(url: string): BullmqConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('REDIS_URL is not a URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(`REDIS_URL must use redis:// or rediss://, not ${parsed.protocol}//`);
  }
  const options: BullmqConnectionOptions = {
    // URL keeps IPv6 hosts in brackets; ioredis wants the bare address.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelayMs,
  };
  if (parsed.username) options.username = decodeURIComponent(parsed.username);
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
  const db = parsed.pathname.replace(/^\//, '');
  if (db) {
    if (!/^\d+$/.test(db)) throw new TypeError(`REDIS_URL database must be a number, got "${db}"`);
    options.db = Number(db);
  }
  if (parsed.protocol === 'rediss:') options.tls = {};
  return options;
}
