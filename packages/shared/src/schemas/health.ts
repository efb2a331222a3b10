/**
 * Liveness (`GET /health`) and readiness (`GET /ready`) responses. Health reports every
 * dependency the server talks to; readiness reports the lifecycle state that load balancers and
 * orchestrators route on.
 */
import { z } from 'zod';

/** `not_configured`: an optional dependency whose URL is not set (nothing is probed). */
export const dependencyStatus = z.enum(['up', 'down', 'not_configured']);
export type DependencyStatus = z.infer<typeof dependencyStatus>;

/**
 * How a dependency is reached: the store's dialect, the queue's backend (`embedded` = the queue
 * lives in the store), or a plain HTTP service.
 */
export const dependencyKind = z.enum(['sqlite', 'postgres', 'embedded', 'redis', 'http']);
export type DependencyKind = z.infer<typeof dependencyKind>;

export const dependencyHealth = z.object({
  /** Stable name: `store`, `queue`, `memory-api`, `api-bridge`. */
  name: z.string(),
  kind: dependencyKind,
  /** A required dependency that is down makes the whole server unhealthy (503). */
  required: z.boolean(),
  status: dependencyStatus,
  /** Duration of the probe in milliseconds; null when nothing was probed. */
  latencyMs: z.number().nonnegative().nullable(),
  /** Short human-readable note: the failure reason, or what answered. Never holds credentials. */
  detail: z.string().nullable(),
});
export type DependencyHealth = z.infer<typeof dependencyHealth>;

/** `ok`: all configured dependencies up; `degraded`: an optional one is down; `down`: a required one is. */
export const healthStatus = z.enum(['ok', 'degraded', 'down']);
export type HealthStatus = z.infer<typeof healthStatus>;

export const healthResponse = z.object({
  status: healthStatus,
  /** The replica that answered (NODE_ID). */
  nodeId: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  /** ISO 8601. */
  checkedAt: z.string(),
  dependencies: z.array(dependencyHealth),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** The server lifecycle: `starting → ready → draining → stopping → stopped | failed`. */
export const lifecycleState = z.enum(['starting', 'ready', 'draining', 'stopping', 'stopped', 'failed']);
export type LifecycleState = z.infer<typeof lifecycleState>;

export const readyResponse = z.object({
  /** True only in the `ready` state (then the status is 200, otherwise 503). */
  ready: z.boolean(),
  state: lifecycleState,
  nodeId: z.string(),
  /** Why a server whose lifecycle is `ready` is not ready: a replica fenced itself (its heartbeat went unrenewed). */
  reason: z.string().optional(),
});
export type ReadyResponse = z.infer<typeof readyResponse>;
