/**
 * The API bridge's REST routes (docs/bridge.md; shapes in @dash/shared bridge-*.ts): questions
 * agents ask a person, performance analytics, alerts and their webhook deliveries. Payloads are
 * narrowed with light structural checks; the full zod schemas stay on the server.
 */
import type { Alert, AlertDelivery, AnalyticsQueryInput, AnalyticsReport, InputRequest } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { Alert, AlertDelivery, AnalyticsReport, InputRequest };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isInputRequest(v: unknown): v is InputRequest {
  return isRecord(v) && typeof v.id === 'string' && typeof v.runId === 'string' && typeof v.question === 'string' && typeof v.status === 'string';
}

export function isAlert(v: unknown): v is Alert {
  return isRecord(v) && typeof v.id === 'string' && typeof v.key === 'string' && typeof v.status === 'string' && typeof v.title === 'string';
}

function items<T>(guard: (v: unknown) => v is T): (data: unknown) => T[] {
  return (data) => {
    if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a list');
    return data.items.filter(guard);
  };
}

const one =
  <T>(guard: (v: unknown) => v is T) =>
  (data: unknown): T => {
    if (!guard(data)) throw new TypeError('Unexpected payload');
    return data;
  };

const isDelivery = (v: unknown): v is AlertDelivery => isRecord(v) && typeof v.id === 'string' && typeof v.alertId === 'string' && typeof v.status === 'string';

function parseReport(data: unknown): AnalyticsReport {
  if (!isRecord(data) || !Array.isArray(data.rows) || !Array.isArray(data.summary)) throw new TypeError('Not an analytics report');
  return data as unknown as AnalyticsReport;
}

const runPath = (runId: string): string => `/api/bridge/runs/${encodeURIComponent(runId)}/input-requests`;

export const bridgeApi = (client: HttpClient = http) => ({
  inputRequests: (runId: string) => client.get(runPath(runId), { parse: items(isInputRequest) }),
  answer: (runId: string, requestId: string, answer: string) =>
    client.request(`${runPath(runId)}/${encodeURIComponent(requestId)}/answer`, { method: 'POST', body: { answer }, parse: one(isInputRequest) }),
  /** Tool approvals (Claude Code permission prompts): allow or deny, with an optional note for the agent. */
  decide: (runId: string, requestId: string, decision: 'allow' | 'deny', message?: string) =>
    client.request(`${runPath(runId)}/${encodeURIComponent(requestId)}/decision`, {
      method: 'POST',
      body: { decision, ...(message !== undefined && message !== '' && { message }) },
      parse: one(isInputRequest),
    }),
  analytics: (query: AnalyticsQueryInput) => client.get('/api/bridge/analytics', { query: { ...query }, parse: parseReport }),
  alerts: (status?: 'open' | 'resolved') => client.get('/api/bridge/alerts', { query: { status, limit: 50 }, parse: items(isAlert) }),
  resolveAlert: (id: string) => client.request(`/api/bridge/alerts/${encodeURIComponent(id)}/resolve`, { method: 'POST', parse: one(isAlert) }),
  deliveries: () => client.get('/api/bridge/alerts/deliveries', { query: { limit: 20 }, parse: items(isDelivery) }),
});

export type BridgeApi = ReturnType<typeof bridgeApi>;
