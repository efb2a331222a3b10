import { describe, expect, it } from 'vitest';
import { reconnectDelayMs, RECONNECT_MAX_MS, redisConnectionOptions } from './redis-connection-options.js';

const retryStrategy = reconnectDelayMs;

describe('redisConnectionOptions', () => {
  it('takes host and port, with BullMQ’s unlimited retries per request', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null, retryStrategy });
    expect(redisConnectionOptions('redis://cache.internal')).toEqual({ host: 'cache.internal', port: 6379, maxRetriesPerRequest: null, retryStrategy });
  });

  it('reconnects with a backoff capped at a couple of seconds (BullMQ’s own goes to 20 s)', () => {
    expect([1, 2, 3, 4].map(reconnectDelayMs)).toEqual([250, 500, 750, 1000]);
    expect(reconnectDelayMs(8)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(10_000)).toBe(RECONNECT_MAX_MS);
  });

  it('takes credentials, database and TLS when given', () => {
    expect(redisConnectionOptions('rediss://app:p%40ss@[::1]:6380/3')).toEqual({
      host: '::1',
      port: 6380,
      username: 'app',
      password: 'p@ss',
      db: 3,
      tls: {},
      maxRetriesPerRequest: null,
      retryStrategy,
    });
    expect(redisConnectionOptions('redis://:secret@h:1')).toMatchObject({ password: 'secret' });
    expect(redisConnectionOptions('redis://:secret@h:1')).not.toHaveProperty('username');
  });

  it('rejects what is not a redis URL, without echoing it', () => {
    expect(() => redisConnectionOptions('not a url')).toThrow('REDIS_URL is not a URL');
    expect(() => redisConnectionOptions('http://h:1')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => redisConnectionOptions('redis://h:1/zero')).toThrow(/database must be a number/);
  });
});
