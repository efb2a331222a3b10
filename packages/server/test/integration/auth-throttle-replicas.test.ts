/**
 * Sign-in throttling across replicas through the real app (createApp, app-auth.ts): two replicas
 * on one PostgreSQL database and one Redis share the failure count, so five wrong passwords split
 * between them lock the name on both, and a right password is refused on either. A fresh
 * database, and so its own Redis key prefix (named after the store), deleted afterwards. Fails,
 * never skips, when PostgreSQL or Redis is missing.
 */
import { apiErrorBody } from '@dash/shared';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deploymentId } from '../../src/adapters/redis/deployment-id.js';
import { loginAttemptsKeyPrefix } from '../../src/adapters/redis/redis-login-attempts.js';
import { randomAdminToken, randomPassword } from '../support/auth.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const apps: InProcessApp[] = [];
afterEach(async () => {
  for (const h of apps.splice(0).reverse()) await h.stop();
});

const signIn = (h: InProcessApp, username: string, password: string): Promise<Response> =>
  fetch(`${h.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('sign-in throttling across replicas (PostgreSQL + Redis)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (database !== undefined) {
      // The counters would expire by themselves; leave the shared Redis as it was.
      const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 0 });
      const keys = await redis.keys(`${loginAttemptsKeyPrefix(deploymentId(database.url))}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
    await database?.drop();
  });

  it('five failures split across two replicas lock the name on both', async () => {
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      DASHBOARD_ADMIN_TOKEN: randomAdminToken(),
      DASHBOARD_ADMIN_PASSWORD: randomPassword(),
      // The per-minute rate limit is per replica and not under test here.
      RATE_LIMIT_AUTH: '0',
    };
    for (const node of ['replica-a', 'replica-b']) {
      const h = await startInProcessApp({ env: { ...shared, NODE_ID: node } });
      apps.push(h);
    }
    const [a, b] = apps as [InProcessApp, InProcessApp];
    expect((await signIn(a, 'admin', shared.DASHBOARD_ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn(b, 'admin', shared.DASHBOARD_ADMIN_PASSWORD)).status).toBe(200);

    for (const h of [a, b, a, b]) expect((await signIn(h, 'admin', 'wrong-password')).status).toBe(401);
    expect((await signIn(a, 'admin', shared.DASHBOARD_ADMIN_PASSWORD)).status).toBe(200);
    // The success cleared the name on both: four more failures do not lock it yet...
    for (const h of [b, a, b, a]) expect((await signIn(h, 'admin', 'wrong-password')).status).toBe(401);
    expect((await signIn(b, 'admin', shared.DASHBOARD_ADMIN_PASSWORD)).status).toBe(200);
    for (const h of [a, b, a, b, a]) expect((await signIn(h, 'admin', 'wrong-password')).status).toBe(401);
    // ...and the fifth, on either replica, does.
    for (const h of [a, b]) {
      const locked = await signIn(h, 'admin', shared.DASHBOARD_ADMIN_PASSWORD);
      expect(locked.status).toBe(429);
      expect(apiErrorBody.parse(await locked.json()).error.code).toBe('AUTH_THROTTLED');
    }
    // All of it counted on Redis: neither replica fell back to its own counters.
    for (const h of [a, b]) expect(h.logText()).not.toContain('shared counters unavailable');
  });
});
