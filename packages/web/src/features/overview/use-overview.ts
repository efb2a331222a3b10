/**
 * The overview's data for as long as the page is open:
 *  - `/api/stats` at once and every 30 s (totals, 24 h throughput, cost);
 *  - the `metrics` topic (a snapshot every 2 s): the tiles' live figures and one point per
 *    snapshot in a bounded ring (the last 15 minutes) that the charts draw;
 *  - the `tasks` topic after a first REST load: recent activity, completions (throughput) and
 *    the tasks that failed today.
 * Figures prefer the live snapshot and fall back to the stats when the server has no source.
 */
import { computed, onBeforeUnmount, onMounted, shallowRef } from 'vue';
import { ApiError } from '../../shared/api/api-error';
import { tasksTopic } from '../live-feed/live-feed-protocol';
import { useLiveFeedStore } from '../live-feed/live-feed-store';
import { isTask, isTaskTombstone, tasksApi } from '../tasks/tasks-api';
import { ActivityLog } from './activity-log';
import { MetricsRing, type AlignedColumns } from './metrics-ring';
import { isMetricsSnapshot, overviewApi, type DashboardStats, type MetricsSnapshot } from './overview-api';

export const CHART_WINDOW_MS = 15 * 60 * 1000;
/** Two snapshots a minute more than the window needs at the server's 2 s pace. */
export const CHART_CAPACITY = 600;
const STATS_REFRESH_MS = 30_000;
/** After a run ends (a task settles), totals and cost change: refresh them this soon. */
const STATS_SETTLE_DELAY_MS = 1_000;
const THROUGHPUT_WINDOW_MS = 60_000;

/** Series in the ring, in column order. */
export const ringSeries = ['queued', 'pending', 'activeProcesses', 'runningTasks', 'completedPerMinute', 'costTodayUsd'] as const;
export type RingSeries = (typeof ringSeries)[number];

/** The queue figure of a snapshot: tasks ready and waiting for an employee. */
export function queuedOf(snapshot: MetricsSnapshot | null): number | null {
  const depth = snapshot?.queueDepth;
  if (!depth) return null;
  return depth.queued ?? depth.waiting ?? null;
}

/** Statuses a task is in while work is still ahead; any other transition settles something. */
const activeStatuses: ReadonlySet<string> = new Set(['pending', 'queued', 'running']);

const toError = (cause: unknown): ApiError => (cause instanceof ApiError ? cause : ApiError.client('BAD_RESPONSE', { cause }));

export function useOverview() {
  const feed = useLiveFeedStore();
  const stats = shallowRef<DashboardStats | null>(null);
  const statsError = shallowRef<ApiError | null>(null);
  const snapshot = shallowRef<MetricsSnapshot | null>(null);
  const ring = new MetricsRing(ringSeries.length, CHART_CAPACITY, CHART_WINDOW_MS);
  const chartData = shallowRef<AlignedColumns>(ring.toAligned());
  const log = new ActivityLog();
  /** Bumped when the activity log changes (the log itself is not reactive). */
  const activityVersion = shallowRef(0);
  const activityLoaded = shallowRef(false);

  async function loadStats(): Promise<void> {
    try {
      stats.value = await overviewApi.stats();
      statsError.value = null;
    } catch (cause) {
      statsError.value = toError(cause);
    }
  }

  async function loadActivity(): Promise<void> {
    try {
      const [recent, failed] = await Promise.all([tasksApi.list({ limit: 20 }), tasksApi.list({ status: 'failed', limit: 200 })]);
      log.seed(recent.items, failed.items);
      activityLoaded.value = true;
      activityVersion.value += 1;
    } catch (cause) {
      statsError.value ??= toError(cause);
    }
  }

  function onSnapshot(next: MetricsSnapshot): void {
    snapshot.value = next;
    const at = Date.parse(next.at);
    const nowMs = Number.isFinite(at) ? at : Date.now();
    const pending = next.queueDepth?.pending ?? null;
    ring.push(nowMs, [
      queuedOf(next),
      pending,
      next.activeProcesses,
      next.runningTasks,
      log.completedWithin(THROUGHPUT_WINDOW_MS, Date.now()),
      next.costTodayUsd,
    ]);
    chartData.value = ring.toAligned();
  }

  const tiles = computed(() => {
    void activityVersion.value;
    const s = stats.value;
    const m = snapshot.value;
    return {
      activeProcesses: m?.activeProcesses ?? s?.runs.active ?? null,
      queued: queuedOf(m) ?? s?.tasks.byStatus.queued ?? null,
      pending: m?.queueDepth?.pending ?? s?.tasks.byStatus.pending ?? null,
      running: m?.runningTasks ?? s?.tasks.byStatus.running ?? null,
      failedToday: activityLoaded.value ? log.failedToday() : null,
      failedTotal: s ? s.tasks.byStatus.failed + s.tasks.byStatus.blocked : null,
      costTodayUsd: m?.costTodayUsd ?? s?.cost.todayUsd ?? null,
      costTotalUsd: s?.cost.totalUsd ?? null,
    };
  });

  const activity = computed(() => {
    void activityVersion.value;
    return log.items;
  });

  let stopMetrics: (() => void) | null = null;
  let stopTasks: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;

  function statsSoon(): void {
    if (settleTimer !== null) return;
    settleTimer = setTimeout(() => {
      settleTimer = null;
      void loadStats();
    }, STATS_SETTLE_DELAY_MS);
  }

  onMounted(() => {
    stopMetrics = feed.subscribe('metrics', {
      event: (data) => {
        if (isMetricsSnapshot(data)) onSnapshot(data);
      },
    });
    let confirmed = false;
    stopTasks = feed.subscribe(tasksTopic, {
      event: (data) => {
        if (isTaskTombstone(data)) {
          log.remove(data.id);
        } else {
          if (!isTask(data) || !log.apply(data)) return;
          if (!activeStatuses.has(data.status)) statsSoon();
        }
        activityVersion.value += 1;
      },
      // What changed before the subscription (or during a gap the server could not replay).
      subscribed: () => {
        if (!confirmed) void loadActivity();
        confirmed = true;
      },
      reset: () => void loadActivity(),
    });
    void loadStats();
    void loadActivity();
    timer = setInterval(() => void loadStats(), STATS_REFRESH_MS);
  });

  onBeforeUnmount(() => {
    stopMetrics?.();
    stopTasks?.();
    if (timer !== null) clearInterval(timer);
    if (settleTimer !== null) clearTimeout(settleTimer);
  });

  return { stats, statsError, snapshot, chartData, tiles, activity, activityLoaded, reloadStats: loadStats };
}
