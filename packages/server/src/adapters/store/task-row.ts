/** Mapping between the task tables (snake_case, JSON text) and the Task contracts. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import {
  taskPriorityWeights,
  type SkillId,
  type Task,
  type TaskAssignment,
  type TaskComment,
  type TaskTimelineEntry,
} from '@dash/shared';
import type { NewTask, NewTaskComment, NewTimelineEntry, TaskPatch } from '../../ports/task-repository.js';
import type { TaskCommentsTable, TasksTable, TaskTimelineTable } from './schema.js';
import { toStoredIso, toStoredIsoOrNull } from './timestamps.js';

export type TaskRow = Selectable<TasksTable>;

const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export const rowToTask = (row: TaskRow, dependsOn: readonly string[]): Task => ({
  id: row.id,
  title: row.title,
  description: row.description,
  priority: row.priority,
  status: row.status,
  requiredSkills: parseJson<SkillId[]>(row.required_skills),
  assignee: row.assignee,
  assignedTo: row.assigned_to,
  assignment: row.assignment === null ? null : parseJson<TaskAssignment>(row.assignment),
  dependsOn: [...dependsOn],
  maxRetries: row.max_retries,
  attempts: row.attempts,
  timeoutMs: row.timeout_ms,
  budgetUsd: row.budget_usd,
  workingDirectory: row.working_directory,
  labels: parseJson<string[]>(row.labels),
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  queuedAt: row.queued_at,
  startedAt: row.started_at,
  completedAt: row.completed_at,
  resolvedAt: row.resolved_at,
  lastRunId: row.last_run_id,
  blockedReason: row.blocked_reason,
  version: row.version,
});

/** A new task is at version 1, with no attempts and nothing assigned yet. */
export function newTaskToRow(task: NewTask): Insertable<TasksTable> {
  const createdAt = toStoredIso(task.createdAt);
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    priority: task.priority,
    priority_weight: taskPriorityWeights[task.priority].queue,
    status: task.status,
    required_skills: JSON.stringify(task.requiredSkills),
    labels: JSON.stringify(task.labels),
    assignee: task.assignee,
    assigned_to: null,
    assignment: null,
    max_retries: task.maxRetries,
    timeout_ms: task.timeoutMs,
    budget_usd: task.budgetUsd,
    working_directory: task.workingDirectory,
    created_by: task.createdBy,
    created_at: createdAt,
    updated_at: createdAt,
    queued_at: task.status === 'queued' ? createdAt : null,
    started_at: null,
    completed_at: null,
    resolved_at: null,
    last_run_id: null,
    blocked_reason: task.blockedReason ?? null,
    version: 1,
  };
}

/** Only keys present (and not undefined) become columns; `dependsOn` is written to its own table. */
export function taskPatchToRow(patch: TaskPatch): Updateable<TasksTable> {
  const row: Updateable<TasksTable> = {};
  if (patch.title !== undefined) row.title = patch.title;
  if (patch.description !== undefined) row.description = patch.description;
  if (patch.priority !== undefined) {
    row.priority = patch.priority;
    row.priority_weight = taskPriorityWeights[patch.priority].queue;
  }
  if (patch.requiredSkills !== undefined) row.required_skills = JSON.stringify(patch.requiredSkills);
  if (patch.labels !== undefined) row.labels = JSON.stringify(patch.labels);
  if (patch.assignee !== undefined) row.assignee = patch.assignee;
  if (patch.maxRetries !== undefined) row.max_retries = patch.maxRetries;
  if (patch.timeoutMs !== undefined) row.timeout_ms = patch.timeoutMs;
  if (patch.budgetUsd !== undefined) row.budget_usd = patch.budgetUsd;
  if (patch.workingDirectory !== undefined) row.working_directory = patch.workingDirectory;
  if (patch.assignedTo !== undefined) row.assigned_to = patch.assignedTo;
  if (patch.assignment !== undefined) row.assignment = patch.assignment === null ? null : JSON.stringify(patch.assignment);
  if (patch.attempts !== undefined) row.attempts = patch.attempts;
  if (patch.queuedAt !== undefined) row.queued_at = toStoredIsoOrNull(patch.queuedAt);
  if (patch.startedAt !== undefined) row.started_at = toStoredIsoOrNull(patch.startedAt);
  if (patch.completedAt !== undefined) row.completed_at = toStoredIsoOrNull(patch.completedAt);
  if (patch.resolvedAt !== undefined) row.resolved_at = toStoredIsoOrNull(patch.resolvedAt);
  if (patch.lastRunId !== undefined) row.last_run_id = patch.lastRunId;
  if (patch.blockedReason !== undefined) row.blocked_reason = patch.blockedReason;
  return row;
}

export const timelineEntryToRow = (id: string, taskId: string, entry: NewTimelineEntry): Insertable<TaskTimelineTable> => ({
  id,
  task_id: taskId,
  from_status: entry.from,
  to_status: entry.to,
  actor: entry.actor,
  reason: entry.reason ?? null,
  at: toStoredIso(entry.at),
  data: entry.data == null ? null : JSON.stringify(entry.data),
});

export const rowToTimelineEntry = (row: Selectable<TaskTimelineTable>): TaskTimelineEntry => ({
  id: row.id,
  taskId: row.task_id,
  from: row.from_status,
  to: row.to_status,
  actor: row.actor,
  reason: row.reason,
  at: row.at,
  data: row.data === null ? null : parseJson<Record<string, unknown>>(row.data),
});

export const commentToRow = (comment: NewTaskComment): Insertable<TaskCommentsTable> => ({
  id: comment.id,
  task_id: comment.taskId,
  kind: comment.kind,
  author: comment.author,
  body: comment.body,
  created_at: toStoredIso(comment.createdAt),
});

export const rowToComment = (row: Selectable<TaskCommentsTable>): TaskComment => ({
  id: row.id,
  taskId: row.task_id,
  kind: row.kind,
  author: row.author,
  body: row.body,
  createdAt: row.created_at,
});
