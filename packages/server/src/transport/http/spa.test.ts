import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../lifecycle/lifecycle.js';
import { createLogger } from '../../observability/logger.js';
import { createMetrics } from '../../observability/metrics.js';
import { noCredentialsAccepted } from './auth/access-types.js';
import { createHttpServer, type HttpServer } from './http-server.js';
import { registerSpa } from './spa.js';

const INDEX = '<!doctype html><html><body><div id="app"></div><script src="/assets/app-3f9a.js"></script></body></html>';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function distDir(built: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'dash-spa-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  if (built) {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'app-3f9a.js'), 'console.log("app")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  }
  return dir;
}

async function build(dist: string): Promise<{ server: HttpServer; metricsText: () => Promise<string> }> {
  const logger = createLogger({ level: 'silent', nodeId: 't' });
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  const http = createHttpServer({ logger, metrics, lifecycle, auth: noCredentialsAccepted });
  http.useSpaFallback(registerSpa(http.server, dist));
  cleanups.push(() => http.server.close());
  await lifecycle.start();
  return { server: http.server, metricsText: () => metrics.registry.metrics() };
}

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('SPA serving (built)', () => {
  it('serves index.html at / and revalidates it', async () => {
    const { server } = await build(distDir(true));
    const res = await server.inject({ method: 'GET', url: '/', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const { server } = await build(distDir(true));
    const res = await server.inject({ method: 'GET', url: '/assets/app-3f9a.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await server.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for HTML navigations to client routes', async () => {
    const { server, metricsText } = await build(distDir(true));
    const res = await server.inject({ method: 'GET', url: '/tasks/123?tab=log', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toBe(INDEX);
    expect(await metricsText()).toContain('route="__spa_fallback",status_code="200"');
  });

  it.each(['/api/tasks/123', '/ws/feed', '/health/x', '/metrics/x', '/ready/x'])('never falls back under %s', async (url) => {
    const { server } = await build(distDir(true));
    const res = await server.inject({ method: 'GET', url, headers: html });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers non-HTML requests and non-GET methods for unknown paths with JSON 404', async () => {
    const { server } = await build(distDir(true));
    expect((await server.inject({ method: 'GET', url: '/tasks/123', headers: { accept: 'application/json' } })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: '/assets/missing.js' })).json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    expect((await server.inject({ method: 'POST', url: '/tasks/123', headers: html })).statusCode).toBe(404);
  });
});

describe('SPA serving (not built)', () => {
  it('explains how to build the web app', async () => {
    const { server } = await build(distDir(false));
    for (const url of ['/', '/tasks/123']) {
      const res = await server.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.payload).toContain('The web app is not built');
      expect(res.payload).toContain('npm run build');
    }
    expect((await server.inject({ method: 'GET', url: '/api/x', headers: html })).statusCode).toBe(404);
  });
});
