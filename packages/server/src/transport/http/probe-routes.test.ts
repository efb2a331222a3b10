import { healthResponse, readyResponse } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../lifecycle/lifecycle.js';
import type { DependencyCheck } from '../../observability/health/dependency-check.js';
import { createLogger } from '../../observability/logger.js';
import { createMetrics } from '../../observability/metrics.js';
import { noCredentialsAccepted } from './auth/access-types.js';
import { createHttpServer, type HttpServer } from './http-server.js';
import { registerProbeRoutes } from './probe-routes.js';

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const up: DependencyCheck['probe'] = async () => 'fine';
const down: DependencyCheck['probe'] = () => Promise.reject(new Error('connection refused'));

async function build(checks: DependencyCheck[], options: { start?: boolean; notReady?: () => string | null } = {}) {
  const logger = createLogger({ level: 'silent', nodeId: 'node-t' });
  const metrics = createMetrics({ activeProcesses: () => 3, queueDepth: async () => ({ queued: 4, running: 1 }) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  const { server } = createHttpServer({ logger, metrics, lifecycle, auth: noCredentialsAccepted });
  servers.push(server);
  registerProbeRoutes(server, {
    nodeId: 'node-t',
    healthTimeoutMs: 500,
    dependencyChecks: () => checks,
    lifecycle,
    registry: metrics.registry,
    ...(options.notReady && { notReady: options.notReady }),
  });
  if (options.start !== false) await lifecycle.start();
  return { server, lifecycle };
}

const store = (probe: DependencyCheck['probe']): DependencyCheck => ({ name: 'store', kind: 'sqlite', required: true, probe });
const memory = (probe: DependencyCheck['probe']): DependencyCheck => ({ name: 'memory-api', kind: 'http', required: false, probe });

describe('GET /health', () => {
  it('is 200 ok with every dependency reported', async () => {
    const { server } = await build([store(up), memory(null)]);
    const res = await server.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const body = healthResponse.parse(res.json());
    expect(body).toMatchObject({ status: 'ok', nodeId: 'node-t' });
    expect(body.dependencies).toEqual([
      { name: 'store', kind: 'sqlite', required: true, status: 'up', latencyMs: expect.any(Number), detail: 'fine' },
      { name: 'memory-api', kind: 'http', required: false, status: 'not_configured', latencyMs: null, detail: null },
    ]);
  });

  it('stays 200 but degraded when an optional dependency is down', async () => {
    const { server } = await build([store(up), memory(down)]);
    const res = await server.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'degraded' });
  });

  it('is 503 when a required dependency is down', async () => {
    const { server } = await build([store(down), memory(up)]);
    const res = await server.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    const body = healthResponse.parse(res.json());
    expect(body.status).toBe('down');
    expect(body.dependencies[0]).toMatchObject({ status: 'down', detail: 'connection refused' });
  });
});

describe('GET /ready', () => {
  it('is 503 while starting, 200 when ready, 503 again from draining on', async () => {
    const { server, lifecycle } = await build([], { start: false });
    const ready = async () => {
      const res = await server.inject({ method: 'GET', url: '/ready' });
      return [res.statusCode, readyResponse.parse(res.json()).state];
    };
    expect(await ready()).toEqual([503, 'starting']);
    await lifecycle.start();
    expect(await ready()).toEqual([200, 'ready']);
    await lifecycle.stop();
    expect(await ready()).toEqual([503, 'stopped']);
  });

  it('is 503 with the reason while something else holds a ready server back (a fenced replica), /health unaffected', async () => {
    let fenced: string | null = 'fenced: heartbeat not renewed for 16.0 s';
    const { server } = await build([store(up)], { notReady: () => fenced });
    const res = await server.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(readyResponse.parse(res.json())).toEqual({ ready: false, state: 'ready', nodeId: 'node-t', reason: fenced });
    expect((await server.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    fenced = null;
    const back = await server.inject({ method: 'GET', url: '/ready' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toEqual({ ready: true, state: 'ready', nodeId: 'node-t' });
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with the dashboard metrics and process defaults', async () => {
    const { server } = await build([]);
    await server.inject({ method: 'GET', url: '/ready' });
    const res = await server.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.payload).toContain('dashboard_active_processes_total 3');
    expect(res.payload).toContain('dashboard_task_queue_depth{state="queued"} 4');
    expect(res.payload).toContain('dashboard_task_queue_depth{state="running"} 1');
    expect(res.payload).toContain('# TYPE dashboard_request_duration_seconds histogram');
    expect(res.payload).toContain('dashboard_request_duration_seconds_count{method="GET",route="/ready",status_code="200"} 1');
    expect(res.payload).toContain('process_cpu_user_seconds_total');
  });
});

describe('probes while draining', () => {
  it('keep answering while other routes get 503', async () => {
    const { server, lifecycle } = await build([store(up)]);
    server.get('/api/ping', { config: { access: 'public' } }, async () => ({ pong: true }));
    await lifecycle.stop();
    expect((await server.inject({ method: 'GET', url: '/api/ping' })).statusCode).toBe(503);
    expect((await server.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    expect((await server.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(503);
  });
});
