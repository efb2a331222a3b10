/**
 * The tracing slice of the configuration (docs/deployment.md, Traces): OpenTelemetry spans are
 * exported over OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing of
 * OpenTelemetry is loaded. Built from the parsed environment by load-config.ts.
 */
import type { ParsedEnv } from './env-schema.js';
import type { ServiceRoleName } from './service-role.js';
export interface TracingConfig {
    /** OTEL_EXPORTER_OTLP_ENDPOINT: base URL of an OTLP/HTTP receiver (spans go to `<it>/v1/traces`); null = off. */
    otlpEndpoint: string | null;
    /** OTEL_SERVICE_NAME: `service.name` of the spans. @default `dashboard-<SERVICE_ROLE>` */
    serviceName: string;
}
export declare function tracingConfigFrom(e: ParsedEnv, role: ServiceRoleName): {
    tracing: TracingConfig;
};
