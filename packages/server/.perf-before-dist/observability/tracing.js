export function createTracing(config, identity, logger) {
    let startRequest = null;
    let shutdown = null;
    let stopping = null;
    return {
        async start() {
            const [sdk, exporterModule, resources, core, api] = await Promise.all([
                import('@opentelemetry/sdk-trace'),
                import('@opentelemetry/exporter-trace-otlp-http'),
                import('@opentelemetry/resources'),
                import('@opentelemetry/core'),
                import('@opentelemetry/api'),
            ]);
            const warn = (message, ...args) => logger.warn({ detail: args.map(String) }, `tracing: ${message}`);
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
                const span = tracer.startSpan(method, { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method, 'url.path': path } }, parent);
                return {
                    traceId: span.spanContext().traceId,
                    end(route, statusCode) {
                        span.updateName(`${method} ${route}`);
                        span.setAttributes({ 'http.route': route, 'http.response.status_code': statusCode });
                        if (statusCode >= 500)
                            span.setStatus({ code: api.SpanStatusCode.ERROR });
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
//# sourceMappingURL=tracing.js.map