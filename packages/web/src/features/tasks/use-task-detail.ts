/**
 * One task for the detail page: the task, its comments, timeline, runs and budget (spend against
 * its limit), kept current by the live feed's `tasks` topic. A change to the task (a higher
 * `version`) refreshes what changes with it (timeline, comments, runs, spend) after a short
 * pause, so a burst of transitions costs one round of requests. A tombstone marks the task deleted.
 */
import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { tasksTopic } from '../live-feed/live-feed-protocol';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { isTask, isTaskTombstone, tasksApi, type Run, type Task, type TaskBudgetStatus, type TaskComment, type TaskTimelineEntry } from './tasks-api';
import { useTasksStore } from './tasks-store';

const REFRESH_DELAY_MS = 250;
const RUNS_SHOWN = 20;

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));
const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

export function useTaskDetail(id: Ref<string>) {
  const feed = useLiveFeedStore();
  const list = useTasksStore();
  const task = shallowRef<Task | null>(null);
  const comments = shallowRef<TaskComment[]>([]);
  const timeline = shallowRef<TaskTimelineEntry[]>([]);
  const runs = shallowRef<Run[]>([]);
  const moreRuns = ref(false);
  /** Null until read (or when reading it failed): the page then shows the task's own `budgetUsd`. */
  const budget = shallowRef<TaskBudgetStatus | null>(null);
  const loadError = shallowRef<ApiError | null>(null);
  /** The latest failed refresh of a list (what is on screen stays). */
  const refreshError = shallowRef<ApiError | null>(null);
  const deleted = ref(false);

  let controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Puts a newer copy of the task in place (from the feed or an action's answer). */
  function accept(next: Task): boolean {
    if (next.id !== id.value) return false;
    if (task.value && next.version <= task.value.version) return false;
    task.value = next;
    list.apply(next);
    return true;
  }

  async function refreshBudget(signal: AbortSignal): Promise<void> {
    try {
      budget.value = await tasksApi.budget(id.value, signal);
    } catch {
      // The budget line is a nicety: what is on screen stays, the page does not fail for it.
    }
  }

  async function refreshLists(signal: AbortSignal): Promise<void> {
    void refreshBudget(signal);
    try {
      const [c, t, r] = await Promise.all([
        tasksApi.comments(id.value, signal),
        tasksApi.timeline(id.value, signal),
        tasksApi.runs(id.value, RUNS_SHOWN, signal),
      ]);
      comments.value = c;
      timeline.value = t;
      runs.value = r.items;
      moreRuns.value = r.nextCursor !== null;
      refreshError.value = null;
    } catch (cause) {
      if (!isAbort(cause)) refreshError.value = toError(cause);
    }
  }

  function scheduleRefresh(): void {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void refreshLists(controller.signal);
    }, REFRESH_DELAY_MS);
  }

  async function load(taskId: string): Promise<void> {
    controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    task.value = null;
    comments.value = [];
    timeline.value = [];
    runs.value = [];
    budget.value = null;
    loadError.value = null;
    refreshError.value = null;
    deleted.value = false;
    try {
      const loaded = await tasksApi.get(taskId, signal);
      if (signal.aborted) return;
      accept(loaded);
      await refreshLists(signal);
    } catch (cause) {
      if (!isAbort(cause)) loadError.value = toError(cause);
    }
  }

  /** After an action answered with the task: take it, and the lists it changed. */
  function changed(next: Task): void {
    accept(next);
    scheduleRefresh();
  }

  function commentAdded(comment: TaskComment): void {
    if (!comments.value.some((c) => c.id === comment.id)) comments.value = [...comments.value, comment];
  }

  const stopFeed = feed.subscribe(tasksTopic, {
    event: (data) => {
      if (isTaskTombstone(data) && data.id === id.value) deleted.value = true;
      else if (isTask(data) && accept(data)) scheduleRefresh();
    },
    // The first confirmation and every reset: whatever happened before it is fetched again.
    subscribed: () => {
      if (task.value) void tasksApi.get(id.value, controller.signal).then((t) => accept(t) && scheduleRefresh(), () => undefined);
    },
    reset: () => void load(id.value),
  });

  watch(id, (next) => void load(next), { immediate: true });

  onBeforeUnmount(() => {
    stopFeed();
    controller.abort();
    if (timer !== null) clearTimeout(timer);
  });

  return { task, comments, timeline, runs, moreRuns, budget, loadError, refreshError, deleted, reload: () => load(id.value), changed, commentAdded };
}
