/**
 * The Fastify instance and its cross-cutting behaviour: zod validation and serialization, request
 * ids (echoed in `x-request-id`), the request-duration metric labelled by route template, the
 * draining gate (503 SERVER_DRAINING except on probes), in-flight tracking for drain, the global
 * error mapping and the JSON 404 / SPA fallback. Routes are added by the register* functions.
 */
import type { LifecycleState } from '@dash/shared';
import {
  fastify,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from '../../observability/logger.js';
import { SPA_FALLBACK_ROUTE, UNMATCHED_ROUTE, type Metrics } from '../../observability/metrics.js';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../observability/request-id.js';
import { apiError, type ApiErrorReply } from './api-error.js';
import { InFlightRequests } from './in-flight.js';
import { mapError } from './map-error.js';
import { isProbePath, pathOf } from './paths.js';
import { RequestLogController } from './request-logging.js';
import type { SpaFallback } from './spa.js';

export type HttpServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  /** Gate: only `ready` serves non-probe requests. */
  lifecycle: { readonly state: LifecycleState };
  /** @default 1 MiB */
  bodyLimitBytes?: number;
}

export interface HttpServerParts {
  server: HttpServer;
  inFlight: InFlightRequests;
  /** Sets the SPA fallback consulted by the not-found handler (embedded web serving). */
  useSpaFallback(fallback: SpaFallback): void;
}

export function createHttpServer(options: HttpServerOptions): HttpServerParts {
  const server = fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    requestIdHeader: false,
    logController: new RequestLogController(),
    genReqId: (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    // Errors raised before routing (malformed URL, ...) get the same body as all others.
    frameworkErrors: (err, request, reply) => void sendError(reply, mapError(err, request.id)),
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);

  const inFlight = new InFlightRequests();
  const spaServed = new WeakSet<FastifyRequest>();
  let spa: SpaFallback | null = null;

  server.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    const path = pathOf(request.url);
    if (isProbePath(path)) return done();
    const state = options.lifecycle.state;
    if (state !== 'ready') {
      const code = state === 'starting' ? 'SERVER_STARTING' : 'SERVER_DRAINING';
      // Close the connection so keep-alive clients reconnect to a replica that is serving.
      void sendError(reply.header('retry-after', '5').header('connection', 'close'), apiError(code, request.id));
      return;
    }
    if (request.headers.upgrade === undefined) reply.raw.once('close', inFlight.begin());
    done();
  });

  server.addHook('onResponse', (request, reply, done) => {
    const route = spaServed.has(request) ? SPA_FALLBACK_ROUTE : request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    options.metrics.requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });

  server.setErrorHandler((err, request, reply) => {
    const mapped = mapError(err, request.id);
    if (mapped.serverFault) request.log.error({ err }, 'request failed');
    else request.log.info({ code: mapped.body.error.code, reason: err instanceof Error ? err.message : String(err) }, 'request rejected');
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
    useSpaFallback(fallback) {
      spa = fallback;
    },
  };
}

function sendError(reply: FastifyReply, { status, body }: ApiErrorReply): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
