/** `GET /api/stats` (docs/api.md), narrowed structurally on the fields the overview reads. */
import type { DashboardStats, MetricsSnapshot } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { DashboardStats, MetricsSnapshot };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseStats(data: unknown): DashboardStats {
  if (
    !isRecord(data) ||
    !isRecord(data.tasks) ||
    !isRecord(data.tasks.byStatus) ||
    !isRecord(data.throughput) ||
    !Array.isArray(data.throughput.hourly) ||
    !isRecord(data.cost) ||
    !isRecord(data.runs)
  ) {
    throw new TypeError('Not dashboard stats');
  }
  return data as unknown as DashboardStats;
}

export const isMetricsSnapshot = (value: unknown): value is MetricsSnapshot =>
  isRecord(value) && typeof value.at === 'string' && typeof value.serverId === 'string';

export function createOverviewApi(client: HttpClient = http) {
  return { stats: () => client.get('/api/stats', { parse: parseStats }) };
}

export const overviewApi = createOverviewApi();
