/**
 * The Fastify instance and its cross-cutting behaviour: zod validation and serialization, request
 * ids (echoed in `x-request-id`), security headers and CSP, the request-duration metric labelled by
 * route template, the draining gate (503 SERVER_DRAINING except on probes), then access control
 * (rate limits, credentials, each route's declared role, CSRF: auth/access-control.ts), CORS from
 * an allow-list, in-flight tracking for drain, the global error mapping and the JSON 404 / SPA
 * fallback. Routes are added by the register* functions and must declare `config.access`.
 */
import { type LifecycleState } from '@dash/shared';
import { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import { type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../../observability/logger.js';
import { type Metrics } from '../../observability/metrics.js';
import { type AccessControl, type AuditSink } from './auth/access-control.js';
import type { RequestAuthenticator } from './auth/access-types.js';
import { type RateLimits } from './auth/rate-limit.js';
import type { Tracing } from '../../observability/tracing.js';
import { InFlightRequests } from './in-flight.js';
import type { SpaFallback } from './spa.js';
export type HttpServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
export interface HttpServerOptions {
    logger: Logger;
    metrics: Metrics;
    /** Gate: only `ready` serves non-probe requests. */
    lifecycle: {
        readonly state: LifecycleState;
    };
    /** @default 1 MiB */
    bodyLimitBytes?: number;
    /** Resolves credentials; every non-public route needs them (see auth/access-control.ts). */
    auth: RequestAuthenticator;
    /** Rate limits, allowed origins, HSTS, audit of changes, proxy trust. */
    security?: Partial<HttpSecurityOptions>;
    /** Request spans (observability/tracing.ts), only when tracing is on; hooked first, so rejected requests are traced too. */
    tracing?: Pick<Tracing, 'startRequest'> | null;
}
export interface HttpSecurityOptions {
    rateLimits: RateLimits;
    /** CORS allow-list (CORS_ORIGINS); empty = same-origin only. */
    corsOrigins: readonly string[];
    /** Strict-Transport-Security on every response (deployments behind TLS). */
    hsts: boolean;
    /** Fastify `trustProxy` (TRUST_PROXY): whose X-Forwarded-For gives the client address. */
    trustProxy: boolean | number | string;
    audit?: AuditSink;
}
export interface HttpServerParts {
    server: HttpServer;
    inFlight: InFlightRequests;
    /** The route table with each route's access (for the route × role matrix test). */
    access: AccessControl;
    /** Sets the SPA fallback consulted by the not-found handler (embedded web serving). */
    useSpaFallback(fallback: SpaFallback): void;
}
export declare function createHttpServer(options: HttpServerOptions): HttpServerParts;
