/**
 * Recent activity: the latest task transitions, newest first, bounded. Seeded from the task list
 * (each task's current state at its last change) and then fed by the `tasks` topic, where a
 * transition is a task whose status differs from the one last seen for it. Edits that leave the
 * status alone (a title change) are not activity. Also counts completions for the throughput
 * chart and tracks the tasks that failed today.
 */
import type { StoredTaskStatus, Task } from '@dash/shared';

export interface ActivityItem {
  /** Unique per transition (task id and version). */
  readonly key: string;
  readonly taskId: string;
  readonly title: string;
  /** null when the previous status is unknown (the task was not seen before). */
  readonly from: StoredTaskStatus | null;
  readonly to: StoredTaskStatus;
  readonly employeeId: string | null;
  /** ISO 8601: the task's updatedAt. */
  readonly at: string;
  /** The task was just created (version 1). */
  readonly created: boolean;
}

const DAY_MS = 24 * 3600 * 1000;
const utcMidnight = (nowMs: number): number => Math.floor(nowMs / DAY_MS) * DAY_MS;

export class ActivityLog {
  private readonly known = new Map<string, { status: StoredTaskStatus; version: number }>();
  private list: ActivityItem[] = [];
  /** When each recent completion was seen (epoch ms), for the rolling throughput. */
  private completions: number[] = [];
  private failed = new Map<string, number>();

  constructor(
    readonly limit = 30,
    private readonly completionWindowMs = 15 * 60 * 1000,
  ) {}

  get items(): readonly ActivityItem[] {
    return this.list;
  }

  /** Seeds from a REST list (any order): each task's current state, newest change first. */
  seed(tasks: readonly Task[], failedToday: readonly Task[] = [], nowMs = Date.now()): void {
    for (const t of tasks) {
      const seen = this.known.get(t.id);
      if (!seen || t.version > seen.version) this.known.set(t.id, { status: t.status, version: t.version });
    }
    const items = [...tasks]
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .map((t) => this.item(t, null));
    this.list = dedupe([...this.list, ...items]).sort(byAtDesc).slice(0, this.limit);
    for (const t of failedToday) this.trackFailure(t, nowMs);
  }

  /** Applies one change from the feed; returns true when it was a transition. */
  apply(task: Task, nowMs = Date.now()): boolean {
    const previous = this.known.get(task.id);
    if (previous && task.version <= previous.version) return false;
    this.known.set(task.id, { status: task.status, version: task.version });
    this.trackFailure(task, nowMs);
    if (previous && previous.status === task.status) return false;
    if (task.status === 'completed') this.completions.push(nowMs);
    this.list = [this.item(task, previous?.status ?? null), ...this.list].slice(0, this.limit);
    return true;
  }

  remove(taskId: string): void {
    this.known.delete(taskId);
    this.failed.delete(taskId);
    this.list = this.list.filter((i) => i.taskId !== taskId);
  }

  /** Completions seen in the `windowMs` before `nowMs`. */
  completedWithin(windowMs: number, nowMs = Date.now()): number {
    this.completions = this.completions.filter((t) => t >= nowMs - this.completionWindowMs);
    return this.completions.filter((t) => t > nowMs - windowMs).length;
  }

  /** Tasks whose failure happened since 00:00 UTC and that are still failed. */
  failedToday(nowMs = Date.now()): number {
    const since = utcMidnight(nowMs);
    let n = 0;
    for (const at of this.failed.values()) if (at >= since) n += 1;
    return n;
  }

  private trackFailure(task: Task, nowMs: number): void {
    if (task.status !== 'failed') {
      this.failed.delete(task.id);
      return;
    }
    const at = Date.parse(task.updatedAt);
    this.failed.set(task.id, Number.isFinite(at) ? at : nowMs);
  }

  private item(task: Task, from: StoredTaskStatus | null): ActivityItem {
    return {
      key: `${task.id}@${task.version}`,
      taskId: task.id,
      title: task.title,
      from,
      to: task.status,
      employeeId: task.assignedTo ?? task.assignee,
      at: task.updatedAt,
      created: task.version === 1,
    };
  }
}

const byAtDesc = (a: ActivityItem, b: ActivityItem): number => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

function dedupe(items: readonly ActivityItem[]): ActivityItem[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.key) ? false : (seen.add(i.key), true)));
}
