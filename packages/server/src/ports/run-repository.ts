/**
 * Persistence of runs. Implemented once over Kysely for both SQLite and PostgreSQL
 * (adapters/store); the store contract suite runs against both.
 */
import type { Run, RunStatus, RunUsage, RuntimeId } from '@dash/shared';

export interface NewRun {
  id: string;
  taskId: string | null;
  employeeId: string | null;
  runtime: RuntimeId;
  model: string | null;
  cwd: string;
  resumeOf: string | null;
  nodeId: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** Fields a run may change after creation. Absent keys are left as they are. */
export interface RunPatch {
  status?: RunStatus;
  pid?: number | null;
  sessionId?: string | null;
  model?: string | null;
  exitCode?: number | null;
  exitSignal?: string | null;
  restarts?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  resultText?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  nodeId?: string | null;
  /** Set (never cleared) once the run's stored log hit the per-run cap (RUN_LOG_CAP_MB). */
  logTruncated?: boolean;
}

export interface RunListFilter {
  status?: RunStatus[];
  taskId?: string;
  employeeId?: string;
  /** At most this many, newest first. */
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface UsageRollupRow {
  /** The task id, employee id or day (YYYY-MM-DD, UTC) the row is for. */
  key: string;
  runs: number;
  usage: RunUsage;
}

export interface RunRepository {
  create(run: NewRun): Promise<Run>;
  get(id: string): Promise<Run | null>;
  /** Applies a patch and returns the updated run; throws AppError RUN_NOT_FOUND. */
  update(id: string, patch: RunPatch): Promise<Run>;
  /**
   * Sets `status` only if the current status is one of `from`; returns the updated run, or null
   * when the run was not in one of those states (a lost race). Used for every state transition.
   */
  transition(id: string, from: readonly RunStatus[], patch: RunPatch & { status: RunStatus }): Promise<Run | null>;
  list(filter: RunListFilter): Promise<{ items: Run[]; nextCursor: string | null }>;
  /** Runs not in a terminal state, optionally only those owned by `nodeId`. */
  listActive(nodeId?: string): Promise<Run[]>;
  /** Adds a usage delta (tokens, cost) to the run's totals. */
  addUsage(id: string, delta: RunUsage): Promise<void>;
  /** Totals grouped by task, employee or UTC day of `startedAt`, for runs started in [from, to). */
  usageRollup(groupBy: 'task' | 'employee' | 'day', range: { from: string; to: string }): Promise<UsageRollupRow[]>;
}
