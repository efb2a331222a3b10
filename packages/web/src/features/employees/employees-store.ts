/**
 * Employees for the list and detail pages: the roster, departments, skill labels and who is
 * running which task. Kept current by the live feed's `employees` and `tasks` topics while a page
 * listens (`listen()`); a `reset` on a topic reloads it over REST.
 *
 * Running tasks come from the tasks API when the server has one; until then (404
 * ROUTE_NOT_FOUND) `tasksAvailable` is false and the pages say so instead of showing nothing.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { employeesTopic, tasksTopic } from '../live-feed/live-feed-protocol';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { departmentFallbacks } from './employee-display';
import {
  employeesApi,
  isEmployeeView,
  isMissingRoute,
  isTaskSummary,
  type DepartmentView,
  type EmployeesApi,
  type EmployeeView,
  type TaskSummary,
} from './employees-api';

export interface DepartmentGroup {
  id: string;
  name: string;
  focus: string | null;
  employees: EmployeeView[];
}

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));

export const useEmployeesStore = defineStore('employees', () => {
  const api: EmployeesApi = employeesApi;
  const employees = shallowRef<EmployeeView[]>([]);
  const departments = shallowRef<DepartmentView[]>([]);
  const skillLabels = shallowRef<ReadonlyMap<string, string>>(new Map());
  const loaded = ref(false);
  const loading = ref(false);
  const error = shallowRef<ApiError | null>(null);
  /** Running tasks by employee id. */
  const runningTasks = shallowRef<ReadonlyMap<string, TaskSummary[]>>(new Map());
  /** null until asked; false when the server has no tasks API. */
  const tasksAvailable = ref<boolean | null>(null);

  const byId = computed(() => new Map(employees.value.map((e) => [e.id, e])));

  /** Departments in the server's order (then any the roster names that the server did not list). */
  const groups = computed<DepartmentGroup[]>(() => {
    const known = departments.value.length > 0 ? departments.value : [];
    const order: Array<{ id: string; name: string; focus: string | null }> = known.map((d) => ({ id: d.id, name: d.name, focus: d.focus }));
    for (const fallback of departmentFallbacks) {
      if (!order.some((d) => d.id === fallback.id)) order.push({ ...fallback, focus: null });
    }
    for (const e of employees.value) {
      if (!order.some((d) => d.id === e.department)) order.push({ id: e.department, name: e.department, focus: null });
    }
    return order
      .map((d) => ({ ...d, employees: employees.value.filter((e) => e.department === d.id) }))
      .filter((g) => g.employees.length > 0);
  });

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const [list, depts, skills] = await Promise.all([
        api.list(),
        api.departments().catch(() => null),
        api.skills().catch(() => null),
      ]);
      employees.value = list;
      if (depts) departments.value = depts;
      if (skills) skillLabels.value = new Map(skills.map((s) => [s.id, s.label]));
      error.value = null;
      loaded.value = true;
    } catch (cause) {
      error.value = toError(cause);
    } finally {
      loading.value = false;
    }
    await loadRunningTasks();
  }

  async function loadRunningTasks(): Promise<void> {
    if (tasksAvailable.value === false) return;
    try {
      const tasks = await api.runningTasks();
      const map = new Map<string, TaskSummary[]>();
      for (const task of tasks) {
        const owner = task.assignedTo ?? task.assignee;
        if (owner) map.set(owner, [...(map.get(owner) ?? []), task]);
      }
      runningTasks.value = map;
      tasksAvailable.value = true;
    } catch (cause) {
      // No tasks API on this server yet: say so once, stop asking.
      if (isMissingRoute(cause)) tasksAvailable.value = false;
    }
  }

  /** Puts a fresh copy of one employee in place (after an edit, or from the live feed). */
  function upsert(view: EmployeeView): void {
    const list = employees.value;
    const index = list.findIndex((e) => e.id === view.id);
    employees.value = index === -1 ? [...list, view] : list.map((e, i) => (i === index ? view : e));
  }

  function applyTask(task: TaskSummary): void {
    const map = new Map<string, TaskSummary[]>();
    for (const [owner, tasks] of runningTasks.value) {
      const rest = tasks.filter((t) => t.id !== task.id);
      if (rest.length > 0) map.set(owner, rest);
    }
    const owner = task.assignedTo ?? task.assignee;
    if (task.status === 'running' && owner) map.set(owner, [...(map.get(owner) ?? []), task]);
    runningTasks.value = map;
  }

  /** Live updates while a page is open; returns the function that stops them. */
  function listen(): () => void {
    const feed = useLiveFeedStore();
    const stopEmployees = feed.subscribe(employeesTopic, {
      event: (data) => {
        if (isEmployeeView(data)) upsert(data);
      },
      reset: () => void load(),
    });
    const stopTasks = feed.subscribe(tasksTopic, {
      event: (data) => {
        if (isTaskSummary(data)) applyTask(data);
      },
      reset: () => void loadRunningTasks(),
    });
    return () => {
      stopEmployees();
      stopTasks();
    };
  }

  return {
    employees,
    departments,
    skillLabels,
    loaded,
    loading,
    error,
    runningTasks,
    tasksAvailable,
    byId,
    groups,
    load,
    loadRunningTasks,
    upsert,
    listen,
  };
});
