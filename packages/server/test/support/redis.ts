/**
 * The machine's Redis for integration tests (TEST_REDIS_URL, default redis://127.0.0.1:6379).
 * Tests that need it fail with this message when it is unreachable, never skip.
 */
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** An admin connection (no retries), or an error saying how to get Redis. */
export async function connectTestRedis(): Promise<Redis> {
  const admin = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5_000, retryStrategy: () => null });
  try {
    await admin.connect();
    await admin.ping();
    return admin;
  } catch (err) {
    admin.disconnect();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Redis is unreachable at ${TEST_REDIS_URL} (${reason}). These tests need it: start it ` +
        '(see .ci/run) or point TEST_REDIS_URL at a Redis server.',
      { cause: err },
    );
  }
}
