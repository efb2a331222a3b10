/**
 * Kysely table types of the store, as the database sees them (snake_case columns). The same types
 * serve SQLite and PostgreSQL:
 *  - timestamps are canonical UTC ISO-8601 text (`Date#toISOString()`), so text order is time order
 *    and the first 10 characters are the UTC day (see timestamps.ts);
 *  - int8 and numeric values come back as JS numbers (PostgreSQL type parsers in postgres-dialect.ts);
 *  - booleans are 0/1 on SQLite and true/false on PostgreSQL: read them with `Boolean()`;
 *  - run_events.payload is JSON text on both (the PostgreSQL column is `json`, returned unparsed).
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  DepartmentId,
  EmployeeLevel,
  EmployeeRole,
  EmployeeSource,
  EmployeeStatus,
  MemoryScope,
  MemoryType,
  RunStatus,
  RuntimeId,
  StoredTaskStatus,
  TaskCommentKind,
  TaskPriority,
  TaskStatus,
} from '@dash/shared';
import type { AuthTables } from './auth-schema.js';
import type { BridgeTables } from './bridge-schema.js';
import type { GateScheduleTables } from './gate-schedules-schema.js';
import type { NotificationDeliveryTables } from './notification-deliveries-schema.js';
import type { ReplicaTables } from './replicas-schema.js';
import type { ScheduledJobTables } from './scheduled-jobs-schema.js';
import type { WorkflowTables } from './workflow-schema.js';

/** Set by the database on insert, never written by the repositories. */
type DbDefault<T> = ColumnType<T, never, T>;

export interface RunsTable {
  id: string;
  task_id: string | null;
  employee_id: string | null;
  runtime: RuntimeId;
  status: RunStatus;
  model: string | null;
  cwd: string;
  session_id: string | null;
  resume_of: string | null;
  node_id: string | null;
  pid: number | null;
  exit_code: number | null;
  exit_signal: string | null;
  restarts: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  result_text: string | null;
  input_tokens: Generated<number>;
  output_tokens: Generated<number>;
  cache_read_tokens: Generated<number>;
  cache_write_tokens: Generated<number>;
  cost_usd: Generated<number>;
  event_count: Generated<number>;
  event_bytes: Generated<number>;
  log_truncated: DbDefault<boolean | number>;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  last_event_at: string | null;
}

export interface RunEventsTable {
  run_id: string;
  seq: number;
  /** Epoch milliseconds. */
  at: number;
  type: string;
  /** JSON text of the AgentEvent. */
  payload: string;
}

export type JobState = 'waiting' | 'active' | 'failed' | 'completed';

/** The embedded job queue (adapters/queue-embedded); epoch-ms columns are bigint. */
export interface JobsTable {
  /** Insertion counter: FIFO tie-break. */
  seq: Generated<number>;
  queue: string;
  id: string;
  /** JSON text of the payload object. */
  payload: string;
  priority: number;
  /** `waiting` covers delayed jobs too (ready_at in the future). */
  state: JobState;
  attempt: number;
  max_attempts: number;
  backoff_ms: number;
  /** Epoch ms when the job is (next) claimable. */
  ready_at: number;
  /** Epoch ms when the job first became ready (enqueue + delay). */
  first_ready_at: number;
  lease_until: number | null;
  lease_token: string | null;
  worker_id: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** AI employees (migration 0003); JSON columns hold JSON text on both dialects. */
export interface EmployeesTable {
  id: string;
  /** Index in the registry file. */
  position: number;
  name: string;
  role: EmployeeRole;
  department: DepartmentId;
  level: EmployeeLevel;
  status: EmployeeStatus;
  /** JSON: SkillId[] (effective). */
  skills: string;
  prompt_file: string;
  max_concurrent_tasks: number;
  /** JSON: EmployeeRuntimeConfig (effective). */
  runtime_config: string;
  /** JSON: the Employee record as the file last gave it. */
  file_record: string;
  /** JSON: EmployeeOverrides, `{}` when none. */
  overrides: string;
  source: EmployeeSource;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Tasks (migration 0004). JSON columns hold JSON text on both dialects. */
export interface TasksTable {
  id: string;
  title: string;
  description: string;
  priority: TaskPriority;
  /** taskPriorityWeights[priority].queue, stored for the dispatch-order index. */
  priority_weight: number;
  status: StoredTaskStatus;
  /** JSON: SkillId[]. */
  required_skills: string;
  /** JSON: string[] (also one task_labels row each, for filtering). */
  labels: string;
  assignee: string | null;
  assigned_to: string | null;
  /** JSON: TaskAssignment, or null. */
  assignment: string | null;
  max_retries: number;
  attempts: Generated<number>;
  timeout_ms: number | null;
  /** Migration 0015: the task's own budget in USD; null = BUDGET_TASK_USD. */
  budget_usd: number | null;
  working_directory: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  queued_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  resolved_at: string | null;
  last_run_id: string | null;
  blocked_reason: string | null;
  version: number;
}

export interface TaskLabelsTable {
  task_id: string;
  label: string;
}

/** `task_id` depends on `depends_on_id`; `position` keeps the order the dependencies were given in. */
export interface TaskDependenciesTable {
  task_id: string;
  depends_on_id: string;
  position: number;
}

export interface TaskCommentsTable {
  /** Insertion counter: the order comments are listed in. */
  seq: Generated<number>;
  id: string;
  task_id: string;
  kind: TaskCommentKind;
  author: string;
  body: string;
  created_at: string;
}

export interface TaskTimelineTable {
  /** Insertion counter: the order entries are listed in. */
  seq: Generated<number>;
  id: string;
  task_id: string;
  from_status: TaskStatus | null;
  to_status: TaskStatus;
  actor: string;
  reason: string | null;
  at: string;
  /** JSON object, or null. */
  data: string | null;
}

/** Employee memories (migration 0005); content and context are in `sealed` (AES-256-GCM). */
export interface MemoriesTable {
  seq: Generated<number>;
  id: string;
  employee_id: string;
  type: MemoryType;
  scope: MemoryScope;
  department: string;
  partition: string;
  sealed: string;
  /** JSON: string[]. */
  tags: string;
  importance: number;
  source_run_id: string | null;
  source_task_id: string | null;
  terms_count: number;
  access_count: Generated<number>;
  created_at: string;
  updated_at: string;
  last_accessed_at: string | null;
  archived_at: string | null;
}

/** One stored vector per memory; `vector` null marks a deleted memory (a tombstone for indexes). */
export interface MemoryVectorsTable {
  memory_id: string;
  partition: string;
  provider: string;
  dim: number;
  /** Little-endian float32 bytes. */
  vector: Buffer | null;
  rev: number;
}

/** The blind lexical index: keyed token hash → memory `seq`, with the term frequency. */
export interface MemoryTermsTable {
  term: string;
  partition: string;
  seq: number;
  tf: number;
  /** The memory's length in tokens (BM25 length normalization). */
  dl: number;
}

export interface MemoryTermDfTable {
  term: string;
  /** Memories containing the term (archived ones included). */
  df: number;
}

export interface MemoryMetaTable {
  key: string;
  value: string;
}

export interface MemoryCountersTable {
  name: string;
  value: number;
}

export interface StoreDatabase extends AuthTables, ScheduledJobTables, WorkflowTables, BridgeTables, ReplicaTables, GateScheduleTables, NotificationDeliveryTables {
  runs: RunsTable;
  run_events: RunEventsTable;
  jobs: JobsTable;
  employees: EmployeesTable;
  tasks: TasksTable;
  task_labels: TaskLabelsTable;
  task_dependencies: TaskDependenciesTable;
  task_comments: TaskCommentsTable;
  task_timeline: TaskTimelineTable;
  memories: MemoriesTable;
  memory_vectors: MemoryVectorsTable;
  memory_terms: MemoryTermsTable;
  memory_term_df: MemoryTermDfTable;
  memory_meta: MemoryMetaTable;
  memory_counters: MemoryCountersTable;
}
