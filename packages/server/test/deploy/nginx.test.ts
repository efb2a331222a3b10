/**
 * The nginx configuration (nginx/render-nginx-conf.mjs and the committed nginx/frontend.conf and
 * nginx/edge.conf) checked with the machine's nginx: `nginx -t` on every profile, a broken file
 * rejected, and a real nginx on loopback in front of stub backends (the process boundary): the
 * SPA with deep links and caching, /api and /ws (a WebSocket through the proxy), security
 * headers, /metrics restricted, and a draining replica's 503 retried on the next one.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { driftedProfiles, PROFILES, renderNginxConf } from '../../../../nginx/render-nginx-conf.mjs';
import { freePort } from '../support/server-process.js';
import { nginxPrefix, nginxTest, openDir, startNginx, type NginxPrefix, type RunningNginx } from './support/nginx-run.js';
import { requireTool, runTool } from './support/tools.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function prefixFor(options: Parameters<typeof nginxPrefix>[0]): NginxPrefix {
  const prefix = nginxPrefix(options);
  cleanups.push(() => prefix.cleanup());
  return prefix;
}

/** A self-signed pair for the TLS server of the edge profile. */
function selfSignedPair(dir: string): { certificate: string; certificateKey: string } {
  const certificate = join(dir, 'tls.crt');
  const certificateKey = join(dir, 'tls.key');
  const res = runTool('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1', '-keyout', certificateKey, '-out', certificate]);
  expect(res.code, res.output).toBe(0);
  return { certificate, certificateKey };
}

describe('nginx configuration files', () => {
  beforeAll(() => {
    requireTool('nginx');
  });

  it('the committed nginx/frontend.conf and nginx/edge.conf are what the render script produces', () => {
    expect(driftedProfiles()).toEqual([]);
  });

  it('nginx -t accepts the frontend profile (SPA + proxy), with local paths and ports', async () => {
    const web = openDir('dash-web-');
    cleanups.push(() => rmSync(web, { recursive: true, force: true }));
    const prefix = prefixFor({ ...PROFILES.frontend, listen: [`127.0.0.1:${await freePort()}`], webRoot: web, backends: ['127.0.0.1:1'] });
    const res = nginxTest(prefix);
    expect(res.code, res.output).toBe(0);
  });

  it('nginx -t accepts the edge profile (TLS, redirect, frontend upstream)', async () => {
    const certs = openDir('dash-certs-');
    cleanups.push(() => rmSync(certs, { recursive: true, force: true }));
    const { user: _user, ...edge } = PROFILES.edge;
    const prefix = prefixFor({
      ...edge,
      listen: [`127.0.0.1:${await freePort()}`],
      tls: { listen: `127.0.0.1:${await freePort()}`, ...selfSignedPair(certs) },
      frontends: ['127.0.0.1:2'],
      backends: ['127.0.0.1:1', '127.0.0.1:3'],
    });
    const res = nginxTest(prefix);
    expect(res.code, res.output).toBe(0);
  });

  it('nginx -t rejects a broken configuration (the check can fail)', () => {
    const good = renderNginxConf({ ...PROFILES.frontend, webRoot: '/nonexistent', backends: ['127.0.0.1:1'], runtimeDir: '/tmp', accessLog: 'off', errorLog: '/dev/null' });
    for (const broken of [
      good.replace('proxy_http_version 1.1;', 'proxy_http_versio 1.1;'),
      good.replace('upstream dashboard_backend {', 'upstream dashboard_backend'),
      good.replace('least_conn;', 'least_conn; server;'),
    ]) {
      expect(broken).not.toBe(good);
      const prefix = prefixFor({ text: broken.replace(/pid \/tmp\/nginx.pid;/, '') });
      const res = nginxTest(prefix);
      expect(res.code, res.output).not.toBe(0);
      expect(res.output).toMatch(/emerg/);
    }
  });

  it('the renderer refuses options that cannot make a working proxy', () => {
    const base = { listen: ['3000'], runtimeDir: '/tmp', accessLog: 'off', errorLog: '/dev/null', metricsAllow: [] };
    expect(() => renderNginxConf({ ...base, webRoot: '/srv', backends: [] })).toThrow(/backend/);
    expect(() => renderNginxConf({ ...base, backends: ['a:1'] })).toThrow(/webRoot|frontends/);
    expect(() => renderNginxConf({ ...base, webRoot: '/srv', frontends: ['f:1'], backends: ['a:1'] })).toThrow(/either/);
  });
});

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

interface StubBackend {
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** A backend replica at the process boundary: HTTP echo, WebSocket echo on /ws, or 503 (draining). */
async function stubBackend(name: string, mode: 'ok' | 'draining'): Promise<StubBackend> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (mode === 'draining') {
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ error: { code: 'SERVER_DRAINING' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ backend: name, url: req.url }));
  });
  // A draining replica has no WebSocket handler: Node answers the upgrade as a plain request (503).
  const wss = mode === 'ok' ? new WebSocketServer({ server, path: '/ws' }) : null;
  wss?.on('connection', (socket, req) => {
    seen.push({ method: 'WS', url: req.url ?? '', headers: req.headers });
    socket.on('message', (data) => socket.send(`${name}:${String(data)}`));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss?.clients ?? []) client.terminate();
        wss?.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('nginx in front of backend replicas (real nginx, stub backends)', () => {
  let web: string;
  let backend: StubBackend;
  let draining: StubBackend;
  let nginx: RunningNginx;
  let base: string;
  let prefix: NginxPrefix;

  /** Every HTTP call of this suite goes through here. */
  const http = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${base}${path}`, { redirect: 'manual', ...init });

  beforeAll(async () => {
    web = openDir('dash-web-');
    mkdirSync(join(web, 'assets'), { mode: 0o755 });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>SPA</title><script type="module" src="/assets/app-abc123.js"></script>');
    writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.log("app");');
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    backend = await stubBackend('b1', 'ok');
    draining = await stubBackend('b0', 'draining');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    prefix = nginxPrefix({
      listen: [`127.0.0.1:${port}`],
      webRoot: web,
      backends: [`127.0.0.1:${draining.port}`, `127.0.0.1:${backend.port}`],
      metricsAllow: ['127.0.0.1'],
      workerProcesses: 1,
    });
    const check = nginxTest(prefix);
    expect(check.code, check.output).toBe(0);
    nginx = await startNginx(prefix);
  });

  afterAll(async () => {
    await nginx?.stop();
    await backend?.close();
    await draining?.close();
    prefix?.cleanup();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  it('serves index.html with security headers and no-cache, for / and for deep links', async () => {
    for (const path of ['/', '/tasks/123', '/employees/emp_001?tab=runs']) {
      const res = await http(path, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>SPA</title>');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('server')).toBe('nginx');
    }
  });

  it('serves hashed assets as immutable with their content type, and 404s a missing asset', async () => {
    const res = await http('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await http('/assets/missing-000.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>SPA</title>');
  });

  it('proxies /api with the forwarded headers and the client request id, retrying a draining replica', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await http(`/api/tasks?page=${i}`, { headers: { 'x-request-id': `req-${i}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ backend: 'b1', url: `/api/tasks?page=${i}` });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const forwarded = backend.seen.filter((r) => r.url.startsWith('/api/tasks'));
    expect(forwarded).toHaveLength(8);
    for (const [i, r] of forwarded.entries()) {
      expect(r.headers['x-request-id']).toBe(`req-${i}`);
      expect(r.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(r.headers['x-forwarded-proto']).toBe('http');
    }
    // The draining replica was tried (round robin) and its 503 never reached the client.
    expect(draining.seen.some((r) => r.url.startsWith('/api/tasks'))).toBe(true);
  });

  it('carries a WebSocket on /ws through the proxy, upgrade headers included', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/ws`, { headers: { 'x-request-id': 'ws-1' } });
    const reply = await new Promise<string>((resolve, reject) => {
      ws.once('open', () => ws.send('hello'));
      ws.once('message', (data) => resolve(String(data)));
      ws.once('error', reject);
    });
    ws.close();
    expect(reply).toBe('b1:hello');
    const upgrade = backend.seen.find((r) => r.method === 'WS');
    expect(upgrade?.headers.upgrade).toBe('websocket');
    expect(upgrade?.headers['x-request-id']).toBe('ws-1');
  });

  it('lets an allowed address read /metrics and gives /healthz without a backend', async () => {
    const metrics = await http('/metrics');
    expect(metrics.status).toBe(200);
    expect(backend.seen.some((r) => r.url === '/metrics')).toBe(true);
    const healthz = await http('/healthz');
    expect(healthz.status).toBe(200);
    expect(await healthz.text()).toBe('ok\n');
  });

  it('writes one JSON access-log line per request, with the request id', async () => {
    await http('/api/log-check', { headers: { 'x-request-id': 'log-line-1' } });
    // nginx writes the line after the response; the next request orders it before ours.
    await http('/healthz');
    const lines = readFileSync(prefix.accessLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.requestId === 'log-line-1');
    expect(line).toMatchObject({ method: 'GET', uri: '/api/log-check', status: 200 });
  });
});

describe('nginx /metrics restriction', () => {
  it('answers 403 to an address outside the allow list', async () => {
    const backend = await stubBackend('b1', 'ok');
    cleanups.push(() => backend.close());
    const port = await freePort();
    const web = openDir('dash-web-');
    cleanups.push(() => rmSync(web, { recursive: true, force: true }));
    const prefix = prefixFor({ listen: [`127.0.0.1:${port}`], webRoot: web, backends: [`127.0.0.1:${backend.port}`], metricsAllow: ['10.0.0.0/8'], workerProcesses: 1 });
    const nginx = await startNginx(prefix);
    cleanups.push(() => nginx.stop());
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(403);
    expect(backend.seen).toEqual([]);
  });
});
