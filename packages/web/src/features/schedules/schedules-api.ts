/** /api/schedules (docs/budgets-and-schedules.md): recurring tasks and workflow runs. */
import type { CreateScheduleInput, Schedule } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { CreateScheduleInput, Schedule };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isSchedule = (v: unknown): v is Schedule =>
  isRecord(v) && typeof v.id === 'string' && typeof v.cron === 'string' && typeof v.timezone === 'string' && isRecord(v.target);

const one = (data: unknown): Schedule => {
  if (!isSchedule(data)) throw new TypeError('Not a schedule');
  return data;
};

export const schedulesApi = (client: HttpClient = http) => ({
  list: () =>
    client.get('/api/schedules', {
      parse: (data) => {
        if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a list');
        return data.items.filter(isSchedule);
      },
    }),
  create: (body: CreateScheduleInput) => client.request('/api/schedules', { method: 'POST', body, parse: one }),
  setEnabled: (id: string, enabled: boolean) => client.request(`/api/schedules/${encodeURIComponent(id)}`, { method: 'PATCH', body: { enabled }, parse: one }),
  remove: (id: string) => client.request(`/api/schedules/${encodeURIComponent(id)}`, { method: 'DELETE', parse: () => undefined }),
  nextRuns: (id: string, count = 5) =>
    client.get(`/api/schedules/${encodeURIComponent(id)}/next`, {
      query: { count },
      parse: (data) => {
        if (!isRecord(data) || !Array.isArray(data.times)) throw new TypeError('Not next runs');
        return data.times.filter((t): t is string => typeof t === 'string');
      },
    }),
});

/** What a schedule starts, in words. */
export function describeTarget(s: Schedule): string {
  return s.target.kind === 'task' ? `Task “${s.target.task.title}”` : `Workflow “${s.target.workflow.title}”`;
}
