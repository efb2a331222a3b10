/**
 * Creates the app's OpenTelemetry tracing (observability/tracing.ts) only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set: otherwise it returns null, registers nothing and loads
 * nothing. Called before any other component is registered, so tracing starts first and stops
 * (flushes) last; the HTTP server hooks its request spans in first (http-server.ts).
 */
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { type Tracing } from './observability/tracing.js';
export interface TracingContext {
    config: Config;
    lifecycle: Lifecycle;
    logger: Logger;
    version: string;
}
export declare function registerTracing(ctx: TracingContext): Tracing | null;
