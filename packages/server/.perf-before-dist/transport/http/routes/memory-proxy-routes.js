/**
 * /api/memory/* forwarded to the memory service at MEMORY_API_URL (this process does not open the
 * memory store). A transparent proxy: method, path, query and body go through as they came (the
 * body is streamed, not parsed, so size limits and validation are the memory API's), and the
 * answer comes back with its status, headers and body, error bodies included. One check happens
 * here: a declared Content-Length over this server's body limit (the memory API's too: same build)
 * is refused with 413 PAYLOAD_TOO_LARGE before anything is sent, because a server that refuses a
 * body mid-upload closes the connection and the proxy could only report that as unavailable. The request id is
 * forwarded in `x-request-id`, so both processes log the same id, and so are the caller's
 * credentials (the memory API authorizes each route itself).
 *
 * When the memory service cannot be reached, or does not start answering within
 * MEMORY_API_TIMEOUT, the client gets 503 MEMORY_UNAVAILABLE; a body that stalls after the answer
 * started is cut at the same deadline.
 */
import { Readable } from 'node:stream';
import { memoryUnavailable } from '../../../adapters/memory-http/memory-api-errors.js';
import { AppError } from '../../../domain/app-error.js';
import { REQUEST_ID_HEADER } from '../../../observability/request-id.js';
/** Hop-by-hop headers (RFC 9110 §7.6.1) and those the proxy sets itself. */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', REQUEST_ID_HEADER]);
/** fetch() decodes compressed bodies, so the length and encoding of the answer no longer hold. */
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-length', 'content-encoding']);
export const memoryProxyRoutes = async (app, options) => {
    // In this plugin only: keep bodies as raw streams whatever their type.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const bodyLimit = app.initialConfig.bodyLimit ?? 1024 * 1024;
    const forward = async (request, reply) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > bodyLimit) {
            request.body?.resume();
            throw new AppError('PAYLOAD_TOO_LARGE', { message: `The request body is ${declared} bytes; the limit is ${bodyLimit}`, details: { limitBytes: bodyLimit } });
        }
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(new DOMException('memory API timeout', 'TimeoutError')), options.timeoutMs);
        // A client that goes away cancels the upstream request too.
        reply.raw.once('close', () => {
            clearTimeout(timer);
            if (!reply.raw.writableFinished)
                controller.abort();
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
            if (value === undefined || NOT_FORWARDED.has(name))
                continue;
            for (const v of Array.isArray(value) ? value : [value])
                headers.append(name, v);
        }
        headers.set(REQUEST_ID_HEADER, request.id);
        const body = request.body instanceof Readable ? request.body : undefined;
        let upstream;
        try {
            upstream = await fetch(`${options.baseUrl}${request.url}`, {
                method: request.method,
                headers,
                body,
                redirect: 'manual',
                signal: controller.signal,
                // Required by fetch for a streamed request body.
                ...(body !== undefined && { duplex: 'half' }),
            });
        }
        catch (err) {
            clearTimeout(timer);
            body?.resume();
            throw memoryUnavailable(options.baseUrl, controller.signal.reason ?? err, options.timeoutMs);
        }
        reply.code(upstream.status);
        upstream.headers.forEach((value, name) => {
            if (!NOT_RETURNED.has(name))
                void reply.header(name, value);
        });
        if (upstream.body === null) {
            clearTimeout(timer);
            return reply.send();
        }
        const stream = Readable.fromWeb(upstream.body);
        stream.once('close', () => clearTimeout(timer));
        return reply.send(stream);
    };
    // The least role here; the memory API checks each route's own level against the forwarded
    // credentials, and audits its changes itself.
    const route = { config: { access: 'viewer', audit: false } };
    app.all('/api/memory', route, forward);
    app.all('/api/memory/*', route, forward);
};
//# sourceMappingURL=memory-proxy-routes.js.map