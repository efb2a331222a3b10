/**
 * The LoginAttempts contract on Redis against the machine's Redis (TEST_REDIS_URL, default
 * redis://127.0.0.1:6379), two instances standing in for two replicas; plus what only the Redis
 * counters do: bounded key names under the prefix with an expiry of max(window, lock), and the
 * throttle's fallback to in-process counters while Redis is unreachable (from the start, and an
 * outage in the middle, through a TCP proxy this test opens and closes). Fails (never skips) when
 * Redis is unreachable. Every test uses its own key prefix.
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryLoginAttempts } from '../../src/adapters/auth/in-memory-login-attempts.js';
import { RedisLoginAttempts, type RedisLoginAttemptsOptions } from '../../src/adapters/redis/redis-login-attempts.js';
import type { Clock } from '../../src/ports/clock.js';
import { defaultLoginAttemptPolicy, type LoginAttemptPolicy } from '../../src/ports/login-attempts.js';
import type { Logger } from '../../src/ports/logger.js';
import { LoginThrottle } from '../../src/services/auth/login-throttle.js';
import { defineLoginAttemptsContract } from '../contracts/login-attempts.contract.js';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis.js';

const MIN = 60_000;
let admin: Redis;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterAll(async () => {
  if (admin?.status === 'ready') await admin.quit();
});

const newPrefix = (): string => `dash-test-login-${randomBytes(6).toString('hex')}:`;

const opened: RedisLoginAttempts[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((attempts) => attempts.close()));
  for (const prefix of prefixes.splice(0)) {
    const keys = await keysUnder(prefix);
    if (keys.length > 0) await admin.del(...keys);
  }
});

async function openAttempts(options: Partial<RedisLoginAttemptsOptions> & { keyPrefix: string }, ready = true): Promise<RedisLoginAttempts> {
  const attempts = new RedisLoginAttempts({ url: TEST_REDIS_URL, ...options });
  opened.push(attempts);
  if (!prefixes.includes(options.keyPrefix)) prefixes.push(options.keyPrefix);
  if (ready) await attempts.ready(10_000);
  else await attempts.start();
  return attempts;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

defineLoginAttemptsContract(
  'RedisLoginAttempts',
  async (policy) => {
    const keyPrefix = newPrefix();
    return {
      attempts: await openAttempts({ keyPrefix, policy }),
      replica: () => openAttempts({ keyPrefix, policy }),
      // Closed and emptied by this file's afterEach.
      cleanup: async () => undefined,
    };
  },
  { shared: true },
);

class ManualClock implements Clock {
  ms = 1_700_000_000_000;
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
}

function capturingLogger(): Logger & { lines: { level: string; msg: string | undefined }[] } {
  const lines: { level: string; msg: string | undefined }[] = [];
  const at =
    (level: string) =>
    (_obj: object, msg?: string): void => {
      lines.push({ level, msg });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A throttle wired as app-auth.ts wires it with REDIS_URL. */
function throttleOver(counters: RedisLoginAttempts, policy: Partial<LoginAttemptPolicy>, logger: Logger): { clock: ManualClock; throttle: LoginThrottle } {
  const clock = new ManualClock();
  return { clock, throttle: new LoginThrottle({ clock, counters, local: new InMemoryLoginAttempts(policy), logger }) };
}

/** A TCP proxy to Redis that the test can take away (closing every connection) and bring back. */
function redisProxy(): { url: () => string; up: () => Promise<void>; down: () => Promise<void> } {
  const target = new URL(TEST_REDIS_URL);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  return {
    url: () => `redis://127.0.0.1:${port}`,
    async up() {
      const listening = createServer((client) => {
        const upstream = connect(Number(target.port || 6379), target.hostname);
        sockets.add(client).add(upstream);
        const end = (): void => {
          client.destroy();
          upstream.destroy();
        };
        for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        // The same port again when it comes back, so the client reconnects to it.
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      server = listening;
      port = (listening.address() as AddressInfo).port;
    },
    async down() {
      const closing = server;
      server = null;
      if (closing === null) return;
      const closed = new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
  };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('RedisLoginAttempts', () => {
  it('keeps bounded, hashed keys under its prefix that expire with max(window, lock)', async () => {
    const keyPrefix = newPrefix();
    const policy = { ...defaultLoginAttemptPolicy, windowMs: 20 * MIN, lockMs: 10 * MIN };
    const attempts = await openAttempts({ keyPrefix, policy });
    const username = `mallory-${'x'.repeat(100_000)}`;
    await attempts.recordFailure(username, '203.0.113.7', Date.now());

    const keys = await keysUnder(keyPrefix);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(key.length).toBeLessThanOrEqual(keyPrefix.length + 2 + 32);
      expect(key).not.toContain('mallory');
      expect(key).not.toContain('203.0.113.7');
      expect(await admin.hgetall(key)).toMatchObject({ c: '1' });
      const ttl = await admin.pttl(key);
      expect(ttl).toBeGreaterThan(10 * MIN);
      expect(ttl).toBeLessThanOrEqual(20 * MIN);
    }
    await attempts.clearUser(username);
    expect(await keysUnder(keyPrefix)).toHaveLength(1);
  });

  it('while Redis is unreachable, rejects at once, and the throttle counts and locks on its own counters', async () => {
    // Port 1: nothing listens, every connection attempt is refused.
    const attempts = await openAttempts({ url: 'redis://127.0.0.1:1', keyPrefix: newPrefix() }, false);
    await expect(attempts.lockedForMs('a', 'b', Date.now())).rejects.toThrow(/not connected/);
    const logger = capturingLogger();
    const { throttle } = throttleOver(attempts, { maxPerUser: 3 }, logger);
    for (let i = 0; i < 2; i += 1) await throttle.failed('alice', '198.51.100.1');
    expect(await throttle.retryAfterMs('alice', '198.51.100.2')).toBe(0);
    await throttle.failed('alice', '198.51.100.1');
    expect(await throttle.retryAfterMs('alice', '198.51.100.2')).toBe(defaultLoginAttemptPolicy.lockMs);
    await throttle.succeeded('alice');
    expect(await throttle.retryAfterMs('alice', '198.51.100.2')).toBe(0);
    // One warning for the whole outage, however many sign-ins went through it.
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('falls back during an outage and goes back to the shared counts when Redis answers again', async () => {
    const proxy = redisProxy();
    await proxy.up();
    try {
      const keyPrefix = newPrefix();
      const attempts = await openAttempts({ url: proxy.url(), keyPrefix, policy: { maxPerUser: 3 } });
      const logger = capturingLogger();
      const { throttle } = throttleOver(attempts, { maxPerUser: 3 }, logger);
      await throttle.failed('eve', '192.0.2.1');

      await proxy.down();
      await until(() => attempts.lockedForMs('eve', 'x', Date.now()).then(() => false, () => true), 'the counters notice the outage');
      await throttle.failed('eve', '192.0.2.1');
      await throttle.failed('eve', '192.0.2.1');
      // This replica's own counters saw all three failures: locked during the outage.
      expect(await throttle.retryAfterMs('eve', '192.0.2.2')).toBeGreaterThan(0);
      expect(logger.lines.map((l) => l.level)).toEqual(['warn']);

      await proxy.up();
      await attempts.ready(10_000);
      // Redis counted only the failure before the outage: not locked by the shared count.
      expect(await throttle.retryAfterMs('eve', '192.0.2.2')).toBe(0);
      expect(logger.lines.map((l) => l.level)).toEqual(['warn', 'info']);
      await throttle.failed('eve', '192.0.2.1');
      await throttle.failed('eve', '192.0.2.1');
      expect(await throttle.retryAfterMs('eve', '192.0.2.2')).toBeGreaterThan(0);
    } finally {
      await proxy.down();
    }
  });
});
