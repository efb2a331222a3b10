/**
 * A path prefix forwarded to a companion service that runs as its own process (the memory service
 * at MEMORY_API_URL for /api/memory, the API bridge at API_BRIDGE_URL for /api/bridge). A
 * transparent proxy: method, path, query and body go through as they came (the body is streamed,
 * not parsed, so size limits and validation are the service's), and the answer comes back with its
 * status, headers and body, error bodies included. One check happens here: a declared
 * Content-Length over this server's body limit (the service's too: same build) is refused with 413
 * PAYLOAD_TOO_LARGE before anything is sent, because a server that refuses a body mid-upload
 * closes the connection and the proxy could only report that as unavailable. The request id is
 * forwarded in `x-request-id`, so both processes log the same id, and so are the caller's
 * credentials (the service authorizes each route itself).
 *
 * When the service cannot be reached, or does not start answering within `timeoutMs`, the client
 * gets the service's 503 (`unavailable`); a body that stalls after the answer started is cut at
 * the same deadline.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../domain/app-error.js';
import { REQUEST_ID_HEADER } from '../../../observability/request-id.js';
import '../auth/access-types.js';

export interface ServiceProxyOptions {
  /**
   * The forwarded path, e.g. `/api/memory`: `${basePath}/*` goes to the service. (Not `prefix`:
   * Fastify's register() would mount the routes under it.)
   */
  basePath: string;
  /** Forward `basePath` itself too (the service has a route there). */
  includeBasePath: boolean;
  /** The service's base URL, without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  /**
   * The 503 for a service that cannot be reached or did not answer within `timeoutMs` (then
   * `cause` is a DOMException named TimeoutError or AbortError).
   */
  unavailable: (baseUrl: string, cause: unknown, timeoutMs: number) => AppError;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the proxy sets itself. */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', REQUEST_ID_HEADER]);
/** fetch() decodes compressed bodies, so the length and encoding of the answer no longer hold. */
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-length', 'content-encoding']);

/** True for the abort reasons of the deadline (or of a client that went away). */
export const isTimeout = (cause: unknown): boolean => cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');

export const serviceProxyRoutes: FastifyPluginAsync<ServiceProxyOptions> = async (app, options) => {
  // In this plugin only: keep bodies as raw streams whatever their type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024;

  const forward = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > bodyLimit) {
      (request.body as Readable | undefined)?.resume();
      throw new AppError('PAYLOAD_TOO_LARGE', { message: `The request body is ${declared} bytes; the limit is ${bodyLimit}`, details: { limitBytes: bodyLimit } });
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`${options.baseUrl} timeout`, 'TimeoutError')), options.timeoutMs);
    // A client that goes away cancels the upstream request too.
    reply.raw.once('close', () => {
      clearTimeout(timer);
      if (!reply.raw.writableFinished) controller.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name)) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    headers.set(REQUEST_ID_HEADER, request.id);
    const body = request.body instanceof Readable ? request.body : undefined;

    let upstream: Response;
    try {
      upstream = await fetch(`${options.baseUrl}${request.url}`, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: controller.signal,
        // Required by fetch for a streamed request body.
        ...(body !== undefined && { duplex: 'half' as const }),
      } as RequestInit);
    } catch (err) {
      clearTimeout(timer);
      body?.resume();
      throw options.unavailable(options.baseUrl, controller.signal.reason ?? err, options.timeoutMs);
    }
    reply.code(upstream.status);
    upstream.headers.forEach((value, name) => {
      if (!NOT_RETURNED.has(name)) void reply.header(name, value);
    });
    if (upstream.body === null) {
      clearTimeout(timer);
      return reply.send();
    }
    const stream = Readable.fromWeb(upstream.body as NodeReadableStream);
    stream.once('close', () => clearTimeout(timer));
    return reply.send(stream);
  };

  // The least role here; the service checks each route's own level against the forwarded
  // credentials, and audits its changes itself.
  const route = { config: { access: 'viewer' as const, audit: false as const } };
  if (options.includeBasePath) app.all(options.basePath, route, forward);
  app.all(`${options.basePath}/*`, route, forward);
};
