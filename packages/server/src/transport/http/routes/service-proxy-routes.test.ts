/**
 * The companion-service proxy against a real upstream HTTP server on loopback: what goes through,
 * what is refused here, and how an unreachable or silent service becomes the caller's 503.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { apiErrorBody } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/app-error.js';
import type { Principal } from '../../../domain/auth/principal.js';
import { Lifecycle } from '../../../lifecycle/lifecycle.js';
import { createLogger } from '../../../observability/logger.js';
import { createMetrics } from '../../../observability/metrics.js';
import type { RequestAuthenticator } from '../auth/access-types.js';
import { createHttpServer, type HttpServerParts } from '../http-server.js';
import { isTimeout, serviceProxyRoutes, type ServiceProxyOptions } from './service-proxy-routes.js';

const TOKEN = 'dat_viewer';
const viewer: Principal = {
  kind: 'token', userId: 'u1', username: 'vera', role: 'viewer', sessionId: null, tokenId: 't1', tokenName: 'ci', expiresAt: '2999-01-01T00:00:00.000Z', csrfToken: null,
};
const auth: RequestAuthenticator = {
  authenticateSession: () => Promise.resolve(null),
  authenticateToken: (token) => Promise.resolve(token === TOKEN ? viewer : null),
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An upstream service on loopback that records each request and answers with `handle`. */
async function upstream(handle: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const res of open) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const unavailable: ServiceProxyOptions['unavailable'] = (baseUrl, cause, timeoutMs) =>
  new AppError('BRIDGE_UNAVAILABLE', { message: `${baseUrl} is gone`, details: { reason: isTimeout(cause) ? `no answer within ${timeoutMs}ms` : 'refused' } });

/** This server, with the proxy for `/api/svc` in front of `baseUrl`, listening on loopback. */
async function proxy(baseUrl: string, options: Partial<ServiceProxyOptions> = {}): Promise<{ url: string; parts: HttpServerParts }> {
  const logger = createLogger({ level: 'fatal', nodeId: 'test' }, new Writable({ write: (_c, _e, cb) => cb() }));
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  const parts = createHttpServer({ logger, metrics, lifecycle, bodyLimitBytes: 1024, auth });
  void parts.server.register(serviceProxyRoutes, { basePath: '/api/svc', includeBasePath: false, baseUrl, timeoutMs: 5_000, unavailable, ...options });
  await lifecycle.start();
  await parts.server.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => parts.server.close());
  return { url: `http://127.0.0.1:${(parts.server.server.address() as AddressInfo).port}`, parts };
}

const authorized = { authorization: `Bearer ${TOKEN}` };
const errorOf = async (res: Response) => apiErrorBody.parse(await res.json()).error;

describe('serviceProxyRoutes', () => {
  it('forwards method, path, query, body and credentials with the request id, and returns the answer as it came', async () => {
    const service = await upstream((_req, res) => {
      res.writeHead(207, { 'content-type': 'application/json', 'x-service': 'yes' });
      res.end('{"ok":true}');
    });
    const { url } = await proxy(service.url);
    const res = await fetch(`${url}/api/svc/items/7?limit=2`, {
      method: 'PATCH',
      headers: { ...authorized, 'content-type': 'application/json', 'x-request-id': 'req-proxy-1', 'x-custom': 'kept' },
      body: '{"name":"n"}',
    });
    expect(res.status).toBe(207);
    expect(res.headers.get('x-service')).toBe('yes');
    expect(await res.json()).toEqual({ ok: true });
    expect(service.seen).toHaveLength(1);
    const [seen] = service.seen;
    expect(seen).toMatchObject({ method: 'PATCH', url: '/api/svc/items/7?limit=2', body: '{"name":"n"}' });
    expect(seen?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-custom': 'kept', 'x-request-id': 'req-proxy-1' });
    // The upstream's Host is its own, not the caller's.
    expect(seen?.headers.host).toBe(new URL(service.url).host);
  });

  it('passes error answers through unchanged', async () => {
    const service = await upstream((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such item', requestId: 'upstream' } }));
    });
    const { url } = await proxy(service.url);
    const res = await fetch(`${url}/api/svc/items/missing`, { headers: authorized });
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({ code: 'NOT_FOUND', message: 'No such item', requestId: 'upstream' });
  });

  it('declares viewer access on `${basePath}/*`, and on the base path itself only when asked', async () => {
    const service = await upstream((_req, res) => res.end('bare'));
    const without = await proxy(service.url);
    expect(without.parts.access.routes().filter((r) => r.url.startsWith('/api/svc')).map((r) => `${r.method} ${r.url} ${r.access}`)).toContain('GET /api/svc/* viewer');
    expect(without.parts.access.routes().some((r) => r.url === '/api/svc')).toBe(false);
    expect((await fetch(`${without.url}/api/svc`, { headers: authorized })).status).toBe(404);
    expect(service.seen).toHaveLength(0);

    const withBare = await proxy(service.url, { includeBasePath: true });
    expect(withBare.parts.access.routes().filter((r) => r.url === '/api/svc').map((r) => r.access)).toContain('viewer');
    const res = await fetch(`${withBare.url}/api/svc?x=1`, { headers: authorized });
    expect(await res.text()).toBe('bare');
    expect(service.seen.map((s) => s.url)).toEqual(['/api/svc?x=1']);
  });

  it('refuses a caller without credentials here (401), without asking the service', async () => {
    const service = await upstream((_req, res) => res.end());
    const { url } = await proxy(service.url);
    const res = await fetch(`${url}/api/svc/items`);
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe('UNAUTHENTICATED');
    expect(service.seen).toHaveLength(0);
  });

  it('refuses a declared body over the body limit with 413 PAYLOAD_TOO_LARGE before sending anything', async () => {
    const service = await upstream((_req, res) => res.end());
    const { url } = await proxy(service.url);
    const res = await fetch(`${url}/api/svc/items`, { method: 'POST', headers: { ...authorized, 'content-type': 'text/plain' }, body: 'x'.repeat(2_000) });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { limitBytes: 1024 } });
    expect(service.seen).toHaveLength(0);
  });

  it('answers the service\'s 503 when nothing listens at its URL', async () => {
    const service = await upstream((_req, res) => res.end());
    const gone = service.url;
    await cleanups.pop()?.();
    const { url } = await proxy(gone);
    const res = await fetch(`${url}/api/svc/items`, { headers: authorized });
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toMatchObject({ code: 'BRIDGE_UNAVAILABLE', message: `${gone} is gone`, details: { reason: 'refused' } });
  });

  it('answers the service\'s 503 as a timeout when the service does not start answering in time', async () => {
    const service = await upstream(() => undefined);
    const { url } = await proxy(service.url, { timeoutMs: 200 });
    const res = await fetch(`${url}/api/svc/slow`, { headers: authorized });
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toMatchObject({ code: 'BRIDGE_UNAVAILABLE', details: { reason: 'no answer within 200ms' } });
    expect(service.seen).toHaveLength(1);
  });

  it('cuts an answer whose body stalls past the deadline', async () => {
    const service = await upstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    const { url } = await proxy(service.url, { timeoutMs: 300 });
    const res = await fetch(`${url}/api/svc/stream`, { headers: authorized });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });
});
