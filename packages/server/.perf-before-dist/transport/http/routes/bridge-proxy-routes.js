/**
 * /api/bridge/* forwarded to the API bridge at API_BRIDGE_URL, when the bridge runs as its own
 * process (SERVICE_ROLE=bridge) and this one serves the dashboard. A transparent proxy: method,
 * path, query, body and the caller's credentials go through; the answer comes back as it is (the
 * bridge authorizes each route itself). An unreachable bridge, or one that does not start
 * answering within HEALTH_TIMEOUT × 5, is 503 BRIDGE_UNAVAILABLE.
 */
import { Readable } from 'node:stream';
import { AppError } from '../../../domain/app-error.js';
import { REQUEST_ID_HEADER } from '../../../observability/request-id.js';
import '../auth/access-types.js';
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', REQUEST_ID_HEADER]);
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-length', 'content-encoding']);
export const bridgeProxyRoutes = async (app, options) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    const forward = async (request, reply) => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), options.timeoutMs);
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
                ...(body !== undefined && { duplex: 'half' }),
            });
        }
        catch (err) {
            clearTimeout(timer);
            body?.resume();
            throw new AppError('BRIDGE_UNAVAILABLE', {
                message: `The API bridge at ${options.baseUrl} cannot be reached`,
                details: { reason: controller.signal.aborted ? `no answer within ${options.timeoutMs}ms` : err instanceof Error ? err.message : String(err) },
            });
        }
        reply.code(upstream.status);
        upstream.headers.forEach((value, name) => {
            if (!NOT_RETURNED.has(name))
                void reply.header(name, value);
        });
        clearTimeout(timer);
        if (upstream.body === null)
            return reply.send();
        return reply.send(Readable.fromWeb(upstream.body));
    };
    const route = { config: { access: 'viewer', audit: false } };
    app.all('/api/bridge/*', route, forward);
};
//# sourceMappingURL=bridge-proxy-routes.js.map