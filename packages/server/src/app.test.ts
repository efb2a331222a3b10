import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthResponse } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from './app.js';
import type { Config } from './config/config.js';
import { formatConfigIssues, loadConfig } from './config/load-config.js';
import { createLogger } from './observability/logger.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'dash-app-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const loaded = loadConfig({ DATA_DIR: dataDir, SERVE_WEB: 'false', NODE_ID: 'app-test', ...env });
  if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
  return { ...loaded.config, http: { host: '127.0.0.1', port: 0 } };
}

function app(config: Config): App {
  const created = createApp(config, { logger: createLogger({ level: 'silent', nodeId: config.nodeId }) });
  cleanups.push(() => created.stop());
  return created;
}

/** A stand-in companion service (memory API / API bridge) answering /health with `status`. */
async function companion(status: number): Promise<string> {
  const server: Server = createServer((_req, res) => {
    res.statusCode = status;
    res.end('{"status":"healthy"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createApp (embedded mode)', () => {
  it('starts on SQLite in DATA_DIR and reports every dependency', async () => {
    const config = testConfig({ MEMORY_API_URL: await companion(200), API_BRIDGE_URL: await companion(500) });
    const { url } = await app(config).start();
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    const body = healthResponse.parse(await res.json());
    expect(body.status).toBe('degraded');
    expect(body.dependencies.map((d) => [d.name, d.kind, d.required, d.status])).toEqual([
      ['store', 'sqlite', true, 'up'],
      ['queue', 'embedded', true, 'up'],
      ['memory-api', 'http', false, 'up'],
      ['api-bridge', 'http', false, 'down'],
    ]);
  });

  it('answers /health 503 when the store stops answering', async () => {
    const instance = app(testConfig());
    const { url } = await instance.start();
    await instance.store().close();
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(503);
    const body = healthResponse.parse(await res.json());
    expect(body.dependencies.filter((d) => d.status === 'down').map((d) => d.name)).toEqual(['store', 'queue']);
  });

  it('lets in-flight requests finish while refusing new ones, then closes everything', async () => {
    const config = testConfig();
    const instance = app(config);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // Public: this test is about draining, not access (see test/integration/access-*.test.ts).
    instance.server.get('/api/slow', { config: { access: 'public' } }, async () => {
      entered();
      await gate;
      return { done: true };
    });
    const { url } = await instance.start();

    const slow = fetch(`${url}/api/slow`);
    await inside;
    const stopping = instance.stop();
    expect(instance.lifecycle.state).toBe('draining');
    const refused = await fetch(`${url}/api/slow`, { headers: { connection: 'close' } });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'SERVER_DRAINING' } });
    expect((await fetch(`${url}/ready`)).status).toBe(503);

    release();
    const finished = await slow;
    expect(finished.status).toBe(200);
    expect(await finished.json()).toEqual({ done: true });
    await stopping;
    expect(instance.lifecycle.state).toBe('stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    // Only the embedded database lives in DATA_DIR, and the clean close removed its WAL files.
    // (and the memory service's generated key and sqlite-vec index, see docs/memory.md, and the
    // leader lock files of scheduled jobs, see docs/memory.md#scheduled-cleanup).
    expect(readdirSync(config.dataDir).sort()).toEqual(['dashboard.sqlite', 'locks', 'memory-vectors.sqlite', 'memory.key']);
  });

  it('fails to start, and ends failed, when the port is taken', async () => {
    const first = app(testConfig());
    const { url } = await first.start();
    const port = Number(new URL(url).port);
    const second = app({ ...testConfig(), http: { host: '127.0.0.1', port } });
    await expect(second.start()).rejects.toThrow(/EADDRINUSE/);
    expect(second.lifecycle.state).toBe('failed');
    expect(() => second.store()).toThrow('not open');
  });
});
