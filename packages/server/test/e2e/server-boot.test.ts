/**
 * The built server in embedded mode (SQLite in a temp DATA_DIR): probes, metrics, the SPA and
 * JSON errors, over real HTTP.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiErrorBody, healthResponse, readyResponse } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));
const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('server in embedded mode', () => {
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await startServer({ env: { NODE_ID: 'e2e-embedded' } });
  });

  afterAll(async () => {
    await server?.stop();
    await killAllServers();
  });

  it('reports itself ready', async () => {
    const res = await fetch(`${server.url}/ready`);
    expect(res.status).toBe(200);
    expect(readyResponse.parse(await res.json())).toEqual({ ready: true, state: 'ready', nodeId: 'e2e-embedded' });
  });

  it('answers /health 200 with the SQLite store and the embedded queue up', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    const body = healthResponse.parse(await res.json());
    expect(body.status).toBe('ok');
    expect(body.dependencies).toEqual([
      expect.objectContaining({ name: 'store', kind: 'sqlite', required: true, status: 'up' }),
      expect.objectContaining({ name: 'queue', kind: 'embedded', required: true, status: 'up' }),
      expect.objectContaining({ name: 'memory-api', status: 'not_configured' }),
      expect.objectContaining({ name: 'api-bridge', status: 'not_configured' }),
    ]);
  });

  it('exposes the dashboard metrics in Prometheus text', async () => {
    await server.api(`/api/runs/run_abc123`);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of ['dashboard_active_processes_total', 'dashboard_task_queue_depth', 'dashboard_request_duration_seconds']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).not.toContain('run_abc123');
  });

  it('serves the SPA at / and falls back to it for client routes', async () => {
    // The test runner builds the web app before the suite (npm run build).
    const index = readFileSync(WEB_INDEX, 'utf8');
    const root = await fetch(`${server.url}/`, { headers: html });
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('text/html');
    expect(await root.text()).toBe(index);

    const deep = await fetch(`${server.url}/tasks/123`, { headers: html });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(index);

    const asset = /(?:src|href)="(\/assets\/[^"]+)"/.exec(index)?.[1];
    expect(asset, 'index.html references a hashed asset').toBeDefined();
    const assetRes = await fetch(`${server.url}${asset}`);
    expect(assetRes.status).toBe(200);
    expect(assetRes.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers an unknown API route with a JSON 404 carrying the request id', async () => {
    const res = await server.api(`/api/nope`, { headers: { ...html, 'x-request-id': 'e2e-req-1' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('e2e-req-1');
    const body = apiErrorBody.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'ROUTE_NOT_FOUND', requestId: 'e2e-req-1' });
  });

  it('logs ready with the URL and the startup duration', () => {
    const ready = server.logs().find((line) => line.msg === 'ready');
    expect(ready).toMatchObject({ url: server.url, store: 'sqlite', queue: 'embedded', nodeId: 'e2e-embedded' });
    expect(ready?.startupMs).toEqual(expect.any(Number));
  });
});

describe('server without a web build', () => {
  it('answers / with a page saying the web app is not built', async () => {
    const server = await startServer({ env: { WEB_DIST_DIR: fileURLToPath(new URL('./no-such-dist', import.meta.url)) } });
    try {
      const res = await fetch(`${server.url}/`, { headers: html });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('The web app is not built');
      expect(text).toContain('npm run build');
    } finally {
      await server.stop();
    }
  });
});
