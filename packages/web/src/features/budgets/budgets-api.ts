/**
 * The dispatch gate (docs/budgets-and-schedules.md): spend against budget and the rate-limit
 * pauses in force. Payloads are narrowed with light structural checks.
 */
import type { BudgetLine, DispatchGateStatus, DispatchPause } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { BudgetLine, DispatchGateStatus, DispatchPause };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseGateStatus(data: unknown): DispatchGateStatus {
  if (!isRecord(data) || typeof data.day !== 'string' || !Array.isArray(data.budgets) || !Array.isArray(data.pauses)) throw new TypeError('Not a dispatch gate status');
  return data as unknown as DispatchGateStatus;
}

export const budgetsApi = (client: HttpClient = http) => ({
  gate: () => client.get('/api/dispatch/gate', { parse: parseGateStatus }),
  resume: (scope: string) => client.request(`/api/dispatch/pauses/${encodeURIComponent(scope)}`, { method: 'DELETE', parse: () => undefined }),
});

/** Spend as a share of the limit (0..1, capped), or null without a limit. */
export function spendShare(line: BudgetLine): number | null {
  return line.limitUsd === null ? null : Math.min(1, line.spentUsd / line.limitUsd);
}
