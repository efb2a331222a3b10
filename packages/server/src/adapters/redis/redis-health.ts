/**
 * A small Redis connection used only to answer health probes when REDIS_URL is set. It owns its
 * connection: it connects in the background (a Redis outage must not stop the server from
 * booting; /health reports it instead), pings without queueing, and closes on shutdown.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { maskCredentials } from '../../config/mask-secrets.js';

export interface RedisHealth {
  /** PING round trip; throws when Redis is not connected or does not answer. */
  ping(): Promise<string>;
  /** Idempotent. */
  close(): Promise<void>;
}

export function createRedisHealth(url: string, deps: { logger: Logger }): RedisHealth {
  const log = deps.logger.child({ component: 'redis-health', redisUrl: url });
  const client = new Redis(url, {
    lazyConnect: true,
    // Fail a probe at once instead of queueing it until a reconnect succeeds.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    connectionName: 'dash-health',
  });
  let lastError: string | null = null;
  client.on('error', (err: Error) => {
    const message = maskCredentials(err.message);
    // Reconnect attempts repeat the same error; log it once per change.
    if (message !== lastError) log.warn({ err }, 'redis connection error');
    lastError = message;
  });
  client.on('ready', () => {
    if (lastError !== null) log.info('redis connection restored');
    lastError = null;
  });
  client.connect().catch(() => {
    // Reported by the 'error' listener; ioredis keeps retrying in the background.
  });

  let closing: Promise<void> | null = null;
  return {
    async ping() {
      if (client.status !== 'ready') throw new Error(`not connected (${client.status}${lastError ? `: ${lastError}` : ''})`);
      const reply = await client.ping();
      return `PING ${reply}`;
    },
    close() {
      closing ??= (async () => {
        if (client.status === 'ready') {
          await client.quit().catch(() => client.disconnect());
        } else {
          client.disconnect();
        }
      })();
      return closing;
    },
  };
}
