/**
 * The built server on PostgreSQL (DATABASE_URL → a fresh database per run) and with Redis
 * (REDIS_URL): /health reports the store as postgres and the queue as redis, nothing is written
 * to DATA_DIR, and the database password never reaches the logs. Fails when PostgreSQL or Redis
 * is unreachable.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthResponse } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { freePort, killAllServers, startServer } from '../support/server-process.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'e2e-Pa55word-not-checked';

/** The same URL with a password the (trust-auth) server ignores, to prove it is never logged. */
function withPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = PASSWORD;
  return parsed.toString();
}

describe('server on PostgreSQL', () => {
  let database: TestDatabase;
  let parent: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    parent = mkdtempSync(join(tmpdir(), 'dash-e2e-pg-'));
  });

  afterAll(async () => {
    await killAllServers();
    await database?.drop();
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('boots on a fresh database, reports store kind postgres, and stops cleanly', async () => {
    const dataDir = join(parent, 'data');
    // Scale-out configuration brings its own memory key (a generated key file is for embedded and
    // single-node development only), so nothing at all may be written under DATA_DIR.
    const memoryKey = Buffer.alloc(32, 3).toString('base64');
    const server = await startServer({
      env: { DATABASE_URL: withPassword(database.url), DATA_DIR: dataDir, NODE_ID: 'e2e-pg', MEMORY_ENCRYPTION_KEY: memoryKey },
    });
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    const body = healthResponse.parse(await res.json());
    expect(body.dependencies.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'store', kind: 'postgres', status: 'up' }),
      expect.objectContaining({ name: 'queue', kind: 'embedded', status: 'up' }),
    ]);
    expect(server.logs().find((l) => l.msg === 'ready')).toMatchObject({ store: 'postgres' });

    expect(await server.stop()).toEqual({ code: 0, signal: null });
    // Embedded files only belong to embedded mode: on PostgreSQL nothing is created in DATA_DIR.
    expect(existsSync(dataDir)).toBe(false);
    expect(server.stdout() + server.stderr()).not.toContain(PASSWORD);
    expect(server.stdout()).toContain('postgres://root:***@');
  });

  it('reports the queue on Redis when REDIS_URL is set', async () => {
    const server = await startServer({ env: { DATABASE_URL: database.url, REDIS_URL } });
    try {
      const body = healthResponse.parse(await (await fetch(`${server.url}/health`)).json());
      expect(body.dependencies[1]).toMatchObject({ name: 'queue', kind: 'redis', required: true, status: 'up', detail: 'PING PONG' });
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('stays ready but answers /health 503 while a required Redis is unreachable', async () => {
    const deadPort = await freePort();
    const server = await startServer({ env: { DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${deadPort}`, HEALTH_TIMEOUT: '500ms' } });
    try {
      const res = await fetch(`${server.url}/health`);
      expect(res.status).toBe(503);
      const body = healthResponse.parse(await res.json());
      expect(body.status).toBe('down');
      expect(body.dependencies[1]).toMatchObject({ name: 'queue', kind: 'redis', status: 'down' });
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    }
  });
});
