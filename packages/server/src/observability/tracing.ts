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

type StartRequest = Tracing['startRequest'];

export function createTracing(config: TracingConfig & { otlpEndpoint: string }, identity: TracingIdentity, logger: Logger): Tracing {
  let startRequest: StartRequest | null = null;
  let shutdown: (() => Promise<void>) | null = null;
  let stopping: Promise<void> | null = null;

  return {
    async start() {
      const [sdk, exporterModule, resources, core, api] = await Promise.all([
        import('@opentelemetry/sdk-trace'),
        import('@opentelemetry/exporter-trace-otlp-http'),
        import('@opentelemetry/resources'),
        import('@opentelemetry/core'),
        import('@opentelemetry/api'),
      ]);
      const warn = (message: string, ...args: unknown[]): void => logger.warn({ detail: args.map(String) }, `tracing: ${message}`);
      api.diag.setLogger({ error: warn, warn, info: () => undefined, debug: () => undefined, verbose: () => undefined }, api.DiagLogLevel.WARN);

      const url = `${config.otlpEndpoint}/v1/traces`;
      const provider = new sdk.TracerProvider({
        resource: resources.resourceFromAttributes({
          'service.name': config.serviceName,
          'service.version': identity.version,
          'service.instance.id': identity.nodeId,
          'dashboard.service_role': identity.role,
        }),
        spanProcessors: [new sdk.BatchSpanProcessor({ exporter: new exporterModule.OTLPTraceExporter({ url }) })],
      });
      const tracer = provider.getTracer('@dash/server', identity.version);
      const propagator = new core.W3CTraceContextPropagator();

      startRequest = (method, path, headers) => {
        const parent = propagator.extract(api.ROOT_CONTEXT, headers, api.defaultTextMapGetter);
        const span = tracer.startSpan(
          method,
          { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } },
          parent,
        );
        return {
          traceId: span.spanContext().traceId,
          end(route, statusCode) {
            span.updateName(`${method} ${route}`);
            span.setAttributes({ 'http.route': route, 'http.response.status_code': statusCode });
            if (statusCode >= 500) span.setStatus({ code: api.SpanStatusCode.ERROR });
            span.end();
          },
        };
      };
      shutdown = () => provider.shutdown();
      logger.info({ url, serviceName: config.serviceName }, 'tracing on: exporting spans over OTLP/HTTP');
    },
    startRequest(method, path, headers) {
      return startRequest === null ? null : startRequest(method, path, headers);
    },
    stop() {
      stopping ??= (async () => {
        startRequest = null;
        await shutdown?.();
      })();
      return stopping;
    },
  };
}
