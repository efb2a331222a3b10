/**
 * Tasks: units of work an AI employee runs, with dependencies, automatic or explicit assignment
 * and the human review loop (completed → resolved, or reopened with a reason → queued again).
 *
 * Server-owned fields (status, timestamps, attempts, assignment, version …) never appear in the
 * create or update bodies, and those bodies are strict: an unknown or server-owned key is a
 * validation error, not a silent overwrite (the origin let clients set `status` and `createdAt`).
 */
import { z } from 'zod';
import { taskWorkspaceRequest } from './workspaces.js';
import { employeeId } from './employees.js';
import { skillId } from './skills.js';

// ---------------------------------------------------------------------------------------------
// Priority

export const taskPriorityIds = ['low', 'medium', 'high', 'urgent'] as const;
export const taskPriority = z.enum(taskPriorityIds);
export type TaskPriority = z.infer<typeof taskPriority>;

export interface TaskPriorityWeights {
  /** Dispatch order: a higher value is taken first (then the oldest `queuedAt`). */
  readonly queue: number;
  /**
   * How much automatic assignment favours skill match over free capacity, in [0, 1]
   * (the rest goes to free slots). Urgent and high work goes to the best-skilled employee;
   * low-priority work spreads by availability.
   */
  readonly skill: number;
}

/** The one place priority weights live (dispatch order, store index, assignment score). */
export const taskPriorityWeights: Readonly<Record<TaskPriority, TaskPriorityWeights>> = {
  low: { queue: 1, skill: 0.4 },
  medium: { queue: 2, skill: 0.6 },
  high: { queue: 3, skill: 0.8 },
  urgent: { queue: 4, skill: 0.9 },
};

// ---------------------------------------------------------------------------------------------
// Status

/**
 * Every status a task can pass through (timeline `from`/`to` use this):
 *  - `pending`: waiting for its dependencies to complete;
 *  - `queued`: ready, waiting for a free employee;
 *  - `running`: a run is executing it;
 *  - `completed`: the run succeeded, awaiting human review;
 *  - `failed`: the last run failed (the dispatcher re-queues it while attempts remain);
 *  - `cancelled`: stopped by a person (terminal);
 *  - `resolved`: a person accepted the result (terminal unless reopened);
 *  - `reopened`: transient, never stored: a person rejected the result with a reason, and the task
 *    goes straight back to `queued` (or `pending` when a dependency is no longer done). The
 *    timeline records it as two entries, `completed|resolved → reopened` and `reopened → queued`;
 *  - `blocked`: a dependency failed for good or was cancelled (`blockedReason` says which).
 */
export const taskStatusIds = [
  'pending',
  'queued',
  'running',
  'completed',
  'failed',
  'cancelled',
  'resolved',
  'reopened',
  'blocked',
] as const;
export const taskStatus = z.enum(taskStatusIds);
export type TaskStatus = z.infer<typeof taskStatus>;

/** The statuses a stored task can have: every status except the transient `reopened`. */
export const storedTaskStatus = taskStatus.exclude(['reopened']);
export type StoredTaskStatus = z.infer<typeof storedTaskStatus>;
export const storedTaskStatusIds: readonly StoredTaskStatus[] = storedTaskStatus.options;

// ---------------------------------------------------------------------------------------------
// Field rules

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 20_000;
export const TASK_SKILLS_MAX = 20;
export const TASK_LABELS_MAX = 20;
export const TASK_LABEL_MAX = 40;
export const TASK_DEPENDENCIES_MAX = 50;
export const TASK_MAX_RETRIES_MAX = 10;
export const TASK_MAX_RETRIES_DEFAULT = 2;
export const TASK_COMMENT_MAX = 20_000;
/** A task timeout is between 1 s and 7 days; null means the runtime's default. */
export const TASK_TIMEOUT_MIN_MS = 1000;
export const TASK_TIMEOUT_MAX_MS = 7 * 24 * 3600 * 1000;
/**
 * A task's own budget: what its runs may cost in all (their reported `costUsd`), in US dollars,
 * at most $10,000 and to the hundredth of a cent (agents report cost in fractions of a cent, and
 * the deployment default BUDGET_TASK_USD it overrides is as fine). Null: BUDGET_TASK_USD applies.
 */
export const TASK_BUDGET_MAX_USD = 10_000;
export const TASK_BUDGET_DECIMALS = 4;
/** How many runner-up candidates an automatic assignment keeps for display. */
export const TASK_ASSIGNMENT_CANDIDATES_MAX = 5;

export const taskId = z.string().min(1).max(100);

const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

/** Lowercase slug: `frontend`, `needs-review`, `v2`. */
export const taskLabel = z
  .string()
  .min(1)
  .max(TASK_LABEL_MAX)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a label is a lowercase slug (a-z, 0-9, single dashes)');

export const taskLabels = z
  .array(taskLabel)
  .max(TASK_LABELS_MAX)
  .refine(unique, 'labels must be unique');

export const taskRequiredSkills = z
  .array(skillId)
  .max(TASK_SKILLS_MAX)
  .refine(unique, 'required skills must be unique');

export const taskDependsOn = z
  .array(taskId)
  .max(TASK_DEPENDENCIES_MAX)
  .refine(unique, 'dependencies must be unique');

export const taskTitle = z.string().trim().min(1).max(TASK_TITLE_MAX);
export const taskDescription = z.string().min(1).max(TASK_DESCRIPTION_MAX);
export const taskMaxRetries = z.number().int().min(0).max(TASK_MAX_RETRIES_MAX);
export const taskTimeoutMs = z.number().int().min(TASK_TIMEOUT_MIN_MS).max(TASK_TIMEOUT_MAX_MS);
export const taskWorkingDirectory = z.string().min(1).max(4096);
export const taskBudgetUsd = z
  .number()
  .positive()
  .max(TASK_BUDGET_MAX_USD)
  .refine((n) => Number(n.toFixed(TASK_BUDGET_DECIMALS)) === n, `at most ${TASK_BUDGET_DECIMALS} decimal places (a hundredth of a cent)`);

// ---------------------------------------------------------------------------------------------
// Assignment

export const assignmentMode = z.enum(['explicit', 'automatic']);
export type AssignmentMode = z.infer<typeof assignmentMode>;

const unitInterval = z.number().min(0).max(1);

/** Each part is in [0, 1]; `total` is the weighted sum (see domain/tasks/assignment-score.ts). */
export const assignmentScore = z.object({
  /** Fraction of the required skills the employee has (1 when the task requires none). */
  skillMatch: unitInterval,
  /** Free slots / max slots at decision time. */
  freeSlots: unitInterval,
  /** The skill weight of the task's priority (`taskPriorityWeights[p].skill`). */
  priorityWeight: unitInterval,
  /** Recent run success rate; 0.5 (neutral) when the employee has no finished runs. */
  successRate: unitInterval,
  total: unitInterval,
});
export type AssignmentScore = z.infer<typeof assignmentScore>;

export const assignmentCandidate = z.object({ employeeId: z.string(), total: unitInterval });
export type AssignmentCandidate = z.infer<typeof assignmentCandidate>;

export const taskAssignment = z.object({
  mode: assignmentMode,
  /** The chosen employee's score; null for an explicit assignment that was not scored. */
  score: assignmentScore.nullable(),
  /** The best few candidates considered, best first (the chosen one included). */
  candidates: z.array(assignmentCandidate).max(TASK_ASSIGNMENT_CANDIDATES_MAX),
  decidedAt: z.string(),
});
export type TaskAssignment = z.infer<typeof taskAssignment>;

// ---------------------------------------------------------------------------------------------
// Task

export const task = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  priority: taskPriority,
  status: storedTaskStatus,
  requiredSkills: z.array(skillId),
  /** The employee asked for (explicit), or null for automatic assignment. */
  assignee: z.string().nullable(),
  /** The employee chosen for the current or last attempt; null until assigned. */
  assignedTo: z.string().nullable(),
  assignment: taskAssignment.nullable(),
  /** Ids of the tasks that must complete (or be resolved) before this one is queued. */
  dependsOn: z.array(z.string()),
  maxRetries: z.number().int().min(0),
  /** Runs started for this task since it was created or last reopened. */
  attempts: z.number().int().min(0),
  timeoutMs: z.number().int().nullable(),
  /** The task's own budget in USD over all its runs; null: the deployment default (BUDGET_TASK_USD). */
  budgetUsd: z.number().positive().nullable(),
  workingDirectory: z.string().nullable(),
  labels: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  queuedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  lastRunId: z.string().nullable(),
  blockedReason: z.string().nullable(),
  /** Bumped by every write; updates must name the version they read (409 TASK_VERSION_CONFLICT). */
  version: z.number().int().min(1),
});
export type Task = z.infer<typeof task>;

// ---------------------------------------------------------------------------------------------
// Request bodies

export const createTaskBody = z
  .object({
    title: taskTitle,
    description: taskDescription,
    priority: taskPriority.default('medium'),
    requiredSkills: taskRequiredSkills.default([]),
    labels: taskLabels.default([]),
    assignee: employeeId.nullable().default(null),
    dependsOn: taskDependsOn.default([]),
    maxRetries: taskMaxRetries.default(TASK_MAX_RETRIES_DEFAULT),
    timeoutMs: taskTimeoutMs.nullable().default(null),
    budgetUsd: taskBudgetUsd.nullable().default(null),
    workingDirectory: taskWorkingDirectory.nullable().default(null),
    /** An isolated git worktree for the task (docs/workspaces-and-approvals.md). */
    workspace: taskWorkspaceRequest.optional(),
  })
  .strict();
export type CreateTaskBody = z.infer<typeof createTaskBody>;
export type CreateTaskInput = z.input<typeof createTaskBody>;

/**
 * Partial update of the allow-listed fields, with the version the client last read.
 * `dependsOn` may change only while the task is pending, queued or blocked, and nothing may change
 * on a cancelled task (409 TASK_NOT_EDITABLE, domain/tasks/task-edit-rules.ts).
 */
export const updateTaskBody = z
  .object({
    version: z.number().int().min(1),
    title: taskTitle.optional(),
    description: taskDescription.optional(),
    priority: taskPriority.optional(),
    requiredSkills: taskRequiredSkills.optional(),
    labels: taskLabels.optional(),
    assignee: employeeId.nullable().optional(),
    maxRetries: taskMaxRetries.optional(),
    timeoutMs: taskTimeoutMs.nullable().optional(),
    budgetUsd: taskBudgetUsd.nullable().optional(),
    workingDirectory: taskWorkingDirectory.nullable().optional(),
    dependsOn: taskDependsOn.optional(),
  })
  .strict();
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

/** The fields a person may edit, as named in `updateTaskBody` (without `version`). */
export const taskEditableFields = [
  'title',
  'description',
  'priority',
  'requiredSkills',
  'labels',
  'assignee',
  'maxRetries',
  'timeoutMs',
  'budgetUsd',
  'workingDirectory',
  'dependsOn',
] as const satisfies ReadonlyArray<keyof UpdateTaskBody>;
export type TaskEditableField = (typeof taskEditableFields)[number];

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

export const TASK_LIST_LIMIT_DEFAULT = 50;
export const TASK_LIST_LIMIT_MAX = 200;

/** `GET /api/tasks`: newest first; `status` and `priority` take comma-separated lists. */
export const listTasksQuery = z
  .object({
    status: commaList(storedTaskStatus).optional(),
    priority: commaList(taskPriority).optional(),
    /** Tasks assigned to this employee or explicitly asked of them. */
    employee: employeeId.optional(),
    label: taskLabel.optional(),
    /** Case-insensitive substring of the title or description. */
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(TASK_LIST_LIMIT_MAX).default(TASK_LIST_LIMIT_DEFAULT),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export const taskList = z.object({ items: z.array(task), nextCursor: z.string().nullable() });
export type TaskList = z.infer<typeof taskList>;

export const taskIdParams = z.object({ id: taskId }).strict();

/** Task counts per stored status (every status present, 0 when none). */
export const taskCounts = z.record(storedTaskStatus, z.number().int().min(0));
export type TaskCounts = z.infer<typeof taskCounts>;

// ---------------------------------------------------------------------------------------------
// Comments and timeline

/**
 * `general`: anyone's note; `resolution`: written when a person resolves the task;
 * `reopen_reason`: the reason given when reopening; `system`: written by the server.
 */
export const taskCommentKind = z.enum(['general', 'resolution', 'reopen_reason', 'system']);
export type TaskCommentKind = z.infer<typeof taskCommentKind>;

export const taskComment = z.object({
  id: z.string(),
  taskId: z.string(),
  kind: taskCommentKind,
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type TaskComment = z.infer<typeof taskComment>;

export const taskCommentBody = z.object({ body: z.string().trim().min(1).max(TASK_COMMENT_MAX) }).strict();
export type TaskCommentBody = z.infer<typeof taskCommentBody>;

/** One status change. `from` is null for the creation entry. */
export const taskTimelineEntry = z.object({
  id: z.string(),
  taskId: z.string(),
  from: taskStatus.nullable(),
  to: taskStatus,
  /** Who caused it: a user id, or `system` / `dispatcher` for the server. */
  actor: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  /** Extra facts (run id, assignee, the failed dependency …); null when there are none. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TaskTimelineEntry = z.infer<typeof taskTimelineEntry>;

// ---------------------------------------------------------------------------------------------
// Human review

export const resolveTaskBody = z
  .object({ comment: z.string().trim().min(1).max(TASK_COMMENT_MAX).optional() })
  .strict();
export type ResolveTaskBody = z.infer<typeof resolveTaskBody>;

/**
 * The reason is required, but a missing or blank one is refused by the domain with the stable
 * 409 TASK_REOPEN_REASON_REQUIRED (not a generic 400), so the schema lets it through.
 */
export const reopenTaskBody = z
  .object({
    reason: z.string().max(TASK_COMMENT_MAX).optional(),
    /** Hand the task to this employee on its next attempt (null: back to automatic). */
    reassignTo: employeeId.nullable().optional(),
  })
  .strict();
export type ReopenTaskBody = z.infer<typeof reopenTaskBody>;
