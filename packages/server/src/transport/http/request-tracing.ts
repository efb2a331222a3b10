/**
 * Fastify hooks that give each HTTP request a span (observability/tracing.ts) and put its traceId
 * on the request's log lines. Registered only when tracing is on. Probes and the live feed's
 * long-lived WebSocket are left out: they would flood the traces without telling anything. The
 * HTTP server registers these before its other hooks, so rejected requests (401, 503) get spans.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UNMATCHED_ROUTE } from '../../observability/metrics.js';
import type { RequestSpan, Tracing } from '../../observability/tracing.js';
import { isProbePath, pathOf } from './paths.js';

export const UNTRACED_PATHS: readonly string[] = ['/ws'];

export function registerRequestTracing(server: FastifyInstance, tracing: Pick<Tracing, 'startRequest'>): void {
  const spans = new WeakMap<FastifyRequest, RequestSpan>();

  server.addHook('onRequest', (request, reply, done) => {
    const path = pathOf(request.url);
    if (!isProbePath(path) && !UNTRACED_PATHS.includes(path)) {
      const span = tracing.startRequest(request.method, path, request.headers);
      if (span !== null) {
        spans.set(request, span);
        // Fastify's `request completed` line is written through reply.log, made before this hook.
        request.log = request.log.child({ traceId: span.traceId });
        reply.log = request.log;
      }
    }
    done();
  });

  server.addHook('onResponse', (request, reply, done) => {
    const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    spans.get(request)?.end(route, reply.statusCode);
    done();
  });
}
