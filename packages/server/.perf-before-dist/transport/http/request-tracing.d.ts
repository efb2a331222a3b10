/**
 * Fastify hooks that give each HTTP request a span (observability/tracing.ts) and put its traceId
 * on the request's log lines. Registered only when tracing is on. Probes and the live feed's
 * long-lived WebSocket are left out: they would flood the traces without telling anything. The
 * HTTP server registers these before its other hooks, so rejected requests (401, 503) get spans.
 */
import type { FastifyInstance } from 'fastify';
import type { Tracing } from '../../observability/tracing.js';
export declare const UNTRACED_PATHS: readonly string[];
export declare function registerRequestTracing(server: FastifyInstance, tracing: Pick<Tracing, 'startRequest'>): void;
