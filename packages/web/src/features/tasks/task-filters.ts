/**
 * The task list's filters: one shape for the filter bar, the page URL (`/tasks?status=…`), the
 * list request and the live feed. `matchesFilters` applies the same rules as `GET /api/tasks`
 * (docs/api.md), so a task that changes while the page is open joins or leaves the list exactly
 * as a reload would place it.
 */
import type { StoredTaskStatus, Task, TaskPriority } from '@dash/shared';
import type { TaskListQuery } from './tasks-api';
import { priorities, storedStatuses } from './task-display';

export interface TaskFilters {
  status: StoredTaskStatus[];
  priority: TaskPriority[];
  /** Employee id (explicit assignee or the employee the task was given to), or ''. */
  employee: string;
  label: string;
  /** Case-insensitive substring of the title or description, or ''. */
  q: string;
}

export const emptyFilters = (): TaskFilters => ({ status: [], priority: [], employee: '', label: '', q: '' });

export const hasFilters = (f: TaskFilters): boolean =>
  f.status.length > 0 || f.priority.length > 0 || f.employee !== '' || f.label !== '' || f.q.trim() !== '';

const isStatus = (s: string): s is StoredTaskStatus => (storedStatuses as readonly string[]).includes(s);
const isPriority = (s: string): s is TaskPriority => (priorities as readonly string[]).includes(s);
const list = (value: unknown): string[] =>
  (typeof value === 'string' ? value : '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The list request for these filters (lists comma-joined; empty filters left out). */
export function toListQuery(f: TaskFilters): TaskListQuery {
  const query: TaskListQuery = {};
  if (f.status.length > 0) query.status = f.status.join(',');
  if (f.priority.length > 0) query.priority = f.priority.join(',');
  if (f.employee) query.employee = f.employee;
  if (f.label) query.label = f.label.trim();
  if (f.q.trim()) query.q = f.q.trim();
  return query;
}

/** Filters from the page URL's query; unknown values are dropped. */
export function fromRouteQuery(query: Readonly<Record<string, unknown>>): TaskFilters {
  return {
    status: list(query.status).filter(isStatus),
    priority: list(query.priority).filter(isPriority),
    employee: text(query.employee),
    label: text(query.label),
    q: text(query.q),
  };
}

/** The URL query for these filters (what `toListQuery` sends, as strings). */
export function toRouteQuery(f: TaskFilters): Record<string, string> {
  return { ...toListQuery(f) } as Record<string, string>;
}

export const sameFilters = (a: TaskFilters, b: TaskFilters): boolean =>
  JSON.stringify(toListQuery(a)) === JSON.stringify(toListQuery(b));

export function matchesFilters(task: Task, f: TaskFilters): boolean {
  if (f.status.length > 0 && !f.status.includes(task.status)) return false;
  if (f.priority.length > 0 && !f.priority.includes(task.priority)) return false;
  if (f.employee && task.assignee !== f.employee && task.assignedTo !== f.employee) return false;
  if (f.label.trim() && !task.labels.includes(f.label.trim())) return false;
  const q = f.q.trim().toLowerCase();
  if (q && !task.title.toLowerCase().includes(q) && !task.description.toLowerCase().includes(q)) return false;
  return true;
}
