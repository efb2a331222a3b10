/**
 * Persistence of tasks, their dependency edges, comments and status timeline. Implemented once over
 * Kysely for SQLite and PostgreSQL (adapters/store/kysely-task-repository.ts); the task repository
 * contract suite runs against both.
 *
 * Guarantees:
 *  - every write bumps `version` and stamps `updatedAt` (the repository's clock);
 *  - `update` is optimistic: it applies only when the stored version is the one named, otherwise
 *    TASK_VERSION_CONFLICT (409) and nothing changes;
 *  - `transition` is a conditional write: status, patch and timeline rows are committed together
 *    in one transaction, or (lost race, missing task) nothing is written and it returns null;
 *  - a dependency must name an existing task (TASK_DEPENDENCY_NOT_FOUND) and may not close a cycle
 *    (TASK_DEPENDENCY_CYCLE); callers validate first with domain/tasks/dependency-graph.ts, the
 *    store re-checks inside its write;
 *  - deleting a task deletes its comments, timeline and dependency edges (both directions).
 * The stored status is never `reopened` (see task-state-machine.ts); timeline entries may name it.
 * The repository does not judge which transitions are legal or which fields are editable: the
 * service checks with domain/tasks (task-state-machine.ts, task-edit-rules.ts) before writing.
 */
import type {
  StoredTaskStatus,
  Task,
  TaskAssignment,
  TaskComment,
  TaskCommentKind,
  TaskCounts,
  TaskPriority,
  TaskStatus,
  TaskTimelineEntry,
  SkillId,
} from '@dash/shared';

/** The statuses a task may be created in (the service decides from its dependencies). */
export type InitialTaskStatus = Extract<StoredTaskStatus, 'pending' | 'queued' | 'blocked'>;

export interface NewTask {
  id: string;
  title: string;
  description: string;
  priority: TaskPriority;
  status: InitialTaskStatus;
  requiredSkills: readonly SkillId[];
  labels: readonly string[];
  assignee: string | null;
  dependsOn: readonly string[];
  maxRetries: number;
  timeoutMs: number | null;
  /** The task's own budget in USD; null = the deployment default (BUDGET_TASK_USD). */
  budgetUsd: number | null;
  workingDirectory: string | null;
  createdBy: string;
  /** ISO 8601; also `updatedAt`, the creation timeline entry's `at` and (when queued) `queuedAt`. */
  createdAt: string;
  blockedReason?: string | null;
}

/**
 * Fields a write may change (absent keys stay as they are). `status` changes only through
 * `transition`; `version`, `updatedAt`, `createdAt`, `createdBy` and `id` are the store's.
 */
export interface TaskPatch {
  title?: string;
  description?: string;
  priority?: TaskPriority;
  requiredSkills?: readonly SkillId[];
  labels?: readonly string[];
  assignee?: string | null;
  /** Replaces the task's dependency edges. */
  dependsOn?: readonly string[];
  maxRetries?: number;
  timeoutMs?: number | null;
  budgetUsd?: number | null;
  workingDirectory?: string | null;
  assignedTo?: string | null;
  assignment?: TaskAssignment | null;
  attempts?: number;
  queuedAt?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  resolvedAt?: string | null;
  lastRunId?: string | null;
  blockedReason?: string | null;
}

export interface NewTimelineEntry {
  from: TaskStatus | null;
  to: TaskStatus;
  actor: string;
  reason?: string | null;
  /** ISO 8601. */
  at: string;
  data?: Record<string, unknown> | null;
}

export interface NewTaskComment {
  id: string;
  taskId: string;
  kind: TaskCommentKind;
  author: string;
  body: string;
  /** ISO 8601. */
  createdAt: string;
}

/**
 * A conditional status change. Entering queued/running/completed/resolved stamps queuedAt/
 * startedAt/completedAt/resolvedAt with the last timeline entry's `at` unless the patch sets it;
 * leaving `blocked` clears blockedReason unless the patch sets it.
 */
export interface TaskTransition {
  /** Applies only if the stored status is one of these. */
  from: readonly StoredTaskStatus[];
  to: StoredTaskStatus;
  patch?: TaskPatch;
  /** One or more rows, appended in order (a reopen writes `→ reopened` then `reopened →`). */
  timeline: NewTimelineEntry | readonly NewTimelineEntry[];
  /** Also require this version (a person's action on what they saw); a mismatch returns null. */
  expectedVersion?: number;
}

/** `taskId` depends on `dependsOnId`. */
export interface TaskDependencyEdge {
  taskId: string;
  dependsOnId: string;
}

export interface TaskListFilter {
  /** Any of these (empty or absent: all). */
  status?: readonly StoredTaskStatus[];
  priority?: readonly TaskPriority[];
  /** `assignedTo` or `assignee` is this employee. */
  employee?: string;
  /** Has this exact label. */
  label?: string;
  /** Case-insensitive substring of title or description (ASCII case folding on SQLite). */
  text?: string;
  /** At most this many, newest first (createdAt desc, id desc). */
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string;
}

export interface TaskRepository {
  /** Writes the task, its labels, its dependency edges and the creation timeline entry. CONFLICT on a duplicate id. */
  create(task: NewTask): Promise<Task>;
  get(id: string): Promise<Task | null>;
  /** The tasks that exist among `ids` (any order). */
  getMany(ids: readonly string[]): Promise<Task[]>;
  /** Optimistic update; TASK_NOT_FOUND, TASK_VERSION_CONFLICT (details: expected, actual). */
  update(id: string, expectedVersion: number, patch: TaskPatch): Promise<Task>;
  /** Conditional status change with its timeline rows, atomically; null when not applied. */
  transition(id: string, change: TaskTransition): Promise<Task | null>;
  list(filter: TaskListFilter): Promise<{ items: Task[]; nextCursor: string | null }>;
  /** Queued tasks in dispatch order: priority weight desc, queuedAt asc, id asc. */
  listReady(limit: number): Promise<Task[]>;
  /** Direct dependencies (ids, in the order given when set). */
  dependencies(id: string): Promise<string[]>;
  /** Direct dependents (ids, sorted). */
  dependents(id: string): Promise<string[]>;
  /**
   * Every edge reachable from `ids`: upstream follows dependencies (for cycle checks), downstream
   * follows dependents (for readiness and blocking). Feed it to DependencyGraph.of.
   */
  dependencyEdges(ids: readonly string[], direction: 'upstream' | 'downstream'): Promise<TaskDependencyEdge[]>;
  /** TASK_NOT_FOUND when the task does not exist. */
  addComment(comment: NewTaskComment): Promise<TaskComment>;
  /** Oldest first. */
  listComments(taskId: string): Promise<TaskComment[]>;
  /** Oldest first (write order). */
  timeline(taskId: string): Promise<TaskTimelineEntry[]>;
  /** Deletes the task and everything hanging off it; returns its former dependents, or null when it did not exist. */
  delete(id: string): Promise<{ dependents: string[] } | null>;
  /** Number of tasks per stored status (all present). */
  countByStatus(): Promise<TaskCounts>;
}
