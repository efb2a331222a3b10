/**
 * The workflows REST API (`/api/workflows…`, docs/api.md and docs/workflows.md). Payloads are
 * narrowed structurally on the fields the UI relies on; the full zod schemas stay on the server.
 */
import type {
  StartWorkflowInput,
  WorkflowRun,
  WorkflowRunSummary,
  WorkflowStep,
  WorkflowTemplateList,
  WorkflowTemplateView,
} from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { StartWorkflowInput, WorkflowRun, WorkflowRunSummary, WorkflowStep, WorkflowTemplateList, WorkflowTemplateView };

export interface WorkflowRunPage {
  items: WorkflowRunSummary[];
  nextCursor: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isStep = (value: unknown): value is WorkflowStep =>
  isRecord(value) &&
  typeof value.key === 'string' &&
  typeof value.name === 'string' &&
  typeof value.status === 'string' &&
  typeof value.depth === 'number' &&
  Array.isArray(value.dependsOn) &&
  Array.isArray(value.tasks) &&
  Array.isArray(value.decisions);

const hasRunFields = (value: Record<string, unknown>): boolean =>
  typeof value.id === 'string' && typeof value.title === 'string' && typeof value.status === 'string' && typeof value.version === 'number';

export function isWorkflowRun(value: unknown): value is WorkflowRun {
  return isRecord(value) && hasRunFields(value) && Array.isArray(value.steps) && value.steps.every(isStep);
}

const isSummary = (value: unknown): value is WorkflowRunSummary => isRecord(value) && hasRunFields(value) && isRecord(value.progress);

const isTemplate = (value: unknown): value is WorkflowTemplateView =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string' && Array.isArray(value.phases) && Array.isArray(value.unstaffedRoles);

export function parseWorkflowRun(data: unknown): WorkflowRun {
  if (!isWorkflowRun(data)) throw new TypeError('Not a workflow run');
  return data;
}

function parseRunPage(data: unknown): WorkflowRunPage {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a workflow run list');
  return { items: data.items.filter(isSummary), nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null };
}

function parseTemplates(data: unknown): WorkflowTemplateList {
  if (!isRecord(data) || !Array.isArray(data.items) || !isRecord(data.status)) throw new TypeError('Not a template list');
  return { items: data.items.filter(isTemplate), status: data.status as WorkflowTemplateList['status'] };
}

const runPath = (id: string): string => `/api/workflows/runs/${encodeURIComponent(id)}`;
const stepPath = (id: string, key: string): string => `${runPath(id)}/steps/${encodeURIComponent(key)}`;

export function createWorkflowsApi(client: HttpClient = http) {
  return {
    templates: (signal?: AbortSignal) => client.get('/api/workflows/templates', { parse: parseTemplates, signal }),
    runs: (query: { status?: string; limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
      client.get('/api/workflows/runs', { query: { ...query }, parse: parseRunPage, signal }),
    run: (id: string, signal?: AbortSignal) => client.get(runPath(id), { parse: parseWorkflowRun, signal }),
    start: (body: StartWorkflowInput) => client.request('/api/workflows/runs', { method: 'POST', body, parse: parseWorkflowRun }),
    cancel: (id: string, reason?: string) => client.request(`${runPath(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {}, parse: parseWorkflowRun }),
    approve: (id: string, key: string, comment?: string) =>
      client.request(`${stepPath(id, key)}/approve`, { method: 'POST', body: comment ? { comment } : {}, parse: parseWorkflowRun }),
    reject: (id: string, key: string, reason: string) => client.request(`${stepPath(id, key)}/reject`, { method: 'POST', body: { reason }, parse: parseWorkflowRun }),
  };
}

export type WorkflowsApi = ReturnType<typeof createWorkflowsApi>;
export const workflowsApi = createWorkflowsApi();
