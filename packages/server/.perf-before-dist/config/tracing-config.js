export function tracingConfigFrom(e, role) {
    return {
        tracing: {
            otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT ?? null,
            serviceName: e.OTEL_SERVICE_NAME ?? `dashboard-${role}`,
        },
    };
}
//# sourceMappingURL=tracing-config.js.map