/**
 * The task list behind the board and the table: one filtered, newest-first list loaded page by
 * page (cursor), kept current by the live feed's `tasks` topic while a page listens.
 *
 * Live merge rules (the same a reload would give):
 *  - a change replaces the copy with the same id only when its `version` is higher (events and
 *    REST answers can arrive in any order; an older copy never wins);
 *  - a task that stops matching the filters leaves the list; one that starts matching joins it
 *    at its place in the order, if that place lies within the pages loaded so far;
 *  - a tombstone (`{id, deleted: true}`) removes the task;
 *  - events that arrive while a page is loading are kept and applied to the loaded page;
 *  - the first `subscribed` and every `reset` (the server could not replay a gap) reload the
 *    first page.
 */
import type { Task } from '@dash/shared';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { tasksTopic } from '../live-feed/live-feed-protocol';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { emptyFilters, matchesFilters, sameFilters, toListQuery, type TaskFilters } from './task-filters';
import { isTask, isTaskTombstone, tasksApi } from './tasks-api';

export const TASK_PAGE_SIZE = 50;

/** Newest first, like `GET /api/tasks` (created_at desc, id desc). */
export const compareTasks = (a: Pick<Task, 'createdAt' | 'id'>, b: Pick<Task, 'createdAt' | 'id'>): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1;

type Change = Task | { id: string; deleted: true };

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));
const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

export const useTasksStore = defineStore('tasks', () => {
  const api = tasksApi;
  const items = shallowRef<Task[]>([]);
  const filters = shallowRef<TaskFilters>(emptyFilters());
  const nextCursor = ref<string | null>(null);
  const loading = ref(false);
  const loadingMore = ref(false);
  const loaded = ref(false);
  const error = shallowRef<ApiError | null>(null);

  const byId = computed(() => new Map(items.value.map((t) => [t.id, t])));

  let controller: AbortController | null = null;
  /** Live changes seen while a first page is in flight, by id (the latest wins). */
  let buffered: Map<string, Change> | null = null;

  /**
   * Sets the filters and reloads when they changed, nothing is loaded yet, or `force` (a page
   * opening again: what was loaded earlier went stale while nobody listened).
   */
  async function setFilters(next: TaskFilters, force = false): Promise<void> {
    if (!force && loaded.value && sameFilters(next, filters.value)) return;
    filters.value = next;
    await load();
  }

  /** (Re)loads the first page for the current filters. */
  async function load(): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    buffered = new Map();
    try {
      const page = await api.list({ ...toListQuery(filters.value), limit: TASK_PAGE_SIZE }, mine.signal);
      if (controller !== mine) return;
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      error.value = null;
      loaded.value = true;
      const missed = buffered;
      buffered = null;
      for (const change of missed.values()) apply(change);
    } catch (cause) {
      if (controller !== mine || isAbort(cause)) return;
      buffered = null;
      error.value = toError(cause);
    } finally {
      if (controller === mine) {
        loading.value = false;
        controller = null;
      }
    }
  }

  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value;
    if (cursor === null || loadingMore.value || loading.value) return;
    loadingMore.value = true;
    const asked = filters.value;
    try {
      const page = await api.list({ ...toListQuery(asked), limit: TASK_PAGE_SIZE, cursor });
      if (asked !== filters.value) return;
      const known = byId.value;
      const fresh = page.items.filter((t) => {
        const mine = known.get(t.id);
        return mine === undefined || t.version > mine.version;
      });
      const kept = items.value.filter((t) => !fresh.some((f) => f.id === t.id));
      items.value = [...kept, ...fresh].sort(compareTasks);
      nextCursor.value = page.nextCursor;
      error.value = null;
    } catch (cause) {
      error.value = toError(cause);
    } finally {
      loadingMore.value = false;
    }
  }

  /** Applies one change (live event or an API answer) by the merge rules above. */
  function apply(change: Change): void {
    if (buffered) {
      const earlier = buffered.get(change.id);
      if (!earlier || 'deleted' in change || 'deleted' in earlier || change.version > earlier.version) buffered.set(change.id, change);
      return;
    }
    const list = items.value;
    const index = list.findIndex((t) => t.id === change.id);
    if ('deleted' in change) {
      if (index !== -1) items.value = list.filter((_, i) => i !== index);
      return;
    }
    if (index !== -1) {
      const current = list[index] as Task;
      if (change.version <= current.version) return;
      items.value = matchesFilters(change, filters.value) ? list.map((t, i) => (i === index ? change : t)) : list.filter((_, i) => i !== index);
      return;
    }
    if (!matchesFilters(change, filters.value)) return;
    // Beyond the last loaded page, the task belongs to a page not fetched yet.
    const oldest = list.at(-1);
    if (nextCursor.value !== null && oldest && compareTasks(change, oldest) > 0) return;
    items.value = [...list, change].sort(compareTasks);
  }

  /**
   * Live updates while a page is open; returns the function that stops them. The topic starts
   * "from now" when the server confirms it, so the first confirmation reloads the list: changes
   * made between an earlier REST answer and that moment are not lost.
   */
  function listen(): () => void {
    let confirmed = false;
    return useLiveFeedStore().subscribe(tasksTopic, {
      event: (data) => {
        if (isTaskTombstone(data)) apply({ id: data.id, deleted: true });
        else if (isTask(data)) apply(data);
      },
      subscribed: () => {
        if (confirmed) return;
        confirmed = true;
        if (loaded.value || loading.value) void load();
      },
      reset: () => void load(),
    });
  }

  return { items, filters, nextCursor, loading, loadingMore, loaded, error, byId, setFilters, load, loadMore, apply, listen };
});
