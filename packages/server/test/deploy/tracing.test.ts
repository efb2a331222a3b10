/**
 * OpenTelemetry traces from the built server to a local OTLP/HTTP receiver (a stub at the process
 * boundary that records what Jaeger or a Collector would receive): one server span per request,
 * named after the route template, child of the caller's W3C traceparent, with the status code;
 * probes and the WebSocket left out; the traceId on the request's log line; the buffer flushed on
 * shutdown. Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is sent (the SDK is imported only when it is set).
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTracing } from '../../src/observability/tracing.js';
import { silentLogger } from '../../src/ports/logger.js';
import { freePort, startServer, type SpawnedServer } from '../support/server-process.js';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
  status?: { code?: number };
}
interface OtlpExport {
  resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
}

interface Receiver {
  url: string;
  exports: OtlpExport[];
  paths: string[];
  close(): Promise<void>;
}

/** An OTLP/HTTP receiver that accepts JSON exports on /v1/traces. */
async function otlpReceiver(): Promise<Receiver> {
  const exports: OtlpExport[] = [];
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.url === '/v1/traces') exports.push(JSON.parse(body) as OtlpExport);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, exports, paths, close: () => new Promise((r) => server.close(() => r())) };
}

const attr = (attrs: OtlpAttribute[], key: string): string | number | undefined => {
  const v = attrs.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : undefined);
};

let server: SpawnedServer | null = null;
let receiver: Receiver | null = null;
afterEach(async () => {
  await server?.stop();
  await receiver?.close();
  server = null;
  receiver = null;
});

/** Every HTTP call to the dashboard in this file goes through here, with the test admin's credentials. */
const api = (path: string, init: RequestInit = {}): Promise<Response> => {
  if (server === null) throw new Error('the server is not running');
  return server.api(path, init);
};

describe('OpenTelemetry traces (OTLP/HTTP)', () => {
  it('exports one server span per request, child of the caller trace, flushed at shutdown', async () => {
    receiver = await otlpReceiver();
    server = await startServer({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`, OTEL_SERVICE_NAME: 'dashboard-test', NODE_ID: 'trace-node-1' } });
    expect(server.logs().some((l) => l.msg === 'tracing on: exporting spans over OTLP/HTTP')).toBe(true);

    const parentTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentSpan = '00f067aa0ba902b7';
    const withParent = await api('/api/runs?limit=1', { headers: { traceparent: `00-${parentTrace}-${parentSpan}-01` } });
    const missing = await api('/api/no-such-route');
    expect(missing.status).toBe(404);
    await api('/health');
    await api('/ready');
    await api('/metrics');
    const exit = await server.stop();
    expect(exit.code).toBe(0);
    const logs = server.logs();
    server = null;

    expect(receiver.paths.every((p) => p.startsWith('POST /v1/traces application/json'))).toBe(true);
    const resourceSpans = receiver.exports.flatMap((e) => e.resourceSpans);
    expect(resourceSpans.length).toBeGreaterThan(0);
    const resource = resourceSpans[0]?.resource.attributes ?? [];
    expect(attr(resource, 'service.name')).toBe('dashboard-test');
    expect(attr(resource, 'service.instance.id')).toBe('trace-node-1');
    expect(attr(resource, 'dashboard.service_role')).toBe('all');
    const spans = resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));

    // Probes are not traced: exactly the two API requests.
    expect(spans.map((s) => s.name).sort()).toEqual(['GET /api/runs', 'GET __unmatched']);
    const child = spans.find((s) => s.name === 'GET /api/runs');
    expect(child?.traceId).toBe(parentTrace);
    expect(child?.parentSpanId).toBe(parentSpan);
    expect(child?.kind).toBe(2); // SPAN_KIND_SERVER
    expect(attr(child?.attributes ?? [], 'http.route')).toBe('/api/runs');
    expect(attr(child?.attributes ?? [], 'http.response.status_code')).toBe(withParent.status);
    expect(attr(child?.attributes ?? [], 'url.path')).toBe('/api/runs');
    const unmatched = spans.find((s) => s.name === 'GET __unmatched');
    expect(unmatched?.traceId).not.toBe(parentTrace);
    expect(attr(unmatched?.attributes ?? [], 'http.response.status_code')).toBe(404);

    // The request's log line carries the trace id (Grafana links Loki lines to Jaeger with it).
    expect(logs.some((l) => l.traceId === parentTrace)).toBe(true);
  });

  it('marks a 5xx answer as an error span, and no other (the tracing module with the real SDK)', async () => {
    receiver = await otlpReceiver();
    const tracing = createTracing({ otlpEndpoint: receiver.url, serviceName: 'unit' }, { nodeId: 'n1', role: 'all', version: '0.0.0' }, silentLogger);
    expect(tracing.startRequest('GET', '/x', {})).toBeNull();
    await tracing.start();
    tracing.startRequest('POST', '/api/tasks', {})?.end('/api/tasks', 503);
    tracing.startRequest('GET', '/api/tasks/1', {})?.end('/api/tasks/:id', 404);
    await tracing.stop();
    expect(tracing.startRequest('GET', '/x', {})).toBeNull();
    const spans = receiver.exports.flatMap((e) => e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((sp) => sp.spans)));
    expect(spans.map((sp) => [sp.name, sp.status?.code ?? 0])).toEqual([
      ['POST /api/tasks', 2], // STATUS_CODE_ERROR
      ['GET /api/tasks/:id', 0],
    ]);
  });

  it('sends nothing and puts no traceId in the logs without OTEL_EXPORTER_OTLP_ENDPOINT', async () => {
    receiver = await otlpReceiver();
    server = await startServer();
    await api('/api/runs?limit=1');
    await server.stop();
    const logs = server.logs();
    server = null;
    expect(receiver.paths).toEqual([]);
    expect(logs.some((l) => String(l.msg).startsWith('tracing'))).toBe(false);
    expect(logs.some((l) => 'traceId' in l)).toBe(false);
  });

  it('refuses an endpoint that is not an http(s) URL, naming the variable', async () => {
    const { runToExit } = await import('../support/server-process.js');
    const res = await runToExit({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' } });
    expect(res.code).toBe(78);
    expect(res.stderr).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });
});
