/**
 * OpenTelemetry traces: a server span per HTTP request, exported over OTLP/HTTP (JSON) to
 * `<OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces` (Jaeger, an OpenTelemetry Collector, Tempo...).
 *
 * Off unless the endpoint is configured, and then at no cost: the composition root creates this
 * only when it is set, so otherwise no OpenTelemetry module is even loaded and no hook runs. When
 * on, the SDK is imported in start(), spans are batched (BatchSpanProcessor) and stop() exports
 * what is left, so the last requests before a shutdown are not lost. A caller's W3C
 * `traceparent` makes the request's span its child. Export failures are logged as warnings and
 * never affect requests.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { TracingConfig } from '../config/tracing-config.js';
import type { Logger } from '../ports/logger.js';
export interface RequestSpan {
    /** The trace this request belongs to (32 hex digits), also put on its log lines. */
    readonly traceId: string;
    /** Names the span after the route template, records the status code, and ends it. */
    end(route: string, statusCode: number): void;
}
export interface Tracing {
    /** Loads the SDK and the exporter. */
    start(): Promise<void>;
    /** A server span for one request; null before start() and after stop(). */
    startRequest(method: string, path: string, headers: IncomingHttpHeaders): RequestSpan | null;
    /** Exports the buffered spans, then shuts the exporter down. Idempotent. */
    stop(): Promise<void>;
}
export interface TracingIdentity {
    nodeId: string;
    role: string;
    version: string;
}
export declare function createTracing(config: TracingConfig & {
    otlpEndpoint: string;
}, identity: TracingIdentity, logger: Logger): Tracing;
