/**
 * The probes: `GET /health` (liveness with a dependency report; 503 when a required dependency
 * is down), `GET /ready` (readiness: 200 only while the lifecycle is `ready`) and `GET /metrics`
 * (Prometheus text; with METRICS_TOKEN set it needs that bearer token). They answer in every lifecycle state and are not request-logged, since they
 * are polled constantly (see request-logging.ts).
 */
import { type LifecycleState } from '@dash/shared';
import type { Registry } from 'prom-client';
import { type DependencyCheck } from '../../observability/health/dependency-check.js';
import type { HttpServer } from './http-server.js';
export interface ProbeRouteOptions {
    nodeId: string;
    /** Per-dependency probe timeout. */
    healthTimeoutMs: number;
    /** The checks to run; read on every request so they can follow adapters opened at start. */
    dependencyChecks(): readonly DependencyCheck[];
    lifecycle: {
        readonly state: LifecycleState;
    };
    registry: Registry;
    /** METRICS_TOKEN: when set, /metrics needs `Authorization: Bearer <it>`; null = open. */
    metricsToken?: string | null;
}
export declare function registerProbeRoutes(server: HttpServer, options: ProbeRouteOptions): void;
