/**
 * Reads the `GET /health` payload (`HealthResponse` from @dash/shared).
 * A structural guard rather than the shared zod schema, to keep zod out of the initial bundle
 * (see shared/api/error-body.ts); the return type ties it to the contract at compile time.
 * Enum fields are checked only where the UI branches on them (`status`); an unknown dependency
 * `kind` is shown as text rather than rejecting the whole report.
 */
import type { DependencyHealth, HealthResponse } from '@dash/shared';

export type { DependencyHealth, HealthResponse };

const healthStatuses: readonly unknown[] = ['ok', 'degraded', 'down'] satisfies HealthResponse['status'][];
const dependencyStatuses: readonly unknown[] = ['up', 'down', 'not_configured'] satisfies DependencyHealth['status'][];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isDependency(value: unknown): value is DependencyHealth {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.kind === 'string' &&
    typeof value.required === 'boolean' &&
    dependencyStatuses.includes(value.status) &&
    (value.latencyMs === null || typeof value.latencyMs === 'number') &&
    (value.detail === null || typeof value.detail === 'string')
  );
}

/** Narrows an unknown JSON payload; throws when it is not a health report. */
export function parseHealthReport(data: unknown): HealthResponse {
  const valid =
    isRecord(data) &&
    healthStatuses.includes(data.status) &&
    typeof data.nodeId === 'string' &&
    typeof data.uptimeSeconds === 'number' &&
    typeof data.checkedAt === 'string' &&
    Array.isArray(data.dependencies) &&
    data.dependencies.every(isDependency);
  if (!valid) throw new TypeError('Not a health report');
  return data as HealthResponse;
}
