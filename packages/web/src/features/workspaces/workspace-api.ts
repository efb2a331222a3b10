/** REST of isolated task workspaces (docs/workspaces-and-approvals.md). */
import type { TaskWorkspace, WorkspaceDiff } from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { TaskWorkspace, WorkspaceDiff };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isTaskWorkspace(v: unknown): v is TaskWorkspace {
  return isRecord(v) && typeof v.taskId === 'string' && typeof v.status === 'string' && typeof v.branch === 'string';
}

export function isWorkspaceDiff(v: unknown): v is WorkspaceDiff {
  return isRecord(v) && Array.isArray(v.files) && Array.isArray(v.patches) && typeof v.page === 'number';
}

const guard =
  <T>(check: (v: unknown) => v is T) =>
  (data: unknown): T => {
    if (!check(data)) throw new TypeError('Unexpected payload');
    return data;
  };

const base = (taskId: string): string => `/api/tasks/${encodeURIComponent(taskId)}/workspace`;

export const workspaceApi = (client: HttpClient = http) => ({
  /** null when the task has no workspace (the usual case). */
  get: (taskId: string) => client.get(base(taskId), { parse: guard((v: unknown): v is TaskWorkspace | null => v === null || isTaskWorkspace(v)) }),
  diff: (taskId: string, page: number) => client.get(`${base(taskId)}/diff?page=${page}`, { parse: guard(isWorkspaceDiff), timeoutMs: 30_000 }),
  commit: (taskId: string, message: string) => client.request(`${base(taskId)}/commit`, { method: 'POST', body: { message }, parse: guard(isTaskWorkspace) }),
  merge: (taskId: string, mode: 'ff' | 'merge') => client.request(`${base(taskId)}/merge`, { method: 'POST', body: { mode }, parse: guard(isTaskWorkspace), timeoutMs: 60_000 }),
  discard: (taskId: string) => client.request(`${base(taskId)}/discard`, { method: 'POST', parse: guard(isTaskWorkspace) }),
});
export type WorkspaceApi = ReturnType<typeof workspaceApi>;
