/**
 * The JobQueue contract on BullMQ against the machine's Redis (TEST_REDIS_URL, default
 * redis://127.0.0.1:6379). Fails (never skips) when Redis is unreachable. Every key lives under a
 * random prefix for this file and is deleted afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/queue-bullmq/bullmq-job-queue.js';
import { defineJobQueueContract } from '../contracts/job-queue.contract.js';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis.js';

const prefix = `dash-test-${randomBytes(6).toString('hex')}`;
let admin: Redis;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterAll(async () => {
  if (admin?.status !== 'ready') return;
  await deleteKeys(`${prefix}:*`);
  await admin.quit();
});

async function deleteKeys(pattern: string): Promise<number> {
  let deleted = 0;
  for await (const keys of admin.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) deleted += await admin.del(...keys);
  }
  return deleted;
}

const open = (queueName: string): Promise<BullmqJobQueue> =>
  // A short stalled-check interval so expired leases come back within the suite's patience.
  BullmqJobQueue.open({ url: TEST_REDIS_URL, prefix, queueName, stalledIntervalMs: 100 });

defineJobQueueContract('BullMQ on Redis', async () => {
  const queueName = `q-${randomUUID()}`;
  let current = await open(queueName);
  return {
    queue: current,
    async restart() {
      await current.close();
      current = await open(queueName);
      return current;
    },
    async cleanup() {
      await current.close();
      await deleteKeys(`${prefix}:${queueName}:*`);
    },
  };
});

describe('BullMQ queue', () => {
  it('keeps its keys under the configured prefix and queue name', async () => {
    const queueName = `q-${randomUUID()}`;
    const queue = await open(queueName);
    try {
      await queue.enqueue({ id: 'k', payload: { a: 1 }, priority: 3 });
      const keys = await admin.keys(`${prefix}:${queueName}:*`);
      expect(keys).toEqual(expect.arrayContaining([`${prefix}:${queueName}:j_k`]));
      expect(await admin.hget(`${prefix}:${queueName}:j_k`, 'priority')).toBe('998');
    } finally {
      await queue.close();
      await deleteKeys(`${prefix}:${queueName}:*`);
    }
  });

  it('fails to open with DEPENDENCY_UNAVAILABLE when Redis cannot be reached', async () => {
    await expect(
      BullmqJobQueue.open({ url: 'redis://127.0.0.1:1', queueName: 'nowhere', prefix, connectTimeoutMs: 1_000 }),
    ).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
  });
});
