/**
 * The Fastify instance and its cross-cutting behaviour: zod validation and serialization, request
 * ids (echoed in `x-request-id`), security headers and CSP, the request-duration metric labelled by
 * route template, the draining gate (503 SERVER_DRAINING except on probes), then access control
 * (rate limits, credentials, each route's declared role, CSRF: auth/access-control.ts), CORS from
 * an allow-list, in-flight tracking for drain, the global error mapping and the JSON 404 / SPA
 * fallback. Routes are added by the register* functions and must declare `config.access`.
 */
import { CSRF_HEADER } from '@dash/shared';
import fastifyCors from '@fastify/cors';
import { fastify, } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { SPA_FALLBACK_ROUTE, UNMATCHED_ROUTE } from '../../observability/metrics.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../observability/request-id.js';
import { apiError } from './api-error.js';
import { installAccessControl } from './auth/access-control.js';
import { defaultRateLimits } from './auth/rate-limit.js';
import { applySecurityHeaders } from './auth/security-headers.js';
import { registerRequestTracing } from './request-tracing.js';
import { InFlightRequests } from './in-flight.js';
import { mapError } from './map-error.js';
import { isProbePath, pathOf } from './paths.js';
import { RequestLogController } from './request-logging.js';
export function createHttpServer(options) {
    const security = { rateLimits: defaultRateLimits, corsOrigins: [], hsts: false, trustProxy: false, ...options.security };
    const server = fastify({
        loggerInstance: options.logger,
        // A hop count is valid at run time; Fastify's types only list the other forms.
        trustProxy: security.trustProxy,
        bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
        requestIdHeader: false,
        logController: new RequestLogController(),
        genReqId: (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
        // Errors raised before routing (malformed URL, ...) get the same body as all others.
        frameworkErrors: (err, request, reply) => void sendError(reply, mapError(err, request.id)),
    }).withTypeProvider();
    server.setValidatorCompiler(validatorCompiler);
    server.setSerializerCompiler(serializerCompiler);
    if (options.tracing)
        registerRequestTracing(server, options.tracing);
    const inFlight = new InFlightRequests();
    const spaServed = new WeakSet();
    let spa = null;
    server.addHook('onRequest', (request, reply, done) => {
        reply.header(REQUEST_ID_HEADER, request.id);
        applySecurityHeaders(reply, { hsts: security.hsts });
        const path = pathOf(request.url);
        if (isProbePath(path))
            return done();
        const state = options.lifecycle.state;
        if (state !== 'ready') {
            const code = state === 'starting' ? 'SERVER_STARTING' : 'SERVER_DRAINING';
            // Close the connection so keep-alive clients reconnect to a replica that is serving.
            void sendError(reply.header('retry-after', '5').header('connection', 'close'), apiError(code, request.id));
            return;
        }
        if (request.headers.upgrade === undefined)
            reply.raw.once('close', inFlight.begin());
        done();
    });
    // After the lifecycle gate: rate limits, credentials, the route's role, CSRF (auth/access-control.ts).
    const access = installAccessControl(server, {
        authenticator: options.auth,
        rateLimits: security.rateLimits,
        allowedOrigins: security.corsOrigins,
        ...(security.audit !== undefined && { audit: security.audit }),
    });
    if (security.corsOrigins.length > 0) {
        void server.register(fastifyCors, {
            origin: [...security.corsOrigins],
            credentials: true,
            methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
            allowedHeaders: ['content-type', 'authorization', CSRF_HEADER, REQUEST_ID_HEADER],
            exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
            maxAge: 600,
        });
    }
    server.addHook('onResponse', (request, reply, done) => {
        const route = spaServed.has(request) ? SPA_FALLBACK_ROUTE : request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
        options.metrics.requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
        done();
    });
    server.setErrorHandler((err, request, reply) => {
        const mapped = mapError(err, request.id);
        if (mapped.serverFault)
            request.log.error({ err }, 'request failed');
        else
            request.log.info({ code: mapped.body.error.code, reason: err instanceof Error ? err.message : String(err) }, 'request rejected');
        return sendError(reply, mapped);
    });
    server.setNotFoundHandler((request, reply) => {
        if (spa?.wants(request)) {
            spaServed.add(request);
            return spa.serve(request, reply);
        }
        return sendError(reply, apiError('ROUTE_NOT_FOUND', request.id, { details: { method: request.method, path: pathOf(request.url) } }));
    });
    return {
        server,
        inFlight,
        access,
        useSpaFallback(fallback) {
            spa = fallback;
        },
    };
}
function sendError(reply, { status, body }) {
    return reply.code(status).type('application/json; charset=utf-8').send(body);
}
//# sourceMappingURL=http-server.js.map