/**
 * The tasks REST API (`/api/tasks…`, docs/api.md) plus the lookups the task pages need
 * (`/api/skills`, `/api/employees`). Payloads are narrowed structurally on the fields the UI
 * relies on; the full zod schemas stay on the server to keep them out of the bundle.
 */
import type {
  CreateTaskInput,
  Run,
  SkillCatalogEntry,
  SkillList,
  Task,
  TaskBudgetStatus,
  TaskComment,
  TaskTimelineEntry,
  TaskTombstone,
} from '@dash/shared';
import { http, type HttpClient } from '../../shared/api/http-client';
import { parseRun } from '../runs/runs-api';

export type { CreateTaskInput, Run, SkillCatalogEntry, SkillList, Task, TaskBudgetStatus, TaskComment, TaskTimelineEntry, TaskTombstone };

export interface TaskPage {
  items: Task[];
  nextCursor: string | null;
}

export interface RunPage {
  items: Run[];
  nextCursor: string | null;
}

/** What the list endpoint takes; lists are comma-joined by the caller. */
export interface TaskListQuery {
  status?: string;
  priority?: string;
  employee?: string;
  label?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The slice of an employee the task pages use (assignee pickers, names). */
export interface EmployeeOption {
  id: string;
  name: string;
  roleLabel: string;
  department: string;
  status: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isTask(value: unknown): value is Task {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.status === 'string' &&
    typeof value.version === 'number' &&
    typeof value.createdAt === 'string' &&
    Array.isArray(value.labels) &&
    Array.isArray(value.dependsOn)
  );
}

export const isTaskTombstone = (value: unknown): value is TaskTombstone =>
  isRecord(value) && typeof value.id === 'string' && value.deleted === true;

export function parseTask(data: unknown): Task {
  if (!isTask(data)) throw new TypeError('Not a task');
  return data;
}

function parseTaskPage(data: unknown): TaskPage {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a task list');
  return { items: data.items.filter(isTask), nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null };
}

function parseRunPage(data: unknown): RunPage {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError('Not a run list');
  return { items: data.items.map(parseRun), nextCursor: typeof data.nextCursor === 'string' ? data.nextCursor : null };
}

function itemsOf<T>(data: unknown, guard: (value: unknown) => value is T, what: string): T[] {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError(`Not a list of ${what}`);
  return data.items.filter(guard);
}

const isComment = (value: unknown): value is TaskComment =>
  isRecord(value) && typeof value.id === 'string' && typeof value.body === 'string' && typeof value.kind === 'string';

const isTimelineEntry = (value: unknown): value is TaskTimelineEntry =>
  isRecord(value) && typeof value.id === 'string' && typeof value.to === 'string' && typeof value.at === 'string';

const isSkill = (value: unknown): value is SkillCatalogEntry =>
  isRecord(value) && typeof value.id === 'string' && typeof value.label === 'string' && typeof value.category === 'string';

function parseSkills(data: unknown): SkillList {
  const items = itemsOf(data, isSkill, 'skills');
  const categories =
    isRecord(data) && Array.isArray(data.categories)
      ? data.categories.filter((c): c is SkillList['categories'][number] => isRecord(c) && typeof c.id === 'string' && typeof c.label === 'string')
      : [];
  return { items, categories };
}

const isEmployeeOption = (value: unknown): value is EmployeeOption =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string' && typeof value.department === 'string';

function parseTaskBudget(data: unknown): TaskBudgetStatus {
  if (!isRecord(data) || typeof data.spentUsd !== 'number' || typeof data.source !== 'string' || typeof data.state !== 'string') throw new TypeError('Not a task budget');
  if (data.limitUsd !== null && typeof data.limitUsd !== 'number') throw new TypeError('Not a task budget');
  return data as unknown as TaskBudgetStatus;
}

const taskPath = (id: string): string => `/api/tasks/${encodeURIComponent(id)}`;

export function createTasksApi(client: HttpClient = http) {
  return {
    list: (query: TaskListQuery, signal?: AbortSignal) => client.get('/api/tasks', { query: { ...query }, parse: parseTaskPage, signal }),
    get: (id: string, signal?: AbortSignal) => client.get(taskPath(id), { parse: parseTask, signal }),
    create: (body: CreateTaskInput) => client.request('/api/tasks', { method: 'POST', body, parse: parseTask }),
    cancel: (id: string, reason?: string) =>
      client.request(`${taskPath(id)}/cancel`, { method: 'POST', body: reason ? { reason } : {}, parse: parseTask }),
    resolve: (id: string, comment?: string) =>
      client.request(`${taskPath(id)}/resolve`, { method: 'POST', body: comment ? { comment } : {}, parse: parseTask }),
    /** `reassignTo`: undefined keeps the current assignee, null goes back to automatic. */
    reopen: (id: string, reason: string, reassignTo?: string | null) =>
      client.request(`${taskPath(id)}/reopen`, {
        method: 'POST',
        body: reassignTo === undefined ? { reason } : { reason, reassignTo },
        parse: parseTask,
      }),
    comments: (id: string, signal?: AbortSignal) =>
      client.get(`${taskPath(id)}/comments`, { parse: (d) => itemsOf(d, isComment, 'comments'), signal }),
    addComment: (id: string, body: string) =>
      client.request(`${taskPath(id)}/comments`, {
        method: 'POST',
        body: { body },
        parse: (d) => {
          if (!isComment(d)) throw new TypeError('Not a comment');
          return d;
        },
      }),
    timeline: (id: string, signal?: AbortSignal) =>
      client.get(`${taskPath(id)}/timeline`, { parse: (d) => itemsOf(d, isTimelineEntry, 'timeline entries'), signal }),
    runs: (id: string, limit = 20, signal?: AbortSignal) =>
      client.get(`${taskPath(id)}/runs`, { query: { limit }, parse: parseRunPage, signal }),
    /** Spend over all the task's runs against its own budget or the deployment default. */
    budget: (id: string, signal?: AbortSignal) => client.get(`${taskPath(id)}/budget`, { parse: parseTaskBudget, signal }),
    skills: () => client.get('/api/skills', { parse: parseSkills }),
    employees: () => client.get('/api/employees', { parse: (d) => itemsOf(d, isEmployeeOption, 'employees') }),
  };
}

export type TasksApi = ReturnType<typeof createTasksApi>;
export const tasksApi = createTasksApi();
