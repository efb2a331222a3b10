/**
 * The probes: `GET /health` (liveness with a dependency report; 503 when a required dependency
 * is down), `GET /ready` (readiness: 200 only while the lifecycle is `ready` and nothing else holds
 * it back, e.g. a fenced replica) and `GET /metrics`
 * (Prometheus text; with METRICS_TOKEN set it needs that bearer token). They answer in every lifecycle state and are not request-logged, since they
 * are polled constantly (see request-logging.ts).
 */
import { healthResponse, readyResponse, type LifecycleState } from '@dash/shared';
import type { Registry } from 'prom-client';
import { checkDependencies, overallStatus, type DependencyCheck } from '../../observability/health/dependency-check.js';
import { AppError } from '../../domain/app-error.js';
import { safeEqualText } from './auth/safe-equal.js';
import type { HttpServer } from './http-server.js';

export interface ProbeRouteOptions {
  nodeId: string;
  /** Per-dependency probe timeout. */
  healthTimeoutMs: number;
  /** The checks to run; read on every request so they can follow adapters opened at start. */
  dependencyChecks(): readonly DependencyCheck[];
  lifecycle: { readonly state: LifecycleState };
  /**
   * Why the server is not ready although its lifecycle is (a fenced replica: app-cluster.ts), or
   * null; absent = the lifecycle alone decides.
   */
  notReady?: () => string | null;
  registry: Registry;
  /** METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <it>`; null = open. */
  metricsToken?: string | null;
}

export function registerProbeRoutes(server: HttpServer, options: ProbeRouteOptions): void {
  server.get(
    '/health',
    { config: { access: 'public' }, schema: { response: { 200: healthResponse, 503: healthResponse } } },
    async (_request, reply) => {
      const dependencies = await checkDependencies(options.dependencyChecks(), options.healthTimeoutMs);
      const status = overallStatus(dependencies);
      return reply.code(status === 'down' ? 503 : 200).header('cache-control', 'no-store').send({
        status,
        nodeId: options.nodeId,
        uptimeSeconds: Math.round(process.uptime() * 1000) / 1000,
        checkedAt: new Date().toISOString(),
        dependencies,
      });
    },
  );

  server.get(
    '/ready',
    { config: { access: 'public' }, schema: { response: { 200: readyResponse, 503: readyResponse } } },
    async (_request, reply) => {
      const state = options.lifecycle.state;
      const reason = state === 'ready' ? (options.notReady?.() ?? null) : null;
      const ready = state === 'ready' && reason === null;
      return reply
        .code(ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ ready, state, nodeId: options.nodeId, ...(reason !== null && { reason }) });
    },
  );

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
