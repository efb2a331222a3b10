import { UNMATCHED_ROUTE } from '../../observability/metrics.js';
import { isProbePath, pathOf } from './paths.js';
export const UNTRACED_PATHS = ['/ws'];
export function registerRequestTracing(server, tracing) {
    const spans = new WeakMap();
    server.addHook('onRequest', (request, reply, done) => {
        const path = pathOf(request.url);
        if (!isProbePath(path) && !UNTRACED_PATHS.includes(path)) {
            const span = tracing.startRequest(request.method, path, request.headers);
            if (span !== null) {
                spans.set(request, span);
                // Fastify's `request completed` line is written through reply.log, made before this hook.
                request.log = request.log.child({ traceId: span.traceId });
                reply.log = request.log;
            }
        }
        done();
    });
    server.addHook('onResponse', (request, reply, done) => {
        const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
        spans.get(request)?.end(route, reply.statusCode);
        done();
    });
}
//# sourceMappingURL=request-tracing.js.map