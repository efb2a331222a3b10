/** AnalyticsRepository over the store: plain range reads of runs, the task timeline and employees. */
import type { TaskStatus } from '@dash/shared';
import type { Kysely, Selectable } from 'kysely';
import type { AnalyticsRepository, AnalyticsRun, AnalyticsTimelineEntry } from '../../ports/analytics-repository.js';
import type { RunsTable, StoreDatabase, TaskTimelineTable } from './schema.js';

/** Keeps IN lists well below SQLite's bound-parameter limit. */
const CHUNK = 500;

const toRun = (r: Pick<Selectable<RunsTable>, 'id' | 'task_id' | 'employee_id' | 'status' | 'created_at' | 'started_at' | 'ended_at' | 'cost_usd'>): AnalyticsRun => ({
  id: r.id,
  taskId: r.task_id,
  employeeId: r.employee_id,
  status: r.status,
  createdAt: r.created_at,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  costUsd: Number(r.cost_usd),
});

const toEntry = (r: Pick<Selectable<TaskTimelineTable>, 'task_id' | 'to_status' | 'at' | 'data'>): AnalyticsTimelineEntry => ({
  taskId: r.task_id,
  to: r.to_status,
  at: r.at,
  data: r.data === null ? null : (JSON.parse(r.data) as Record<string, unknown>),
});

const RUN_COLUMNS = ['id', 'task_id', 'employee_id', 'status', 'created_at', 'started_at', 'ended_at', 'cost_usd'] as const;

export class KyselyAnalyticsRepository implements AnalyticsRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async runsEndedBetween(from: string, to: string): Promise<AnalyticsRun[]> {
    const rows = await this.db.selectFrom('runs').select(RUN_COLUMNS).where('ended_at', '>=', from).where('ended_at', '<', to).execute();
    return rows.map(toRun);
  }

  async runsByIds(ids: readonly string[]): Promise<AnalyticsRun[]> {
    const out: AnalyticsRun[] = [];
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.selectFrom('runs').select(RUN_COLUMNS).where('id', 'in', part).execute();
      out.push(...rows.map(toRun));
    }
    return out;
  }

  async timelineBetween(from: string, to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]> {
    const rows = await this.db
      .selectFrom('task_timeline')
      .select(['task_id', 'to_status', 'at', 'data'])
      .where('at', '>=', from)
      .where('at', '<', to)
      .where('to_status', 'in', [...statuses])
      .orderBy('seq')
      .execute();
    return rows.map(toEntry);
  }

  async timelineOfTasks(taskIds: readonly string[], to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]> {
    const out: AnalyticsTimelineEntry[] = [];
    for (const part of chunks([...new Set(taskIds)])) {
      const rows = await this.db
        .selectFrom('task_timeline')
        .select(['task_id', 'to_status', 'at', 'data'])
        .where('task_id', 'in', part)
        .where('at', '<', to)
        .where('to_status', 'in', [...statuses])
        .orderBy('seq')
        .execute();
      out.push(...rows.map(toEntry));
    }
    return out;
  }

  async employeeDepartments(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('employees').select(['id', 'department']).execute();
    return new Map(rows.map((r) => [r.id, r.department]));
  }
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}
