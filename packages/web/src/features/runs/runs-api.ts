/**
 * The runs REST API (docs/api.md, shapes in @dash/shared runs-api.ts). Payloads are narrowed
 * with light structural checks on the fields the UI relies on; the full zod schemas stay on the
 * server to keep them out of the bundle.
 */
import type { Run, RunEvent, RunEventsPage, RuntimeId } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { Run, RunEvent, RunEventsPage };

export interface RunList {
  items: Run[];
  nextCursor: string | null;
}

export interface FollowUpResult {
  mode: 'stdin' | 'resumed';
  run: Run;
}

export interface RuntimeInfo {
  runtime: RuntimeId;
  installed: boolean;
  path: string | null;
  version: string | null;
  reason: string | null;
}

/** Events per page when loading a transcript (the API's maximum). */
export const EVENTS_PAGE_LIMIT = 5_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseRun(data: unknown): Run {
  if (!isRecord(data) || typeof data.id !== 'string' || typeof data.status !== 'string' || !isRecord(data.usage)) {
    throw new TypeError('Not a run');
  }
  return data as unknown as Run;
}

export function isRunEvent(value: unknown): value is RunEvent {
  return (
    isRecord(value) &&
    typeof value.runId === 'string' &&
    typeof value.seq === 'number' &&
    typeof value.at === 'number' &&
    isRecord(value.event) &&
    typeof value.event.type === 'string'
  );
}

function parseEventsPage(data: unknown): RunEventsPage {
  if (!isRecord(data) || !Array.isArray(data.events) || typeof data.nextAfter !== 'number') {
    throw new TypeError('Not an events page');
  }
  return { ...(data as unknown as RunEventsPage), events: data.events.filter(isRunEvent) };
}

function parseRunList(data: unknown): RunList {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a run list');
  return { items: data.items.map(parseRun), nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null };
}

function parseFollowUp(data: unknown): FollowUpResult {
  if (!isRecord(data) || (data.mode !== 'stdin' && data.mode !== 'resumed')) throw new TypeError('Not a follow-up result');
  return { mode: data.mode, run: parseRun(data.run) };
}

function parseRuntimes(data: unknown): RuntimeInfo[] {
  if (!isRecord(data) || !Array.isArray(data.runtimes)) throw new TypeError('Not a runtime list');
  return data.runtimes.filter((r): r is RuntimeInfo => isRecord(r) && typeof r.runtime === 'string');
}

const runPath = (id: string): string => `/api/runs/${encodeURIComponent(id)}`;

export function createRunsApi(client: HttpClient = http) {
  return {
    get: (id: string, signal?: AbortSignal) => client.get(runPath(id), { parse: parseRun, signal }),
    list: (query: { employeeId?: string; taskId?: string; status?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
      client.get('/api/runs', { query, parse: parseRunList, signal }),
    events: (id: string, after: number, limit = EVENTS_PAGE_LIMIT, signal?: AbortSignal) =>
      client.get(`${runPath(id)}/events`, { query: { after, limit }, parse: parseEventsPage, signal, timeoutMs: 30_000 }),
    stop: (id: string) => client.request(`${runPath(id)}/stop`, { method: 'POST', parse: parseRun }),
    followUp: (id: string, text: string) =>
      client.request(`${runPath(id)}/follow-up`, { method: 'POST', body: { text }, parse: parseFollowUp }),
    runtimes: () => client.get('/api/agents/runtimes', { parse: parseRuntimes, timeoutMs: 20_000 }),
    /** Download links (plain anchors: the browser streams the file). */
    logUrl: (id: string, format: 'ndjson' | 'text') => `${runPath(id)}/log?format=${format}`,
  };
}

export type RunsApi = ReturnType<typeof createRunsApi>;
export const runsApi = createRunsApi();
