/**
 * Creates the app's OpenTelemetry tracing (observability/tracing.ts) only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set: otherwise it returns null, registers nothing and loads
 * nothing. Called before any other component is registered, so tracing starts first and stops
 * (flushes) last; the HTTP server hooks its request spans in first (http-server.ts).
 */
import type { Config } from './config/config.js';
import type { Lifecycle } from './lifecycle/lifecycle.js';
import type { Logger } from './observability/logger.js';
import { createTracing, type Tracing } from './observability/tracing.js';

export interface TracingContext {
  config: Config;
  lifecycle: Lifecycle;
  logger: Logger;
  version: string;
}

export function registerTracing(ctx: TracingContext): Tracing | null {
  const { otlpEndpoint } = ctx.config.tracing;
  if (otlpEndpoint === null) return null;
  const tracing = createTracing(
    { ...ctx.config.tracing, otlpEndpoint },
    { nodeId: ctx.config.nodeId, role: ctx.config.role.name, version: ctx.version },
    ctx.logger.child({ component: 'tracing' }),
  );
  ctx.lifecycle.register({ name: 'tracing', start: () => tracing.start(), stop: () => tracing.stop() });
  return tracing;
}
