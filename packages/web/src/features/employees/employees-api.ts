/**
 * The employees REST API (`/api/employees…`, `/api/departments`, `/api/skills`) and the slice of
 * the tasks API the employee pages use. Payloads are narrowed structurally (see runs-api.ts).
 */
import type {
  DepartmentView,
  EmployeePrompt,
  EmployeeView,
  RegistryStatus,
  SkillCatalogEntry,
  Task,
  UpdateEmployeeBody,
} from '@dash/shared';
import { ApiError } from '../../shared/api/api-error';
import { http, type HttpClient } from '../../shared/api/http-client';

export type { DepartmentView, EmployeePrompt, EmployeeView, RegistryStatus, SkillCatalogEntry, Task, UpdateEmployeeBody };

/** What the employee pages show of a task. */
export type TaskSummary = Pick<Task, 'id' | 'title' | 'status' | 'priority' | 'assignedTo' | 'assignee' | 'lastRunId'>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isEmployeeView(value: unknown): value is EmployeeView {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.department === 'string' &&
    isRecord(value.workload) &&
    isRecord(value.runtimeConfig) &&
    Array.isArray(value.skills)
  );
}

export function isTaskSummary(value: unknown): value is TaskSummary {
  return isRecord(value) && typeof value.id === 'string' && typeof value.title === 'string' && typeof value.status === 'string';
}

function itemsOf<T>(data: unknown, guard: (value: unknown) => value is T, what: string): T[] {
  if (!isRecord(data) || !Array.isArray(data.items)) throw new TypeError(`Not a list of ${what}`);
  return data.items.filter(guard);
}

function parseEmployee(data: unknown): EmployeeView {
  if (!isEmployeeView(data)) throw new TypeError('Not an employee');
  return data;
}

const isDepartment = (value: unknown): value is DepartmentView =>
  isRecord(value) && typeof value.id === 'string' && typeof value.name === 'string' && Array.isArray(value.employeeIds);

const isSkill = (value: unknown): value is SkillCatalogEntry =>
  isRecord(value) && typeof value.id === 'string' && typeof value.label === 'string';

function parsePrompt(data: unknown): EmployeePrompt {
  if (!isRecord(data) || typeof data.text !== 'string' || typeof data.promptFile !== 'string') throw new TypeError('Not a prompt');
  return data as unknown as EmployeePrompt;
}

function parseRegistryStatus(data: unknown): RegistryStatus {
  if (!isRecord(data) || typeof data.sourcePath !== 'string' || typeof data.employeeCount !== 'number') {
    throw new TypeError('Not a registry status');
  }
  return data as unknown as RegistryStatus;
}

/**
 * True when the server has no such route at all (as opposed to no such record): the feature
 * behind it is not deployed yet.
 */
export const isMissingRoute = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 404 && error.code === 'ROUTE_NOT_FOUND';

const employeePath = (id: string): string => `/api/employees/${encodeURIComponent(id)}`;

export function createEmployeesApi(client: HttpClient = http) {
  return {
    list: () => client.get('/api/employees', { parse: (d) => itemsOf(d, isEmployeeView, 'employees') }),
    get: (id: string) => client.get(employeePath(id), { parse: parseEmployee }),
    update: (id: string, body: UpdateEmployeeBody) =>
      client.request(employeePath(id), { method: 'PATCH', body, parse: parseEmployee }),
    prompt: (id: string) => client.get(`${employeePath(id)}/prompt`, { parse: parsePrompt }),
    departments: () => client.get('/api/departments', { parse: (d) => itemsOf(d, isDepartment, 'departments') }),
    skills: () => client.get('/api/skills', { parse: (d) => itemsOf(d, isSkill, 'skills') }),
    registryStatus: () => client.get('/api/employees/registry/status', { parse: parseRegistryStatus }),
    /** Running tasks, of one employee or of everyone. Rejects with ROUTE_NOT_FOUND until the tasks API exists. */
    runningTasks: (employeeId?: string) =>
      client.get('/api/tasks', {
        query: { status: 'running', employee: employeeId, limit: 200 },
        parse: (d) => itemsOf(d, isTaskSummary, 'tasks'),
      }),
  };
}

export type EmployeesApi = ReturnType<typeof createEmployeesApi>;
export const employeesApi = createEmployeesApi();
