import { Writable } from 'node:stream';
import { apiErrorBody } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import { Lifecycle } from '../../lifecycle/lifecycle.js';
import { createLogger } from '../../observability/logger.js';
import { createMetrics } from '../../observability/metrics.js';
import { noCredentialsAccepted } from './auth/access-types.js';
import { createHttpServer, type HttpServer } from './http-server.js';

/** Collects the JSON log lines the server writes. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, stream };
}

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function build() {
  const logs = logSink();
  const logger = createLogger({ level: 'info', nodeId: 'test' }, logs.stream);
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  const { server } = createHttpServer({ logger, metrics, lifecycle, bodyLimitBytes: 1024, auth: noCredentialsAccepted });
  servers.push(server);

  server.get('/api/runs/:id', { config: { access: 'public' }, schema: { params: z.object({ id: z.string() }) } }, async (request) => {
    if (request.params.id === 'missing') throw new AppError('RUN_NOT_FOUND', { details: { runId: 'missing' } });
    return { id: request.params.id };
  });
  server.post(
    '/api/tasks',
    { config: { access: 'public' }, schema: { body: z.object({ title: z.string().min(1), priority: z.number().int().min(1).max(5) }), querystring: z.object({ limit: z.coerce.number().int().max(100).optional() }) } },
    async (request) => ({ title: request.body.title }),
  );
  server.get('/api/boom', { config: { access: 'public' } }, async () => {
    throw new Error('db password=hunter2 exploded at /secret/path');
  });
  server.get('/api/conflict', { config: { access: 'public' } }, async () => {
    throw new AppError('CONFLICT', { message: 'Task is already assigned', fields: [{ path: 'body.employeeId', message: 'busy' }] });
  });
  await lifecycle.start();
  return { server, logs, metrics, lifecycle };
}

const errorOf = (payload: string) => apiErrorBody.parse(JSON.parse(payload)).error;

describe('HTTP error mapping', () => {
  it('answers AppError with its status, code, message and details', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'GET', url: '/api/runs/missing' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.payload)).toEqual({ code: 'RUN_NOT_FOUND', message: 'Run not found', requestId: res.headers['x-request-id'], details: { runId: 'missing' } });
  });

  it('keeps an AppError message and fields', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'GET', url: '/api/conflict' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.payload)).toMatchObject({ code: 'CONFLICT', message: 'Task is already assigned', fields: [{ path: 'body.employeeId', message: 'busy' }] });
  });

  it('turns zod validation failures into 400 VALIDATION_FAILED with field paths', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'POST', url: '/api/tasks', payload: { title: 'x', priority: 9 } });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.payload);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([{ path: 'body.priority', message: expect.any(String) }]);
  });

  it('names query parameters as query.<name>', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'POST', url: '/api/tasks?limit=1000', payload: { title: 'x', priority: 1 } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.payload).fields?.map((f) => f.path)).toEqual(['query.limit']);
  });

  it('answers malformed JSON with 400 BAD_JSON', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'POST', url: '/api/tasks', headers: { 'content-type': 'application/json' }, payload: '{"title":' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.payload).code).toBe('BAD_JSON');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'POST', url: '/api/tasks', payload: { title: 'x'.repeat(2048), priority: 1 } });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res.payload).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'POST', url: '/api/tasks', headers: { 'content-type': 'application/xml' }, payload: '<task/>' });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res.payload).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['/api/nope', '/health/extra', '/ws/unknown', '/nothing-here'])('answers unknown route %s with 404 ROUTE_NOT_FOUND', async (url) => {
    const { server } = await build();
    const res = await server.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(errorOf(res.payload)).toMatchObject({ code: 'ROUTE_NOT_FOUND', details: { method: 'GET', path: url } });
  });

  it('hides unexpected errors behind 500 INTERNAL_ERROR and logs them with the request id', async () => {
    const { server, logs } = await build();
    const res = await server.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    const error = errorOf(res.payload);
    expect(error).toEqual({ code: 'INTERNAL_ERROR', message: 'Internal server error', requestId: res.headers['x-request-id'] });
    expect(res.payload).not.toContain('hunter2');
    expect(res.payload).not.toContain('exploded');
    const logged = logs.lines.find((l) => l.msg === 'request failed');
    expect(logged).toMatchObject({ level: 50, requestId: error.requestId });
    const err = logged?.err as { message: string; stack: string };
    expect(err.message).toContain('exploded');
    expect(err.message).not.toContain('hunter2');
  });
});

describe('request ids', () => {
  it('honours a sane incoming x-request-id and echoes it', async () => {
    const { server } = await build();
    const res = await server.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': 'edge-7f3a:01' } });
    expect(res.headers['x-request-id']).toBe('edge-7f3a:01');
    expect(errorOf(res.payload).requestId).toBe('edge-7f3a:01');
  });

  it.each(['has spaces', 'x'.repeat(129), 'quote"d', ''])('replaces an unusable x-request-id (%j)', async (incoming) => {
    const { server } = await build();
    const res = await server.inject({ method: 'GET', url: '/api/runs/1', headers: { 'x-request-id': incoming } });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates a distinct id per request', async () => {
    const { server } = await build();
    const a = await server.inject({ method: 'GET', url: '/api/runs/1' });
    const b = await server.inject({ method: 'GET', url: '/api/runs/1' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('request duration metric', () => {
  it('labels requests with the route template, never the raw URL, and 404s as __unmatched', async () => {
    const { server, metrics } = await build();
    await server.inject({ method: 'GET', url: '/api/runs/run_8d2f' });
    await server.inject({ method: 'GET', url: '/api/runs/missing' });
    await server.inject({ method: 'GET', url: '/api/does/not/exist/42' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('dashboard_request_duration_seconds_count{method="GET",route="/api/runs/:id",status_code="200"} 1');
    expect(text).toContain('dashboard_request_duration_seconds_count{method="GET",route="/api/runs/:id",status_code="404"} 1');
    expect(text).toContain('dashboard_request_duration_seconds_count{method="GET",route="__unmatched",status_code="404"} 1');
    expect(text).not.toContain('run_8d2f');
    expect(text).not.toContain('/api/does/not/exist');
  });
});

describe('draining gate', () => {
  it('answers new work with 503 SERVER_DRAINING once shutdown begins', async () => {
    const { server, lifecycle } = await build();
    expect((await server.inject({ method: 'GET', url: '/api/runs/1' })).statusCode).toBe(200);
    await lifecycle.stop();
    const res = await server.inject({ method: 'GET', url: '/api/runs/1' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(errorOf(res.payload)).toMatchObject({ code: 'SERVER_DRAINING', requestId: res.headers['x-request-id'] });
  });
});
