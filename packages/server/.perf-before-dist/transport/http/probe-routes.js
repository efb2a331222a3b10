/**
 * The probes: `GET /health` (liveness with a dependency report; 503 when a required dependency
 * is down), `GET /ready` (readiness: 200 only while the lifecycle is `ready`) and `GET /metrics`
 * (Prometheus text; with METRICS_TOKEN set it needs that bearer token). They answer in every lifecycle state and are not request-logged, since they
 * are polled constantly (see request-logging.ts).
 */
import { healthResponse, readyResponse } from '@dash/shared';
import { checkDependencies, overallStatus } from '../../observability/health/dependency-check.js';
import { AppError } from '../../domain/app-error.js';
import { safeEqualText } from './auth/safe-equal.js';
export function registerProbeRoutes(server, options) {
    server.get('/health', { config: { access: 'public' }, schema: { response: { 200: healthResponse, 503: healthResponse } } }, async (_request, reply) => {
        const dependencies = await checkDependencies(options.dependencyChecks(), options.healthTimeoutMs);
        const status = overallStatus(dependencies);
        return reply.code(status === 'down' ? 503 : 200).header('cache-control', 'no-store').send({
            status,
            nodeId: options.nodeId,
            uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
            checkedAt: new Date().toISOString(),
            dependencies,
        });
    });
    server.get('/ready', { config: { access: 'public' }, schema: { response: { 200: readyResponse, 503: readyResponse } } }, async (_request, reply) => {
        const state = options.lifecycle.state;
        const ready = state === 'ready';
        return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ ready, state, nodeId: options.nodeId });
    });
    // Public to the access hook (Prometheus has no user); METRICS_TOKEN guards it when set.
    server.get('/metrics', { config: { access: 'public' } }, async (request, reply) => {
        const token = options.metricsToken ?? null;
        if (token !== null && !safeEqualText(/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '', token)) {
            throw new AppError('UNAUTHENTICATED', { message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' });
        }
        const text = await options.registry.metrics();
        return reply.header('cache-control', 'no-store').type(options.registry.contentType).send(text);
    });
}
//# sourceMappingURL=probe-routes.js.map