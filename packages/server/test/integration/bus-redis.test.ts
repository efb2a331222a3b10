/**
 * The EventBus contract on Redis pub/sub against the machine's Redis (TEST_REDIS_URL, default
 * redis://127.0.0.1:6379), two instances standing in for two replicas; plus what only the Redis
 * bus does: local delivery without a round trip and without echo duplicates, deployment
 * isolation by channel prefix, publishing while Redis is unreachable, re-subscribing after its
 * connection is killed, and a run's live events reaching a subscriber on another replica exactly
 * once and in order. Fails (never skips) when Redis is unreachable. Every bus uses a random prefix.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RunEvent } from '@dash/shared';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisEventBus, type RedisEventBusOptions } from '../../src/adapters/bus-redis/redis-event-bus.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { noopRunMetrics } from '../../src/ports/run-metrics.js';
import type { Store } from '../../src/ports/store.js';
import { RunEventLog } from '../../src/services/run-events/run-event-log.js';
import { defineEventBusContract } from '../contracts/event-bus.contract.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis.js';

let admin: Redis;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterAll(async () => {
  if (admin?.status === 'ready') await admin.quit();
});

const opened: RedisEventBus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

const newPrefix = (): string => `dash-test-${randomBytes(6).toString('hex')}:`;

async function openBus(options: Partial<RedisEventBusOptions> & { channelPrefix: string }): Promise<RedisEventBus> {
  const bus = new RedisEventBus({ url: TEST_REDIS_URL, ...options });
  opened.push(bus);
  await bus.ready(10_000);
  return bus;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

defineEventBusContract(
  'RedisEventBus',
  async () => {
    const channelPrefix = newPrefix();
    const buses = [await openBus({ channelPrefix })];
    return {
      bus: buses[0] as RedisEventBus,
      async replica() {
        const bus = await openBus({ channelPrefix });
        buses.push(bus);
        return bus;
      },
      cleanup: async () => {
        await Promise.all(buses.map((bus) => bus.close()));
      },
    };
  },
  { replicas: true },
);

describe('RedisEventBus', () => {
  it('delivers to local subscribers at once, and only once although the message comes back through Redis', async () => {
    const channelPrefix = newPrefix();
    const bus = await openBus({ channelPrefix });
    const replica = await openBus({ channelPrefix });
    const local: number[] = [];
    const remote: number[] = [];
    bus.subscribe<number>('t', (n) => local.push(n));
    replica.subscribe<number>('t', (n) => remote.push(n));
    bus.publish('t', 1);
    // Synchronous: no Redis round trip for subscribers on the publishing node.
    expect(local).toEqual([1]);
    bus.publish('t', 2);
    await until(() => remote.length === 2, 'the replica got both');
    // The echo of both messages has come back to `bus` by now (same connection order); give it a beat.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(local).toEqual([1, 2]);
    expect(remote).toEqual([1, 2]);
  });

  it('keeps deployments with different channel prefixes apart', async () => {
    const one = await openBus({ channelPrefix: newPrefix() });
    const other = await openBus({ channelPrefix: newPrefix() });
    const seen: string[] = [];
    other.subscribe<string>('tasks', (m) => seen.push(m));
    one.publish('tasks', 'from one');
    other.publish('tasks', 'marker');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen).toEqual(['marker']);
  });

  it('never throws or queues while Redis is unreachable: local delivery goes on, remote sends are dropped and counted', async () => {
    const drops: string[] = [];
    // Port 1: nothing listens, every connection attempt is refused.
    const bus = new RedisEventBus({ url: 'redis://127.0.0.1:1', channelPrefix: newPrefix(), onDropped: (topic) => drops.push(topic) });
    opened.push(bus);
    await bus.start();
    const local: number[] = [];
    bus.subscribe<number>('run:x', (n) => local.push(n));
    expect(() => {
      for (let i = 1; i <= 100; i += 1) bus.publish('run:x', i);
    }).not.toThrow();
    expect(local).toHaveLength(100);
    expect(bus.dropped).toBe(100);
    expect(drops).toHaveLength(100);
    expect(bus.connected).toBe(false);
    await expect(bus.ready(200)).rejects.toThrow(/not connected/);
  });

  it('re-subscribes after its subscriber connection is killed and reports the interruption', async () => {
    const channelPrefix = newPrefix();
    const connectionName = `dash-test-bus-${randomBytes(4).toString('hex')}`;
    let interruptions = 0;
    const bus = await openBus({ channelPrefix, connectionName, onResubscribed: () => (interruptions += 1) });
    const replica = await openBus({ channelPrefix });
    const seen: string[] = [];
    bus.subscribe<string>('t', (m) => seen.push(m));
    replica.publish('t', 'before');
    await until(() => seen.length === 1, 'first message');

    const clients = String(await admin.call('CLIENT', 'LIST'));
    const id = clients
      .split('\n')
      .find((line) => line.includes(` name=${connectionName}-sub `))
      ?.match(/^id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.call('CLIENT', 'KILL', 'ID', String(id));

    await until(() => interruptions === 1, 'the interruption is reported once the subscription is back');
    expect(bus.connected).toBe(true);
    replica.publish('t', 'after');
    await until(() => seen.length === 2, 'a message after the reconnect');
    expect(seen).toEqual(['before', 'after']);
  });

  describe('with the run event log', () => {
    let dir: TempDir;
    let store: Store;
    afterEach(async () => {
      await store?.close();
      await dir?.cleanup();
    });

    it('streams a run recorded on one replica to subscribers on another exactly once, in order', async () => {
      dir = await makeTempDir('dash-bus-');
      store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
      const channelPrefix = newPrefix();
      const busA = await openBus({ channelPrefix });
      const busB = await openBus({ channelPrefix });
      const deps = { repo: store.runEvents, clock: systemClock, metrics: noopRunMetrics, logger: silentLogger };
      const logA = new RunEventLog({ ...deps, bus: busA });
      const logB = new RunEventLog({ ...deps, bus: busB });
      const runId = randomUUID();
      await store.runs.create({
        id: runId,
        taskId: null,
        employeeId: null,
        runtime: 'shell',
        model: null,
        cwd: dir.path,
        resumeOf: null,
        nodeId: 'a',
        createdAt: new Date().toISOString(),
      });
      await logA.open(runId);

      const onA: number[] = [];
      const onB: number[] = [];
      const lateOnB: number[] = [];
      const record = (e: RunEvent, into: number[]): void => void into.push(e.seq);
      const unsubscribers = [
        await logA.subscribe(runId, 0, (e) => record(e, onA)),
        await logB.subscribe(runId, 0, (e) => record(e, onB)),
      ];
      const total = 600;
      for (let i = 1; i <= total; i += 1) {
        logA.record(runId, { type: 'assistant.text', text: `line ${i}` });
        if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        // Joins mid-run on the other replica: history from the store, then live through Redis.
        if (i === 300) unsubscribers.push(await logB.subscribe(runId, 0, (e) => record(e, lateOnB)));
      }
      await until(() => onB.length >= total && lateOnB.length >= total, 'every event on replica B', 20_000);
      await logA.close(runId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const expected = Array.from({ length: total }, (_, i) => i + 1);
      expect(onA).toEqual(expected);
      expect(onB).toEqual(expected);
      expect(lateOnB).toEqual(expected);
      for (const unsubscribe of unsubscribers) unsubscribe();
      await logA.stop();
      await logB.stop();
    });
  });
});
